/// Digit generation for finite doubles with the same contract as CPython's `_Py_dg_dtoa`
/// (David Gay's dtoa), which every float-to-text path in CPython goes through:
///
/// - mode 0: the shortest digit string that reads back as the same double (and, among
///   those, the one closest to the true value);
/// - mode 2: `max(1, n)` significant digits, correctly rounded (ties to even);
/// - mode 3: `n` digits after the decimal point (n may be negative), correctly rounded.
///
/// The result is `0.d1d2... * 10^decimalPoint`, trailing zeros stripped, and the sign is not
/// part of it. Zero is `"0"` with decimalPoint 1. In mode 3 a value that rounds to zero gives
/// *no* digits and decimalPoint `-n`, exactly as dtoa does (the layout code relies on that).
package enum FloatDigits {
    package struct Result: Equatable {
        package var digits: [UInt8]  // values 0...9
        package var decimalPoint: Int
    }

    /// Mode 0. Swift's `description` is already the shortest round-tripping, closest
    /// representation (SwiftDtoa); only its layout differs from Python's, so we take its
    /// digits and exponent apart and let the caller lay them out Python's way.
    package static func shortest(_ x: Double) -> Result {
        precondition(x.isFinite)
        if x == 0 { return Result(digits: [0], decimalPoint: 1) }
        let text = Swift.abs(x).description.utf8
        var digits: [UInt8] = []
        var pointPosition: Int? = nil  // number of mantissa digits before the '.'
        var exponent = 0
        var iterator = text.makeIterator()
        var sawE = false
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits.append(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "."):
                pointPosition = digits.count
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                sawE = true
            default:
                preconditionFailure("unexpected character in Double.description")
            }
            if sawE { break }
        }
        if sawE {
            var negative = false
            var value = 0
            while let byte = iterator.next() {
                switch byte {
                case UInt8(ascii: "-"): negative = true
                case UInt8(ascii: "+"): break
                default: value = value * 10 + Int(byte - UInt8(ascii: "0"))
                }
            }
            exponent = negative ? -value : value
        }
        var decimalPoint = (pointPosition ?? digits.count) + exponent
        // "0.0001" -> leading zeros shift the point; "100.0" -> trailing zeros are dropped.
        while let first = digits.first, first == 0 {
            digits.removeFirst()
            decimalPoint -= 1
        }
        while let last = digits.last, last == 0 { digits.removeLast() }
        return Result(digits: digits, decimalPoint: decimalPoint)
    }

    /// Mode 2: `max(1, count)` significant digits.
    package static func significant(_ x: Double, count: Int) -> Result {
        precondition(x.isFinite)
        if x == 0 { return Result(digits: [0], decimalPoint: 1) }
        let exact = ExactDecimal(x)
        let (digits, point) = exact.rounded(toSignificantDigits: max(1, count))
        return Result(digits: digits, decimalPoint: point)
    }

    /// Mode 3: `count` digits after the decimal point (negative rounds to tens, hundreds...).
    package static func fixed(_ x: Double, afterPoint count: Int) -> Result {
        precondition(x.isFinite)
        if x == 0 { return Result(digits: [0], decimalPoint: 1) }
        let exact = ExactDecimal(x)
        let (digits, point) = exact.rounded(toSignificantDigits: exact.decimalPoint + count)
        if digits.isEmpty { return Result(digits: [], decimalPoint: -count) }
        return Result(digits: digits, decimalPoint: point)
    }
}
