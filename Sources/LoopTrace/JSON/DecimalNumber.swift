#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decimal numbers read straight from a line's bytes, with no text in between, correctly
/// rounded: every result has the bits strtod gives, so a written double reads back unchanged.
///
/// A trace's numbers are short decimals (`0.192`, `1e-05`), which one multiplication or
/// division of two exact doubles rounds correctly (Clinger's fast path, as in David Gay's
/// strtod and fast_float), or the writer's shortest 17-digit forms (`0.0020000000000000018`),
/// which exact 128-bit integer arithmetic rounds: the significand times or divided by a
/// power of ten, then rounded to 53 bits once. Anything else (over 19 digits, exponents far
/// from zero) goes to strtod.
enum DecimalNumber {
    /// 10^0 … 10^22: the powers of ten a double holds exactly.
    private static let exactPowersOfTen: [Double] = (0...22).map { (0..<$0).reduce(1.0) { r, _ in r * 10 } }

    /// 10^0 … 10^21 as integers.
    private static let integerPowersOfTen: [UInt128] = (0...21).map { (0..<$0).reduce(UInt128(1)) { r, _ in r * 10 } }

    /// 2^53: integers up to it are exact doubles.
    private static let exactIntegerLimit: UInt64 = 1 << 53

    /// The number at `bytes[start...]` in JSON's grammar (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`)
    /// and the position after it; nil when no number starts there. Whatever follows the
    /// number is the caller's to check.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (value: Double, end: Int)? {
        var i = start
        let negative = i < end && bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        // The significand's digits (leading zeros dropped: they count towards no limit) and
        // the power of ten scaling them; more than 19 digits do not fit 64 bits.
        var significand: UInt64 = 0
        var digits = 0
        var exponent = 0
        guard i < end, bytes[i] &- 0x30 < 10 else { return nil }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
        } else {
            while i < end, case let d = bytes[i] &- 0x30, d < 10 {
                significand = significand &* 10 &+ UInt64(d)
                digits += 1
                i += 1
            }
        }
        if i < end, bytes[i] == UInt8(ascii: ".") {
            i += 1
            let fractionStart = i
            while i < end, case let d = bytes[i] &- 0x30, d < 10 {
                if significand != 0 || d != 0 {
                    significand = significand &* 10 &+ UInt64(d)
                    digits += 1
                }
                i += 1
            }
            guard i > fractionStart else { return nil }
            exponent = fractionStart - i
        }
        if i < end, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var negativeExponent = false
            if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
                negativeExponent = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            let exponentStart = i
            var e = 0
            while i < end, case let d = bytes[i] &- 0x30, d < 10 {
                if e < 100_000 { e = e &* 10 &+ Int(d) }
                i += 1
            }
            guard i > exponentStart else { return nil }
            // A huge exponent is left to strtod, like too many digits.
            if e >= 100_000 { digits = Int.max }
            exponent += negativeExponent ? -e : e
        }
        if significand == 0, digits <= 19 { return (negative ? -0.0 : 0.0, i) }
        guard digits <= 19, let magnitude = exactly(significand, exponent) else { return (strtod(bytes, start..<i), i) }
        return (negative ? -magnitude : magnitude, i)
    }

    /// The number `bytes[range]` (a whole JSON number token), correctly rounded.
    static func double(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double {
        if let (value, end) = parse(bytes, from: range.lowerBound, to: range.upperBound), end == range.upperBound { return value }
        return strtod(bytes, range)
    }

    /// significand · 10^exponent correctly rounded, when the fast paths can; else nil.
    private static func exactly(_ significand: UInt64, _ exponent: Int) -> Double? {
        if significand <= exactIntegerLimit, exponent >= -22, exponent <= 22 {
            // Both operands exact, so the one rounding of the operation is the correct one.
            return exponent >= 0 ? Double(significand) * exactPowersOfTen[exponent]
                : Double(significand) / exactPowersOfTen[-exponent]
        }
        if exponent >= 0, exponent <= 19 {
            // The product is exact in 128 bits (both factors are below 2^64).
            return rounded(UInt128(significand) * integerPowersOfTen[exponent], sticky: false, scale: 0)
        }
        if exponent < 0, exponent >= -21 {
            // The significand shifted to the top of 128 bits, divided exactly; the remainder
            // says whether anything was lost below the quotient.
            let shift = UInt64(significand).leadingZeroBitCount + 64
            let dividend = UInt128(significand) << shift
            let divisor = integerPowersOfTen[-exponent]
            let (quotient, remainder) = dividend.quotientAndRemainder(dividingBy: divisor)
            // Enough bits for the 53 kept, the rounding bit, and one more (else let strtod).
            guard UInt128.bitWidth - quotient.leadingZeroBitCount >= 55 else { return nil }
            return rounded(quotient, sticky: remainder != 0, scale: -shift)
        }
        return nil
    }

    /// `value` · 2^scale rounded to a double (to nearest, ties to even), where `sticky` says
    /// the true value is a little above `value`. Nil when the result would not be a normal
    /// double (strtod decides those).
    private static func rounded(_ value: UInt128, sticky: Bool, scale: Int) -> Double? {
        let bits = UInt128.bitWidth - value.leadingZeroBitCount
        guard bits > 53 else {
            // Exact already (nothing below the 53 bits), unless sticky bits remain.
            guard !sticky else { return nil }
            return Double(sign: .plus, exponent: scale, significand: Double(UInt64(value)))
        }
        let drop = bits - 53
        var kept = UInt64(value >> drop)
        let rest = value & ((UInt128(1) << drop) - 1)
        let half = UInt128(1) << (drop - 1)
        if rest > half || (rest == half && (sticky || kept & 1 == 1)) { kept += 1 }
        let exponent = scale + drop
        // Stay clear of overflow and subnormals, where the scaling below would round again.
        guard exponent + 53 < 1000, exponent > -1000 else { return nil }
        return Double(sign: .plus, exponent: exponent, significand: Double(kept))
    }

    /// strtod on `bytes[range]`, copied with a terminating NUL.
    static func strtod(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: range.count + 1) { buffer in
            var k = 0
            for i in range { buffer[k] = CChar(bitPattern: bytes[i]); k += 1 }
            buffer[k] = 0
            #if canImport(Glibc)
            return Glibc.strtod(buffer.baseAddress!, nil)
            #else
            return Darwin.strtod(buffer.baseAddress!, nil)
            #endif
        }
    }
}
