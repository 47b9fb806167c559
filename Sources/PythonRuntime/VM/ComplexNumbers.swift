/// The `complex` type in the VM (Objects/complexobject.c): its constructor, operators
/// mixed with ints, floats and bools, `abs()`, `format()`.
extension Interpreter {
    /// The value of a complex or of an instance of a class deriving from complex.
    package func complexValue(_ v: Value) -> ComplexValue? {
        if case .object(let o) = v {
            if let c = o as? PyComplex { return c.value }
            if let d = o as? PyDerivedValue, case .object(let c as PyComplex) = d.value { return c.value }
        }
        return nil
    }

    /// `to_complex`: what a complex operator takes as its other operand (an int, float,
    /// bool or complex; a big int past a double's range is CPython's OverflowError);
    /// nil for anything else, CPython's NotImplemented.
    private func complexOperand(_ v: Value) throws -> ComplexValue? {
        switch v {
        case .int(let i): return ComplexValue(Double(i), 0)
        case .bool(let b): return ComplexValue(b ? 1 : 0, 0)
        case .float(let d): return ComplexValue(d, 0)
        case .object(let o):
            if let c = o as? PyComplex { return c.value }
            if let big = o as? PyLong {
                return ComplexValue(try arithmetic { () throws(PyArithmeticError) in try PyLongArithmetic.toDouble(big.value) }, 0)
            }
            return nil
        default: return nil
        }
    }

    /// `a op b` when one operand is a complex and the other a number: `+ - * / **` as
    /// complex_add ... complex_pow; nil where complex has no such operator (`//`, `%`,
    /// the bitwise ones: CPython's TypeError) or the other operand is no number.
    package func complexOperation(_ op: BinaryOperatorKind, _ a: Value, _ b: Value) throws -> Value? {
        guard a.asObject is PyComplex || b.asObject is PyComplex else { return nil }
        guard let x = try complexOperand(a), let y = try complexOperand(b) else { return nil }
        let result: ComplexValue
        switch op {
        case .add: result = PyComplexArithmetic.sum(x, y)
        case .sub: result = PyComplexArithmetic.diff(x, y)
        case .mul: result = PyComplexArithmetic.prod(x, y)
        case .div: result = try arithmetic { () throws(PyArithmeticError) in try PyComplexArithmetic.trueDiv(x, y) }
        case .pow: result = try arithmetic { () throws(PyArithmeticError) in try PyComplexArithmetic.pow(x, y) }
        default: return nil
        }
        return .object(PyComplex(result))
    }

    /// `float_pow`'s hand-off: a negative finite base to a finite non-integral power is
    /// complex (`(-8) ** (1/3)`); nil for every other pair, which stays a float.
    package func negativeFloatPower(_ x: Double, _ y: Double) throws -> Value? {
        guard x < 0, x.isFinite, y.isFinite, y != y.rounded(.down) else { return nil }
        let p = try arithmetic { () throws(PyArithmeticError) in
            try PyComplexArithmetic.pow(ComplexValue(x, 0), ComplexValue(y, 0))
        }
        return .object(PyComplex(p))
    }

    /// `-z`, `+z` of a complex; nil for other values.
    package func complexUnary(_ op: UnaryOperatorKind, _ a: Value) -> Value? {
        guard case .object(let o) = a, let c = o as? PyComplex else { return nil }
        switch op {
        case .neg: return .object(PyComplex(PyComplexArithmetic.neg(c.value)))
        case .pos: return .object(PyComplex(c.value))
        case .not: return .bool(c.real == 0 && c.imag == 0)
        case .invert: return nil
        }
    }

    /// `abs(z)`: `_Py_c_abs`.
    package func complexAbs(_ z: ComplexValue) throws -> Value {
        .float(try arithmetic { () throws(PyArithmeticError) in try PyComplexArithmetic.abs(z) })
    }

