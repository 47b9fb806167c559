/// Python's `repr()` of a `str` (CPython's `unicode_repr`).
public enum PyString {
    /// Quote with `'` unless the text contains `'` and no `"`; escape the chosen quote and
    /// backslash; `\t \n \r` by name; other ASCII control characters and DEL as `\xNN`;
    /// non-ASCII kept when printable, otherwise `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
    public static func repr(_ s: String) -> String {
        var hasSingle = false
        var hasDouble = false
        for scalar in s.unicodeScalars {
            if scalar == "'" { hasSingle = true } else if scalar == "\"" { hasDouble = true }
        }
        let quote: Unicode.Scalar = (hasSingle && !hasDouble) ? "\"" : "'"

        var out = String.UnicodeScalarView()
        out.append(quote)
        for scalar in s.unicodeScalars {
            let value = scalar.value
            if scalar == quote || scalar == "\\" {
                out.append("\\")
                out.append(scalar)
            } else if scalar == "\t" {
                out.append(contentsOf: "\\t".unicodeScalars)
            } else if scalar == "\n" {
                out.append(contentsOf: "\\n".unicodeScalars)
            } else if scalar == "\r" {
                out.append(contentsOf: "\\r".unicodeScalars)
            } else if value < 0x20 || value == 0x7F {
                out.append(contentsOf: hexEscape(value, marker: "x", width: 2).unicodeScalars)
            } else if value < 0x7F {
                out.append(scalar)
            } else if UnicodeCType.isPrintable(scalar) {
                out.append(scalar)
            } else if value <= 0xFF {
                out.append(contentsOf: hexEscape(value, marker: "x", width: 2).unicodeScalars)
            } else if value <= 0xFFFF {
                out.append(contentsOf: hexEscape(value, marker: "u", width: 4).unicodeScalars)
            } else {
                out.append(contentsOf: hexEscape(value, marker: "U", width: 8).unicodeScalars)
            }
        }
        out.append(quote)
        return String(out)
    }

    private static func hexEscape(_ value: UInt32, marker: Character, width: Int) -> String {
        let hex = String(value, radix: 16)  // lowercase, as CPython writes it
        return "\\" + String(marker) + String(repeating: "0", count: max(0, width - hex.count)) + hex
    }
}
