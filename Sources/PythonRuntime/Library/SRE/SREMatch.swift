/// `re.Match` (`MatchObject` in Modules/_sre/sre.c): the spans a successful match
/// found, with group, groups, groupdict, start, end, span, expand, `m[g]`, and the
/// attributes pos, endpos, lastindex, lastgroup, re, string and regs.
package final class SREMatch: PyObject {
    package static let pyClass = PyClass(name: "Match", bases: [BuiltinTypes.object], module: "re")
    package override var pyClass: PyClass { Self.pyClass }

    package let pattern: SREPattern
    package let string: Value
    package let text: [UInt32]
    /// The subject is bytes-like: groups are bytes.
    package let isBytes: Bool
    /// `mark[2*g]`, `mark[2*g+1]`: the span of group g (group 0 is the whole match);
    /// -1 where the group did not take part.
    package let marks: [Int]
    package let pos: Int
    package let endpos: Int
    package let lastindex: Int

    package init(pattern: SREPattern, string: Value, text: [UInt32], isBytes: Bool, marks: [Int], pos: Int, endpos: Int, lastindex: Int) {
        self.pattern = pattern
        self.string = string
        self.text = text
        self.isBytes = isBytes
        self.marks = marks
        self.pos = pos
        self.endpos = endpos
        self.lastindex = lastindex
    }

    /// The number of groups counting group 0.
    package var groupCount: Int { marks.count / 2 }

    /// `match_getindex`: a group number, or a group name through the pattern's
    /// groupindex; IndexError for anything else.
    package func groupIndex(_ index: Value, _ vm: Interpreter) throws -> Int {
        var i = -1
        if let number = try vm.pythonIndex(index) {
            if case .int(let n) = number.asIntValue { i = n }
        } else if let found = try groupindexLookup(index, vm), case .int(let n) = found.asIntValue {
            i = n
        }
        guard i >= 0 && i < groupCount else {
            throw PythonError(vm.makeException(BuiltinTypes.indexError, "no such group"))
        }
        return i
    }

    private func groupindexLookup(_ key: Value, _ vm: Interpreter) throws -> Value? {
        guard key.isHashable else { throw vm.typeError("unhashable type: '\(key.typeName)'") }
        return pattern.groupindex.get(key)
    }

    /// `match_getslice_by_index`: group i's text, or `def` where it did not match.
    package func slice(_ i: Int, _ def: Value) -> Value {
        guard marks[2 * i] >= 0 else { return def }
        return SREPattern.slice(text, marks[2 * i], marks[2 * i + 1], isBytes: isBytes)
    }

    /// `match_getslice`.
    package func group(_ index: Value, _ def: Value, _ vm: Interpreter) throws -> Value {
        slice(try groupIndex(index, vm), def)
    }

    /// The group argument of start, end and span (default 0).
    private func groupArgument(_ args: MethodArguments, _ vm: Interpreter) throws -> Int {
        args.count == 0 ? 0 : try groupIndex(args[0], vm)
    }

    package override class var nativeMethods: [String: PyBuiltin]? { methods }

    private static let methods: [String: PyBuiltin] = {
        typealias Body = (SREMatch, Interpreter, MethodArguments, [(String, Value)]) throws -> Value
        func m(_ name: String, _ signature: NativeSignature, _ body: @escaping Body) -> (String, PyBuiltin) {
            (name, PyBuiltin.method(name, of: SREMatch.self, owner: "Match", signature, body))
        }
        let defaultArgument = NativeSignature.clinic(positionalOnly: 0, positionalOrKeyword: ["default"], keywordOnly: [])
        return Dictionary(uniqueKeysWithValues: [
            m("group", .positional(min: 0, max: Int.max)) { match, vm, args, _ in
                switch args.count {
                case 0: return match.slice(0, .none)
                case 1: return try match.group(args[0], .none, vm)
                default: return .object(PyTuple(try args.array.map { try match.group($0, .none, vm) }))
                }
            },
            m("__getitem__", .oneArgument) { match, vm, args, _ in try match.group(args[0], .none, vm) },
            m("groups", defaultArgument) { match, _, args, _ in
                let def = args.count > 0 ? args[0] : .none
                return .object(PyTuple((1..<match.groupCount).map { match.slice($0, def) }))
            },
            m("groupdict", defaultArgument) { match, vm, args, _ in
                let def = args.count > 0 ? args[0] : .none
                let dict = PyDict()
                for (key, _) in match.pattern.groupindex.entries {
                    dict.set(key, try match.group(key, def, vm))
                }
                return .object(dict)
            },
            m("start", .positional(min: 0, max: 1)) { match, vm, args, _ in
                .int(match.marks[2 * (try match.groupArgument(args, vm))])
            },
            m("end", .positional(min: 0, max: 1)) { match, vm, args, _ in
                .int(match.marks[2 * (try match.groupArgument(args, vm)) + 1])
            },
            m("span", .positional(min: 0, max: 1)) { match, vm, args, _ in
                let i = try match.groupArgument(args, vm)
                return .object(PyTuple([.int(match.marks[2 * i]), .int(match.marks[2 * i + 1])]))
            },
            m("expand", .clinic(positionalOnly: 0, positionalOrKeyword: ["template"], keywordOnly: [])) { match, vm, args, _ in
                guard args.count > 0 else { throw vm.typeError("expand() missing required argument 'template' (pos 1)") }
                // re._expand(pattern, match, template), as CPython's match_expand calls it.
                let re = try vm.importModule("re")
                guard let expand = re.attributes["_expand"] else {
                    throw vm.attributeError("module 're' has no attribute '_expand'")
                }
                return try vm.callNow(expand, [.object(match.pattern), .object(match), args[0]])
            },
            m("__copy__", .noArguments) { match, _, _, _ in .object(match) },
            m("__deepcopy__", .oneArgument) { match, _, _, _ in .object(match) },
        ])
    }()

    package override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        switch name {
        case "pos": return .int(pos)
        case "endpos": return .int(endpos)
        case "lastindex": return lastindex >= 0 ? .int(lastindex) : Value.none
        case "lastgroup":
            guard lastindex >= 0, lastindex < pattern.indexgroup.count else { return .none }
            return pattern.indexgroup[lastindex]
        case "re": return .object(pattern)
        case "string": return string
        case "regs":
            return .object(PyTuple((0..<groupCount).map { .object(PyTuple([.int(marks[2 * $0]), .int(marks[2 * $0 + 1])])) }))
        default: return nil
        }
    }

    /// `m[g]`: `m.group(g)`.
    package override func nativeGetItem(_ key: Value, _ vm: Interpreter) throws -> Value? {
        try group(key, .none, vm)
    }

    /// `match_repr`: `<re.Match object; span=(0, 3), match='abc'>`, the match's repr cut
    /// at 50 characters (`%.50R`).
    package override func pythonRepr(_ vm: Interpreter) throws -> String? {
        let matched = try vm.repr(slice(0, .none))
        let shown = String(String.UnicodeScalarView(matched.unicodeScalars.prefix(50)))
        return "<re.Match object; span=(\(marks[0]), \(marks[1])), match=\(shown)>"
    }
}

