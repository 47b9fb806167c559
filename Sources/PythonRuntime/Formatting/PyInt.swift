/// Python `int` arithmetic and conversions over Swift's 64-bit `Int`: the fast path.
///
/// An operation whose result leaves the 64-bit range reports `PyArithmeticError.intTooLarge`;
/// the VM then redoes it exactly in `PyLongArithmetic` (Python ints never overflow).
public enum PyInt {
    public static func add(_ a: Int, _ b: Int) throws(PyArithmeticError) -> Int {
        let (result, overflow) = a.addingReportingOverflow(b)
        if overflow { throw .intTooLarge }
        return result
    }

    public static func sub(_ a: Int, _ b: Int) throws(PyArithmeticError) -> Int {
        let (result, overflow) = a.subtractingReportingOverflow(b)
        if overflow { throw .intTooLarge }
        return result
    }

    public static func mul(_ a: Int, _ b: Int) throws(PyArithmeticError) -> Int {
        let (result, overflow) = a.multipliedReportingOverflow(by: b)
        if overflow { throw .intTooLarge }
        return result
    }

    /// `a // b`: rounds toward negative infinity (Swift's `/` truncates toward zero).
    public static func floorDiv(_ a: Int, _ b: Int) throws(PyArithmeticError) -> Int {
        if b == 0 { throw .zeroDivision("integer division or modulo by zero") }
        if b == -1 {
            // Int.min // -1 == 2**63 does not fit.
            if a == .min { throw .intTooLarge }
            return -a
        }
        let quotient = a / b
        if (a % b != 0) && ((a < 0) != (b < 0)) { return quotient - 1 }
        return quotient
    }

    /// `a % b`: the result takes the sign of the divisor, so `a == (a // b) * b + a % b`.
    public static func mod(_ a: Int, _ b: Int) throws(PyArithmeticError) -> Int {
        if b == 0 { throw .zeroDivision("integer modulo by zero") }
        if b == -1 { return 0 }  // Swift traps on Int.min % -1
        let remainder = a % b
        if remainder != 0 && ((remainder < 0) != (b < 0)) { return remainder + b }
        return remainder
    }

    /// `a ** b`: an int for b >= 0; for b < 0 Python converts both to float
    /// (so `0 ** -1` is "0.0 cannot be raised to a negative power").
    public static func pow(_ a: Int, _ b: Int) throws(PyArithmeticError) -> PyNumber {
        if b < 0 {
            return .float(try PyFloatArithmetic.pow(Double(a), Double(b)))
        }
        // Exponentiation by squaring; the base is only squared while bits remain, so no
        // intermediate overflows unless the final result would too.
        var result = 1
        var base = a
        var exponent = b
        while true {
            if exponent & 1 == 1 { result = try mul(result, base) }
            exponent >>= 1
            if exponent == 0 { break }
            base = try mul(base, base)
        }
        return .int(result)
    }

    /// `a / b` for ints: correctly rounded, like CPython's `long_true_divide`.
    public static func trueDiv(_ a: Int, _ b: Int) throws(PyArithmeticError) -> Double {
        if b == 0 { throw .zeroDivision("division by zero") }
        let limit: UInt64 = 1 << 53
        let magA = a.magnitude
        let magB = b.magnitude
        // Both operands exact as doubles: IEEE division is then correctly rounded.
        if magA <= limit && magB <= limit {
            return Double(a) / Double(b)
        }
        let negative = (a < 0) != (b < 0)
        if magA == 0 { return negative ? -0.0 : 0.0 }
        // Binary long division: produce at least 55 significant quotient bits, then fold the
        // rest of the remainder into a sticky bit. Converting that to Double rounds exactly
        // once, to nearest-even, as if from the infinitely precise quotient.
        var quotient = magA / magB
        var remainder = magA % magB
        var exponent = 0  // true quotient == (quotient + remainder/magB) * 2^exponent
        while quotient < (1 << 55) {
            // remainder < magB <= 2^63, so the shift cannot overflow 64 bits.
            remainder <<= 1
            quotient <<= 1
            if remainder >= magB {
                remainder -= magB
                quotient |= 1
            }
            exponent -= 1
        }
        if remainder != 0 { quotient |= 1 }
        var result = Double(quotient)  // quotient >= 2^55: bit 0 is below the rounding bit
        result = Double(sign: .plus, exponent: exponent, significand: result)
        return negative ? -result : result
    }

