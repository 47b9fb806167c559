/// `str.encode` and `bytes.decode` for the codecs programs name: UTF-8, ASCII and
/// Latin-1 (with their aliases), with the `strict`, `ignore` and `replace` error
/// handlers (and `backslashreplace` when encoding), raising CPython's
/// UnicodeEncodeError/UnicodeDecodeError messages.
extension Interpreter {
    package enum Codec: String {
        case utf8 = "utf-8", ascii, latin1 = "latin-1"

        /// encodings.normalize_encoding and the aliases of these three.
        package init?(_ name: String) {
            let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
            switch key {
            case "utf-8", "utf8", "u8", "utf", "cp65001": self = .utf8
            case "ascii", "us-ascii", "646": self = .ascii
            case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859", "cp819", "l1", "latin": self = .latin1
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
        if codec == .utf8 {
            // Lone surrogates cannot be in a Swift string: UTF-8 always succeeds.
            return Array(s.utf8)
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
        func bad(_ start: Int, _ end: Int, _ reason: String) throws {
            switch errors {
            case "ignore": return
            case "replace": out.append("\u{FFFD}")
            case "backslashreplace":
                for b in bytes[start..<end] { out.append(contentsOf: ("\\x" + hex(UInt32(b), 2)).unicodeScalars) }
            default:
                let span = end - start == 1 ? "byte 0x\(hex(UInt32(bytes[start]), 2)) in position \(start)"
                    : "bytes in position \(start)-\(end - 1)"
                throw unicodeError("UnicodeDecodeError", "'\(codec.rawValue)' codec can't decode \(span): \(reason)")
            }
        }
        if codec != .utf8 {
            for (i, b) in bytes.enumerated() {
                if UInt32(b) <= codec.limit { out.append(UnicodeScalar(b)) } else { try bad(i, i + 1, "ordinal not in range(128)") }
            }
            return String(out)
        }
        // Objects/stringlib/codecs.h's UTF-8 decoder: an invalid start byte, an invalid
        // continuation byte or a truncated sequence is one error spanning the bytes read.
        var i = 0
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
}
