/// Text normalisation shared by `int(str)` and `float(str)`.
///
/// CPython first runs `_PyUnicode_TransformDecimalAndSpaceToASCII`: every Unicode whitespace
/// character becomes ' ', every Unicode decimal digit (Arabic-Indic, fullwidth, ...) becomes
/// its ASCII digit, and anything else non-ASCII poisons the string (it becomes '?' and the
/// rest is dropped, so parsing then fails). Only after that are the ASCII grammars applied.
package enum NumericText {
    /// `Py_UNICODE_ISSPACE`: bidirectional class WS/B/S or category Zs. This set has been
    /// stable across Unicode versions, so it is spelled out rather than derived.
    package static func isPythonWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A,
             0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// `Py_ISSPACE`: the ASCII whitespace that the parsers strip after the transform.
    package static func isASCIISpace(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return true
        default: return false
        }
    }

    package static func transformDecimalAndSpaceToASCII(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            if scalar.value < 127 {
                out.append(UInt8(scalar.value))
            } else if isPythonWhitespace(scalar) {
                out.append(UInt8(ascii: " "))
            } else if scalar.properties.numericType == .decimal,
                      let value = scalar.properties.numericValue,
                      value >= 0, value <= 9 {
                out.append(UInt8(ascii: "0") + UInt8(value))
            } else {
                out.append(UInt8(ascii: "?"))
                break
            }
        }
        return out
    }

    /// Strip leading and trailing ASCII whitespace.
    package static func stripped(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        var slice = bytes[...]
        while let first = slice.first, isASCIISpace(first) { slice.removeFirst() }
        while let last = slice.last, isASCIISpace(last) { slice.removeLast() }
        return slice
    }

    package static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// `_Py_string_to_number_with_underscores`: the text without its underscores, each of
    /// which must sit between two digits (checked on the whole string, surrounding
    /// whitespace included); nil when one does not.
    package static func removingUnderscores(_ ascii: [UInt8]) -> [UInt8]? {
        var cleaned: [UInt8] = []
        var previous: UInt8 = 0
        for byte in ascii {
            if byte == UInt8(ascii: "_") {
                if !isDigit(previous) { return nil }
            } else {
                if previous == UInt8(ascii: "_") && !isDigit(byte) { return nil }
                cleaned.append(byte)
            }
            previous = byte
        }
        return previous == UInt8(ascii: "_") ? nil : cleaned
    }
}
