/// The parsed form of a standard format specifier,
/// `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
///
/// A port of CPython 3.11's `parse_internal_render_format_spec` (Python/formatter_unicode.c).
/// Everything is handled as Unicode scalars, because that is what CPython counts: the fill
/// may be any code point and widths are measured in code points.
package struct FormatSpec {
    package enum Grouping: Equatable {
        case none
        case comma            // ',': groups of three
        case underscore       // '_': groups of three
        case underscoreFour   // '_' with b/o/x/X: groups of four
    }

    package var fill: Unicode.Scalar = " "
    package var align: Unicode.Scalar
    package var alternate = false
    package var noNegativeZero = false
    package var sign: Unicode.Scalar? = nil
    package var width = -1          // -1: not given
    package var grouping: Grouping = .none
    package var precision = -1      // -1: not given
    package var type: Unicode.Scalar?  // nil: no type given and no default (floats)

    /// The width a spec asks for (0 when none, or when the spec is malformed: formatting
    /// reports that), so the memory it would take is checked before any padding is built.
    package static func declaredWidth(_ spec: String) -> Int {
        guard !spec.isEmpty, let parsed = try? FormatSpec(spec, defaultType: nil, defaultAlign: "<", typeName: "str") else { return 0 }
        return max(0, parsed.width)
    }

    /// `typeName` is the Python type name used in error messages ("int", "float", "str").
    package init(_ spec: String, defaultType: Unicode.Scalar?, defaultAlign: Unicode.Scalar,
         typeName: String) throws(PyFormatError) {
        let chars = Array(spec.unicodeScalars)
        let end = chars.count
        var pos = 0
        align = defaultAlign
        type = defaultType
        var alignSpecified = false
        var fillSpecified = false

        func isAlign(_ c: Unicode.Scalar) -> Bool { c == "<" || c == ">" || c == "=" || c == "^" }

        // If the second character is an alignment token, the first is the fill.
        if end - pos >= 2 && isAlign(chars[pos + 1]) {
            align = chars[pos + 1]
            fill = chars[pos]
            fillSpecified = true
            alignSpecified = true
            pos += 2
        } else if end - pos >= 1 && isAlign(chars[pos]) {
            align = chars[pos]
            alignSpecified = true
            pos += 1
        }
        if end - pos >= 1 && (chars[pos] == " " || chars[pos] == "+" || chars[pos] == "-") {
            sign = chars[pos]
            pos += 1
        }
        if end - pos >= 1 && chars[pos] == "z" {
            noNegativeZero = true
            pos += 1
        }
        if end - pos >= 1 && chars[pos] == "#" {
            alternate = true
            pos += 1
        }
        // A leading '0' means zero-fill, and for right-aligned-by-default types (numbers)
        // padding between sign and digits. Strings keep their '<' default: 'ab000'.
        if !fillSpecified && end - pos >= 1 && chars[pos] == "0" {
            fill = "0"
            if !alignSpecified && defaultAlign == ">" {
                align = "="
            }
            pos += 1
        }
        if let parsedWidth = try Self.integer(chars, &pos) {
            width = parsedWidth
        }
        if end - pos >= 1 && chars[pos] == "," {
            grouping = .comma
            pos += 1
        }
        if end - pos >= 1 && chars[pos] == "_" {
            if grouping != .none { throw PyFormatError(message: "Cannot specify both ',' and '_'.") }
            grouping = .underscore
            pos += 1
        }
        if end - pos >= 1 && chars[pos] == "," && grouping == .underscore {
            throw PyFormatError(message: "Cannot specify both ',' and '_'.")
        }
        if end - pos >= 1 && chars[pos] == "." {
            pos += 1
            guard let parsedPrecision = try Self.integer(chars, &pos) else {
                throw PyFormatError(message: "Format specifier missing precision")
            }
            precision = parsedPrecision
        }
        if end - pos > 1 {
            throw PyFormatError(
                message: "Invalid format specifier '\(spec)' for object of type '\(typeName)'")
        }
        if end - pos == 1 {
            type = chars[pos]
            pos += 1
        }
        // Grouping is validated against the type alone (PEP 378 / PEP 515).
        if grouping != .none {
            switch type {
            case nil, "d", "e", "f", "g", "E", "G", "%", "F":
                break
            case "b", "o", "x", "X":
                // Underscores group bin/oct/hex by four; commas are not allowed there.
                guard grouping == .underscore else { throw Self.invalidGrouping(grouping, type) }
                grouping = .underscoreFour
            default:
                throw Self.invalidGrouping(grouping, type)
            }
        }
    }

    private static func invalidGrouping(_ grouping: Grouping, _ type: Unicode.Scalar?) -> PyFormatError {
        let specifier = grouping == .comma ? "," : "_"
        return PyFormatError(message: "Cannot specify '\(specifier)' with \(describeCode(type)).")
    }

    /// `get_integer`: a run of (Unicode) decimal digits, nil if there is none.
    private static func integer(_ chars: [Unicode.Scalar], _ pos: inout Int) throws(PyFormatError) -> Int? {
        var accumulator = 0
        var count = 0
        while pos < chars.count, let digit = decimalValue(chars[pos]) {
            if accumulator > (Int.max - digit) / 10 {
                throw PyFormatError(message: "Too many decimal digits in format string")
            }
            accumulator = accumulator * 10 + digit
            pos += 1
            count += 1
        }
        return count == 0 ? nil : accumulator
    }

    /// `Py_UNICODE_TODECIMAL`: ASCII and other Unicode decimal digits.
    private static func decimalValue(_ c: Unicode.Scalar) -> Int? {
        if c.value >= 0x30 && c.value <= 0x39 { return Int(c.value - 0x30) }
        if c.value < 128 { return nil }
        if c.properties.numericType == .decimal, let value = c.properties.numericValue {
            return Int(value)
        }
        return nil
    }

    /// How CPython quotes a presentation type in messages: 'x' for printable ASCII,
    /// '\x..' (lowercase hex, no padding) for anything else.
    package static func describeCode(_ code: Unicode.Scalar?) -> String {
        let value = code?.value ?? 0
        if value > 32 && value < 128 {
            return "'\(Character(code!))'"
        }
        return "'\\x\(String(value, radix: 16))'"
    }

    /// `unknown_presentation_type`
    package static func unknownCode(_ code: Unicode.Scalar?, typeName: String) -> PyFormatError {
        PyFormatError(message: "Unknown format code \(describeCode(code)) for object of type '\(typeName)'")
    }
}
