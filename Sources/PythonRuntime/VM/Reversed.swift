import BigInt

/// `reversed(seq)` (Objects/enumobject.c's `reversed_new_impl`): the object's own
/// `__reversed__` (range, list, dict and its views, deque, OrderedDict have one in
/// CPython), else the sequence protocol (`__len__` and `__getitem__`, indexed from the
/// end, lazily); anything else (a set, a generator, an iterator) is not reversible.
extension Interpreter {
    package func reversedIterator(_ v: Value) throws -> Value {
        func notReversible() -> PythonError { typeError("'\(v.typeName)' object is not reversible") }
        if case .object(let o) = v, isUserInstance(v) || o.instancePart != nil, let method = userMethod(v, "__reversed__") {
            if method.isNone { throw notReversible() }
            return try callSpecial(method, v, [])
        }
        switch v {
        case .str(let s): return .object(PyIterator(.values(s.unicodeScalars.reversed().map { .str(String($0)) }), type: BuiltinTypes.reversedIterator))
        case .object(let o):
            // A range runs backwards as the range of its items reversed, lazily however long.
            if let r = o as? PyRange {
                let long = r.long
                return try reversedRange(long.start, long.step, length: long.length)
            }
            if let r = o as? PyLongRange { return try reversedRange(r.start, r.step, length: r.length) }
            if let l = o as? PyList {
                // list_reverseiterator: reads the live list, ending when it shrank past it.
                var index = l.items.count - 1
                return .object(PyIterator(.stepper { _ in
                    guard index >= 0, index < l.items.count else { return nil }
                    defer { index -= 1 }
                    return l.items[index]
                }, type: BuiltinTypes.listReverseIterator))
            }
            if let d = o as? PyDict { return .object(PyIterator(.values(d.entries.map(\.0).reversed()), type: BuiltinTypes.dictReverseKeyIterator)) }
            if let view = o as? PyDictView, let items = view.iterationItems { return .object(PyIterator(.values(items.reversed()))) }
            if o is PySet || o is PyIterator || o is PyGenerator { throw notReversible() }
            if o is PyTuple || o is PyBytes || o is PyMemoryView || o is PyDeque, let items = try? iterate(v) {
                return .object(PyIterator(.values(items.reversed()), type: BuiltinTypes.reversedIterator))
            }
        default: break
        }
        // The sequence protocol of a Python class: `__len__` then `__getitem__` from the end.
        guard isUserInstance(v), userMethod(v, "__getitem__") != nil, let length = try userLength(v) else { throw notReversible() }
        var index = length - 1
        return .object(PyIterator(.stepper { vm in
            guard index >= 0 else { return nil }
            defer { index -= 1 }
            return try vm.nilOn(BuiltinTypes.indexError) { try vm.getItem(v, .int(index)) }
        }, type: BuiltinTypes.reversedIterator))
    }

    /// The iterator of `range(start + (length-1)*step, start - step, -step)`.
    private func reversedRange(_ start: BigInt, _ step: BigInt, length: BigInt) throws -> Value {
        let first = start + (length - 1) * step
        let stop = start - step
        let range: PyObject
        if length == 0 {
            range = PyRange(start: 0, stop: 0, step: 1)
        } else if let a = Int(exactly: first), let b = Int(exactly: stop), let c = Int(exactly: -step) {
            range = PyRange(start: a, stop: b, step: c)
        } else {
            range = PyLongRange(start: first, stop: stop, step: -step)
        }
        return .object(try makeIterator(.object(range)))
    }
}