    /// `int(s, base)`: surrounding whitespace, sign, optional 0x/0o/0b prefix matching the
    /// base (base 0 infers it and rejects "010"), single underscores between digits (and
    /// one right after a prefix). Returns nil where Python raises ValueError, and also when
    /// the value does not fit in 64 bits (`PyLongArithmetic.parse` reads those).
    public static func parse(_ s: String, base: Int = 10) -> Int? {
        guard let (negative, digits, radix) = digits(s, base: base) else { return nil }
        // Accumulate as a negative number so Int.min parses.
        var value = 0
        for byte in digits.utf8 {
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: radix)
            let (next, overflow2) = shifted.subtractingReportingOverflow(digitValue(byte))
            if overflow1 || overflow2 { return nil }
            value = next
        }
        if negative { return value }
        if value == .min { return nil }
        return -value
    }

    private static func digitValue(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(byte - UInt8(ascii: "A")) + 10
        default: return 99
        }
    }

    /// The syntax check of `int(s, base)` (`PyLong_FromString`): the sign, the digits
    /// without prefix or underscores, and the base they are in; nil where Python raises
    /// ValueError.
    package static func digits(_ s: String, base: Int) -> (negative: Bool, digits: String, radix: Int)? {
        guard base == 0 || (2...36).contains(base) else { return nil }
        let ascii = NumericText.transformDecimalAndSpaceToASCII(s)
        var bytes = NumericText.stripped(ascii)
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            bytes.removeFirst()
        }
        func at(_ offset: Int) -> UInt8 {
            let index = bytes.startIndex + offset
            return index < bytes.endIndex ? bytes[index] : 0
        }
        func lower(_ byte: UInt8) -> UInt8 {
            (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) ? byte + 32 : byte
        }
        var base = base
        var errorIfNonZero = false
        if base == 0 {
            if at(0) != UInt8(ascii: "0") {
                base = 10
            } else {
                switch lower(at(1)) {
                case UInt8(ascii: "x"): base = 16
                case UInt8(ascii: "o"): base = 8
                case UInt8(ascii: "b"): base = 2
                default:
                    // Old C-style octal "010" is invalid, but "0", "00", "0_0" are fine.
                    errorIfNonZero = true
                    base = 10
                }
            }
        }
        if at(0) == UInt8(ascii: "0") {
            let marker = lower(at(1))
            if (base == 16 && marker == UInt8(ascii: "x")) || (base == 8 && marker == UInt8(ascii: "o"))
                || (base == 2 && marker == UInt8(ascii: "b")) {
                bytes.removeFirst(2)
                if at(0) == UInt8(ascii: "_") { bytes.removeFirst() }  // one underscore allowed here
            }
        }
        if bytes.isEmpty || at(0) == UInt8(ascii: "_") { return nil }
        var digits: [UInt8] = []
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "_") {
                if previous == UInt8(ascii: "_") { return nil }
                previous = byte
                continue
            }
            if digitValue(byte) >= base { return nil }
            if errorIfNonZero && byte != UInt8(ascii: "0") { return nil }
            digits.append(byte)
            previous = byte
        }
        if previous == UInt8(ascii: "_") { return nil }
        return (negative, String(decoding: digits, as: UTF8.self), base)
    }

    /// `int(x)` for a float: truncates toward zero.
    public static func fromFloat(_ x: Double) throws(PyArithmeticError) -> Int {
        if x.isNaN { throw .valueError("cannot convert float NaN to integer") }
        if x.isInfinite { throw .overflow("cannot convert float infinity to integer") }
        let truncated = x.rounded(.towardZero)
        // [-2^63, 2^63) is exactly the range of Int; both bounds are exact doubles.
        guard truncated >= -9_223_372_036_854_775_808.0 && truncated < 9_223_372_036_854_775_808.0 else {
            throw .intTooLarge
        }
        return Int(truncated)
    }
}
