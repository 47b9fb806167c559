/// CPython's abstract number protocol for values of Python classes (`Objects/abstract.c`,
/// `Objects/floatobject.c`): `float(x)` and every C function taking a double ask
/// `__float__` then `__index__`; `int(x)` asks `__int__` then `__index__`. So a
/// `Fraction` or `Decimal` converts wherever a float or int is expected.
extension Interpreter {
    /// `PyFloat_AsDouble`: a float, int or bool as a double, or what a class's
    /// `__float__` (else `__index__`) gives; `what` words the TypeError otherwise.
    package func floatArgument(_ v: Value, _ what: (Value) -> String) throws -> Double {
        switch v {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .object(let big as PyLong):
            return try arithmetic { () throws(PyArithmeticError) in try PyLongArithmetic.toDouble(big.value) }
        default: break
        }
        if let plain = derivedValue(v) { return try floatArgument(plain, what) }
        if let method = userMethod(v, "__float__") {
            let r = try callSpecial(method, v, [])
            if case .float(let d) = r { return d }
            if case .float(let d)? = derivedValue(r) { return d }
            throw typeError("\(v.typeName).__float__ returned non-float (type \(r.typeName))")
        }
        if let index = try pythonIndex(v) { return try floatArgument(index, what) }
        throw typeError(what(v))
    }

    /// `PyNumber_Long`'s path for a class instance: `__int__`, then `__index__`; nil when
    /// the class has neither.
    package func intFromSpecial(_ v: Value) throws -> Value? {
        guard let method = userMethod(v, "__int__") else { return try pythonIndex(v) }
        let r = try callSpecial(method, v, [])
        if intValue(r) != nil || r.isBigInteger { return r }
        if let plain = derivedValue(r), intValue(plain) != nil || plain.isBigInteger { return plain }
        throw typeError("__int__ returned non-int (type \(r.typeName))")
    }
}