    /// `complex(real=0, imag=0)` (`complex_new_impl`), or `complex(str)`.
    package func makeComplex(_ args: [Value], _ kwargs: [(String, Value)], exactType: Bool) throws -> Value {
        if args.count + kwargs.count > 2 {
            throw typeError("complex() takes at most 2 arguments (\(args.count + kwargs.count) given)")
        }
        var real: Value? = args.first
        var imag: Value? = args.count > 1 ? args[1] : nil
        for (name, value) in kwargs {
            switch name {
            case "real" where real == nil: real = value
            case "imag" where imag == nil: imag = value
            case "real", "imag":
                throw typeError("argument for complex() given by name ('\(name)') and position (\(name == "real" ? 1 : 2))")
            default: throw typeError("'\(name)' is an invalid keyword argument for complex()")
            }
        }
        var r = real ?? .int(0)
        // An exact complex alone is returned as it is.
        if exactType, imag == nil, r.asObject is PyComplex { return r }
        if case .str(let s) = derivedValue(r) ?? r {
            if imag != nil { throw typeError("complex() can't take second arg if first is a string") }
            do {
                return .object(PyComplex(try PyComplexText.parse(s)))
            } catch .malformed {
                throw PythonError(makeException(BuiltinTypes.valueError, "complex() arg is a malformed string"))
            } catch {
                throw PythonError(makeException(BuiltinTypes.valueError, "could not convert string to complex: \(PyString.repr(s))"))
            }
        }
        if let i = imag, case .str = derivedValue(i) ?? i { throw typeError("complex() second arg can't be a string") }
        if let made = try complexFromSpecial(r) { r = made }
        guard isRealOrComplex(r) else {
            throw typeError("complex() first argument must be a string or a number, not '\(r.typeName)'")
        }
        if let i = imag, !isRealOrComplex(i) {
            throw typeError("complex() second argument must be a number, not '\(i.typeName)'")
        }
        // Either part may itself be complex: the result is real + imag*1j.
        func floatPart(_ v: Value) throws -> Double {
            try floatArgument(v) { "must be real number, not \($0.typeName)" }
        }
        var cr = ComplexValue(0, 0), ci = ComplexValue(0, 0)
        let crIsComplex: Bool, ciIsComplex: Bool
        if let z = complexValue(r) {
            cr = z
            crIsComplex = true
        } else {
            cr = ComplexValue(try floatPart(r), 0)
            crIsComplex = false
        }
        if let i = imag {
            if let z = complexValue(i) {
                ci = z
                ciIsComplex = true
            } else {
                ci.real = try floatPart(i)
                ciIsComplex = false
            }
        } else {
            ci.real = cr.imag
            ciIsComplex = false
        }
        if ciIsComplex { cr.real -= ci.imag }
        if crIsComplex, imag != nil { ci.real += cr.imag }
        return .object(PyComplex(cr.real, ci.real))
    }

    /// `try_complex_special_method`: what a class's `__complex__` gives, which must be a
    /// complex; nil when the class has none.
    private func complexFromSpecial(_ v: Value) throws -> Value? {
        guard let method = userMethod(v, "__complex__") else { return nil }
        let made = try callSpecial(method, v, [])
        guard complexValue(made) != nil else {
            throw typeError("__complex__ returned non-complex (type \(made.typeName))")
        }
        return made
    }

    /// `PyComplex_AsCComplex`: a complex's value, else what `__complex__` gives, else the
    /// number as a real part (`PyFloat_AsDouble`, "must be real number, not str").
    package func complexArgument(_ v: Value) throws -> ComplexValue {
        if let z = complexValue(v) { return z }
        if let made = try complexFromSpecial(v), let z = complexValue(made) { return z }
        return ComplexValue(try floatArgument(v) { "must be real number, not \($0.typeName)" }, 0)
    }

    /// Whether `complex()` takes `v` as a part: a complex, or what has `nb_float` or
    /// `nb_index` (ints, floats, classes with `__float__` or `__index__`).
    private func isRealOrComplex(_ v: Value) -> Bool {
        if complexValue(v) != nil { return true }
        switch derivedValue(v) ?? v {
        case .int, .bool, .float: return true
        case let other where other.isBigInteger: return true
        default: return userMethod(v, "__float__") != nil || userMethod(v, "__index__") != nil
        }
    }
}
