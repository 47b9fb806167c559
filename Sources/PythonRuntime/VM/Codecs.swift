/// `str.encode` and `bytes.decode` for the codecs programs name: UTF-8 (and UTF-8 with a
/// signature), UTF-16 and UTF-32 (with a byte-order mark, or little- or big-endian),
/// ASCII and Latin-1, with their aliases; the `strict`, `ignore`, `replace` and
/// `backslashreplace` error handlers; CPython's UnicodeEncodeError/UnicodeDecodeError
/// messages.
extension Interpreter {
    package enum Codec: String {
        case utf8 = "utf-8", ascii, latin1 = "latin-1", utf8Signature = "utf-8-sig"
        case utf16 = "utf-16", utf16LE = "utf-16-le", utf16BE = "utf-16-be"
        case utf32 = "utf-32", utf32LE = "utf-32-le", utf32BE = "utf-32-be"

        /// encodings.normalize_encoding and the aliases of these (encodings/aliases.py).
        package init?(_ name: String) {
            let key = name.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
            switch key {
            case "utf-8", "utf8", "u8", "utf", "cp65001", "utf8-ucs2", "utf8-ucs4": self = .utf8
            case "utf-8-sig": self = .utf8Signature
            case "ascii", "us-ascii", "646": self = .ascii
            case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859", "cp819", "l1", "latin": self = .latin1
            case "utf-16", "utf16", "u16": self = .utf16
            case "utf-16-le", "utf-16le", "unicodelittleunmarked": self = .utf16LE
            case "utf-16-be", "utf-16be", "unicodebigunmarked": self = .utf16BE
            case "utf-32", "utf32", "u32": self = .utf32
            case "utf-32-le", "utf-32le": self = .utf32LE
            case "utf-32-be", "utf-32be": self = .utf32BE
            default: return nil
            }
        }

        /// Code units of 2 or 4 bytes, and their byte order (nil: read from a byte-order
        /// mark, which encoding writes, little-endian as CPython on this machine does).
        var unitWidth: Int? {
            switch self {
            case .utf16, .utf16LE, .utf16BE: return 2
            case .utf32, .utf32LE, .utf32BE: return 4
            default: return nil
            }
        }

        var isBigEndian: Bool? {
            switch self {
            case .utf16LE, .utf32LE: return false
            case .utf16BE, .utf32BE: return true
            default: return nil
            }
        }

        /// The highest code point the codec encodes as one byte (UTF-8 encodes all).
        package var limit: UInt32 { self == .ascii ? 0x7F : 0xFF }
    }

    private func codec(_ encoding: String) throws -> Codec {
        guard let c = Codec(encoding) else { throw PythonError(makeException(BuiltinTypes.lookupError, "unknown encoding: \(encoding)")) }
        return c
    }

    private func unicodeError(_ kind: String, _ message: String) -> PythonError {
        PythonError(makeException(BuiltinTypes.moreExceptions.first { $0.name == kind } ?? BuiltinTypes.valueError, message))
    }

