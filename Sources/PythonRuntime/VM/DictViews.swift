/// What the keys and items views of a dict do as sets (`dictviews_*` in dictobject.c):
/// the operators make a new set from the view and the other operand (any iterable, on
/// either side), comparisons treat both as sets, and `in` looks the key (and for items
/// the value) up in the dict.
extension Interpreter {
    /// A keys or items view.
    package func setLikeView(_ v: Value) -> PyDictView? {
        guard case .object(let o) = v, let view = o as? PyDictView, view.isSetLike else { return nil }
        return view
    }

    /// `view | other`, `other & view`, ...: a set, or nil when neither operand is a
    /// set-like view or the operator is not a set operator.
    package func dictViewOperation(_ op: BinaryOperatorKind, _ a: Value, _ b: Value) throws -> Value? {
        guard setLikeView(a) != nil || setLikeView(b) != nil else { return nil }
        switch op {
        case .bitOr, .bitAnd, .sub, .bitXor: break
        default: return nil
        }
        let left = PySet(), right = PySet()
        try setUpdate(left, a)
        try setUpdate(right, b)
        return try setOperation(op, .object(left), .object(right))
    }

    /// The view (or set) as a set, for comparisons: nil for anything else, which a
    /// view compares unequal to (`dictview_richcompare` returns NotImplemented).
    private func comparableSet(_ v: Value) throws -> PySet? {
        if case .object(let o) = v, let s = o as? PySet { return s }
        guard setLikeView(v) != nil else { return nil }
        let s = PySet()
        try setUpdate(s, v)
        return s
    }

    /// `==` when either side is a keys or items view.
    package func dictViewEquals(_ a: Value, _ b: Value) throws -> Bool? {
        guard setLikeView(a) != nil || setLikeView(b) != nil else { return nil }
        guard let l = try comparableSet(a), let r = try comparableSet(b) else { return false }
        return setEquals(l, r)
    }

    /// `<`, `<=`, `>`, `>=` when either side is a keys or items view.
    package func dictViewOrdering(_ op: CompareOperatorKind, _ a: Value, _ b: Value) throws -> Bool? {
        guard setLikeView(a) != nil || setLikeView(b) != nil,
              let l = try comparableSet(a), let r = try comparableSet(b) else { return nil }
        return setOrdering(op, .object(l), .object(r))
    }

    /// `x in view`.
    package func dictViewContains(_ view: PyDictView, _ item: Value) throws -> Bool {
        switch view.kind {
        case .keys:
            guard item.isHashable else { throw typeError("unhashable type: '\(item.typeName)'") }
            return view.dict.get(item) != nil
        case .items:
            guard case .object(let o) = item, let pair = o as? PyTuple, pair.items.count == 2 else { return false }
            guard pair.items[0].isHashable else { throw typeError("unhashable type: '\(pair.items[0].typeName)'") }
            guard let value = view.dict.get(pair.items[0]) else { return false }
            return try value.isIdentical(to: pair.items[1]) || equals(value, pair.items[1])
        case .values:
            for (_, v) in view.dict.entries where try v.isIdentical(to: item) || equals(v, item) { return true }
            return false
        }
    }
}
