/// Python's `float` text conversions and `round()`.
public enum PyFloat {
    /// `repr(x)` (== `str(x)` in Python 3): shortest round-tripping digits laid out by
    /// `float_repr_style = 'short'`, i.e. `format_float_short(x, 'r', 0, Py_DTSF_ADD_DOT_0)`:
    /// exponent form when the decimal exponent is < -4 or >= 16 ("1e-05", "1e+16"),
    /// ".0" on integral values ("100.0"), "inf", "-inf", "nan", "-0.0".
    public static func repr(_ x: Double) -> String {
        DoubleToString.convert(x, formatCode: "r", precision: 0, flags: .addDot0)
    }

    // CPython's float_round clamps ndigits: beyond NDIGITS_MAX every double already has
    // that many decimals, below NDIGITS_MIN every double rounds to zero.
    // (int)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103) and -(int)((DBL_MAX_EXP + 1) * 0.30103).
    private static let ndigitsMax = 323
    private static let ndigitsMin = -308

    /// `round(x, ndigits)`: correctly rounded, ties to even on the *exact* binary value, so
    /// `round(2.675, 2) == 2.67` (2.675 is really 2.67499999...). Like CPython it rounds to
    /// a decimal string (dtoa mode 3) and reads that back.
    ///
    /// In the one case where Python raises (the rounded value overflows, e.g.
    /// `round(1.7976931348623157e308, -308)`), this returns the infinity; use `roundChecked`
    /// to get the OverflowError.
    public static func round(_ x: Double, ndigits: Int) -> Double {
        (try? roundChecked(x, ndigits: ndigits)) ?? (x < 0 ? -.infinity : .infinity)
    }

    /// `round(x, ndigits)` including CPython's OverflowError
    /// "rounded value too large to represent".
    public static func roundChecked(_ x: Double, ndigits: Int) throws(PyArithmeticError) -> Double {
        // nans and infinities round to themselves
        if !x.isFinite { return x }
        if ndigits > ndigitsMax { return x }
        if ndigits < ndigitsMin { return 0.0 * x }  // zero with the sign of x
        let rounded = FloatDigits.fixed(x, afterPoint: ndigits)
        // CPython: snprintf("%s0%se%d", sign, digits, decpt - len(digits)), then strtod.
        var text = x.sign == .minus ? "-0" : "0"
        text += String(decoding: rounded.digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
        text += "e\(rounded.decimalPoint - rounded.digits.count)"
        guard let value = Double(text) else {
            preconditionFailure("round produced unparsable text \(text)")
        }
        if value.isInfinite {
            throw .overflow("rounded value too large to represent")
        }
        return value
    }

    /// `round(x)` with no ndigits, which returns an int in Python: round half to even.
    public static func roundToInt(_ x: Double) throws(PyArithmeticError) -> Int {
        // CPython: rounded = round(x); if fabs(x - rounded) == 0.5: rounded = 2 * round(x / 2)
        var rounded = x.rounded(.toNearestOrAwayFromZero)
        if Swift.abs(x - rounded) == 0.5 {
            rounded = 2.0 * (x / 2.0).rounded(.toNearestOrAwayFromZero)
        }
        return try PyInt.fromFloat(rounded)
    }

    /// `float(s)`: surrounding whitespace, optional sign, decimal literal with optional
    /// exponent, single underscores between digits, or inf / infinity / nan in any case.
    /// Hex and other forms are rejected. Returns nil where Python raises ValueError.
    /// Out-of-range literals give ±inf or ±0.0, as Python's do.
    public static func parse(_ s: String) -> Double? {
        let ascii = NumericText.transformDecimalAndSpaceToASCII(s)
        var bytes = ascii[...]
        if ascii.contains(UInt8(ascii: "_")) {
            guard let cleaned = NumericText.removingUnderscores(ascii) else { return nil }
            bytes = cleaned[...]
        }
        let body = NumericText.stripped(Array(bytes))
        if body.isEmpty { return nil }

        if let special = parseInfOrNan(body) { return special }
        guard isDecimalLiteral(body) else { return nil }
        // The grammar is now known to be plain decimal, which Swift's (strtod-based,
        // correctly rounded) parser reads exactly as dtoa's strtod would.
        return Double(String(decoding: body, as: UTF8.self))
    }

    /// `_Py_parse_inf_or_nan`: [sign] ("inf" | "infinity" | "nan"), case-insensitive.
    private static func parseInfOrNan(_ body: ArraySlice<UInt8>) -> Double? {
        guard let (value, length) = infOrNanPrefix(body), length == body.count else { return nil }
        return value
    }

    /// `_Py_parse_inf_or_nan` with its end pointer: the value of the special value
    /// `body` starts with ("infinity" preferred to "inf") and how many bytes it takes.
    private static func infOrNanPrefix(_ body: ArraySlice<UInt8>) -> (Double, Int)? {
        var rest = body
        var negative = false
        if let first = rest.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            rest.removeFirst()
        }
        func startsWith(_ word: String) -> Bool {
            rest.count >= word.utf8.count && zip(rest, word.utf8).allSatisfy { $0 | 0x20 == $1 }
        }
        let sign = body.count - rest.count
        if startsWith("infinity") { return (negative ? -.infinity : .infinity, sign + 8) }
        if startsWith("inf") { return (negative ? -.infinity : .infinity, sign + 3) }
        if startsWith("nan") { return (negative ? -Double.nan : Double.nan, sign + 3) }
        return nil
    }

    /// `PyOS_string_to_double` with an end pointer (what `complex(str)` parses with): the
    /// float `body` starts with and how many bytes it takes; nil when it starts with none.
    package static func parsePrefix(_ body: ArraySlice<UInt8>) -> (value: Double, length: Int)? {
        if let special = infOrNanPrefix(body) { return special }
        let length = decimalPrefixLength(body)
        guard length > 0, let value = Double(String(decoding: body.prefix(length), as: UTF8.self)) else { return nil }
        return (value, length)
    }

    private static func isDecimalLiteral(_ body: ArraySlice<UInt8>) -> Bool {
        let length = decimalPrefixLength(body)
        return length > 0 && length == body.count
    }

    /// The length of the longest prefix of `body` of the form
    /// [sign] (digits [. [digits]] | . digits) [(e|E) [sign] digits]; 0 when none.
    private static func decimalPrefixLength(_ body: ArraySlice<UInt8>) -> Int {
        var index = body.startIndex
        let end = body.endIndex
        func skipDigits() -> Int {
            let start = index
            while index < end && NumericText.isDigit(body[index]) { index += 1 }
            return index - start
        }
        if index < end && (body[index] == UInt8(ascii: "+") || body[index] == UInt8(ascii: "-")) {
            index += 1
        }
        var mantissaDigits = skipDigits()
        if index < end && body[index] == UInt8(ascii: ".") {
            index += 1
            mantissaDigits += skipDigits()
        }
        if mantissaDigits == 0 { return 0 }
        let mantissaEnd = index
        if index < end && (body[index] == UInt8(ascii: "e") || body[index] == UInt8(ascii: "E")) {
            index += 1
            if index < end && (body[index] == UInt8(ascii: "+") || body[index] == UInt8(ascii: "-")) {
                index += 1
            }
            // "1e" and "1e+" end before the 'e', as strtod's do.
            if skipDigits() == 0 { index = mantissaEnd }
        }
        return index - body.startIndex
    }
}
