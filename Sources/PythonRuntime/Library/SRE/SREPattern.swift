/// `re.Pattern` (`PatternObject` in Modules/_sre/sre.c): a compiled pattern made by
/// `_sre.compile`, with the methods that run the matcher over a string: match,
/// fullmatch, search, findall, finditer, scanner, split, sub and subn.
package final class SREPattern: PyObject {
    package static let pyClass = PyClass(name: "Pattern", bases: [BuiltinTypes.object], module: "re")
    package override var pyClass: PyClass { Self.pyClass }

    /// The source string (or None for a pattern `re.Scanner` built from parts).
    package let pattern: Value
    /// `isbytes`: whether the pattern is bytes-like (nil for a None pattern, which
    /// matches either kind of string).
    package let isBytes: Bool?
    package let flags: Int
    package let code: [UInt32]
    /// The number of capturing groups.
    package let groups: Int
    /// Group names to numbers, and numbers to names (None where unnamed).
    package let groupindex: PyDict
    package let indexgroup: [Value]

    package init(pattern: Value, isBytes: Bool?, flags: Int, code: [UInt32], groups: Int, groupindex: PyDict, indexgroup: [Value]) {
        self.pattern = pattern
        self.isBytes = isBytes
        self.flags = flags
        self.code = code
        self.groups = groups
        self.groupindex = groupindex
        self.indexgroup = indexgroup
    }

    /// The code points of the last string this pattern matched, as programs match the
    /// same string again and again (`search(s, pos)` in a loop).
    private var lastText: (String, [UInt32])?

    /// `getstring`: the code points of a str, or the bytes of a bytes-like object (bytes,
    /// bytearray, memoryview), and which it was.
    package func characters(_ v: Value, _ vm: Interpreter) throws -> (text: [UInt32], isBytes: Bool) {
        if case .str(let s) = v {
            // Equal code points, not Swift's `==` (canonical equivalence would take the
            // code points of 'e\u{301}' for 'é').
            if let last = lastText, CodePoints.equal(last.0, s) { return (last.1, false) }
            let text = s.unicodeScalars.map(\.value)
            lastText = (s, text)
            return (text, false)
        }
        guard let bytes = v.byteValues else {
            throw vm.typeError("expected string or bytes-like object, got '\(v.typeName)'")
        }
        return (bytes.map { UInt32($0) }, true)
    }

    /// A new state over `string` from `pos` to `endpos` (`state_init`): a str pattern
    /// matches only strs, a bytes pattern only bytes-like objects.
    package func state(_ string: Value, _ pos: Int, _ endpos: Int, _ vm: Interpreter) throws -> SREState {
        let (text, stringIsBytes) = try characters(string, vm)
        if stringIsBytes, isBytes == false { throw vm.typeError("cannot use a string pattern on a bytes-like object") }
        if !stringIsBytes, isBytes == true { throw vm.typeError("cannot use a bytes pattern on a string-like object") }
        return SREState(text: text, isBytes: stringIsBytes, code: code, groups: groups, pos: pos, endpos: endpos)
    }

    /// `pattern_error`: what a negative status from the matcher means.
    package static func error(_ status: Int, _ vm: Interpreter) -> Error {
        switch status {
        case -3: return PythonError(vm.makeException(BuiltinTypes.recursionError, "maximum recursion limit exceeded"))
        case -9: return PythonError(vm.makeException(BuiltinTypes.memoryError))
        default: return PythonError(vm.makeException(BuiltinTypes.runtimeError, "internal error in regular expression engine"))
        }
    }

    /// `pattern_new_match`: the Match of a state that matched (`status` 1), or None.
    package func newMatch(_ string: Value, _ state: SREState, _ status: Int, _ vm: Interpreter) throws -> Value {
        if status < 0 { throw Self.error(status, vm) }
        guard status > 0 else { return .none }
        var marks = Array(repeating: -1, count: 2 * (groups + 1))
        marks[0] = state.start
        marks[1] = state.ptr
        for g in 1...max(groups, 1) where g <= groups {
            if let (a, b) = state.groupSpan(g) {
                marks[2 * g] = a
                marks[2 * g + 1] = b
            }
        }
        return .object(SREMatch(pattern: self, string: string, text: state.text, isBytes: state.isBytes, marks: marks,
                                pos: state.pos, endpos: state.endpos, lastindex: state.lastindex))
    }

    /// `getslice`: the slice of `text` from `a` to `b` as a str, or as bytes when the
    /// subject is bytes-like (whatever its type: a bytearray's groups are bytes).
    package static func slice(_ text: [UInt32], _ a: Int, _ b: Int, isBytes: Bool) -> Value {
        if isBytes { return .object(PyBytes(text[a..<max(a, b)].map { UInt8(truncatingIfNeeded: $0) })) }
        var view = String.UnicodeScalarView()
        for v in text[a..<max(a, b)] { view.append(Unicode.Scalar(v) ?? "\u{FFFD}") }
        return .str(String(view))
    }

    /// `state_getslice`: group `index`'s text; "" (`empty`) or None where it did not
    /// take part in the match.
    package static func groupSlice(_ state: SREState, _ index: Int, empty: Bool) -> Value {
        guard let (a, b) = state.groupSpan(index) else {
            return empty ? slice(state.text, 0, 0, isBytes: state.isBytes) : .none
        }
        return slice(state.text, a, b, isBytes: state.isBytes)
    }

    // MARK: The methods

    /// An index argument (`pos`, `endpos`, `maxsplit`, `count`): an int or an object
    /// with `__index__`; big ints clamp as `Py_ssize_t` conversion with clamping does.
    package static func index(_ v: Value, default value: Int, _ vm: Interpreter) throws -> Int {
        if v.isNone { return value }
        guard let i = try vm.pythonIndex(v) else {
            throw vm.typeError("'\(v.typeName)' object cannot be interpreted as an integer")
        }
        if case .int(let n) = i.asIntValue { return n }
        if let big = i.bigInteger { return big.sign == .minus ? Int.min : Int.max }
        return value
    }

    /// `(string, pos=0, endpos=sys.maxsize)`: the arguments of match, search, findall, ...
    private static let stringPosEndpos = NativeSignature.clinic(positionalOnly: 0, positionalOrKeyword: ["string", "pos", "endpos"], keywordOnly: [])

    private static func stringArguments(_ name: String, _ args: MethodArguments, _ vm: Interpreter) throws -> (Value, Int, Int) {
        guard args.count > 0 else { throw vm.typeError("\(name)() missing required argument 'string' (pos 1)") }
        let pos = args.count > 1 ? try index(args[1], default: 0, vm) : 0
        let endpos = args.count > 2 ? try index(args[2], default: Int.max, vm) : Int.max
        return (args[0], pos, endpos)
    }

    package override class var nativeMethods: [String: PyBuiltin]? { methods }

    private static let methods: [String: PyBuiltin] = {
        typealias Body = (SREPattern, Interpreter, MethodArguments, [(String, Value)]) throws -> Value
        func m(_ name: String, _ signature: NativeSignature, _ body: @escaping Body) -> (String, PyBuiltin) {
            (name, PyBuiltin.method(name, of: SREPattern.self, owner: "Pattern", signature, body))
        }
        /// match, fullmatch and search.
        func matcher(_ name: String) -> (String, PyBuiltin) {
            m(name, stringPosEndpos) { p, vm, args, _ in
                let (string, pos, endpos) = try stringArguments(name, args, vm)
                let state = try p.state(string, pos, endpos, vm)
                let status: Int
                if name == "search" {
                    status = state.search()
                } else {
                    state.matchAll = name == "fullmatch"
                    state.ptr = state.start
                    status = state.match(0, toplevel: true)
                }
                return try p.newMatch(string, state, status, vm)
            }
        }
        return Dictionary(uniqueKeysWithValues: [
            matcher("match"), matcher("fullmatch"), matcher("search"),
            m("findall", stringPosEndpos) { p, vm, args, _ in
                let (string, pos, endpos) = try stringArguments("findall", args, vm)
                return .object(PyList(try p.findall(try p.state(string, pos, endpos, vm), vm)))
            },
            m("finditer", stringPosEndpos) { p, vm, args, _ in
                let (string, pos, endpos) = try stringArguments("finditer", args, vm)
                let scanner = SREScanner(pattern: p, string: string, state: try p.state(string, pos, endpos, vm))
                // iter(scanner.search, None), as CPython's finditer makes it.
                return .object(PyIterator(.stepper { vm in
                    let m = try scanner.next(search: true, vm)
                    return m.isNone ? nil : m
                }))
            },
            m("scanner", stringPosEndpos) { p, vm, args, _ in
                let (string, pos, endpos) = try stringArguments("scanner", args, vm)
                return .object(SREScanner(pattern: p, string: string, state: try p.state(string, pos, endpos, vm)))
            },
            m("split", .clinic(positionalOnly: 0, positionalOrKeyword: ["string", "maxsplit"], keywordOnly: [])) { p, vm, args, _ in
                guard args.count > 0 else { throw vm.typeError("split() missing required argument 'string' (pos 1)") }
                let maxsplit = args.count > 1 ? try index(args[1], default: 0, vm) : 0
                return .object(PyList(try p.split(args[0], maxsplit: maxsplit, vm)))
            },
            m("sub", .clinic(positionalOnly: 0, positionalOrKeyword: ["repl", "string", "count"], keywordOnly: [])) { p, vm, args, _ in
                try p.subx(args, subn: false, vm)
            },
            m("subn", .clinic(positionalOnly: 0, positionalOrKeyword: ["repl", "string", "count"], keywordOnly: [])) { p, vm, args, _ in
                try p.subx(args, subn: true, vm)
            },
            m("__copy__", .noArguments) { p, _, _, _ in .object(p) },
            m("__deepcopy__", .oneArgument) { p, _, _, _ in .object(p) },
        ])
    }()

    package override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        switch name {
        case "pattern": return pattern
        case "flags": return .int(flags)
        case "groups": return .int(groups)
        // CPython gives a read-only mappingproxy of the dict; here it is a copy.
        case "groupindex":
            let copy = PyDict()
            for (k, v) in groupindex.entries { copy.set(k, v) }
            return .object(copy)
        default: return nil
        }
    }

    /// `pattern_findall`.
    package func findall(_ state: SREState, _ vm: Interpreter) throws -> [Value] {
        var list: [Value] = []
        while state.start <= state.end {
            state.reset()
            state.ptr = state.start
            let status = state.search()
            if status < 0 { throw Self.error(status, vm) }
            if status == 0 { break }
            // don't bother to build a match object
            switch groups {
            case 0: list.append(Self.slice(state.text, state.start, state.ptr, isBytes: state.isBytes))
            case 1: list.append(Self.groupSlice(state, 1, empty: true))
            default: list.append(.object(PyTuple((1...groups).map { Self.groupSlice(state, $0, empty: true) })))
            }
            state.mustAdvance = state.ptr == state.start
            state.start = state.ptr
        }
        return list
    }

    /// `pattern_split`.
    package func split(_ string: Value, maxsplit: Int, _ vm: Interpreter) throws -> [Value] {
        let state = try self.state(string, 0, Int.max, vm)
        var list: [Value] = []
        var n = 0
        var last = state.start
        while maxsplit == 0 || n < maxsplit {  // a negative maxsplit splits nothing, as in C
            state.reset()
            state.ptr = state.start
            let status = state.search()
            if status < 0 { throw Self.error(status, vm) }
            if status == 0 { break }
            // get segment before this match
            list.append(Self.slice(state.text, last, state.start, isBytes: state.isBytes))
            // add groups (if any)
            for i in 0..<groups { list.append(Self.groupSlice(state, i + 1, empty: false)) }
            n += 1
            state.mustAdvance = state.ptr == state.start
            state.start = state.ptr
            last = state.start
        }
        // get segment following last match (even if empty)
        list.append(Self.slice(state.text, last, state.endpos, isBytes: state.isBytes))
        return list
    }

    /// `pattern_subx`: sub and subn, with a str template (literal, or expanded by
    /// `re._subx`) or a function of the Match.
    package func subx(_ args: MethodArguments, subn: Bool, _ vm: Interpreter) throws -> Value {
        let name = subn ? "subn" : "sub"
        guard args.count > 0 else { throw vm.typeError("\(name)() missing required argument 'repl' (pos 1)") }
        guard args.count > 1 else { throw vm.typeError("\(name)() missing required argument 'string' (pos 2)") }
        let repl = args[0], string = args[1]
        let count = args.count > 2 ? try Self.index(args[2], default: 0, vm) : 0
        var filter = repl
        var filterIsCallable = vm.isCallable(repl)
        if !filterIsCallable {
            // if not callable, check if it's a literal string
            var literal = false
            if case .str(let template) = repl {
                literal = !template.unicodeScalars.contains("\\")
            } else if let template = repl.byteValues {
                literal = !template.contains(UInt8(ascii: "\\"))
            }
            if !literal {
                // not a literal; hand it over to the template compiler
                let re = try vm.importModule("re")
                guard let subxFunction = re.attributes["_subx"] else {
                    throw vm.attributeError("module 're' has no attribute '_subx'")
                }
                filter = try vm.callNow(subxFunction, [.object(self), repl])
                filterIsCallable = vm.isCallable(filter)
            }
        }
        let state = try self.state(string, 0, Int.max, vm)
        var pieces: [Value] = []
        var n = 0
        var i = 0
        while count == 0 || n < count {  // a negative count replaces nothing, as in C
            state.reset()
            state.ptr = state.start
            let status = state.search()
            if status < 0 { throw Self.error(status, vm) }
            if status == 0 { break }
            let b = state.start, e = state.ptr
            // get segment before this match
            if i < b { pieces.append(Self.slice(state.text, i, b, isBytes: state.isBytes)) }
            let item = filterIsCallable ? try vm.callNow(filter, [try newMatch(string, state, 1, vm)]) : filter
            if !item.isNone { pieces.append(item) }
            i = e
            n += 1
            state.mustAdvance = state.ptr == state.start
            state.start = state.ptr
        }
        // get segment following last match
        if i < state.endpos { pieces.append(Self.slice(state.text, i, state.endpos, isBytes: state.isBytes)) }
        // join_list: "".join(list) or b"".join(list), with their complaints about an item
        // of the other kind.
        let joined: Value
        if state.isBytes {
            var bytes: [UInt8] = []
            for (k, piece) in pieces.enumerated() {
                guard let b = piece.byteValues else {
                    throw vm.typeError("sequence item \(k): expected a bytes-like object, \(piece.typeName) found")
                }
                bytes += b
            }
            joined = .object(PyBytes(bytes))
        } else {
            var text = ""
            for (k, piece) in pieces.enumerated() {
                guard case .str(let s) = piece else {
                    throw vm.typeError("sequence item \(k): expected str instance, \(piece.typeName) found")
                }
                text += s
            }
            joined = .str(text)
        }
        return subn ? .object(PyTuple([joined, .int(n)])) : joined
    }

    // MARK: repr, ==, hash

    /// `pattern_repr`: `re.compile('a+', re.IGNORECASE)`.
    package override func pythonRepr(_ vm: Interpreter) throws -> String? {
        let flagNames: [(String, Int)] = [
            ("re.TEMPLATE", SREConstants.SRE_FLAG_TEMPLATE), ("re.IGNORECASE", SREConstants.SRE_FLAG_IGNORECASE),
            ("re.LOCALE", SREConstants.SRE_FLAG_LOCALE), ("re.MULTILINE", SREConstants.SRE_FLAG_MULTILINE),
            ("re.DOTALL", SREConstants.SRE_FLAG_DOTALL), ("re.UNICODE", SREConstants.SRE_FLAG_UNICODE),
            ("re.VERBOSE", SREConstants.SRE_FLAG_VERBOSE), ("re.DEBUG", SREConstants.SRE_FLAG_DEBUG),
            ("re.ASCII", SREConstants.SRE_FLAG_ASCII),
        ]
        // %.200U: at most 200 characters of the pattern's repr.
        let patternRepr = String(String.UnicodeScalarView(try vm.repr(pattern).unicodeScalars.prefix(200)))
        var flags = self.flags
        // Omit re.UNICODE for valid string patterns.
        let mask = SREConstants.SRE_FLAG_LOCALE | SREConstants.SRE_FLAG_UNICODE | SREConstants.SRE_FLAG_ASCII
        if case .str = pattern, flags & mask == SREConstants.SRE_FLAG_UNICODE { flags &= ~SREConstants.SRE_FLAG_UNICODE }
        var items: [String] = []
        for (name, value) in flagNames where flags & value != 0 {
            items.append(name)
            flags &= ~value
        }
        if flags != 0 { items.append("0x" + String(flags, radix: 16)) }
        return items.isEmpty ? "re.compile(\(patternRepr))" : "re.compile(\(patternRepr), \(items.joined(separator: "|")))"
    }

    /// `pattern_richcompare`'s equality: the same flags, code and pattern.
    package func isEqual(to other: SREPattern, _ vm: Interpreter) throws -> Bool {
        if self === other { return true }
        guard flags == other.flags, code == other.code else { return false }
        return try vm.equals(pattern, other.pattern)
    }

    /// `pattern_hash`: the pattern's hash mixed with the code's and the flags.
    package func hash(_ vm: Interpreter) throws -> Int {
        var h = try vm.pythonHash(pattern)
        // FNV-1a over the code words: the same in every run (Hasher's seed is not).
        var codeHash: UInt64 = 0xcbf2_9ce4_8422_2325
        for word in code { codeHash = (codeHash ^ UInt64(word)) &* 0x100_0000_01b3 }
        h ^= Int(bitPattern: UInt(codeHash))
        h ^= flags
        return h == -1 ? -2 : h
    }
}
