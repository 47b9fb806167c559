import BigInt

/// `binascii`, which CPython writes in C (Modules/binascii.c): the base64 and hex
/// conversions `Lib/base64.py` is built on, and `crc32` (zlib's CRC-32, as binascii's
/// own table-driven one computes it). Messages and the lenient base64 decoding are
/// binascii.c's.
enum BinasciiModule {
    static func make(_ vm: Interpreter) -> PyModule {
        let module = PyModule(name: "binascii")
        module.attributes["__name__"] = .str("binascii")
        let error = PyClass(name: "Error", bases: [BuiltinTypes.valueError], module: "binascii")
        let incomplete = PyClass(name: "Incomplete", bases: [BuiltinTypes.exception], module: "binascii")
        module.attributes["Error"] = .object(error)
        module.attributes["Incomplete"] = .object(incomplete)
        func fail(_ message: String) -> PythonError { PythonError(vm.makeException(error, message)) }

        /// `ascii_buffer_converter`: a bytes-like object, or a str of ASCII characters only.
        func asciiData(_ v: Value) throws -> [UInt8] {
            if case .str(let s) = v {
                guard s.unicodeScalars.allSatisfy(\.isASCII) else {
                    throw PythonError(vm.makeException(BuiltinTypes.valueError, "string argument should contain only ASCII characters"))
                }
                return Array(s.utf8)
            }
            guard let bytes = v.byteValues else {
                throw vm.typeError("argument should be bytes, buffer or ASCII string, not '\(v.typeName)'")
            }
            return bytes
        }
        func flag(_ kwargs: [(String, Value)], _ name: String, default value: Bool) throws -> Bool {
            guard let given = kwargs.first(where: { $0.0 == name })?.1 else { return value }
            return try vm.truthy(given)
        }

        module.attributes["a2b_base64"] = vm.nativeFunction("a2b_base64", owner: nil,
            .clinic(positionalOnly: 1, positionalOrKeyword: [], keywordOnly: ["strict_mode"])) { vm, args, kwargs in
            let strict = try flag(kwargs, "strict_mode", default: false)
            return .object(PyBytes(try decodeBase64(try asciiData(args[0]), strict: strict, fail)))
        }
        module.attributes["b2a_base64"] = vm.nativeFunction("b2a_base64", owner: nil,
            .clinic(positionalOnly: 1, positionalOrKeyword: [], keywordOnly: ["newline"])) { vm, args, kwargs in
            var encoded = encodeBase64(try vm.bytesLike(args[0]))
            if try flag(kwargs, "newline", default: true) { encoded.append(UInt8(ascii: "\n")) }
            return .object(PyBytes(encoded))
        }
        for name in ["hexlify", "b2a_hex"] {
            module.attributes[name] = vm.nativeFunction(name, owner: nil,
                .clinic(positionalOnly: 0, positionalOrKeyword: ["data", "sep", "bytes_per_sep"], keywordOnly: [])) { vm, args, _ in
                guard let data = args.first else { throw vm.typeError("\(name)() missing required argument 'data' (pos 1)") }
                let sep = args.count > 1 ? args[1] : .none
                let perSep = args.count > 2 ? args[2] : .int(1)
                return .object(PyBytes(try hexlify(try vm.bytesLike(data), sep: sep, bytesPerSep: perSep, vm)))
            }
        }
        for name in ["unhexlify", "a2b_hex"] {
            module.attributes[name] = vm.nativeFunction(name, owner: nil, .oneArgument) { vm, args, _ in
                .object(PyBytes(try unhexlify(try asciiData(args[0]), fail)))
            }
        }
        module.attributes["crc32"] = vm.nativeFunction("crc32", owner: nil, .positional(min: 1, max: 2)) { vm, args, _ in
            var start: UInt32 = 0
            if args.count > 1 {
                // `unsigned int` from any int: taken modulo 2**32, as the C converter does.
                guard let n = (try vm.pythonIndex(args[1]))?.bigInteger else {
                    throw vm.typeError("'\(args[1].typeName)' object cannot be interpreted as an integer")
                }
                start = UInt32(truncatingIfNeeded: n)
            }
            return .int(Int(crc32(try vm.bytesLike(args[0]), start: start)))
        }
        return module
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// `table_a2b_base64`: each byte's 6-bit value, or 64 for a byte that is no base64 digit.
    private static let digitValues: [UInt8] = {
        var table = [UInt8](repeating: 64, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
        return table
    }()

    static func encodeBase64(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity((data.count + 2) / 3 * 4 + 1)
        var i = 0
        while i + 3 <= data.count {
            let n = UInt32(data[i]) << 16 | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2])
            for shift in [18, 12, 6, 0] { out.append(alphabet[Int(n >> UInt32(shift) & 63)]) }
            i += 3
        }
        let rest = data.count - i
        if rest > 0 {
            let n = UInt32(data[i]) << 16 | (rest == 2 ? UInt32(data[i + 1]) << 8 : 0)
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(rest == 2 ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
        return out
    }

    /// `binascii_a2b_base64_impl`: lenient by default (bytes that are no base64 digit are
    /// skipped, decoding stops at the padding that completes a group); `strict` refuses
    /// what RFC 4648 does, with binascii.c's messages.
    static func decodeBase64(_ data: [UInt8], strict: Bool, _ fail: (String) -> PythonError) throws -> [UInt8] {
        let pad = UInt8(ascii: "=")
        if strict, data.first == pad { throw fail("Leading padding not allowed") }
        var out: [UInt8] = []
        out.reserveCapacity(data.count / 4 * 3 + 3)
        var quadPos = 0, leftChar: UInt8 = 0, pads = 0, paddingStarted = false
        for (i, byte) in data.enumerated() {
            if byte == pad {
                paddingStarted = true
                if strict, quadPos == 0 { throw fail("Excess padding not allowed") }
                if quadPos >= 2 {
                    pads += 1
                    if quadPos + pads >= 4 {
                        if strict, i + 1 < data.count { throw fail("Excess data after padding") }
                        return out
                    }
                }
                continue
            }
            let value = digitValues[Int(byte)]
            if value >= 64 {
                if strict { throw fail("Only base64 data is allowed") }
                continue
            }
            if strict, paddingStarted { throw fail("Discontinuous padding not allowed") }
            pads = 0
            switch quadPos {
            case 0:
                quadPos = 1
                leftChar = value
            case 1:
                quadPos = 2
                out.append(leftChar << 2 | value >> 4)
                leftChar = value & 0x0f
            case 2:
                quadPos = 3
                out.append(leftChar << 4 | value >> 2)
                leftChar = value & 0x03
            default:
                quadPos = 0
                out.append(leftChar << 6 | value)
                leftChar = 0
            }
        }
        if quadPos == 1 {
            throw fail("Invalid base64-encoded string: number of data characters (\(out.count / 3 * 4 + 1)) cannot be 1 more than a multiple of 4")
        }
        if quadPos != 0 { throw fail("Incorrect padding") }
        return out
    }

    /// `_Py_strhex_impl`: two lowercase hex digits a byte, with `sep` (one character)
    /// between groups of `bytesPerSep` bytes, counted from the right (from the left when
    /// negative).
    static func hexlify(_ data: [UInt8], sep: Value, bytesPerSep: Value, _ vm: Interpreter) throws -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        var separator: UInt8?
        switch sep {
        case .none: separator = nil
        case .str(let s):
            guard s.unicodeScalars.count == 1 else {
                throw PythonError(vm.makeException(BuiltinTypes.valueError, "sep must be length 1."))
            }
            guard let scalar = s.unicodeScalars.first, scalar.isASCII else {
                throw PythonError(vm.makeException(BuiltinTypes.valueError, "sep must be ASCII."))
            }
            separator = UInt8(scalar.value)
        default:
            guard let bytes = sep.byteValues else {
                throw vm.typeError("sep must be str or bytes.")
            }
            guard bytes.count == 1 else {
                throw PythonError(vm.makeException(BuiltinTypes.valueError, "sep must be length 1."))
            }
            guard bytes[0] < 128 else {
                throw PythonError(vm.makeException(BuiltinTypes.valueError, "sep must be ASCII."))
            }
            separator = bytes[0]
        }
        guard let perSepValue = try vm.pythonIndex(bytesPerSep), let perSep = vm.intValue(perSepValue) else {
            throw vm.typeError("'\(bytesPerSep.typeName)' object cannot be interpreted as an integer")
        }
        var out: [UInt8] = []
        out.reserveCapacity(data.count * 3)
        let group = perSep.magnitude
        for (i, byte) in data.enumerated() {
            if let separator, group > 0, i > 0 {
                // Groups are whole from the right (a positive count) or from the left.
                let fromEdge = perSep > 0 ? UInt(data.count - i) : UInt(i)
                if fromEdge % group == 0 { out.append(separator) }
            }
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return out
    }

    /// `binascii_a2b_hex_impl`.
    static func unhexlify(_ data: [UInt8], _ fail: (String) -> PythonError) throws -> [UInt8] {
        guard data.count % 2 == 0 else { throw fail("Odd-length string") }
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(data.count / 2)
        var i = 0
        while i < data.count {
            guard let high = value(data[i]), let low = value(data[i + 1]) else {
                throw fail("Non-hexadecimal digit found")
            }
            out.append(high << 4 | low)
            i += 2
        }
        return out
    }

    /// The CRC-32 of zlib (reflected polynomial 0xEDB88320), one table lookup a byte.
    private static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ data: [UInt8], start: UInt32) -> UInt32 {
        var crc = ~start
        for byte in data { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8) }
        return ~crc
    }
}