    /// `s.encode(encoding, errors)`.
    package func encode(_ s: String, encoding: String = "utf-8", errors: String = "strict") throws -> [UInt8] {
        let codec = try codec(encoding)
        // Lone surrogates cannot be in a Swift string: the UTF encodings always succeed.
        switch codec {
        case .utf8: return Array(s.utf8)
        case .utf8Signature: return [0xEF, 0xBB, 0xBF] + Array(s.utf8)
        case .utf16, .utf16LE, .utf16BE, .utf32, .utf32LE, .utf32BE:
            let bigEndian = codec.isBigEndian ?? false
            let units: [UInt32] = codec.unitWidth == 2 ? s.utf16.map(UInt32.init) : s.unicodeScalars.map(\.value)
            let width = codec.unitWidth ?? 2
            let mark: [UInt32] = codec.isBigEndian == nil ? [0xFEFF] : []
            return (mark + units).flatMap { unitBytes($0, width: width, bigEndian: bigEndian) }
        case .ascii, .latin1: break
        }
        var out: [UInt8] = []
        let scalars = Array(s.unicodeScalars)
        for (position, c) in scalars.enumerated() {
            if c.value <= codec.limit {
                out.append(UInt8(c.value))
                continue
            }
            switch errors {
            case "ignore": continue
            case "replace": out.append(0x3F)
            case "backslashreplace":
                out += Array(escaped(c.value).utf8)
            case "xmlcharrefreplace": out += Array("&#\(c.value);".utf8)
            default:
                var end = position + 1
                if errors == "strict" {
                    while end < scalars.count, scalars[end].value > codec.limit { end += 1 }
                }
                let what = end - position == 1
                    ? "character '\(escaped(c.value))' in position \(position)"
                    : "characters in position \(position)-\(end - 1)"
                guard errors == "strict" else { throw PythonError(makeException(BuiltinTypes.lookupError, "unknown error handler name '\(errors)'")) }
                throw unicodeError("UnicodeEncodeError",
                                   "'\(codec.rawValue == "latin-1" ? "latin-1" : codec.rawValue)' codec can't encode \(what): ordinal not in range(\(codec.limit + 1))")
            }
        }
        return out
    }

    private func unitBytes(_ unit: UInt32, width: Int, bigEndian: Bool) -> [UInt8] {
        let bytes = (0..<width).map { UInt8(truncatingIfNeeded: unit >> (8 * $0)) }
        return bigEndian ? bytes.reversed() : bytes
    }

    /// How UnicodeEncodeError's message names a character (`'\xe9'`, `'\u20ac'`).
    private func escaped(_ v: UInt32) -> String {
        v <= 0xFF ? "\\x" + hex(v, 2) : v <= 0xFFFF ? "\\u" + hex(v, 4) : "\\U" + hex(v, 8)
    }

