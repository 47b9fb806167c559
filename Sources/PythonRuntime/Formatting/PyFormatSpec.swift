/// `format(value, spec)` / f-string `{value:spec}` for int, float and str, following
/// CPython 3.11's Python/formatter_unicode.c (`format_long_internal`,
/// `format_float_internal`, `format_string_internal`) including its error messages.
public enum PyFormatSpec {
    // MARK: int

    public static func format(int value: Int, spec: String) throws(PyFormatError) -> String {
        // An empty spec is str(value).
        if spec.isEmpty { return String(value) }
        // int -> float conversion is correctly rounded in both Python and Swift.
        return try format(integer: value, spec: spec) { Double(value) }
    }

    /// `format(n, spec)` for any int, big ones too: `toDouble` converts it for the float
    /// presentation types (and may fail as CPython's conversion does).
    public static func format<T: BinaryInteger>(integer value: T, spec: String,
                                                toDouble: () throws(PyFormatError) -> Double) throws(PyFormatError) -> String {
        let parsed = try FormatSpec(spec, defaultType: "d", defaultAlign: ">", typeName: "int")
        switch parsed.type {
        case "b", "c", "d", "o", "x", "X", "n":
            return try formatInteger(value, parsed)
        case "e", "E", "f", "F", "g", "G", "%":
            return formatFloat(try toDouble(), parsed)
        default:
            throw FormatSpec.unknownCode(parsed.type, typeName: "int")
        }
    }

    private static func formatInteger<T: BinaryInteger>(_ value: T, _ spec: FormatSpec) throws(PyFormatError) -> String {
        if spec.precision != -1 {
            throw PyFormatError(message: "Precision not allowed in integer format specifier")
        }
        if spec.noNegativeZero {
            throw PyFormatError(message: "Negative zero coercion (z) not allowed in integer format specifier")
        }
        if spec.type == "c" {
            if spec.sign != nil {
                throw PyFormatError(message: "Sign not allowed with integer format specifier 'c'")
            }
            if spec.alternate {
                throw PyFormatError(message: "Alternate form (#) not allowed with integer format specifier 'c'")
            }
            guard value >= 0 && value <= 0x10FFFF else {
                throw PyFormatError(message: "%c arg not in range(0x110000)", pythonType: "OverflowError")
            }
            // Swift strings cannot hold lone surrogates, which Python can; U+FFFD stands in.
            let scalar = Unicode.Scalar(UInt32(value)) ?? "\u{FFFD}"
            // CPython passes the character as "remainder" so it is never grouped or padded
            // as a digit.
            return NumberLayout.render(.init(negative: false, digits: [], remainder: [scalar]), spec: spec)
        }
        let base: Int
        let prefix: String
        switch spec.type {
        case "b": base = 2; prefix = "0b"
        case "o": base = 8; prefix = "0o"
        case "x", "X": base = 16; prefix = "0x"
        default: base = 10; prefix = ""
        }
        // .magnitude handles Int.min.
        let digits = Array(String(value.magnitude, radix: base).unicodeScalars)
        // Decimal digits go through _PyLong_Format's base-10 conversion, which refuses an
        // int past 4300 digits whatever the spec adds (`f'{n:=+10}'`, `{n:,}`, `{n:n}`).
        if base == 10 && digits.count > PyLongArithmetic.maxStringDigits {
            throw PyFormatError(message: PyLongArithmetic.digitLimitMessage)
        }
        let parts = NumberLayout.Parts(
            negative: value < 0,
            prefix: spec.alternate ? Array(prefix.unicodeScalars) : [],
            digits: digits)
        return NumberLayout.render(parts, spec: spec, useLocaleNone: spec.type == "n",
                                   uppercase: spec.type == "X")
    }

    // MARK: float

    public static func format(float value: Double, spec: String) throws(PyFormatError) -> String {
        // An empty spec is str(value), i.e. repr.
        if spec.isEmpty { return PyFloat.repr(value) }
        let parsed = try FormatSpec(spec, defaultType: nil, defaultAlign: ">", typeName: "float")
        switch parsed.type {
        case nil, "e", "E", "f", "F", "g", "G", "n", "%":
            return formatFloat(value, parsed)
        default:
            throw FormatSpec.unknownCode(parsed.type, typeName: "float")
        }
    }

    private static func formatFloat(_ value: Double, _ spec: FormatSpec) -> String {
        var value = value
        var precision = spec.precision
        var defaultPrecision = 6
        var flags: DoubleToString.Flags = []
        if spec.alternate { flags.insert(.alt) }
        if spec.noNegativeZero { flags.insert(.noNegativeZero) }
        var code: Character
        switch spec.type {
        case nil:
            // No type: like repr() without a precision, otherwise like 'g' but always with
            // at least one digit after the point (format(1.0, '.3') == '1.0').
            flags.insert(.addDot0)
            code = "r"
            defaultPrecision = 0
        case "n":
            code = "g"  // 'n' is 'g' with locale separators; the C locale has none
        case let other?:
            code = Character(other)
        }
        var addPercent = false
        if code == "%" {
            code = "f"
            value *= 100
            addPercent = true
        }
        if precision < 0 {
            precision = defaultPrecision
        } else if code == "r" {
            code = "g"
        }
        var text = DoubleToString.convert(value, formatCode: code, precision: precision, flags: flags)
        if addPercent { text += "%" }
        return NumberLayout.render(numberParts(text), spec: spec, useLocaleNone: spec.type == "n")
    }

