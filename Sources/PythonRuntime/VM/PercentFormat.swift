import BigInt

/// printf-style formatting, `str % args` and `bytes % args`: a port of CPython 3.11's
/// `PyUnicode_Format` (Objects/unicodeobject.c: `unicode_format_arg_parse`,
/// `unicode_format_arg_format`, `unicode_format_arg_output`, `mainformatlong`,
/// `_PyUnicode_FormatLong`, `formatfloat`, `formatchar`) and `_PyBytes_FormatEx`
/// (Objects/bytesobject.c: `format_obj`, `formatlong`, `byte_converter`). The two share
/// their parsing, numbers and padding; they differ in what `%s`/`%r`/`%a`/`%c` accept and
/// in a few messages. Bytes work as Latin-1 code points here, so one formatter serves both.
extension Interpreter {
    package func percentFormat(_ template: String, _ args: Value) throws -> String {
        String(String.UnicodeScalarView(try printfFormat(Array(template.unicodeScalars), args, bytes: false)))
    }

    /// `bytes % args` (and a bytearray's: the caller keeps the receiver's type).
    package func percentFormat(bytes template: [UInt8], _ args: Value) throws -> [UInt8] {
        // Every scalar the bytes formatter writes is below 256 (bytes, ASCII reprs, digits).
        try printfFormat(template.map { Unicode.Scalar($0) }, args, bytes: true).map { UInt8(truncatingIfNeeded: $0.value) }
    }

    /// One conversion's flags (F_LJUST, F_SIGN, F_BLANK, F_ALT, F_ZERO), width and precision.
    private struct Conversion {
        var leftJustify = false, sign = false, blank = false, alternate = false, zero = false
        var width = -1, precision = -1
        var char: Unicode.Scalar = "\0"
    }

    /// The arguments as CPython walks them: a tuple item by item, anything else as the one
    /// argument (arglen -1), and after a `%(key)` the mapping's value as the one argument.
    private struct Arguments {
        var items: [Value]
        var single: Value?
        var next = 0
        var singleUsed = false
        let mapping: Value?

        mutating func take(_ vm: Interpreter) throws -> Value {
            if let single {
                guard !singleUsed else { throw vm.typeError("not enough arguments for format string") }
                singleUsed = true
                return single
            }
            guard next < items.count else { throw vm.typeError("not enough arguments for format string") }
            next += 1
            return items[next - 1]
        }

        var allUsed: Bool { single != nil ? singleUsed : next >= items.count }
    }

    /// `PyMapping_Check` for the format's argument: a type with a subscript that is not a
    /// tuple or a string (nor bytes, for bytes formatting). A list counts, as in CPython,
    /// where `'x' % [1]` is 'x'.
    private func formatMapping(_ v: Value, bytes: Bool) -> Value? {
        guard case .object(let o) = v, !(o is PyTuple) else { return nil }
        if o is PyDict || o is PyList || o is PyRange || o is PyLongRange || o is PyMemoryView { return v }
        if let b = o as? PyBytes { return bytes ? nil : .object(b) }
        if o is PyDerivedValue { return nil }
        return userMethod(v, "__getitem__") != nil ? v : nil
    }

