/// The methods and operators of `set` and `frozenset` (CPython's `setobject.c`), with
/// its messages. Operators take sets only; the named methods take any iterables.
package enum SetMethods {
    /// Methods every set and frozenset has.
    package static let common: [String: PyBuiltin] = {
        var m: [String: PyBuiltin] = [:]
        func add(_ name: String, _ signature: NativeSignature, _ body: @escaping (PySet, Interpreter, MethodArguments) throws -> Value) {
            m[name] = PyBuiltin.method(name, of: PySet.self, owner: nil, signature) { s, vm, args, _ in try body(s, vm, args) }
        }
        add("copy", .noArguments) { s, _, _ in .object(s.isFrozen ? s : s.copy(frozen: false)) }
        // `set_union`: a copy, then each argument added.
        add("union", .parseTuple(min: 0, max: .max)) { s, vm, args in
            let r = s.copy(frozen: s.isFrozen)
            for other in args.array where other.asObject !== s { try vm.setUpdate(r, other) }
            return .object(r)
        }
        // `set_intersection_multi`: intersected in turn, starting from the set itself.
        add("intersection", .parseTuple(min: 0, max: .max)) { s, vm, args in
            if args.count == 0 { return .object(s.copy(frozen: s.isFrozen)) }
            var r = s
            for other in args.array { r = try vm.setIntersection(r, other, frozen: s.isFrozen) }
            return .object(r)
        }
        // `set_difference_multi`.
        add("difference", .parseTuple(min: 0, max: .max)) { s, vm, args in
            if args.count == 0 { return .object(s.copy(frozen: s.isFrozen)) }
            let r = try vm.setDifference(s, args[0])
            for other in args.dropFirst() { try vm.setDifferenceUpdate(r, other) }
            return .object(r)
        }
        add("symmetric_difference", .oneArgument) { s, vm, args in
            .object(try vm.setSymmetricDifference(s, args[0]))
        }
        add("issubset", .oneArgument) { s, vm, args in
            let other = try vm.setMembersSet(args[0])
            return .bool(s.count <= other.count && s.items.allSatisfy { other.contains($0) })
        }
        add("issuperset", .oneArgument) { s, vm, args in
            .bool(try vm.setMembers(args[0]).allSatisfy { s.contains($0) })
        }
        add("isdisjoint", .oneArgument) { s, vm, args in
            .bool(try !vm.setMembers(args[0]).contains { s.contains($0) })
        }
        return m
    }()

    /// Methods only mutable sets have.
    package static let mutating: [String: PyBuiltin] = {
        var m = common
        func add(_ name: String, _ signature: NativeSignature, _ body: @escaping (PySet, Interpreter, MethodArguments) throws -> Value) {
            m[name] = PyBuiltin.method(name, of: PySet.self, owner: "set", signature) { s, vm, args, _ in try body(s, vm, args) }
        }
        add("add", .oneArgument) { s, vm, args in try vm.setInsert(s, args[0]); return .none }
        add("discard", .oneArgument) { s, vm, args in
            try vm.requireHashable(args[0])
            s.remove(args[0])
            return .none
        }
        add("remove", .oneArgument) { s, vm, args in
            try vm.requireHashable(args[0])
            guard s.remove(args[0]) else { throw PythonError(PyException(cls: BuiltinTypes.keyError, args: [args[0]])) }
            return .none
        }
        add("pop", .noArguments) { s, vm, _ in
            guard let v = s.pop() else { throw PythonError(vm.makeException(BuiltinTypes.keyError, "pop from an empty set")) }
            return v
        }
        add("clear", .noArguments) { s, _, _ in s.removeAll(); return .none }
        add("update", .parseTuple(min: 0, max: .max)) { s, vm, args in
            for other in args.array { try vm.setUpdate(s, other) }
            return .none
        }
        add("intersection_update", .parseTuple(min: 0, max: .max)) { s, vm, args in
            var r = s
            for other in args.array { r = try vm.setIntersection(r, other, frozen: false) }
            s.takeBody(of: r)
            return .none
        }
        add("difference_update", .parseTuple(min: 0, max: .max)) { s, vm, args in
            for other in args.array { try vm.setDifferenceUpdate(s, other) }
            return .none
        }
        add("symmetric_difference_update", .oneArgument) { s, vm, args in
            try vm.setSymmetricDifferenceUpdate(s, args[0])
            return .none
        }
        return m
    }()
}

extension Interpreter {
    package func requireHashable(_ v: Value) throws {
        guard v.isHashable else { throw typeError("unhashable type: '\(v.typeName)'") }
    }

    package func setInsert(_ s: PySet, _ v: Value) throws {
        try requireHashable(v)
        s.add(v)
    }

    /// The members of any iterable, checked hashable.
    package func setMembers(_ v: Value) throws -> [Value] {
        if case .object(let o) = v, let s = o as? PySet { return s.items }
        let items = try iterate(v)
        for item in items { try requireHashable(item) }
        return items
    }

    package func setMembersSet(_ v: Value) throws -> PySet {
        if case .object(let o) = v, let s = o as? PySet { return s }
        return PySet.of(try setMembers(v), frozen: false)
    }

