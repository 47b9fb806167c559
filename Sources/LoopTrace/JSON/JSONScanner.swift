#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A JSON value inside a line, by byte position: decoding is deferred until a reader asks
/// for a field, so the fast path (a million event lines) allocates almost nothing.
enum JSONToken {
    case string(Range<Int>, escaped: Bool)
    case number(Range<Int>, integral: Bool)
    case bool(Bool)
    case null
    case object(Range<Int>)
    case array(Range<Int>)

    var typeName: String {
        switch self {
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        case .object: return "an object"
        case .array: return "an array"
        }
    }
}

/// Why a line is not valid JSON, and at which column (1-based).
struct JSONSyntaxError: Error {
    var column: Int
    var message: String
}

/// Parses one JSON object (the trace's lines are objects) into its fields, validating the
/// whole grammar: nested values are checked and skipped, strings checked for raw control
/// characters, numbers for JSON's number syntax.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The object's fields, in file order: key byte range and value.
    private(set) var fields: [(key: Range<Int>, value: JSONToken)] = []
    private var pos = 0
    private var lineStart = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        fields.reserveCapacity(12)
    }

    /// Parses the object spanning `range` exactly (whitespace around it allowed).
    mutating func parseObject(_ range: Range<Int>) throws(JSONSyntaxError) {
        fields.removeAll(keepingCapacity: true)
        lineStart = range.lowerBound
        pos = range.lowerBound
        let end = range.upperBound
        skipSpace(end)
        guard pos < end, bytes[pos] == UInt8(ascii: "{") else { throw fail("expected '{' at the start of the line", end) }
        pos += 1
        skipSpace(end)
        if pos < end, bytes[pos] == UInt8(ascii: "}") {
            pos += 1
        } else {
            while true {
                skipSpace(end)
                guard pos < end, bytes[pos] == UInt8(ascii: "\"") else { throw fail("expected a quoted key", end) }
                let key = try scanString(end)
                skipSpace(end)
                guard pos < end, bytes[pos] == UInt8(ascii: ":") else { throw fail("expected ':' after a key", end) }
                pos += 1
                let value = try scanValue(end, depth: 0)
                fields.append((key.0, value))
                skipSpace(end)
                guard pos < end else { throw fail("expected ',' or '}'", end) }
                if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                if bytes[pos] == UInt8(ascii: "}") { pos += 1; break }
                throw fail("expected ',' or '}'", end)
            }
        }
        skipSpace(end)
        if pos < end { throw fail("unexpected text after the object", end) }
    }

    /// The elements of the array spanning `range` (a value this scanner's object held, so
    /// already checked), in order; nested objects and arrays come back as their ranges.
    mutating func parseArray(_ range: Range<Int>) throws(JSONSyntaxError) -> [JSONToken] {
        lineStart = range.lowerBound
        pos = range.lowerBound
        let end = range.upperBound
        skipSpace(end)
        guard pos < end, bytes[pos] == UInt8(ascii: "[") else { throw fail("expected '['", end) }
        pos += 1
        var elements: [JSONToken] = []
        skipSpace(end)
        if pos < end, bytes[pos] == UInt8(ascii: "]") { return elements }
        while true {
            elements.append(try scanValue(end, depth: 1))
            skipSpace(end)
            guard pos < end else { throw fail("unclosed array", end) }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "]") { return elements }
            throw fail("expected ',' or ']'", end)
        }
    }

    private func fail(_ message: String, _ end: Int) -> JSONSyntaxError {
        let found = pos < end ? "" : " (the line ends here)"
        return JSONSyntaxError(column: pos - lineStart + 1, message: message + found)
    }

    private mutating func skipSpace(_ end: Int) {
        while pos < end {
            let b = bytes[pos]
            if b == 0x20 || b == 0x09 || b == 0x0d || b == 0x0a { pos += 1 } else { break }
        }
    }

    private mutating func scanValue(_ end: Int, depth: Int) throws(JSONSyntaxError) -> JSONToken {
        skipSpace(end)
        guard pos < end else { throw fail("expected a value", end) }
        guard depth < 64 else { throw fail("values nested too deeply", end) }
        switch bytes[pos] {
        case UInt8(ascii: "\""):
            let (range, escaped) = try scanString(end)
            return .string(range, escaped: escaped)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let open = bytes[pos]
            let close = open == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            let start = pos
            pos += 1
            skipSpace(end)
            if pos < end, bytes[pos] == close {
                pos += 1
            } else {
                while true {
                    if open == UInt8(ascii: "{") {
                        skipSpace(end)
                        guard pos < end, bytes[pos] == UInt8(ascii: "\"") else { throw fail("expected a quoted key", end) }
                        _ = try scanString(end)
                        skipSpace(end)
                        guard pos < end, bytes[pos] == UInt8(ascii: ":") else { throw fail("expected ':' after a key", end) }
                        pos += 1
                    }
                    _ = try scanValue(end, depth: depth + 1)
                    skipSpace(end)
                    guard pos < end else { throw fail("unclosed \(open == UInt8(ascii: "{") ? "object" : "array")", end) }
                    if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                    if bytes[pos] == close { pos += 1; break }
                    throw fail("expected ',' or '\(Character(Unicode.Scalar(close)))'", end)
                }
            }
            return open == UInt8(ascii: "{") ? .object(start..<pos) : .array(start..<pos)
        case UInt8(ascii: "t"): try literal("true", end); return .bool(true)
        case UInt8(ascii: "f"): try literal("false", end); return .bool(false)
        case UInt8(ascii: "n"): try literal("null", end); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try scanNumber(end)
        default:
            throw fail("expected a value", end)
        }
    }

    private mutating func literal(_ word: StaticString, _ end: Int) throws(JSONSyntaxError) {
        let n = word.utf8CodeUnitCount
        let w = UnsafeBufferPointer(start: word.utf8Start, count: n)
        guard pos + n <= end, (0..<n).allSatisfy({ bytes[pos + $0] == w[$0] }) else {
            throw fail("expected a value", end)
        }
        pos += n
    }

    /// JSON number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    private mutating func scanNumber(_ end: Int) throws(JSONSyntaxError) -> JSONToken {
        let start = pos
        var integral = true
        func digit() -> Bool { pos < end && bytes[pos] >= 0x30 && bytes[pos] <= 0x39 }
        if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        guard digit() else { throw fail("malformed number", end) }
        if bytes[pos] == UInt8(ascii: "0") { pos += 1 } else { while digit() { pos += 1 } }
        if pos < end, bytes[pos] == UInt8(ascii: ".") {
            integral = false
            pos += 1
            guard digit() else { throw fail("malformed number", end) }
            while digit() { pos += 1 }
        }
        if pos < end, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            integral = false
            pos += 1
            if pos < end, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            guard digit() else { throw fail("malformed number", end) }
            while digit() { pos += 1 }
        }
        return .number(start..<pos, integral: integral)
    }

    /// Scans a string starting at its opening quote; returns the range inside the quotes.
    private mutating func scanString(_ end: Int) throws(JSONSyntaxError) -> (Range<Int>, Bool) {
        pos += 1
        let start = pos
        var escaped = false
        while pos < end {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                let range = start..<pos
                pos += 1
                return (range, escaped)
            }
            if b == UInt8(ascii: "\\") {
                escaped = true
                pos += 1
                guard pos < end else { break }
                switch bytes[pos] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    pos += 1
                case UInt8(ascii: "u"):
                    guard pos + 4 < end, (1...4).allSatisfy({ Self.hexValue(bytes[pos + $0]) != nil }) else {
                        throw fail("malformed \\u escape", end)
                    }
                    pos += 5
                default:
                    throw fail("unknown escape in a string", end)
                }
                continue
            }
            if b < 0x20 { throw fail("control character inside a string", end) }
            pos += 1
        }
        throw fail("unterminated string", end)
    }

    static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - 0x30)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - 0x61 + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - 0x41 + 10)
        default: return nil
        }
    }

    // MARK: Reading fields

    /// The value of `key`, comparing bytes (keys are ASCII).
    func value(_ key: StaticString) -> JSONToken? {
        let n = key.utf8CodeUnitCount
        let k = key.utf8Start
        for field in fields where field.key.count == n {
            var same = true
            var i = 0
            while i < n { if bytes[field.key.lowerBound + i] != k[i] { same = false; break }; i += 1 }
            if same { return field.value }
        }
        return nil
    }

    func keyText(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// Decodes a string token; nil when its bytes are not valid UTF-8.
    func string(_ range: Range<Int>, escaped: Bool) -> String? {
        Self.string(bytes, range, escaped: escaped)
    }

    /// The string whose bytes between the quotes are `bytes[range]` (escapes already checked).
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, escaped: Bool) -> String? {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        if !escaped { return String(validating: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        func hex4(_ at: Int) -> UInt32 {
            (0..<4).reduce(0) { $0 << 4 | Self.hexValue(bytes[at + $1])! }
        }
        while i < range.upperBound {
            let b = bytes[i]
            guard b == UInt8(ascii: "\\") else { out.append(b); i += 1; continue }
            let c = bytes[i + 1]
            i += 2
            switch c {
            case UInt8(ascii: "n"): out.append(0x0a)
            case UInt8(ascii: "r"): out.append(0x0d)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0c)
            case UInt8(ascii: "u"):
                var scalar = hex4(i)
                i += 4
                if (0xD800..<0xDC00).contains(scalar), i + 6 <= range.upperBound,
                   bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                    let low = hex4(i + 2)
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                guard let u = Unicode.Scalar(scalar) else { return nil }
                out.append(contentsOf: String(Character(u)).utf8)
            default: out.append(c)
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    /// An integral number token as Int (nil when out of range).
    func int(_ range: Range<Int>) -> Int? {
        var i = range.lowerBound
        var negative = false
        if bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var v = 0
        while i < range.upperBound {
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(bytes[i] - 0x30))
            if o1 || o2 { return nil }
            v = s
            i += 1
        }
        return negative ? -v : v
    }

    /// A number token as Double, correctly rounded (the bits strtod gives), so written
    /// doubles come back bit for bit.
    func double(_ range: Range<Int>) -> Double {
        DecimalNumber.double(bytes, range)
    }
}
