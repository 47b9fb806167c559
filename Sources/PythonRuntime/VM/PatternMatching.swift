/// `match` statements (PEP 634, CPython's `ceval.c` MATCH_* opcodes): does a subject
/// match a `case` pattern, and what does it capture.
extension Interpreter {
    /// The captured values in `pattern.names` order, or nil when the subject does not match.
    package func match(_ pattern: MatchPattern, _ subject: Value, _ values: [Value]) throws -> [Value]? {
        var bindings: [String: Value] = [:]
        guard try match(pattern.root, subject, values, &bindings) else { return nil }
        return pattern.names.map { bindings[$0] ?? .none }
    }

    private func match(_ node: MatchPattern.Node, _ subject: Value, _ values: [Value],
                       _ bindings: inout [String: Value]) throws -> Bool {
        switch node {
        case .value(let i):
            return try equals(subject, values[i])
        case .singleton(let i):
            return subject.isIdentical(to: values[i])
        case .capture(let name), .star(let name):
            if let name { bindings[name] = subject }
            return true
        case .sequence(let patterns):
            return try matchSequence(patterns, subject, values, &bindings)
        case let .mapping(keys, patterns, rest):
            guard case .object(let o) = subject, let dict = o as? PyDict else { return false }
            var seen: [Value] = []
            for (k, p) in zip(keys, patterns) {
                let key = values[k]
                if try seen.contains(where: { try equals($0, key) }) {
                    throw PythonError(makeException(BuiltinTypes.valueError, "mapping pattern checks duplicate key (\(try repr(key)))"))
                }
                seen.append(key)
                guard let v = dict.get(key), try match(p, v, values, &bindings) else { return false }
            }
            if let rest {
                let remaining = PyDict()
                for (k, v) in dict.entries where !(try seen.contains { try equals($0, k) }) { remaining.set(k, v) }
                bindings[rest] = .object(remaining)
            }
            return true
        case let .classPattern(clsIndex, positional, keywords):
            guard case .object(let o) = values[clsIndex], let cls = o as? PyClass else {
                throw typeError("called match pattern must be a class")
            }
            guard try isInstance(subject, values[clsIndex]) else { return false }
            var attributes: [(String?, MatchPattern.Node)] = []
            if !positional.isEmpty {
                if Self.selfMatchingClasses.contains(where: { cls.isSubclass(of: $0) }) && cls.lookup("__match_args__") == nil {
                    guard positional.count == 1 else {
                        throw typeError("\(cls.name)() accepts 1 positional sub-pattern (\(positional.count) given)")
                    }
                    attributes.append((nil, positional[0]))
                } else {
                    var matchArgs: [Value] = []
                    if cls.lookup("__match_args__") != nil {
                        let v = try getAttribute(.object(cls), "__match_args__")
                        guard case .object(let t as PyTuple) = v else {
                            throw typeError("\(cls.name).__match_args__ must be a tuple (got \(v.typeName))")
                        }
                        matchArgs = t.items
                    }
                    guard positional.count <= matchArgs.count else {
                        let n = matchArgs.count
                        throw typeError("\(cls.name)() accepts \(n) positional sub-pattern\(n == 1 ? "" : "s") (\(positional.count) given)")
                    }
                    for (name, p) in zip(matchArgs, positional) {
                        guard case .str(let attribute) = name else {
                            throw typeError("__match_args__ elements must be strings (got \(name.typeName))")
                        }
                        attributes.append((attribute, p))
                    }
                }
            }
            for (name, p) in keywords {
                if attributes.contains(where: { $0.0 == name }) {
                    throw typeError("\(cls.name)() got multiple sub-patterns for attribute '\(name)'")
                }
                attributes.append((name, p))
            }
            for (name, p) in attributes {
                let v: Value
                if let name {
                    do { v = try getAttribute(subject, name) } catch let e as PythonError where e.exception.isInstance(of: BuiltinTypes.attributeError) {
                        return false
                    }
                } else {
                    v = subject
                }
                guard try match(p, v, values, &bindings) else { return false }
            }
            return true
        case .or(let alternatives):
            for alternative in alternatives {
                var attempt = bindings
                if try match(alternative, subject, values, &attempt) {
                    bindings = attempt
                    return true
                }
            }
            return false
        case let .asPattern(inner, name):
            guard try match(inner, subject, values, &bindings) else { return false }
            bindings[name] = subject
            return true
        }
    }

    /// Classes whose single positional sub-pattern matches the subject itself.
    private static let selfMatchingClasses: [PyClass] = [
        BuiltinTypes.bool, BuiltinTypes.dict, BuiltinTypes.float, BuiltinTypes.frozenset, BuiltinTypes.int,
        BuiltinTypes.list, BuiltinTypes.set, BuiltinTypes.str, BuiltinTypes.tuple,
    ]

    /// Sequence patterns match lists, tuples, ranges and deques, never strings.
    private func matchSequence(_ patterns: [MatchPattern.Node], _ subject: Value, _ values: [Value],
                               _ bindings: inout [String: Value]) throws -> Bool {
        guard case .object(let o) = subject, o is PyList || o is PyTuple || o is PyRange || o is PyDeque else { return false }
        let items = try iterate(subject)
        if let star = patterns.firstIndex(where: { if case .star = $0 { return true } else { return false } }) {
            let after = patterns.count - star - 1
            guard items.count >= patterns.count - 1 else { return false }
            for i in 0..<star where !(try match(patterns[i], items[i], values, &bindings)) { return false }
            let middle = Array(items[star..<(items.count - after)])
            guard try match(patterns[star], .object(PyList(middle)), values, &bindings) else { return false }
            for j in 0..<after where !(try match(patterns[star + 1 + j], items[items.count - after + j], values, &bindings)) {
                return false
            }
            return true
        }
        guard items.count == patterns.count else { return false }
        for (p, item) in zip(patterns, items) where !(try match(p, item, values, &bindings)) { return false }
        return true
    }
}