    private func printfFormat(_ format: [Unicode.Scalar], _ args: Value, bytes: Bool) throws -> [Unicode.Scalar] {
        let mapping = formatMapping(args, bytes: bytes)
        var arguments: Arguments
        if case .object(let o) = args, let t = o as? PyTuple {
            arguments = Arguments(items: t.items, single: nil, mapping: mapping)
        } else {
            arguments = Arguments(items: [], single: args, mapping: mapping)
        }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(format.count)
        var pos = 0
        let end = format.count
        // Past the end reads as NUL, as CPython reads its terminator.
        func at(_ i: Int) -> Unicode.Scalar { i < end ? format[i] : "\0" }
        while pos < end {
            let c = format[pos]
            pos += 1
            guard c == "%" else { out.append(c); continue }
            if at(pos) == "%" {
                out.append("%")
                pos += 1
                continue
            }
            var conv = Conversion()
            if at(pos) == "(" {
                guard let mapping = arguments.mapping else { throw typeError("format requires a mapping") }
                pos += 1
                let keyStart = pos
                var depth = 1
                while depth > 0, pos < end {
                    if format[pos] == ")" { depth -= 1 } else if format[pos] == "(" { depth += 1 }
                    pos += 1
                }
                guard depth == 0 else { throw PythonError(makeException(BuiltinTypes.valueError, "incomplete format key")) }
                let key = Array(format[keyStart..<(pos - 1)])
                let keyValue: Value = bytes
                    ? .object(PyBytes(key.map { UInt8(truncatingIfNeeded: $0.value) }))
                    : .str(String(String.UnicodeScalarView(key)))
                arguments = Arguments(items: [], single: try getItem(mapping, keyValue), mapping: mapping)
            }
            // Flags, width, precision and a length modifier; a format ending inside them
            // is incomplete.
            var ch = at(pos)
            flags: while pos < end {
                switch ch {
                case "-": conv.leftJustify = true
                case "+": conv.sign = true
                case " ": conv.blank = true
                case "#": conv.alternate = true
                case "0": conv.zero = true
                default: break flags
                }
                pos += 1
                ch = at(pos)
            }
            if ch == "*", pos < end {
                let v = try arguments.take(self)
                guard let w = try starArgument(v, cInt: false) else { throw typeError("* wants int") }
                conv.width = w
                if w < 0 {
                    conv.leftJustify = true
                    conv.width = w == Int.min ? Int.max : -w
                }
                pos += 1
                ch = at(pos)
            } else if let digit = ch.properties.numericType == .decimal && ch.isASCII ? Int(ch.value - 48) : nil, pos < end {
                conv.width = digit
                pos += 1
                ch = at(pos)
                while ch.isASCII, ("0"..."9").contains(ch), pos < end {
                    let d = Int(ch.value - 48)
                    guard conv.width <= (Int.max - d) / 10 else { throw PythonError(makeException(BuiltinTypes.valueError, "width too big")) }
                    conv.width = conv.width * 10 + d
                    pos += 1
                    ch = at(pos)
                }
            }
            if ch == ".", pos < end {
                conv.precision = 0
                pos += 1
                ch = at(pos)
                if ch == "*", pos < end {
                    let v = try arguments.take(self)
                    guard let p = try starArgument(v, cInt: true) else { throw typeError("* wants int") }
                    conv.precision = max(0, p)
                    pos += 1
                    ch = at(pos)
                } else {
                    while ch.isASCII, ("0"..."9").contains(ch), pos < end {
                        let d = Int(ch.value - 48)
                        guard conv.precision <= (Int(Int32.max) - d) / 10 else {
                            throw PythonError(makeException(BuiltinTypes.valueError, "precision too big"))
                        }
                        conv.precision = conv.precision * 10 + d
                        pos += 1
                        ch = at(pos)
                    }
                }
            }
            if pos < end, ch == "h" || ch == "l" || ch == "L" {
                pos += 1
                ch = at(pos)
            }
            guard pos < end else { throw PythonError(makeException(BuiltinTypes.valueError, "incomplete format")) }
            conv.char = ch
            pos += 1
            // The argument is taken before the conversion is known (`'%z' % ()` is "not
            // enough arguments").
            let v = try arguments.take(self)
            let (text, numeric) = try convert(v, conv, bytes: bytes, index: pos - 1)
            try reserve(out.count + max(conv.width, text.count))
            emit(text, numeric: numeric, conv, into: &out)
        }
        // A mapping argument may go unused ('x' % {'a': 1}); a tuple's items may not.
        if !arguments.allUsed, mapping == nil {
            throw typeError("not all arguments converted during \(bytes ? "bytes" : "string") formatting")
        }
        return out
    }

    /// A `*` width or precision: an int (`PyLong_Check`), nil for anything else.
    private func starArgument(_ v: Value, cInt: Bool) throws -> Int? {
        let plain = derivedValue(v) ?? v
        if let i = intValue(plain) {
            if cInt, Int32(exactly: i) == nil {
                throw PythonError(makeException(BuiltinTypes.overflowError, "Python int too large to convert to C int"))
            }
            return i
        }
        if plain.isBigInteger {
            throw PythonError(makeException(BuiltinTypes.overflowError,
                                            cInt ? "Python int too large to convert to C int" : "Python int too large to convert to C ssize_t"))
        }
        return nil
    }