    /// `parse_number` and the sign check before it: "-123.45e+06" split into its sign,
    /// integer digits, '.', and the remainder.
    private static func numberParts(_ text: String) -> NumberLayout.Parts {
        var scalars = Array(text.unicodeScalars)[...]
        var negative = false
        if scalars.first == "-" {
            negative = true
            scalars.removeFirst()
        }
        var digitCount = 0
        for c in scalars {
            guard c.value >= 0x30 && c.value <= 0x39 else { break }
            digitCount += 1
        }
        let digits = Array(scalars.prefix(digitCount))
        var rest = scalars.dropFirst(digitCount)
        let hasDecimal = rest.first == "."
        if hasDecimal { rest.removeFirst() }
        return NumberLayout.Parts(negative: negative, digits: digits, hasDecimal: hasDecimal, remainder: Array(rest))
    }

    // MARK: complex

    /// `format(z, spec)`: `format_complex_internal` (Python/formatter_unicode.c). Each
    /// part is laid out as a float without padding, the imaginary one always signed unless
    /// the real part is left out; the whole, with its `j` (and the parentheses of an
    /// omitted type), is then padded. No zero padding, no '=' alignment, no '%'.
    public static func format(complex value: ComplexValue, spec: String) throws(PyFormatError) -> String {
        if spec.isEmpty { return PyComplexArithmetic.repr(value) }
        let parsed = try FormatSpec(spec, defaultType: nil, defaultAlign: ">", typeName: "complex")
        switch parsed.type {
        case nil, "e", "E", "f", "F", "g", "G", "n": break
        default: throw FormatSpec.unknownCode(parsed.type, typeName: "complex")
        }
        if parsed.fill == "0" {
            throw PyFormatError(message: "Zero padding is not allowed in complex format specifier")
        }
        if parsed.align == "=" {
            throw PyFormatError(message: "'=' alignment flag is not allowed in complex format specifier")
        }
        var flags: DoubleToString.Flags = []
        if parsed.alternate { flags.insert(.alt) }
        if parsed.noNegativeZero { flags.insert(.noNegativeZero) }
        var code: Character
        var defaultPrecision = 6
        var skipReal = false, addParentheses = false
        switch parsed.type {
        case nil:
            // Like str(z).
            code = "r"
            defaultPrecision = 0
            if value.real == 0 && value.real.sign == .plus { skipReal = true } else { addParentheses = true }
        case "n": code = "g"
        case let other?: code = Character(other)
        }
        var precision = parsed.precision
        if precision < 0 {
            precision = defaultPrecision
        } else if code == "r" {
            code = "g"
        }
        // The parts without padding: left-aligned, no width.
        var partSpec = parsed
        partSpec.fill = " "
        partSpec.align = "<"
        partSpec.width = -1
        let useLocaleNone = parsed.type == "n"
        let real = numberParts(DoubleToString.convert(value.real, formatCode: code, precision: precision, flags: flags))
        let realText = skipReal ? "" : NumberLayout.render(real, spec: partSpec, useLocaleNone: useLocaleNone)
        if !skipReal { partSpec.sign = "+" }
        let imag = numberParts(DoubleToString.convert(value.imag, formatCode: code, precision: precision, flags: flags))
        let body = (addParentheses ? "(" : "") + realText
            + NumberLayout.render(imag, spec: partSpec, useLocaleNone: useLocaleNone) + "j" + (addParentheses ? ")" : "")
        let length = body.unicodeScalars.count
        let padding = max(0, parsed.width - length)
        let left: Int
        switch parsed.align {
        case "<": left = 0
        case "^": left = padding / 2
        default: left = padding
        }
        return padded([.fill(parsed.fill, left), .text(body), .fill(parsed.fill, padding - left)])
    }

    // MARK: str

    public static func format(string value: String, spec: String) throws(PyFormatError) -> String {
        if spec.isEmpty { return value }
        let parsed = try FormatSpec(spec, defaultType: "s", defaultAlign: "<", typeName: "str")
        guard parsed.type == "s" else {
            throw FormatSpec.unknownCode(parsed.type, typeName: "str")
        }
        if let sign = parsed.sign {
            throw PyFormatError(message: sign == " "
                ? "Space not allowed in string format specifier"
                : "Sign not allowed in string format specifier")
        }
        if parsed.noNegativeZero {
            throw PyFormatError(message: "Negative zero coercion (z) not allowed in string format specifier")
        }
        if parsed.alternate {
            throw PyFormatError(message: "Alternate form (#) not allowed in string format specifier")
        }
        if parsed.align == "=" {
            throw PyFormatError(message: "'=' alignment not allowed in string format specifier")
        }
        // Precision truncates; both it and the width count code points, as CPython does.
        var body = value, length = value.unicodeScalars.count
        if parsed.precision >= 0 && length > parsed.precision {
            body = String(value.unicodeScalars.prefix(parsed.precision))
            length = parsed.precision
        }
        if parsed.width < 0 { return body }
        let total = max(parsed.width, length)
        let left: Int
        switch parsed.align {
        case ">": left = total - length
        case "^": left = (total - length) / 2
        default: left = 0
        }
        return padded([.fill(parsed.fill, left), .text(body), .fill(parsed.fill, total - length - left)])
    }
}
