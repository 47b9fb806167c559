import BigInt

/// `range(start, stop, step)` with a bound past 64 bits (`range(2**64, 2**64 + 10)`):
/// CPython's range object keeps its bounds as Python ints (rangeobject.c's longrangeobject
/// path). Ranges whose bounds fit a machine word stay `PyRange`, the fast path loops use.
public final class PyLongRange: PyObject {
    package let start: BigInt, stop: BigInt, step: BigInt
    /// rangeobject.c's compute_range_length: the number of items.
    package let length: BigInt

    package init(start: BigInt, stop: BigInt, step: BigInt) {
        self.start = start
        self.stop = stop
        self.step = step
        let (low, high, by) = step > 0 ? (start, stop, step) : (stop, start, -step)
        length = low >= high ? 0 : (high - low - 1) / by + 1
    }

    public override var pyClass: PyClass { BuiltinTypes.range }
    public override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        vm.rangeAttribute(self, .object(self), name)
    }

    /// The i-th item (0 <= i < length).
    package func item(_ i: BigInt) -> BigInt { start + i * step }

    /// `x in r` for an int `x`: within the span and a whole number of steps from start.
    package func contains(_ x: BigInt) -> Bool {
        guard step > 0 ? (x >= start && x < stop) : (x <= start && x > stop) else { return false }
        return (x - start) % step == 0
    }

    /// Bounds as CPython's range_richcompare compares them: equal lengths, and equal start
    /// and step where they matter.
    package var identity: (length: BigInt, start: BigInt?, step: BigInt?) {
        (length, length == 0 ? nil : start, length <= 1 ? nil : step)
    }
}

extension PyRange {
    /// The same range in big ints (to compare with a `PyLongRange`).
    package var long: PyLongRange { PyLongRange(start: BigInt(start), stop: BigInt(stop), step: BigInt(step)) }
}

extension Interpreter {
    /// `r[i]` and `r[a:b:c]` (range_subscript): an item, or the range of the selected
    /// items (compute_slice, with `_PySlice_GetLongIndices`' clamping).
    package func longRangeItem(_ r: PyLongRange, _ key: Value) throws -> Value {
        if case .object(let k) = key, let slice = k as? PySlice {
            func bound(_ v: Value) throws -> BigInt? {
                if v.isNone { return nil }
                guard let i = (try pythonIndex(v) ?? v).bigInteger else {
                    throw typeError("slice indices must be integers or None or have an __index__ method")
                }
                return i
            }
            let step = try bound(slice.step) ?? 1
            guard step != 0 else { throw PythonError(makeException(BuiltinTypes.valueError, "slice step cannot be zero")) }
            let (lower, upper): (BigInt, BigInt) = step < 0 ? (-1, r.length - 1) : (0, r.length)
            func clamp(_ given: BigInt?, _ missing: BigInt) -> BigInt {
                guard var i = given else { return missing }
                if i < 0 {
                    i += r.length
                    return i < lower ? lower : i
                }
                return i > upper ? upper : i
            }
            let start = clamp(try bound(slice.lower), step < 0 ? upper : lower)
            let stop = clamp(try bound(slice.upper), step < 0 ? lower : upper)
            return .object(PyLongRange(start: r.item(start), stop: r.item(stop), step: r.step * step))
        }
        guard var i = (try pythonIndex(key) ?? key).bigInteger else {
            throw typeError("range indices must be integers or slices, not \(key.typeName)")
        }
        if i < 0 { i += r.length }
        guard i >= 0, i < r.length else {
            throw PythonError(makeException(BuiltinTypes.indexError, "range object index out of range"))
        }
        return .integer(r.item(i))
    }
}
