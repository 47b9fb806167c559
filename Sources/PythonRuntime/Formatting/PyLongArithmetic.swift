import BigInt

/// Python `int` arithmetic past 64 bits (CPython's `Objects/longobject.c`), over
/// attaswift/BigInt. The VM computes in `Int` while results fit and comes here only when
/// an operation overflows or an operand is already big, so small-int code stays as fast
/// as before. Results are normalised by `Value.integer`: a value that fits in 64 bits is
/// always `.int`, never a `PyLong`.
public enum PyLongArithmetic {
    /// Results the simulator refuses to build: past this many bits an operation raises
    /// MemoryError (CPython would try, and run out of memory or time, on such sizes).
    public static let maxBits = 1 << 24

    /// CPython 3.11's default `sys.get_int_max_str_digits()`: decimal conversions of ints
    /// with more digits raise ValueError (CVE-2020-10735).
    public static let maxStringDigits = 4300

    public static func floorDiv(_ a: BigInt, _ b: BigInt) throws(PyArithmeticError) -> BigInt {
        try divMod(a, b).quotient
    }

    public static func mod(_ a: BigInt, _ b: BigInt) throws(PyArithmeticError) -> BigInt {
        if b.isZero { throw .zeroDivision("integer modulo by zero") }
        return try divMod(a, b).remainder
    }

    /// Floor division and the remainder with the divisor's sign (`l_divmod`).
    public static func divMod(_ a: BigInt, _ b: BigInt) throws(PyArithmeticError) -> (quotient: BigInt, remainder: BigInt) {
        if b.isZero { throw .zeroDivision("integer division or modulo by zero") }
        var (q, r) = a.quotientAndRemainder(dividingBy: b)
        if !r.isZero && ((r.sign == .minus) != (b.sign == .minus)) {
            q -= 1
            r += b
        }
        return (q, r)
    }

    /// `a ** b` for `b >= 0` (a negative exponent is float arithmetic, as for small ints).
    public static func pow(_ a: BigInt, _ b: BigInt) throws(PyArithmeticError) -> BigInt {
        if a.isZero || a == 1 || b.isZero { return b.isZero ? 1 : a }
        if a == -1 { return (b.magnitude.words.first ?? 0) & 1 == 0 ? 1 : -1 }
        guard let exponent = Int(exactly: b),
              exponent.multipliedReportingOverflow(by: a.magnitude.bitWidth).partialValue <= maxBits,
              exponent < maxBits else {
            throw .memory
        }
        return a.power(exponent)
    }

    /// `pow(base, exp, mod)`: a negative exponent means the modular inverse; the result
    /// takes the sign of the modulus.
    public static func modPow(_ base: BigInt, _ exp: BigInt, _ modulus: BigInt) throws(PyArithmeticError) -> BigInt {
        if modulus.isZero { throw .valueError("pow() 3rd argument cannot be 0") }
        let m = BigInt(modulus.magnitude)
        var b = base.modulus(m)
        var e = exp
        if e.sign == .minus && !e.isZero {
            guard let inverse = b.inverse(m) else {
                throw .valueError("base is not invertible for the given modulus")
            }
            b = inverse
            e = -e
        }
        var result = m == 1 ? 0 : b.power(e, modulus: m)
        if modulus.sign == .minus && !result.isZero { result -= m }
        return result
    }

    public static func leftShift(_ a: BigInt, _ n: BigInt) throws(PyArithmeticError) -> BigInt {
        if n.sign == .minus && !n.isZero { throw .valueError("negative shift count") }
        if a.isZero { return 0 }
        guard let count = Int(exactly: n), count <= maxBits else {
            // CPython's words when the shift count itself is past a machine word.
            if Int(exactly: n) == nil { throw .overflow("too many digits in integer") }
            throw .memory
        }
        return a << count
    }

    /// `>>` rounds toward negative infinity, as Python's does (BigInt's shifts the magnitude).
    public static func rightShift(_ a: BigInt, _ n: BigInt) throws(PyArithmeticError) -> BigInt {
        if n.sign == .minus && !n.isZero { throw .valueError("negative shift count") }
        guard let count = Int(exactly: n), count < a.magnitude.bitWidth + 1 else {
            return a.sign == .minus && !a.isZero ? -1 : 0
        }
        if a.sign == .plus { return a >> count }
        // floor(a / 2**count) for negative a: -((|a| - 1) >> count) - 1
        return -(BigInt(a.magnitude - 1) >> count) - 1
    }

    public enum BitOperation { case and, or, xor }

    /// `&`, `|`, `^` on Python's infinite two's complement: both operands are written out in
    /// two's complement over enough words for the sign, combined word by word and read back.
    public static func bitwise(_ op: BitOperation, _ a: BigInt, _ b: BigInt) -> BigInt {
        let count = max(a.magnitude.words.count, b.magnitude.words.count) + 1
        let x = twosComplement(a, count), y = twosComplement(b, count)
        var words = [UInt](repeating: 0, count: count)
        for i in 0..<count {
            switch op {
            case .and: words[i] = x[i] & y[i]
            case .or: words[i] = x[i] | y[i]
            case .xor: words[i] = x[i] ^ y[i]
            }
        }
        let negative = words[count - 1] >> (UInt.bitWidth - 1) == 1
        if negative { negate(&words) }
        let magnitude = BigInt.Magnitude(words: words)
        return BigInt(sign: negative ? .minus : .plus, magnitude: magnitude)
    }

