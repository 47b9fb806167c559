/// Padding, sign placement and digit grouping for formatted numbers: a port of CPython's
/// `calc_number_widths`, `fill_number` and `_PyUnicode_InsertThousandsGrouping`.
///
/// The output is
///     <lpadding> <sign> <prefix> <spadding> <grouped digits> <decimal> <remainder> <rpadding>
/// and the subtle part is zero padding ('0' fill with '=' alignment), which is not padding
/// at all but extra leading *digits*, so it gets grouped too: format(1234, '010,') is
/// '00,001,234'.
package enum NumberLayout {
    package struct Parts {
        package var negative: Bool
        package var prefix: [Unicode.Scalar] = []     // "0x" etc.
        package var digits: [Unicode.Scalar]          // the integer digits (grouped)
        package var hasDecimal = false                // a '.' follows the digits
        package var remainder: [Unicode.Scalar] = []  // fraction, exponent, '%', or the 'c' character
    }

    /// `useLocaleNone` is set for the 'n' type: CPython uses the current locale, which for a
    /// Python program that never calls setlocale() is "C": no grouping at all.
    package static func render(_ parts: Parts, spec: FormatSpec, useLocaleNone: Bool = false,
                       uppercase: Bool = false) -> String {
        var signChar: Unicode.Scalar? = nil
        switch spec.sign {
        case "+": signChar = parts.negative ? "-" : "+"
        case " ": signChar = parts.negative ? "-" : " "
        default: if parts.negative { signChar = "-" }
        }

        let groupSize: Int?
        let separator: Unicode.Scalar?
        switch useLocaleNone ? .none : spec.grouping {
        case .none: groupSize = nil; separator = nil
        case .comma: groupSize = 3; separator = ","
        case .underscore: groupSize = 3; separator = "_"
        case .underscoreFour: groupSize = 4; separator = "_"
        }

        let nonDigitNonPadding = (signChar == nil ? 0 : 1) + parts.prefix.count
            + (parts.hasDecimal ? 1 : 0) + parts.remainder.count
        let minWidth = (spec.fill == "0" && spec.align == "=") ? spec.width - nonDigitNonPadding : 0
        // The 'c' type has no digits at all; grouping always wants at least one.
        let grouped: [Unicode.Scalar] = parts.digits.isEmpty
            ? []
            : group(parts.digits, minWidth: minWidth, groupSize: groupSize, separator: separator)

        var left = 0, middle = 0, right = 0
        let padding = spec.width - (nonDigitNonPadding + grouped.count)
        if padding > 0 {
            switch spec.align {
            case "<": right = padding
            case "^": left = padding / 2; right = padding - left
            case "=": middle = padding
            default: left = padding
            }
        }

        var head = String.UnicodeScalarView()
        if let signChar { head.append(signChar) }
        head.append(contentsOf: uppercase ? parts.prefix.map(asciiUpper) : parts.prefix)
        var body = String.UnicodeScalarView()
        body.append(contentsOf: uppercase ? grouped.map(asciiUpper) : grouped)
        if parts.hasDecimal { body.append(".") }
        body.append(contentsOf: parts.remainder)
        return padded([.fill(spec.fill, left), .text(String(head)), .fill(spec.fill, middle), .text(String(body)),
                       .fill(spec.fill, right)])
    }

    private static func asciiUpper(_ c: Unicode.Scalar) -> Unicode.Scalar {
        (c.value >= 0x61 && c.value <= 0x7A) ? Unicode.Scalar(c.value - 32)! : c
    }

    /// `_PyUnicode_InsertThousandsGrouping`: works right to left in groups, padding with
    /// '0' digits until `minWidth` characters (separators included) have been produced.
    package static func group(_ digits: [Unicode.Scalar], minWidth: Int, groupSize: Int?,
                      separator: Unicode.Scalar?) -> [Unicode.Scalar] {
        var minWidth = max(0, minWidth)
        var remaining = digits.count
        var digitsEnd = digits.count
        var chunks: [[Unicode.Scalar]] = []  // right to left
        var useSeparator = false
        var loopBroken = false

        func emit(_ length: Int) {
            let zeros = max(0, length - remaining)
            let chars = max(0, min(remaining, length))
            var chunk = [Unicode.Scalar](repeating: "0", count: zeros)
            chunk.append(contentsOf: digits[(digitsEnd - chars)..<digitsEnd])
            if useSeparator, let separator { chunk.append(separator) }
            chunks.append(chunk)
            digitsEnd -= chars
            remaining -= chars
        }

        if let groupSize, separator != nil {
            // The grouping "\3" (or "\4") repeats forever, so this only ends via break.
            while true {
                let length = min(groupSize, max(max(remaining, minWidth), 1))
                emit(length)
                useSeparator = true
                minWidth -= length
                if remaining <= 0 && minWidth <= 0 {
                    loopBroken = true
                    break
                }
                minWidth -= 1  // the separator's width
            }
        }
        if !loopBroken {
            emit(max(max(remaining, minWidth), 1))
        }
        return chunks.reversed().flatMap { $0 }
    }
}
