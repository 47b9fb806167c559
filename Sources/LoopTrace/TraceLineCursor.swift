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
    /// The caller's, for the length of one `event` call.
    private let memory: UnsafeMutablePointer<Memory>

    /// What the cursor keeps from line to line of a block.
    struct Memory {
        /// The last number read as a double, where it is in the bytes, and its value. Events
        /// in a row mostly share their time, and converting a 17-digit time exactly costs
        /// hundreds of instructions; comparing it with the last one's bytes costs a few.
        fileprivate var numberStart = 0
        fileprivate var numberCount = 0
        fileprivate var number = 0.0

        /// The block's strings, which the events are packed against (`intern`). A text is
        /// looked up by its bytes, so that a repeated one (a step's callback, a task's name)
        /// is neither made into a new String nor hashed again when packed.
        private(set) var strings = StringTable()

        /// The texts the current line read (its first two; no event has more), with their
        /// hashes and, when the table held them already, their ids.
        fileprivate var read: (Read?, Read?)

        fileprivate struct Read {
            var text: String
            var hash: UInt64
            var id: Int32?
        }

        fileprivate mutating func record(_ r: Read) {
            if read.0 == nil { read.0 = r } else if read.1 == nil { read.1 = r }
        }

        /// `text`'s id in `strings`, added if new: the id or hash the cursor found when it
        /// read `text` on this line, else hashed here (a line of the general path).
        mutating func intern(_ text: String) -> Int32 {
            if let r = read.0, r.text == text { return r.id ?? strings.intern(text, hash: r.hash) }
            if let r = read.1, r.text == text { return r.id ?? strings.intern(text, hash: r.hash) }
            return strings.intern(text)
        }
    }

    /// The event on `bytes[range]`, or nil when the line is not in the writer's exact form.
    static func event(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> SimulationEvent? {
        var memory = Memory()
        return event(bytes, range, memory: &memory)
    }

    /// The same, remembering the last number read in `memory` (positions in `bytes`, so the
    /// same memory serves only lines of the same bytes), and looking texts up in its strings.
    static func event(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, memory: inout Memory) -> SimulationEvent? {
        memory.read = (nil, nil)
        return withUnsafeMutablePointer(to: &memory) { memory in
            var cursor = TraceLineCursor(bytes: bytes, pos: range.lowerBound, end: range.upperBound, memory: memory)
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
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, pos: Int, end: Int, memory: UnsafeMutablePointer<Memory>) {
        self.bytes = bytes
        self.pos = pos
        self.end = end
        self.memory = memory
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
        return try stringValue(text: true)
    }

    mutating func optionalString(_ key: StaticString) throws(Miss) -> String? {
        try self.key(key)
        return skipNull() ? nil : try stringValue(text: true)
    }

    mutating func word(_ key: StaticString) throws(Miss) -> String {
        try self.key(key)
        return try stringValue(text: false)
    }

    /// As the general path reads it: absent (version 2 traces, and version 3 and 4 traces on
    /// a task's creation, a cancellation or a timeout) is file 0. Here absent means that the
    /// next key is not `file`; were `file` somewhere later in the line, the line would not
    /// end where the cursor expects it to, and the general path would decode it.
    mutating func fileNumber() throws(Miss) -> Int {
        isKey("file") ? try int("file") : 0
    }

    func unexpected(_ key: StaticString, expected: String, found: String) -> Miss { Miss() }

    // MARK: Bytes

    /// Whether the `n` bytes at `at` (known to be in the line) are `text`'s: keys are short,
    /// and a call to memcmp would cost more than the comparison. From 4 bytes on, two loads
    /// of 4 or 8 bytes each side cover them all (overlapping in the middle).
    @inline(__always)
    private func matches(_ at: Int, _ text: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let here = UnsafeRawPointer(bytes.baseAddress! + at), there = UnsafeRawPointer(text)
        if n >= 8 {
            var k = 0
            while k + 8 < n {
                if here.loadUnaligned(fromByteOffset: k, as: UInt64.self) != there.loadUnaligned(fromByteOffset: k, as: UInt64.self) {
                    return false
                }
                k += 8
            }
            return here.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == there.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        }
        if n >= 4 {
            return here.loadUnaligned(as: UInt32.self) == there.loadUnaligned(as: UInt32.self)
                && here.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self) == there.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
        }
        var k = 0
        while k < n {
            if bytes[at + k] != text[k] { return false }
            k += 1
        }
        return true
    }

    @inline(__always)
    private mutating func literal(_ text: StaticString) throws(Miss) {
        let n = text.utf8CodeUnitCount
        guard end - pos >= n, matches(pos, text.utf8Start, n) else { throw Miss() }
        pos += n
    }

    /// `,"KEY":`
    private mutating func key(_ key: StaticString) throws(Miss) {
        guard isKey(key) else { throw Miss() }
        pos += key.utf8CodeUnitCount + 4
    }

    /// Whether `,"KEY":` comes next.
    @inline(__always)
    private func isKey(_ key: StaticString) -> Bool {
        let n = key.utf8CodeUnitCount
        guard end - pos >= n + 4 else { return false }
        let here = UnsafeRawPointer(bytes.baseAddress! + pos)
        return UInt16(littleEndian: here.loadUnaligned(as: UInt16.self)) == Self.commaQuote
            && matches(pos + 2, key.utf8Start, n)
            && UInt16(littleEndian: here.loadUnaligned(fromByteOffset: n + 2, as: UInt16.self)) == Self.quoteColon
    }

    /// `,"` and `":` as little-endian 16-bit loads see them.
    private static let commaQuote = UInt16(UInt8(ascii: ",")) | UInt16(UInt8(ascii: "\"")) << 8
    private static let quoteColon = UInt16(UInt8(ascii: "\"")) | UInt16(UInt8(ascii: ":")) << 8

    /// The kind's name and its closing quote.
    private mutating func kind() throws(Miss) -> EventKind {
        let start = pos
        while pos < end, bytes[pos] != UInt8(ascii: "\"") { pos += 1 }
        guard pos < end, let kind = EventKind.named(UnsafeBufferPointer(rebasing: bytes[start..<pos])) else { throw Miss() }
        pos += 1
        return kind
    }

    @inline(__always)
    private mutating func skipNull() -> Bool {
        guard end - pos >= 4, bytes[pos] == UInt8(ascii: "n"), bytes[pos + 1] == UInt8(ascii: "u"),
              bytes[pos + 2] == UInt8(ascii: "l"), bytes[pos + 3] == UInt8(ascii: "l") else { return false }
        pos += 4
        return true
    }

    @inline(__always)
    private func digit(_ at: Int) -> Bool { at < end && bytes[at] &- 0x30 < 10 }

    /// An integer in JSON's grammar (`-?(0|[1-9][0-9]*)`), at most 18 digits so it cannot
    /// overflow. A fraction or exponent after it is left for the next key to refuse.
    @inline(__always)
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
    @inline(__always)
    private mutating func doubleValue() throws(Miss) -> Double {
        let n = memory.pointee.numberCount
        if n > 0, end - pos > n, !Self.continuesNumber(bytes[pos + n]),
           matches(pos, bytes.baseAddress! + memory.pointee.numberStart, n) {
            pos += n
            return memory.pointee.number
        }
        guard let (value, next) = DecimalNumber.parse(bytes, from: pos, to: end) else { throw Miss() }
        memory.pointee.numberStart = pos
        memory.pointee.numberCount = next - pos
        memory.pointee.number = value
        pos = next
        return value
    }

    /// Whether `b` can continue a JSON number (a digit, a point, an exponent or its sign).
    private static func continuesNumber(_ b: UInt8) -> Bool {
        b &- 0x30 < 10 || b == UInt8(ascii: ".") || b | 0x20 == UInt8(ascii: "e") || b == UInt8(ascii: "+")
            || b == UInt8(ascii: "-")
    }

    /// A string without control characters, whose escapes are the one-letter ones (the
    /// writer's `\n`, `\"`, `\\`); `\u` escapes are left to the general path. A `text` (one
    /// the event keeps) is looked up in the block's strings first, and recorded for `intern`.
    private mutating func stringValue(text: Bool) throws(Miss) -> String {
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
        if !text, !escaped, let known = knownWord(at: range.lowerBound, count: range.count) { return known }
        let raw = UnsafeBufferPointer(rebasing: bytes[range])
        if escaped || !text {
            // Escaped bytes are not the text's: make the String, and let `intern` hash it.
            let s: String
            if ascii, !escaped {
                s = String(decoding: raw, as: UTF8.self)
            } else {
                guard let decoded = JSONScanner.string(bytes, range, escaped: escaped) else { throw Miss() }
                s = decoded
            }
            if text { memory.pointee.record(Memory.Read(text: s, hash: StringTable.hash(s), id: nil)) }
            return s
        }
        // The bytes are the text's UTF-8 (when valid): a repeat costs a hash and a comparison.
        let hash = StringTable.hash(raw)
        if let id = memory.pointee.strings.find(raw, hash: hash) {
            let s = memory.pointee.strings[id]
            memory.pointee.record(Memory.Read(text: s, hash: hash, id: id))
            return s
        }
        let s: String
        if ascii {
            s = String(decoding: raw, as: UTF8.self)
        } else {
            guard let valid = String(validating: raw, as: UTF8.self) else { throw Miss() }
            s = valid
        }
        memory.pointee.record(Memory.Read(text: s, hash: hash, id: nil))
        return s
    }

    /// The words `word` reads (a step's outcome, a thread's state) as Strings made once:
    /// reading one of them costs a comparison, where making a String of its bytes costs a
    /// validation, on a quarter of a trace's lines. Nil for any other word.
    private func knownWord(at start: Int, count n: Int) -> String? {
        func isWord(_ w: StaticString) -> Bool { n == w.utf8CodeUnitCount && matches(start, w.utf8Start, n) }
        switch n {
        case 3: return isWord("gil") ? "gil" : nil
        case 6: return isWord("parked") ? "parked" : isWord("failed") ? "failed" : nil
        case 7: return isWord("yielded") ? "yielded" : isWord("running") ? "running" : isWord("blocked") ? "blocked" : nil
        case 8: return isWord("finished") ? "finished" : isWord("sleeping") ? "sleeping" : nil
        case 9: return isWord("cancelled") ? "cancelled" : nil
        default: return nil
        }
    }

    private static let oneLetterEscapes: [UInt8] = Array("\"\\/bfnrt".utf8)
}