    /// One argument converted: its text, and whether it is a number (which takes a sign
    /// and zero padding).
    private func convert(_ v: Value, _ conv: Conversion, bytes: Bool, index: Int) throws -> ([Unicode.Scalar], Bool) {
        func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }
        switch conv.char {
        case "s" where !bytes:
            if case .str(let s) = v { return (truncated(scalars(s), conv), false) }
            return (truncated(scalars(try str(v)), conv), false)
        case "r" where !bytes:
            return (truncated(scalars(try repr(v)), conv), false)
        case "a", "r":
            return (truncated(scalars(asciiRepr(try repr(v))), conv), false)
        case "s", "b" where bytes:
            return (truncated(try bytesForFormat(v).map { Unicode.Scalar($0) }, conv), false)
        case "i", "d", "u", "o", "x", "X":
            return (try formatLong(v, conv, bytes: bytes), true)
        case "e", "E", "f", "F", "g", "G":
            let x = try floatArgument(v) { "must be real number, not \($0.typeName)" }
            let spec = (conv.alternate ? "#" : "") + ".\(conv.precision < 0 ? 6 : conv.precision)" + String(conv.char)
            return (scalars(try format(.float(x), spec)), true)
        case "c":
            return ([try bytes ? Unicode.Scalar(byteForFormat(v)) : characterForFormat(v)], false)
        default:
            let code = conv.char.value
            let shown = bytes || (31...126).contains(code) ? String(conv.char) : "?"
            throw PythonError(makeException(BuiltinTypes.valueError,
                                            "unsupported format character '\(shown)' (0x\(String(code, radix: 16))) at index \(index)"))
        }
    }

    /// `%s`/`%r`/`%a` keep at most `precision` characters.
    private func truncated(_ s: [Unicode.Scalar], _ conv: Conversion) -> [Unicode.Scalar] {
        conv.precision >= 0 && s.count > conv.precision ? Array(s.prefix(conv.precision)) : s
    }

    /// `unicode_format_arg_output`: the sign, the `0x`/`0o` prefix of the alternate form,
    /// and padding (zeros after the sign for a zero-padded number, else spaces).
    private func emit(_ text: [Unicode.Scalar], numeric: Bool, _ conv: Conversion, into out: inout [Unicode.Scalar]) {
        var body = text[...]
        var signChar: Unicode.Scalar?
        if numeric {
            if let first = body.first, first == "-" || first == "+" {
                signChar = first
                body = body.dropFirst()
            } else if conv.sign {
                signChar = "+"
            } else if conv.blank {
                signChar = " "
            }
        }
        var prefix: ArraySlice<Unicode.Scalar> = []
        if numeric, conv.alternate, conv.char == "x" || conv.char == "X" || conv.char == "o" {
            prefix = body.prefix(2)
            body = body.dropFirst(2)
        }
        let fill: Unicode.Scalar = numeric && conv.zero ? "0" : " "
        let length = (signChar == nil ? 0 : 1) + prefix.count + body.count
        let padding = max(0, conv.width - length)
        if fill == "0" {
            if let signChar { out.append(signChar) }
            out += prefix
            if !conv.leftJustify { out += repeatElement("0", count: padding) }
        } else {
            if !conv.leftJustify { out += repeatElement(" ", count: padding) }
            if let signChar { out.append(signChar) }
            out += prefix
        }
        out += body
        if conv.leftJustify { out += repeatElement(" ", count: padding) }
    }

    /// `PyNumber_Check`: ints, floats, and instances of classes with `__index__`,
    /// `__int__` or `__float__`.
    private func isNumber(_ v: Value) -> Bool {
        switch derivedValue(v) ?? v {
        case .int, .bool, .float: return true
        case let other:
            if other.isBigInteger { return true }
            return ["__index__", "__int__", "__float__", "__complex__"].contains { userMethod(v, $0) != nil }
        }
    }

    /// `mainformatlong` and `_PyUnicode_FormatLong`: the digits of an int (or of what
    /// `__index__` gives for `%o %x %X`, `__int__` for the others), with the precision as
    /// a minimum digit count and the alternate form's prefix.
    private func formatLong(_ v: Value, _ conv: Conversion, bytes: Bool) throws -> [Unicode.Scalar] {
        let type = bytes && conv.char == "i" ? "d" : String(conv.char)
        let wantsIndex = "oxX".contains(type)
        func wrongType() -> PythonError {
            typeError("%\(type) format: \(wantsIndex ? "an integer" : "a real number") is required, not \(v.typeName)")
        }
        guard isNumber(v) else { throw wrongType() }
        let plain = derivedValue(v) ?? v
        var integer: BigInt
        if let i = plain.bigInteger {
            integer = i
        } else if wantsIndex {
            guard let i = try pythonIndex(v)?.bigInteger else { throw wrongType() }
            integer = i
        } else {
            guard let i = try numberLong(v)?.bigInteger else { throw wrongType() }
            integer = i
        }
        let radix = type == "o" ? 8 : (type == "x" || type == "X") ? 16 : 10
        // Decimal digits past 4,300 raise ValueError, as every int-to-str conversion does.
        let magnitude = BigInt(integer.magnitude)
        var digits = radix == 10
            ? try arithmetic { () throws(PyArithmeticError) in try PyLongArithmetic.decimal(magnitude) }
            : String(integer.magnitude, radix: radix)
        if conv.precision > digits.count {
            digits = String(repeating: "0", count: conv.precision - digits.count) + digits
        }
        if type == "X" { digits = digits.uppercased() }
        var text = integer.sign == .minus && !integer.isZero ? "-" : ""
        if conv.alternate, radix != 10 { text += "0" + type }
        return Array((text + digits).unicodeScalars)
    }

    /// `PyNumber_Long` for a number that is no int: a float truncated (NaN and infinities
    /// raise as `int()` does), else the class's `__int__` or `__index__`
    /// (`intFromSpecial`), else its `__trunc__`; nil when none applies.
    package func numberLong(_ v: Value) throws -> Value? {
        switch derivedValue(v) ?? v {
        case .int, .bool: return derivedValue(v) ?? v
        case .float(let d):
            return .integer(try arithmetic { () throws(PyArithmeticError) in try PyLongArithmetic.fromDouble(d) })
        case let other where other.isBigInteger: return other
        default:
            if let converted = try intFromSpecial(v) { return converted }
            guard let method = userMethod(v, "__trunc__") else { return nil }
            let r = try callSpecial(method, v, [])
            let plain = derivedValue(r) ?? r
            guard intValue(plain) != nil || plain.isBigInteger else {
                throw typeError("__trunc__ returned non-int (type \(r.typeName))")
            }
            return plain
        }
    }

    /// `formatchar`: a one-character str, or an int code point.
    private func characterForFormat(_ v: Value) throws -> Unicode.Scalar {
        if case .str(let s) = derivedValue(v) ?? v {
            guard s.unicodeScalars.count == 1, let c = s.unicodeScalars.first else { throw typeError("%c requires int or char") }
            return c
        }
        guard let i = try pythonIndex(v)?.bigInteger else { throw typeError("%c requires int or char") }
        guard let code = Int(exactly: i), code >= 0, code < 0x110000, let c = Unicode.Scalar(UInt32(code)) ?? Unicode.Scalar(0xFFFD) else {
            throw PythonError(makeException(BuiltinTypes.overflowError, "%c arg not in range(0x110000)"))
        }
        // Lone surrogates are code points in Python; Swift's strings cannot hold them.
        return c
    }

    /// `byte_converter`: a one-byte bytes or bytearray, or an int 0...255.
    private func byteForFormat(_ v: Value) throws -> UInt8 {
        let exact = (v.asObject as? PyBytes)?.bytes
        if let b = exact, b.count == 1 { return b[0] }
        guard exact == nil, let i = try pythonIndex(v)?.bigInteger else {
            throw typeError("%c requires an integer in range(256) or a single byte")
        }
        guard let byte = UInt8(exactly: i) else { throw PythonError(makeException(BuiltinTypes.overflowError, "%c arg not in range(256)")) }
        return byte
    }

    /// `format_obj`: the bytes `%b`/`%s` of bytes formatting writes: bytes-like objects
    /// as they are, else what `__bytes__` returns.
    private func bytesForFormat(_ v: Value) throws -> [UInt8] {
        if let b = v.byteValues { return b }
        if let method = userMethod(v, "__bytes__") {
            let r = try callSpecial(method, v, [])
            guard let b = r.byteValues, !((r.asObject as? PyBytes)?.isByteArray ?? true) else {
                throw typeError("__bytes__ returned non-bytes (type \(r.typeName))")
            }
            return b
        }
        throw typeError("%b requires a bytes-like object, or an object that implements __bytes__, not '\(v.typeName)'")
    }
}
