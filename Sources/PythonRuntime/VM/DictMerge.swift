/// `dict.update`'s argument rule and PEP 584's `d | other` and `d |= other`.
extension Interpreter {
    /// `d.update(other)`: a dict's items, else an iterable of key/value pairs.
    package func dictUpdate(_ d: PyDict, _ other: Value) throws {
        if case .object(let o) = other, let source = o as? PyDict {
            for (k, v) in source.entries { d.set(k, v) }
            return
        }
        // A mapping of a Python class: through its `keys()` and subscripts.
        if isUserInstance(other), let keys = try nilOn(BuiltinTypes.attributeError, { try getAttribute(other, "keys") }) {
            for k in try iterate(try callNow(keys, [])) { d.set(k, try getItem(other, k)) }
            return
        }
        for pair in try iterate(other) {
            let kv = try iterate(pair)
            guard kv.count == 2 else { throw typeError("dictionary update sequence element has wrong length") }
            d.set(kv[0], kv[1])
        }
    }

    /// `a | b` with a dict on the left (dict_or: a copy of `a` updated with `b`, which
    /// must be a dict too; defaultdict and OrderedDict keep their kind, as their own
    /// `__or__` do), and `a |= b` (dict_ior: `a.update(b)`, any mapping or pairs). Nil
    /// when the operands are not these.
    package func dictMerge(_ op: BinaryOperatorKind, _ a: Value, _ b: Value, inPlace: Bool) throws -> Value? {
        guard op == .bitOr, case .object(let x) = a, let left = x as? PyDict else { return nil }
        if inPlace {
            try dictUpdate(left, b)
            return a
        }
        guard case .object(let y) = b, let right = y as? PyDict else { return nil }
        let result = PyDict()
        switch left.flavor {
        case .counter: break
        default: result.flavor = left.flavor
        }
        for (k, v) in left.entries { result.set(k, v) }
        for (k, v) in right.entries { result.set(k, v) }
        return .object(result)
    }
}