    private func hex(_ v: UInt32, _ width: Int) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// `b.decode(encoding, errors)`.
    package func decode(_ bytes: [UInt8], encoding: String = "utf-8", errors: String = "strict") throws -> String {
        let codec = try codec(encoding)
        guard ["strict", "ignore", "replace", "backslashreplace"].contains(errors) else {
            throw PythonError(makeException(BuiltinTypes.lookupError, "unknown error handler name '\(errors)'"))
        }
        var out = String.UnicodeScalarView()
        var name = codec.rawValue
        func bad(_ start: Int, _ end: Int, _ reason: String) throws {
            switch errors {
            case "ignore": return
            case "replace": out.append("\u{FFFD}")
            case "backslashreplace":
                for b in bytes[start..<end] { out.append(contentsOf: ("\\x" + hex(UInt32(b), 2)).unicodeScalars) }
            default:
                let span = end - start == 1 ? "byte 0x\(hex(UInt32(bytes[start]), 2)) in position \(start)"
                    : "bytes in position \(start)-\(end - 1)"
                throw unicodeError("UnicodeDecodeError", "'\(name)' codec can't decode \(span): \(reason)")
            }
        }
        if let width = codec.unitWidth {
            var start = 0, bigEndian = codec.isBigEndian ?? false
            if codec.isBigEndian == nil {
                // The byte-order mark, if any, says the order; without one, native order.
                let little: [UInt8] = width == 2 ? [0xFF, 0xFE] : [0xFF, 0xFE, 0, 0]
                if bytes.starts(with: little) { start = width } else if bytes.starts(with: little.reversed()) {
                    start = width
                    bigEndian = true
                }
                name = codec.rawValue + (bigEndian ? "-be" : "-le")
            }
            try decodeUnits(bytes, from: start, width: width, bigEndian: bigEndian, { out.append($0) }, bad)
            return String(out)
        }
        var i = 0
        if codec == .utf8Signature {
            // The signature is dropped; errors after it are the UTF-8 codec's, counted from there.
            name = Codec.utf8.rawValue
            return try decode(bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes,
                              encoding: name, errors: errors)
        }
        if codec != .utf8 {
            for (i, b) in bytes.enumerated() {
                if UInt32(b) <= codec.limit { out.append(UnicodeScalar(b)) } else { try bad(i, i + 1, "ordinal not in range(128)") }
            }
            return String(out)
        }
        // Objects/stringlib/codecs.h's UTF-8 decoder: an invalid start byte, an invalid
        // continuation byte or a truncated sequence is one error spanning the bytes read.
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                out.append(UnicodeScalar(b))
                i += 1
                continue
            }
            let need: Int, low: UInt8, high: UInt8
            switch b {
            case 0xC2...0xDF: need = 1; low = 0x80; high = 0xBF
            case 0xE0: need = 2; low = 0xA0; high = 0xBF
            case 0xE1...0xEC, 0xEE...0xEF: need = 2; low = 0x80; high = 0xBF
            case 0xED: need = 2; low = 0x80; high = 0x9F
            case 0xF0: need = 3; low = 0x90; high = 0xBF
            case 0xF1...0xF3: need = 3; low = 0x80; high = 0xBF
            case 0xF4: need = 3; low = 0x80; high = 0x8F
            default:
                try bad(i, i + 1, "invalid start byte")
                i += 1
                continue
            }
            var value = UInt32(b) & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07)
            var j = 1
            var failed = false
            while j <= need {
                guard i + j < bytes.count else {
                    try bad(i, bytes.count, "unexpected end of data")
                    i = bytes.count
                    failed = true
                    break
                }
                let c = bytes[i + j]
                let (lo, hi) = j == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                guard c >= lo && c <= hi else {
                    try bad(i, i + j, "invalid continuation byte")
                    i += j
                    failed = true
                    break
                }
                value = value << 6 | UInt32(c & 0x3F)
                j += 1
            }
            if failed { continue }
            if let scalar = UnicodeScalar(value) { out.append(scalar) }
            i += need + 1
        }
        return String(out)
    }

    /// UTF-16 and UTF-32 (`PyUnicode_DecodeUTF16Stateful`, `PyUnicode_DecodeUTF32Stateful`):
    /// a trailing part of a unit is "truncated data"; in UTF-16 a low surrogate alone is an
    /// "illegal encoding", a high one at the end "unexpected end of data", and one followed
    /// by anything but a low surrogate an "illegal UTF-16 surrogate" (decoding resumes at
    /// that next unit); in UTF-32 a surrogate or a value past U+10FFFF is an error.
    private func decodeUnits(_ bytes: [UInt8], from start: Int, width: Int, bigEndian: Bool,
                             _ emit: (Unicode.Scalar) -> Void,
                             _ bad: (Int, Int, String) throws -> Void) throws {
        func unit(at i: Int) -> UInt32 {
            (0..<width).reduce(UInt32(0)) { value, k in
                value | UInt32(bytes[i + (bigEndian ? width - 1 - k : k)]) << (8 * k)
            }
        }
        var i = start
        while i < bytes.count {
            guard bytes.count - i >= width else {
                try bad(i, bytes.count, "truncated data")
                return
            }
            let ch = unit(at: i)
            i += width
            if width == 4 {
                if ch > 0x10FFFF {
                    try bad(i - 4, i, "code point not in range(0x110000)")
                } else if let scalar = Unicode.Scalar(ch) {
                    emit(scalar)
                } else {
                    try bad(i - 4, i, "code point in surrogate code point range(0xd800, 0xe000)")
                }
                continue
            }
            switch ch {
            case 0xDC00...0xDFFF:
                try bad(i - 2, i, "illegal encoding")
            case 0xD800...0xDBFF:
                guard bytes.count - i >= 2 else {
                    try bad(i - 2, bytes.count, "unexpected end of data")
                    return
                }
                let low = unit(at: i)
                guard (0xDC00...0xDFFF).contains(low) else {
                    try bad(i - 2, i, "illegal UTF-16 surrogate")
                    continue
                }
                i += 2
                Unicode.Scalar(0x10000 + ((ch - 0xD800) << 10) + (low - 0xDC00)).map(emit)
            default:
                Unicode.Scalar(ch).map(emit)
            }
        }
    }
}
