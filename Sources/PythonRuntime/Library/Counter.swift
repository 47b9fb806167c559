/// `collections.Counter`: a dict of counts (CPython's is a Python dict subclass; here a
/// dict of the `.counter` flavor, so it is a dict to every operation). What differs from
/// dict is CPython's Lib/collections/__init__.py `Counter`: missing keys count 0 without
/// being stored, `update` adds, `most_common`, `elements`, `subtract`, `total`, the
/// multiset operators, and a repr in most-common order.
extension Interpreter {
    /// `Counter(iterable_or_mapping=None, /, **kwds)`.
    package func makeCounter(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        if args.count > 1 { throw typeError("expected at most 1 arguments, got \(args.count)") }
        let counter = PyDict()
        counter.flavor = .counter
        try counterUpdate(counter, args.first, kwargs, sign: 1)
        return .object(counter)
    }

    /// `update` (sign 1) and `subtract` (sign -1): a mapping's counts or an iterable's
    /// elements, then the keywords.
    private func counterUpdate(_ counter: PyDict, _ source: Value?, _ kwargs: [(String, Value)], sign: Int) throws {
        func add(_ key: Value, _ amount: Value) throws {
            let current = counter.get(key) ?? .int(0)
            counter.set(key, try binaryOperation(sign > 0 ? .add : .sub, current, amount))
        }
        if let source, !source.isNone {
            if case .object(let o) = source, let mapping = o as? PyDict {
                if sign > 0, counter.count == 0, case .counter = mapping.flavor {
                    for (k, v) in mapping.entries { counter.set(k, v) }
                } else {
                    for (k, v) in mapping.entries { try add(k, v) }
                }
            } else {
                for element in try iterate(source) {
                    guard element.isHashable else { throw typeError("unhashable type: '\(element.typeName)'") }
                    try add(element, .int(1))
                }
            }
        }
        for (k, v) in kwargs { try add(.str(k), v) }
    }

    /// The items from the most common down; equal counts keep insertion order (CPython
    /// sorts with `sorted(..., key=itemgetter(1), reverse=True)`, which is stable).
    private func mostCommon(_ counter: PyDict) throws -> [(Value, Value)] {
        let entries = counter.entries
        var order = Array(entries.indices)
        var failure: Error?
        order.sort { i, j in
            do { return try lessThan(entries[j].1, entries[i].1) || (!lessThan(entries[i].1, entries[j].1) && i < j) } catch {
                failure = failure ?? error
                return i < j
            }
        }
        if let failure { throw failure }
        return order.map { entries[$0] }
    }

    package func counterRepr(_ counter: PyDict) throws -> String {
        let name = counter.pyClass.name
        guard counter.count > 0 else { return "\(name)()" }
        return "\(name)({" + (try mostCommon(counter).map { "\(try repr($0.0)): \(try repr($0.1))" }).joined(separator: ", ") + "})"
    }

    package func counterMethod(_ counter: PyDict, _ name: String) -> Value? {
        func method(_ signature: NativeSignature, _ body: @escaping PyBuiltin.Body) -> Value {
            nativeFunction(name, owner: "Counter", signature, body)
        }
        switch name {
        case "most_common":
            return method(.python(parameters: ["n"], required: 0, isMethod: false)) { vm, args, _ in
                var items = try vm.mostCommon(counter)
                if let n = args.first, !n.isNone {
                    guard case .int(let k) = n else { throw vm.typeError("'\(n.typeName)' object cannot be interpreted as an integer") }
                    items = Array(items.prefix(max(0, k)))
                }
                return .object(PyList(items.map { .object(PyTuple([$0.0, $0.1])) }))
            }
        case "elements":
            return method(.noArguments) { vm, _, _ in
                var out: [Value] = []
                for (k, v) in counter.entries {
                    if case .int(let n) = v, n > 0 { out += Array(repeating: k, count: n) }
                }
                return .object(PyIterator(.values(out)))
            }
        case "update", "subtract":
            return method(.positional(min: 0, max: 1)) { vm, args, kwargs in
                try vm.counterUpdate(counter, args.first, kwargs, sign: name == "update" ? 1 : -1)
                return .none
            }
        case "total":
            return method(.noArguments) { vm, _, _ in
                try counter.entries.reduce(Value.int(0)) { try vm.binaryOperation(.add, $0, $1.1) }
            }
        default:
            return nil
        }
    }

    /// `+`, `-`, `|`, `&` of two Counters: the multiset operations, keeping positive counts.
    package func counterOperation(_ op: BinaryOperatorKind, _ a: Value, _ b: Value) throws -> Value? {
        guard case .object(let x) = a, let l = x as? PyDict, case .counter = l.flavor,
              case .object(let y) = b, let r = y as? PyDict, case .counter = r.flavor else { return nil }
        let result = PyDict()
        result.flavor = .counter
        func keep(_ key: Value, _ value: Value) throws {
            if try lessThan(.int(0), value) { result.set(key, value) }
        }
        switch op {
        case .add, .sub:
            for (k, v) in l.entries {
                try keep(k, try binaryOperation(op, v, r.get(k) ?? .int(0)))
            }
            for (k, v) in r.entries where l.get(k) == nil {
                try keep(k, op == .add ? v : try binaryOperation(.sub, .int(0), v))
            }
        case .bitOr, .bitAnd:
            for (k, v) in l.entries {
                let other = r.get(k) ?? .int(0)
                let pick = op == .bitOr ? (try lessThan(v, other) ? other : v) : (try lessThan(other, v) ? other : v)
                try keep(k, pick)
            }
            if op == .bitOr {
                for (k, v) in r.entries where l.get(k) == nil { try keep(k, v) }
            }
        default:
            return nil
        }
        return .object(result)
    }
}