    /// `set_update_internal`: a set or dict source is sized for up front, as CPython does.
    package func setUpdate(_ s: PySet, _ other: Value) throws {
        if case .object(let o) = other, let source = o as? PySet {
            s.merge(source)
            return
        }
        let items = try setMembers(other)
        if case .object(let o) = other, o is PySet || o is PyDict { s.reserve(items.count) }
        for v in items { s.add(v) }
    }

    /// `set_intersection`: walks the smaller operand.
    package func setIntersection(_ s: PySet, _ other: Value, frozen: Bool) throws -> PySet {
        // A set with itself is its copy, with the copy's table layout.
        if other.asObject === s { return s.copy(frozen: frozen) }
        let result = PySet(frozen: frozen)
        if case .object(let o) = other, let t = o as? PySet {
            let (small, large) = t.count > s.count ? (s, t) : (t, s)
            for v in small.items where large.contains(v) { result.add(v) }
            return result
        }
        for v in try setMembers(other) where s.contains(v) { result.add(v) }
        return result
    }

    /// `set_difference`: a fresh set of the members not in `other`, or (when `other` is
    /// not a set or dict, or is much smaller) a copy with `other`'s members removed.
    package func setDifference(_ s: PySet, _ other: Value) throws -> PySet {
        let otherSize: Int
        switch other {
        case .object(let o as PySet): otherSize = o.count
        case .object(let o as PyDict): otherSize = o.count
        default: otherSize = -1
        }
        if otherSize < 0 || (s.count >> 2) > otherSize {
            let r = s.copy(frozen: s.isFrozen)
            try setDifferenceUpdate(r, other)
            return r
        }
        let r = PySet(frozen: s.isFrozen)
        let members = try setMembersSet(other)
        for v in s.items where !members.contains(v) { r.add(v) }
        return r
    }

    /// `set_difference_update_internal`: a set more than 8 times larger is replaced by
    /// its intersection with `s`; more than a quarter of deleted slots afterwards
    /// rebuilds the table (which changes the iteration order).
    package func setDifferenceUpdate(_ s: PySet, _ other: Value) throws {
        if other.asObject === s { s.removeAll(); return }
        if case .object(let o) = other, let t = o as? PySet {
            let removed = t.count >> 3 > s.count ? try setIntersection(s, other, frozen: false) : t
            for v in removed.items { s.remove(v) }
        } else {
            for v in try setMembers(other) { s.remove(v) }
        }
        s.purgeDeletedSlotsIfMany()
    }

    /// `set_symmetric_difference`: a set of `other`'s members, updated with `s`.
    package func setSymmetricDifference(_ s: PySet, _ other: Value) throws -> PySet {
        let r = PySet(frozen: s.isFrozen)
        try setUpdate(r, other)
        try setSymmetricDifferenceUpdate(r, .object(s))
        return r
    }

    /// `set_symmetric_difference_update`: each member of `other` is removed when present
    /// and added when not.
    package func setSymmetricDifferenceUpdate(_ s: PySet, _ other: Value) throws {
        if other.asObject === s { s.removeAll(); return }
        // An exact dict is walked in its own order; any other iterable becomes a set first.
        if case .object(let o) = other, let d = o as? PyDict, d.instancePart == nil {
            for case let v? in d.keys where !s.remove(v) { s.add(v) }
            return
        }
        let members = try setMembersSet(other)
        for v in members.items {
            if !s.remove(v) { s.add(v) }
        }
    }

    /// `a | b`, `a & b`, `a - b`, `a ^ b` for two sets (the result has the left one's
    /// type); nil when either operand is not a set. `inPlace` updates a mutable left set.
    package func setOperation(_ op: BinaryOperatorKind, _ a: Value, _ b: Value, inPlace: Bool = false) throws -> Value? {
        guard case .object(let x) = a, let l = x as? PySet, case .object(let y) = b, y is PySet else { return nil }
        if inPlace && !l.isFrozen {
            switch op {
            case .bitOr: try setUpdate(l, b)
            case .bitAnd: l.takeBody(of: try setIntersection(l, b, frozen: false))
            case .sub: try setDifferenceUpdate(l, b)
            case .bitXor: try setSymmetricDifferenceUpdate(l, b)
            default: return nil
            }
            return a
        }
        switch op {
        case .bitOr:
            let r = l.copy(frozen: l.isFrozen)
            if y !== l { try setUpdate(r, b) }
            return .object(r)
        case .bitAnd: return .object(try setIntersection(l, b, frozen: l.isFrozen))
        case .sub: return .object(try setDifference(l, b))
        case .bitXor: return .object(try setSymmetricDifference(l, b))
        default: return nil
        }
    }

    /// `<`, `<=`, `>`, `>=` between sets: subset and superset tests.
    package func setOrdering(_ op: CompareOperatorKind, _ a: Value, _ b: Value) -> Bool? {
        guard case .object(let x) = a, let l = x as? PySet, case .object(let y) = b, let r = y as? PySet else { return nil }
        func subset(_ p: PySet, _ q: PySet) -> Bool { p.count <= q.count && p.items.allSatisfy { q.contains($0) } }
        switch op {
        case .ltE: return subset(l, r)
        case .lt: return l.count < r.count && subset(l, r)
        case .gtE: return subset(r, l)
        case .gt: return r.count < l.count && subset(r, l)
        default: return nil
        }
    }

    package func setEquals(_ a: PySet, _ b: PySet) -> Bool {
        a.count == b.count && a.items.allSatisfy { b.contains($0) }
    }
}
