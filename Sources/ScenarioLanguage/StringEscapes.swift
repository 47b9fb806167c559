/// Decoding of backslash escapes in non-raw string literals, with CPython's rules:
/// unknown escapes such as `\q` are kept as backslash + character (CPython only warns),
/// `\<newline>` joins lines, `\x` needs exactly two hex digits, `\N{NAME}` names a
/// character in CPython 3.11's Unicode database.
struct EscapeError: Error { let message: String }

enum StringEscapes {
    /// In a bytes literal (`bytes`), `\u`, `\U` and `\N` are not escapes, and `\x` and
    /// octal escapes give the byte of that value (kept as that code point).
    static func decode(_ body: some Collection<Unicode.Scalar>, bytes: Bool = false) -> Result<String, EscapeError> {
        let s = Array(body)
        var out = String.UnicodeScalarView()
        var k = 0
        func hexValue(_ count: Int, _ kind: String) -> Result<UInt32, EscapeError> {
            var v: UInt32 = 0
            for n in 0..<count {
                guard k + n < s.count, s[k + n].value < 128, let d = UInt32(String(s[k + n]), radix: 16) else {
                    return .failure(EscapeError(message: "(unicode error) 'unicodeescape' codec can't decode bytes in position \(k - 2)-\(k + n - 1): truncated \(kind) escape"))
                }
                v = v * 16 + d
            }
            k += count
            return .success(v)
        }
        while k < s.count {
            let c = s[k]
            guard c == "\\", k + 1 < s.count else {
                out.append(c)
                k += 1
                continue
            }
            let e = s[k + 1]
            k += 2
            switch e {
            case "\n": break
            case "\\": out.append("\\")
            case "'": out.append("'")
            case "\"": out.append("\"")
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "v": out.append("\u{0B}")
            case "0"..."7":
                var v = e.value - 48
                var n = 0
                while n < 2, k < s.count, s[k] >= "0", s[k] <= "7" {
                    v = v * 8 + (s[k].value - 48)
                    k += 1
                    n += 1
                }
                out.append(Unicode.Scalar(v)!)
            case "u" where bytes, "U" where bytes, "N" where bytes:
                out.append("\\")
                out.append(e)
            case "x", "u", "U":
                let (count, kind) = e == "x" ? (2, "\\xXX") : e == "u" ? (4, "\\uXXXX") : (8, "\\UXXXXXXXX")
                switch hexValue(count, kind) {
                case .failure(let m): return .failure(m)
                case .success(let v):
                    guard let scalar = Unicode.Scalar(v) else {
                        return .failure(EscapeError(message: "(unicode error) 'unicodeescape' codec can't decode bytes in position \(k - count - 2)-\(k - 1): illegal Unicode character"))
                    }
                    out.append(scalar)
                }
            case "N":
                // `\N{NAME}`: the character of that name or alias in CPython 3.11's Unicode
                // database, as `unicode_decode_unicode_escape` looks it up; the error's
                // position runs from the backslash to where the scan stopped.
                let start = k - 2
                var message = "malformed \\N character escape"
                if k < s.count, s[k] == "{" {
                    k += 1
                    let nameStart = k
                    while k < s.count, s[k] != "}" { k += 1 }
                    if k < s.count, k > nameStart {
                        let name = String(String.UnicodeScalarView(s[nameStart..<k]))
                        k += 1
                        if let cp = UnicodeDatabase.lookup(name), let scalar = Unicode.Scalar(cp) {
                            out.append(scalar)
                            continue
                        }
                        message = "unknown Unicode character name"
                    }
                }
                return .failure(EscapeError(message: "(unicode error) 'unicodeescape' codec can't decode bytes in position \(start)-\(k - 1): \(message)"))
            default:
                out.append("\\")
                out.append(e)
            }
        }
        return .success(String(out))
    }
}
