/// The data attributes and small methods every int, bool and float has (the numbers
/// tower's `real`, `imag`, `numerator`, `denominator`, `conjugate()`, and
/// `float.is_integer()`), as CPython's `int_getset`/`float_getset` define them. A bool
/// answers as the int it is.
extension Interpreter {
    package func numberAttribute(_ v: Value, _ name: String) -> Value? {
        switch v {
        case .int, .bool:
            let i: Value
            if case .bool(let b) = v { i = .int(b ? 1 : 0) } else { i = v }
            switch name {
            case "real", "numerator": return i
            case "imag": return .int(0)
            case "denominator": return .int(1)
            case "conjugate": return nativeFunction("conjugate", owner: "int", .noArguments) { _, _, _ in i }
            case "to_bytes":
                let value = i.bigInteger ?? 0
                return nativeFunction("to_bytes", owner: "int", .clinic(positionalOnly: 0, positionalOrKeyword: ["length", "byteorder"], keywordOnly: ["signed"])) { vm, args, kwargs in
                    try vm.intToBytes(value, args, kwargs)
                }
            default: return nil
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
            default: return nil
            }
        default:
            return nil
        }
    }
}
