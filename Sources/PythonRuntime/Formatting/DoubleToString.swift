/// A port of CPython's `PyOS_double_to_string` / `format_float_short` (Python/pystrtod.c):
/// the one routine behind `repr(float)`, `str(float)`, `'%e' '%f' '%g'` and `format()`.
/// Digit generation is `FloatDigits`; this file is only the layout, kept line-for-line close
/// to CPython so the many corner cases (trailing '.', "-0", exponent thresholds) agree.
package enum DoubleToString {
    package struct Flags: OptionSet {
        package let rawValue: Int
        package init(rawValue: Int) { self.rawValue = rawValue }
        /// Py_DTSF_SIGN: always write a sign.
        package static let sign = Flags(rawValue: 1)
        /// Py_DTSF_ADD_DOT_0: integral values get ".0" (repr, and format() with no type).
        package static let addDot0 = Flags(rawValue: 2)
        /// Py_DTSF_ALT: '#' — keep the trailing '.', and trailing zeros for 'g'.
        package static let alt = Flags(rawValue: 4)
        /// Py_DTSF_NO_NEG_0: 'z' — a result that reads as zero loses its minus sign.
        package static let noNegativeZero = Flags(rawValue: 8)
    }

    /// `formatCode` is one of e E f F g G r (r requires precision 0).
    package static func convert(_ value: Double, formatCode: Character, precision: Int, flags: Flags) -> String {
        var upper = false
        var code = formatCode
        var precision = precision
        switch formatCode {
        case "E": upper = true; code = "e"; precision += 1
        case "e": precision += 1
        case "F": upper = true; code = "f"
        case "f": break
        case "G": upper = true; code = "g"; if precision == 0 { precision = 1 }
        case "g": if precision == 0 { precision = 1 }
        case "r": precondition(precision == 0, "repr takes no precision")
        default: preconditionFailure("bad format code \(formatCode)")
        }

        var negative = value.sign == .minus
        if value.isNaN {
            // dtoa ignores the sign of a nan.
            return (flags.contains(.sign) ? "+" : "") + (upper ? "NAN" : "nan")
        }
        if value.isInfinite {
            let body = upper ? "INF" : "inf"
            return negative ? "-" + body : (flags.contains(.sign) ? "+" + body : body)
        }

        let generated: FloatDigits.Result
        switch code {
        case "e", "g": generated = FloatDigits.significant(value, count: precision)  // mode 2
        case "f": generated = FloatDigits.fixed(value, afterPoint: precision)         // mode 3
        default: generated = FloatDigits.shortest(value)                              // mode 0
        }
        let digits = generated.digits
        var decpt = generated.decimalPoint
        let digitsLen = digits.count

        if flags.contains(.noNegativeZero) && negative
            && (digitsLen == 0 || (digitsLen == 1 && digits[0] == 0)) {
            negative = false
        }

        let addDot0 = flags.contains(.addDot0)
        let alt = flags.contains(.alt)
        var useExp = false
        var vdigitsEnd = digitsLen
        switch code {
        case "e":
            useExp = true
            vdigitsEnd = precision
        case "f":
            vdigitsEnd = decpt + precision
        case "g":
            if decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision) { useExp = true }
            if alt { vdigitsEnd = precision }
        default:  // "r"
            // Exponent from 1e16 on: a 16-digit shortest repr padded with zeros would
            // otherwise look more precise than it is (CPython's comment: 2e16+8).
            if decpt <= -4 || decpt > 16 { useExp = true }
        }

        var exp = 0
        if useExp {
            exp = decpt - 1
            decpt = 1
        }
        // Ensure vdigitsStart < decpt <= vdigitsEnd (strictly < when a ".0" must be added).
        let vdigitsStart = decpt <= 0 ? decpt - 1 : 0
        if !useExp && addDot0 {
            vdigitsEnd = max(vdigitsEnd, decpt + 1)
        } else {
            vdigitsEnd = max(vdigitsEnd, decpt)
        }

        var out: [UInt8] = []
        out.reserveCapacity(vdigitsEnd - vdigitsStart + 8)
        let zero = UInt8(ascii: "0")
        let dot = UInt8(ascii: ".")
        if negative {
            out.append(UInt8(ascii: "-"))
        } else if flags.contains(.sign) {
            out.append(UInt8(ascii: "+"))
        }
        // Zero padding on the left of the digit string.
        if decpt <= 0 {
            out.append(contentsOf: repeatElement(zero, count: decpt - vdigitsStart))
            out.append(dot)
            out.append(contentsOf: repeatElement(zero, count: -decpt))
        } else {
            out.append(contentsOf: repeatElement(zero, count: -vdigitsStart))
        }
        // The digits, with the decimal point inside them if it falls there.
        if 0 < decpt && decpt <= digitsLen {
            out.append(contentsOf: digits[0..<decpt].map { $0 + zero })
            out.append(dot)
            out.append(contentsOf: digits[decpt...].map { $0 + zero })
        } else {
            out.append(contentsOf: digits.map { $0 + zero })
        }
        // Zeros on the right.
        if digitsLen < decpt {
            out.append(contentsOf: repeatElement(zero, count: decpt - digitsLen))
            out.append(dot)
            out.append(contentsOf: repeatElement(zero, count: vdigitsEnd - decpt))
        } else {
            out.append(contentsOf: repeatElement(zero, count: vdigitsEnd - digitsLen))
        }
        // A trailing '.' is only kept in alternate ('#') form.
        if out.last == dot && !alt { out.removeLast() }

        if useExp {
            out.append(upper ? UInt8(ascii: "E") : UInt8(ascii: "e"))
            // C's "%+.02d": sign always, at least two digits.
            out.append(exp < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            let magnitude = String(Swift.abs(exp))
            if magnitude.count < 2 { out.append(zero) }
            out.append(contentsOf: magnitude.utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
