import LoopSimulator

/// The fast path for an event line exactly as `TraceWriter` writes it: the keys in the
/// writer's order, no whitespace, strings without escapes, numbers and `null` as the writer
/// prints them. It reads the line in one pass, comparing the expected key bytes rather than
/// parsing and looking them up, and builds the event as it goes.
///
/// Anything else (another key order, an extra key, an escape, `"inf"`, a wrong type, a
/// syntax error) is a miss, and the reader decodes the line with the general JSON scanner
/// instead, which accepts every valid line and locates every error. A line the cursor
/// accepts is one the general path decodes to the same event: both read the fields through
/// `TraceReader.decodeFields`, and the cursor accepts only valid JSON with each key once.
struct TraceLineCursor: EventFields {
    struct Miss: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private var pos: Int
    private let end: Int
    private var memo: NumberMemo

    /// The last number read as a double, where it is in the bytes, and its value. Events in
    /// a row mostly share their time, and converting a 17-digit time exactly costs hundreds
    /// of instructions; comparing it with the last one's bytes costs a few.
    struct NumberMemo {
        fileprivate var start = 0
        fileprivate var count = 0
        fileprivate var value = 0.0
    }

    /// The event on `bytes[range]`, or nil when the line is not in the writer's exact form.
    static func event(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> SimulationEvent? {
        var memo = NumberMemo()
        return event(bytes, range, memo: &memo)
    }

    /// The same, remembering the last number read in `memo` (positions in `bytes`, so the
    /// same memo serves only lines of the same bytes).
    static func event(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, memo: inout NumberMemo) -> SimulationEvent? {
        var cursor = TraceLineCursor(bytes: bytes, pos: range.lowerBound, end: range.upperBound, memo: memo)
        defer { memo = cursor.memo }
        do throws(Miss) {
            try cursor.literal("{\"kind\":\"")
            let kind = try cursor.kind()
            let event = try TraceReader.decodeFields(kind, &cursor)
            guard cursor.pos + 1 == cursor.end, bytes[cursor.pos] == UInt8(ascii: "}") else { return nil }
            return event
        } catch {
            return nil
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, pos: Int, end: Int, memo: NumberMemo) {
        self.bytes = bytes
        self.pos = pos
        self.end = end
        self.memo = memo
    }

    // MARK: Fields

    mutating func int(_ key: StaticString) throws(Miss) -> Int {
        try self.key(key)
        return try intValue()
    }

    mutating func optionalInt(_ key: StaticString) throws(Miss) -> Int? {
        try self.key(key)
        return skipNull() ? nil : try intValue()
    }

    mutating func double(_ key: StaticString) throws(Miss) -> Double {
        try self.key(key)
        return try doubleValue()
    }

    mutating func optionalDouble(_ key: StaticString) throws(Miss) -> Double? {
        try self.key(key)
        return skipNull() ? nil : try doubleValue()
    }

    mutating func string(_ key: StaticString) throws(Miss) -> String {
        try self.key(key)
        return try stringValue()
    }

    mutating func optionalString(_ key: StaticString) throws(Miss) -> String? {
        try self.key(key)
        return skipNull() ? nil : try stringValue()
    }

    mutating func fileNumber() throws(Miss) -> Int { try int("file") }

    func unexpected(_ key: StaticString, expected: String, found: String) -> Miss { Miss() }

    // MARK: Bytes

    /// Whether the `n` bytes at `at` (known to be in the line) are `text`'s, compared eight
    /// at a time: keys are short, and a call to memcmp would cost more than the comparison.
    @inline(__always)
    private func matches(_ at: Int, _ text: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let here = UnsafeRawPointer(bytes.baseAddress! + at), there = UnsafeRawPointer(text)
        var k = 0
        while k + 8 <= n {
            if here.loadUnaligned(fromByteOffset: k, as: UInt64.self) != there.loadUnaligned(fromByteOffset: k, as: UInt64.self) {
                return false
            }
            k += 8
        }
        while k < n {
            if here.load(fromByteOffset: k, as: UInt8.self) != text[k] { return false }
            k += 1
        }
        return true
    }

    private mutating func literal(_ text: StaticString) throws(Miss) {
        let n = text.utf8CodeUnitCount
        guard end - pos >= n, matches(pos, text.utf8Start, n) else { throw Miss() }
        pos += n
    }

    /// `,"KEY":`
    private mutating func key(_ key: StaticString) throws(Miss) {
        let n = key.utf8CodeUnitCount
        guard end - pos >= n + 4, bytes[pos] == UInt8(ascii: ","), bytes[pos + 1] == UInt8(ascii: "\""),
              matches(pos + 2, key.utf8Start, n),
              bytes[pos + n + 2] == UInt8(ascii: "\""), bytes[pos + n + 3] == UInt8(ascii: ":") else { throw Miss() }
        pos += n + 4
    }

    /// The kind's name and its closing quote.
    private mutating func kind() throws(Miss) -> EventKind {
        let start = pos
        while pos < end, bytes[pos] != UInt8(ascii: "\"") { pos += 1 }
        guard pos < end, let kind = EventKind.named(UnsafeBufferPointer(rebasing: bytes[start..<pos])) else { throw Miss() }
        pos += 1
        return kind
    }

    private mutating func skipNull() -> Bool {
        guard end - pos >= 4, bytes[pos] == UInt8(ascii: "n"), bytes[pos + 1] == UInt8(ascii: "u"),
              bytes[pos + 2] == UInt8(ascii: "l"), bytes[pos + 3] == UInt8(ascii: "l") else { return false }
        pos += 4
        return true
    }

    private func digit(_ at: Int) -> Bool { at < end && bytes[at] &- 0x30 < 10 }

    /// An integer in JSON's grammar (`-?(0|[1-9][0-9]*)`), at most 18 digits so it cannot
    /// overflow. A fraction or exponent after it is left for the next key to refuse.
    private mutating func intValue() throws(Miss) -> Int {
        let negative = pos < end && bytes[pos] == UInt8(ascii: "-")
        if negative { pos += 1 }
        let start = pos
        var v = 0
        while digit(pos) { v = v &* 10 &+ Int(bytes[pos] &- 0x30); pos += 1 }
        let n = pos - start
        guard n > 0, n <= 18, n == 1 || bytes[start] != UInt8(ascii: "0") else { throw Miss() }
        return negative ? -v : v
    }

    /// A number in JSON's grammar, read and converted in one pass, unless its bytes are the
    /// last number's (whole: the byte after them ends the number).
    private mutating func doubleValue() throws(Miss) -> Double {
        let n = memo.count
        if n > 0, end - pos > n, !Self.continuesNumber(bytes[pos + n]), matches(pos, bytes.baseAddress! + memo.start, n) {
            pos += n
            return memo.value
        }
        guard let (value, next) = DecimalNumber.parse(bytes, from: pos, to: end) else { throw Miss() }
        memo = NumberMemo(start: pos, count: next - pos, value: value)
        pos = next
        return value
    }

    /// Whether `b` can continue a JSON number (a digit, a point, an exponent or its sign).
    private static func continuesNumber(_ b: UInt8) -> Bool {
        b &- 0x30 < 10 || b == UInt8(ascii: ".") || b | 0x20 == UInt8(ascii: "e") || b == UInt8(ascii: "+")
            || b == UInt8(ascii: "-")
    }

    /// A string without control characters, whose escapes are the one-letter ones (the
    /// writer's `\n`, `\"`, `\\`); `\u` escapes are left to the general path.
    private mutating func stringValue() throws(Miss) -> String {
        guard pos < end, bytes[pos] == UInt8(ascii: "\"") else { throw Miss() }
        pos += 1
        let start = pos
        var ascii = true
        var escaped = false
        while pos < end {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") { break }
            if b < 0x20 { throw Miss() }
            if b >= 0x80 { ascii = false }
            if b == UInt8(ascii: "\\") {
                guard pos + 1 < end, Self.oneLetterEscapes.contains(bytes[pos + 1]) else { throw Miss() }
                escaped = true
                pos += 1
            }
            pos += 1
        }
        guard pos < end else { throw Miss() }
        let range = start..<pos
        pos += 1
        if ascii, !escaped { return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        guard let s = JSONScanner.string(bytes, range, escaped: escaped) else { throw Miss() }
        return s
    }

    private static let oneLetterEscapes: [UInt8] = Array("\"\\/bfnrt".utf8)
}