    private static func twosComplement(_ v: BigInt, _ count: Int) -> [UInt] {
        var words = [UInt](repeating: 0, count: count)
        for (i, w) in v.magnitude.words.enumerated() { words[i] = w }
        if v.sign == .minus && !v.isZero { negate(&words) }
        return words
    }

    private static func negate(_ words: inout [UInt]) {
        var carry = true
        for i in words.indices {
            let (sum, overflow) = (~words[i]).addingReportingOverflow(carry ? 1 : 0)
            words[i] = sum
            carry = overflow
        }
    }

    /// `float(n)`, correctly rounded (round-half-even) as CPython's `_PyLong_Frexp` and
    /// `PyLong_AsDouble`; OverflowError past the largest double.
    public static func toDouble(_ v: BigInt, overflowMessage: String = "int too large to convert to float") throws(PyArithmeticError) -> Double {
        let magnitude = v.magnitude
        let bits = magnitude.bitWidth
        if bits <= 53 { return Double(v.sign == .minus ? -Double(magnitude) : Double(magnitude)) }
        // Keep 55 bits (53 + a rounding bit + a guard bit), fold the rest into a sticky bit,
        // so converting that to Double rounds once, to nearest-even, as the exact value would.
        let shift = bits - 55
        var top = UInt64(magnitude >> shift)
        if magnitude.trailingZeroBitCount < shift { top |= 1 }
        let result = Double(sign: .plus, exponent: shift, significand: Double(top))
        guard result.isFinite else { throw .overflow(overflowMessage) }
        return v.sign == .minus ? -result : result
    }

    /// `a / b` for ints: correctly rounded like CPython's `long_true_divide`.
    public static func trueDiv(_ a: BigInt, _ b: BigInt) throws(PyArithmeticError) -> Double {
        if b.isZero { throw .zeroDivision("division by zero") }
        let negative = (a.sign == .minus && !a.isZero) != (b.sign == .minus)
        if a.isZero { return negative ? -0.0 : 0.0 }
        let magA = BigInt(a.magnitude), magB = BigInt(b.magnitude)
        // Scale so the integer quotient has at least 55 significant bits; the remainder
        // becomes a sticky bit, and the one rounding to Double is then exact.
        let shift = 55 - (magA.magnitude.bitWidth - magB.magnitude.bitWidth)
        let (q, r) = shift >= 0
            ? (magA << shift).quotientAndRemainder(dividingBy: magB)
            : magA.quotientAndRemainder(dividingBy: magB << -shift)
        var quotient = q
        if !r.isZero { quotient |= 1 }
        // quotient has 55 or 56 bits: exact in UInt64, rounded once by Double(...).
        let mantissa = Double(UInt64(quotient))
        let result = Double(sign: .plus, exponent: -shift, significand: mantissa)
        guard result.isFinite else { throw .overflow("integer division result too large for a float") }
        return negative ? -result : result
    }

    /// `int(x)` for a float past 64 bits: exact (every such float is an integer).
    public static func fromDouble(_ x: Double) throws(PyArithmeticError) -> BigInt {
        if x.isNaN { throw .valueError("cannot convert float NaN to integer") }
        if x.isInfinite { throw .overflow("cannot convert float infinity to integer") }
        return BigInt(x.rounded(.towardZero))
    }

    /// Compares an int with a float exactly, as CPython's `float_richcompare` does (no
    /// rounding of the int): -1, 0 or 1, or nil when the float is NaN.
    public static func compare(_ a: BigInt, _ d: Double) -> Int? {
        if d.isNaN { return nil }
        if d.isInfinite { return d > 0 ? -1 : 1 }
        let whole = d.rounded(.down)
        let w = BigInt(whole)
        if a < w { return -1 }
        if a > w { return 1 }
        return whole == d ? 0 : -1
    }

    /// `hash(n)`: n reduced modulo 2**61 - 1, keeping its sign (`long_hash`).
    public static func hash(_ v: BigInt) -> Int {
        let reduced = Int(v.magnitude % BigInt.Magnitude(PyHash.modulus))
        let h = v.sign == .minus ? -reduced : reduced
        return h == -1 ? -2 : h
    }

    /// The ValueError of an int-to-decimal conversion past `maxStringDigits`
    /// (`long_to_decimal_string_internal`), whichever path converts: `str`, `%d`, `format`.
    public static let digitLimitMessage = "Exceeds the limit (\(maxStringDigits) digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"

    /// `str(n)`; ValueError past 4300 digits, as CPython 3.11.
    public static func decimal(_ v: BigInt) throws(PyArithmeticError) -> String {
        // log10(2) < 0.30103: an int with at most 14284 bits has at most 4300 digits.
        if v.magnitude.bitWidth > 14_284 {
            let text = String(v.magnitude)
            if text.count > maxStringDigits {
                throw .valueError(digitLimitMessage)
            }
            return v.sign == .minus ? "-" + text : text
        }
        return String(v)
    }

    /// `int(s, base)` for digits that do not fit in 64 bits (the caller tried `PyInt.parse`
    /// first). The text has already passed `PyInt.syntax`; nil when it is not valid.
    public static func parse(_ s: String, base: Int) throws(PyArithmeticError) -> BigInt? {
        guard let (negative, digits, radix) = PyInt.digits(s, base: base) else { return nil }
        if radix & (radix - 1) != 0 && digits.count > maxStringDigits {
            throw .valueError("Exceeds the limit (\(maxStringDigits) digits) for integer string conversion: value has \(digits.count) digits; use sys.set_int_max_str_digits() to increase the limit")
        }
        guard let magnitude = BigInt(digits, radix: radix) else { return nil }
        return negative ? -magnitude : magnitude
    }
}
