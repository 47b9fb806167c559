import BigInt

/// The data attributes and small methods every int, bool and float has (the numbers
/// tower's `real`, `imag`, `numerator`, `denominator`, `conjugate()`, and
/// `float.is_integer()`, `as_integer_ratio()`), as CPython's `int_getset`/`float_getset`
/// define them. A bool answers as the int it is.
extension Interpreter {
    package func numberAttribute(_ v: Value, _ name: String) -> Value? {
        switch v {
        case .int, .bool, .object(is PyLong):
            let i: Value
            if case .bool(let b) = v { i = .int(b ? 1 : 0) } else { i = v }
            switch name {
            case "real", "numerator": return i
            case "imag": return .int(0)
            case "denominator": return .int(1)
            case "conjugate": return nativeFunction("conjugate", owner: "int", .noArguments) { _, _, _ in i }
            case "as_integer_ratio":
                return nativeFunction("as_integer_ratio", owner: "int", .noArguments) { _, _, _ in .object(PyTuple([i, .int(1)])) }
            case "to_bytes":
                let value = i.bigInteger ?? 0
                return nativeFunction("to_bytes", owner: "int", .clinic(positionalOnly: 0, positionalOrKeyword: ["length", "byteorder"], keywordOnly: ["signed"])) { vm, args, kwargs in
                    try vm.intToBytes(value, args, kwargs)
                }
            case "bit_count":
                let magnitude = (i.bigInteger ?? 0).magnitude
                return nativeFunction("bit_count", owner: "int", .noArguments) { _, _, _ in
                    .int(magnitude.words.reduce(0) { $0 + $1.nonzeroBitCount })
                }
            case "__floor__", "__ceil__", "__trunc__":
                return nativeFunction(name, owner: "int", .noArguments) { _, _, _ in i }
            default: return roundingAndDivmod(v, name, owner: "int") { $0.bigInteger != nil }
            }
        case .float(let d):
            switch name {
            case "real": return v
            case "imag": return .float(0)
            case "conjugate": return nativeFunction("conjugate", owner: "float", .noArguments) { _, _, _ in v }
            case "is_integer":
                return nativeFunction("is_integer", owner: "float", .noArguments) { _, _, _ in
                    .bool(d.isFinite && d.rounded(.towardZero) == d)
                }
            case "as_integer_ratio":
                return nativeFunction("as_integer_ratio", owner: "float", .noArguments) { vm, _, _ in
                    try vm.floatIntegerRatio(d)
                }
            case "__floor__", "__ceil__", "__trunc__":
                let rule: FloatingPointRoundingRule = name == "__floor__" ? .down : name == "__ceil__" ? .up : .towardZero
                return nativeFunction(name, owner: "float", .noArguments) { vm, _, _ in
                    try vm.callNow(.object(BuiltinTypes.int), [.float(d.rounded(rule))])
                }
            default: return roundingAndDivmod(v, name, owner: "float") {
                if case .float = $0 { return true }
                return $0.bigInteger != nil
            }
            }
        default:
            return nil
        }
    }
}

extension Interpreter {
    /// `__round__`, `__divmod__` and `__rdivmod__` of an int or float: what `round()` and
    /// `divmod()` do, and NotImplemented for an operand the type's slot refuses.
    private func roundingAndDivmod(_ v: Value, _ name: String, owner: String, accepts: @escaping (Value) -> Bool) -> Value? {
        switch name {
        case "__round__":
            return nativeFunction(name, owner: owner, .positional(min: 0, max: 1)) { vm, args, _ in
                try vm.callNow(vm.builtins["round"] ?? .none, [v] + args)
            }
        case "__divmod__", "__rdivmod__":
            return nativeFunction(name, owner: owner, .oneArgument) { vm, args, _ in
                guard accepts(args[0]) else { return .notImplemented }
                let operands = name == "__divmod__" ? [v, args[0]] : [args[0], v]
                return try vm.callNow(vm.builtins["divmod"] ?? .none, operands)
            }
        default: return nil
        }
    }

    /// `float_as_integer_ratio`: the float's exact value as a fraction in lowest terms with
    /// a positive denominator, a power of two.
    package func floatIntegerRatio(_ d: Double) throws -> Value {
        if d.isInfinite { throw PythonError(makeException(BuiltinTypes.overflowError, "cannot convert Infinity to integer ratio")) }
        if d.isNaN { throw PythonError(makeException(BuiltinTypes.valueError, "cannot convert NaN to integer ratio")) }
        guard d != 0 else { return .object(PyTuple([.int(0), .int(1)])) }
        // d = significand * 2**exponent with an odd integer significand.
        let bits = d.significandBitPattern | (d.isNormal ? (1 << 52) : 0)
        var significand = BigInt(bits)
        var exponent = Int(d.isNormal ? d.exponent : Double.leastNormalMagnitude.exponent) - 52
        let zeros = bits.trailingZeroBitCount
        significand >>= zeros
        exponent += zeros
        if d < 0 { significand.negate() }
        if exponent >= 0 { return .object(PyTuple([.integer(significand << exponent), .int(1)])) }
        return .object(PyTuple([.integer(significand), .integer(BigInt(1) << -exponent)]))
    }
}