/// `SRE_Scanner` (`pattern.scanner(string)`): a state that `match()` and `search()`
/// step through the string, each call going on where the last match ended; finditer is
/// its search as an iterator.
package final class SREScanner: PyObject {
    package static let pyClass = PyClass(name: "SRE_Scanner", bases: [BuiltinTypes.object], module: "_sre")
    package override var pyClass: PyClass { Self.pyClass }

    package let pattern: SREPattern
    package let string: Value
    package let state: SREState
    /// `state->start == NULL`: the scanner is exhausted.
    private var exhausted = false

    package init(pattern: SREPattern, string: Value, state: SREState) {
        self.pattern = pattern
        self.string = string
        self.state = state
    }

    /// `scanner_match` / `scanner_search`: the next Match, or None.
    package func next(search: Bool, _ vm: Interpreter) throws -> Value {
        if exhausted { return .none }
        state.reset()
        state.ptr = state.start
        let status = search ? state.search() : state.match(0, toplevel: true)
        let match = try pattern.newMatch(string, state, status, vm)
        if status == 0 {
            exhausted = true
        } else {
            state.mustAdvance = state.ptr == state.start
            state.start = state.ptr
        }
        return match
    }

    package override class var nativeMethods: [String: PyBuiltin]? { methods }

    private static let methods: [String: PyBuiltin] = [
        "match": PyBuiltin.method("match", of: SREScanner.self, owner: "SRE_Scanner") { s, vm, _, _ in try s.next(search: false, vm) },
        "search": PyBuiltin.method("search", of: SREScanner.self, owner: "SRE_Scanner") { s, vm, _, _ in try s.next(search: true, vm) },
    ]

    package override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        name == "pattern" ? .object(pattern) : nil
    }
}
