#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import LoopSimulator
import TestSupport
@testable import LoopTrace

/// The trace reader's fast paths: `DecimalNumber` must give strtod's bits for every number,
/// and `TraceLineCursor` must decode a line exactly as the general JSON path does, or leave it
/// to that path.
@Suite struct FastDecodingTests {
    // MARK: Numbers

    /// `DecimalNumber.double` and strtod on `text`, as bit patterns.
    static func bothParses(_ text: String) -> (fast: UInt64, strtod: UInt64) {
        let bytes = Array(text.utf8)
        let fast = bytes.withUnsafeBufferPointer { DecimalNumber.double($0, 0..<$0.count) }
        return (fast.bitPattern, strtod(text, nil).bitPattern)
    }

    static let edgeCases = [
        "0", "-0", "0.0", "-0.0", "0e0", "0.000e-999", "1", "-1", "1.5", "0.1", "0.2", "0.3", "0.30000000000000004",
        "9007199254740992", "9007199254740993", "9007199254740991", "18014398509481984", "18014398509481985",
        "1e22", "1e23", "9.999999999999999e22", "1e-22", "1e-23", "4.35e-22", "123456789e22", "9007199254740991e22",
        "9007199254740993e-22", "1e37", "1e38", "8e37", "90071992547409e23",
        "5e-324", "4.9406564584124654e-324", "2.2250738585072014e-308", "2.2250738585072011e-308",
        "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e308", "1e309", "1e-400",
        "2e-324", "3e-324", "0.0020000000000000018", "0.0020000000000000573", "0.192", "1e-05", "1.2345e-07",
        "12345678901234567890", "1234567890123456789", "0.1234567890123456789", "100000000000000000000000",
        "0.000000000000000000000000000000000000001", "1E5", "1e+5", "1E-5", "-1.5e-3", "7.0e0", "4503599627370496.5",
        "4503599627370497.5", "2.5e-1", "99999999999999999999999999e-30",
    ]

    @Test("DecimalNumber gives strtod's bits on edge cases", arguments: edgeCases)
    func edgeCase(_ text: String) {
        let (fast, slow) = Self.bothParses(text)
        #expect(fast == slow, "\(text): \(Double(bitPattern: fast)) vs strtod \(Double(bitPattern: slow))")
    }

    @Test func decimalNumberAgreesWithStrtodOnRandomValues() {
        var rng = SplitMix64(seed: 0x5EED_F1_0A7)
        var failures: [String] = []
        func check(_ text: String) {
            let (fast, slow) = Self.bothParses(text)
            if fast != slow, failures.count < 10 { failures.append(text) }
        }
        for _ in 0..<200_000 {
            // Doubles as the writer prints them (the shortest digits that read back).
            let d = Double(bitPattern: rng.next())
            if d.isFinite { check(d.description) }
            // Short decimals of the kind times and durations are made of.
            let k = Int.random(in: 0...99_999, using: &rng)
            let v = Double(k) / [1, 10, 100, 1000, 10_000, 1_000_000][Int.random(in: 0...5, using: &rng)]
            check(v.description)
            check((v * 0.1 + 0.2).description)
            // Doubles near the trace's magnitudes, printed with up to 17 digits.
            let near = Double(bitPattern: (rng.next() & 0x800F_FFFF_FFFF_FFFF) | (UInt64.random(in: 0x3B0...0x440, using: &rng) << 52))
            check(near.description)
            // 15 to 19 digits scaled by 10^-25 … 10^22: the integer paths and their limits.
            var long = String(UInt64.random(in: 100_000_000_000_000...9_999_999_999_999_999_999, using: &rng))
            long += "e\(Int.random(in: -25...22, using: &rng))"
            check(long)
            // Random digit strings and exponents, fast path and fallback alike.
            let digits = Int.random(in: 1...22, using: &rng)
            var text = Int.random(in: 0...1, using: &rng) == 0 ? "" : "-"
            let point = Int.random(in: 0...digits, using: &rng)
            for i in 0..<digits {
                if i == point, i > 0 { text += "." }
                text += String(i == 0 ? Int.random(in: 1...9, using: &rng) : Int.random(in: 0...9, using: &rng))
            }
            if Int.random(in: 0...2, using: &rng) > 0 {
                text += "e\(Int.random(in: -340...330, using: &rng))"
            }
            check(text)
        }
        #expect(failures.isEmpty, "DecimalNumber differs from strtod on \(failures)")
    }

    // MARK: Lines

    /// The general path's event for one line, or its error.
    static func general(_ line: [UInt8]) -> Result<SimulationEvent, TraceReader.EventLineFailure> {
        line.withUnsafeBufferPointer { bytes in
            var scanner = JSONScanner(bytes)
            do throws(JSONSyntaxError) { try scanner.parseObject(0..<bytes.count) } catch { return .failure(.syntax(error)) }
            do throws(TraceReadError.Problem) { return .success(try TraceReader.decodeEvent(scanner)) } catch {
                return .failure(.problem(error))
            }
        }
    }

    static func fast(_ line: [UInt8]) -> SimulationEvent? {
        line.withUnsafeBufferPointer { TraceLineCursor.event($0, 0..<$0.count) }
    }

    /// Every event line of a few scenarios' traces and of the trace benchmark's scenario.
    static func sampleLines() throws -> [[UInt8]] {
        var lines: [[UInt8]] = []
        for path in try Fixtures.scenarioPaths().prefix(40) {
            let bytes = TraceWriter.encode(Fixtures.record(path))
            lines += bytes.split(separator: 0x0a).dropFirst().dropLast().map(Array.init)
        }
        return lines
    }

    @Test func theWritersLinesTakeTheFastPathAndDecodeAsTheGeneralPathDoes() throws {
        let lines = try Self.sampleLines()
        #expect(lines.count > 1000)
        var kinds = Set<String>()
        for line in lines {
            guard let fast = Self.fast(line) else {
                Issue.record("missed the fast path: \(String(decoding: line, as: UTF8.self))")
                continue
            }
            kinds.insert(TraceWriter.kindName(fast.kind))
            guard case .success(let general) = Self.general(line) else { Issue.record("general path failed"); continue }
            #expect(fast == general)
            #expect(TraceWriter.encodeEvent(fast) == line + [0x0a])
        }
        #expect(kinds.count >= 15)
    }

    @Test func theAwkwardEventsAreDecodedAlikeOrLeftToTheGeneralPath() {
        // Escapes, non-ASCII text, infinities (written as strings), extreme numbers.
        let events: [SimulationEvent] = [
            SimulationEvent(time: 5e-324, iteration: 0, kind: .print(task: nil, text: "a\nb\"c\\d\u{7f}")),
            SimulationEvent(time: 0.1, iteration: 3, kind: .print(task: 2, text: "café ☕ \u{1F600}")),
            SimulationEvent(time: 0.1 + 0.2, iteration: 1, kind: .cpuBurstStart(task: nil, seconds: 1e300, line: 3, file: 0)),
            SimulationEvent(time: 1e300, iteration: 1, kind: .timerScheduled(handle: 4, when: .infinity, description: "f", future: nil)),
            SimulationEvent(time: -0.0, iteration: -5, kind: .iterationStart(ready: 0, timers: 2, selectTimeout: nil)),
            SimulationEvent(time: 1.7976931348623157e308, iteration: Int(Int32.max),
                            kind: .cancelRequested(task: 1, by: nil, message: "why\u{1}", line: 2, file: 0)),
            SimulationEvent(time: 2, iteration: 1, kind: .threadState(thread: 1, state: .gil, what: "f", line: 4, file: 1)),
            SimulationEvent(time: 2, iteration: 1, kind: .taskStepEnd(task: 3, outcome: .failed(exception: "ValueError('é')"))),
        ]
        for event in events {
            let line = Array(TraceWriter.encodeEvent(event).dropLast())
            guard case .success(let general) = Self.general(line) else { Issue.record("general path failed"); continue }
            if let fast = Self.fast(line) {
                #expect(fast == general)
                #expect(fast.time.bitPattern == general.time.bitPattern)
            }
        }
    }

    @Test func aMutatedLineIsEitherDecodedAsTheGeneralPathDoesOrLeftToIt() throws {
        // Whatever a damaged line looks like, the fast path never accepts what the general
        // path refuses, and never decodes it differently.
        let lines = try Self.sampleLines()
        var rng = SplitMix64(seed: 16)
        let alphabet = Array("{}[]\",:.-+eE0123456789 nulltrue\\abc".utf8)
        var accepted = 0
        for _ in 0..<60_000 {
            var line = lines[Int.random(in: 0..<lines.count, using: &rng)]
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let i = Int.random(in: 0..<line.count, using: &rng)
                switch Int.random(in: 0...2, using: &rng) {
                case 0: line[i] = alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]
                case 1: line.remove(at: i)
                default: line.insert(alphabet[Int.random(in: 0..<alphabet.count, using: &rng)], at: i)
                }
                if line.isEmpty { break }
            }
            guard let fast = Self.fast(line) else { continue }
            accepted += 1
            switch Self.general(line) {
            case .success(let general):
                #expect(fast == general, "\(String(decoding: line, as: UTF8.self))")
            case .failure(let why):
                Issue.record("the general path refuses what the fast path read (\(why)): \(String(decoding: line, as: UTF8.self))")
            }
        }
        #expect(accepted > 1000)
    }

    @Test func aTraceTheFastPathCannotReadLoadsToTheSameStore() throws {
        // The same trace with a space after each event line's brace: valid JSON that only the
        // general path reads. Both loads must give the same store.
        for path in ["Scenarios/04_cancel_sleeping.py", "Scenarios/05_wait_for_timeout.py"] {
            let bytes = TraceWriter.encode(Fixtures.record(path))
            var spaced: [UInt8] = []
            for (n, line) in bytes.split(separator: 0x0a, omittingEmptySubsequences: false).enumerated() {
                if n > 0 { spaced.append(0x0a) }
                if n > 0, line.first == UInt8(ascii: "{") { spaced += [UInt8(ascii: "{"), 0x20] + line.dropFirst() } else { spaced += line }
            }
            let fast = try TraceReader.read(bytes, path: "t").get()
            let general = try TraceReader.read(spaced, path: "t").get()
            #expect(general.eventCount == fast.eventCount)
            #expect(general.events(in: 0..<general.eventCount) == fast.events(in: 0..<fast.eventCount))
            #expect(TraceWriter.encode(general) == TraceWriter.encode(fast))
        }
    }

    // MARK: Older lines, kinds, texts

    @Test func linesOfOlderVersionsWithoutAFileTakeTheFastPath() {
        // Versions 3 and 4 wrote no `file` on a task's creation, a cancellation or a timeout,
        // version 2 on any event (the general path reads file 0); the bulk of a version 4
        // recording's first lines are creations.
        let lines = [
            #"{"kind":"taskCreated","time":0.0,"iteration":0,"task":1,"name":"Task-1","coroutine":"main","creator":null,"line":906}"#,
            #"{"kind":"cancelRequested","time":1.5,"iteration":3,"task":2,"by":1,"message":null,"line":7}"#,
            #"{"kind":"timeoutFired","time":2.0,"iteration":4,"task":null,"line":12}"#,
            #"{"kind":"taskStepEnd","time":0.0,"iteration":2,"task":5,"outcome":"yielded","line":9}"#,
        ]
        for text in lines {
            let line = Array(text.utf8)
            guard case .success(let general) = Self.general(line) else { Issue.record("general path failed: \(text)"); continue }
            let fast = Self.fast(line)
            #expect(fast != nil, "missed the fast path: \(text)")
            #expect(fast == general)
        }
        // `file` out of the writer's order is left to the general path, which reads it.
        let moved = Array(#"{"kind":"timeoutFired","time":2.0,"iteration":4,"task":null,"file":1,"line":12}"#.utf8)
        #expect(Self.fast(moved) == nil)
        guard case .success(let general) = Self.general(moved), case .timeoutFired(_, _, let file) = general.kind else {
            Issue.record("general path failed")
            return
        }
        #expect(file == 1)
    }

    @Test func everyKindIsFoundByItsNameAndNothingElseIs() {
        func named(_ text: String) -> EventKind? {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { EventKind.named($0) }
        }
        for kind in EventKind.allCases { #expect(named(kind.name) == kind) }
        for text in ["", "p", "prin", "printx", "Print", "taskCreate", "taskCreatedd", "taskStepEnD", "callbackEnd ",
                     "cancelledErrorDelivered!", "cancelledErrorDeliverex", String(repeating: "a", count: 40), "tîmerDropped"] {
            #expect(named(text) == nil, "\(text)")
        }
    }

    /// A block decoded by the reader (the cursor looking texts up by their bytes) and the
    /// same lines' events, decoded by the general path, interned one by one: the same
    /// strings in the same order, and the same packed events.
    static func expectBlockAsInterned(_ lines: [String]) {
        let joined = Array(lines.joined(separator: "\n").utf8)
        joined.withUnsafeBufferPointer { bytes in
            let ranges = TraceReader.lineRanges(bytes)
            let block = TraceReader.decodeBlock(bytes, ranges[...], firstLineNumber: 2, fileCount: 4)
            #expect(block.failure == nil)
            var table = StringTable()
            var expected: [PackedEvent] = []
            for range in ranges.map(\.range) {
                guard case .success(let event) = general(Array(UnsafeBufferPointer(rebasing: bytes[range]))) else {
                    Issue.record("general path failed")
                    return
                }
                expected.append(PackedEvent(event, strings: &table))
            }
            #expect(block.strings == table.strings)
            #expect(block.hashes == table.hashes)
            #expect(block.events.map { $0.unpacked(table) } == expected.map { $0.unpacked(table) })
        }
    }

    @Test func aBlocksTextsAreInternedOnceWhateverTheirForm() {
        Self.expectBlockAsInterned([
            // A repeated text, a text spelled as an outcome is, a repeated name and coroutine.
            #"{"kind":"callbackStart","time":0.0,"iteration":1,"handle":1,"description":"Task-1.step","task":1}"#,
            #"{"kind":"callbackStart","time":0.0,"iteration":1,"handle":2,"description":"yielded","task":null}"#,
            #"{"kind":"taskStepEnd","time":0.0,"iteration":1,"task":1,"outcome":"yielded","line":9,"file":0}"#,
            #"{"kind":"callbackStart","time":0.5,"iteration":2,"handle":3,"description":"Task-1.step","task":1}"#,
            #"{"kind":"taskCreated","time":0.5,"iteration":2,"task":2,"name":"w","coroutine":"w","creator":1,"line":3,"file":1}"#,
            #"{"kind":"taskCreated","time":0.5,"iteration":2,"task":3,"name":"Task-1.step","coroutine":"w","creator":1,"line":3}"#,
            // The same text escaped and not, with a \u escape (the general path), non-ASCII.
            #"{"kind":"print","time":1,"iteration":3,"task":null,"text":"a/b\n"}"#,
            #"{"kind":"print","time":1,"iteration":3,"task":null,"text":"a\/b\n"}"#,
            #"{"kind":"print","time":1,"iteration":3,"task":null,"text":"a\u002fb\n"}"#,
            #"{"kind":"print","time":1,"iteration":3,"task":1,"text":"café ☕ 😀"}"#,
            #"{"kind":"print","time":1,"iteration":3,"task":1,"text":"caf\u00e9 ☕ \ud83d\ude00"}"#,
            #"{"kind":"print","time":1,"iteration":3,"task":1,"text":"café ☕ 😀"}"#,
            #"{"kind":"print","time":1,"iteration":3,"task":1,"text":""}"#,
            #"{"kind":"warning","time":1,"iteration":3,"text":""}"#,
            // A long text (not a small String), twice; a line the cursor gives up on midway.
            #"{"kind":"print","time":1,"iteration":3,"task":1,"text":"a text of more than fifteen bytes"}"#,
            #"{"kind":"print","time":1,"iteration":3,"task":1,"text":"a text of more than fifteen bytes"}"#,
            #"{"kind":"scheduleDeparture","time":1,"iteration":3,"departure":"tie","detail":"a text of more than fifteen bytes","extra":1}"#,
            #"{"kind":"threadState","time":1,"iteration":3,"thread":1,"state":"gil","what":"gil","line":4,"file":2}"#,
        ])
    }

    @Test func aTextThatIsNotUTF8FailsAsTheGeneralPathSaysWhetherOrNotItWasSeenBefore() {
        // The bytes of a text are looked up before they are validated: bytes that are not
        // UTF-8 must never match, and the line fails as the general path says.
        var bytes = Array(#"{"kind":"print","time":1,"iteration":3,"task":1,"text":"ab"}"#.utf8)
        bytes += [0x0a] + Array(#"{"kind":"print","time":1,"iteration":3,"task":1,"text":"a"#.utf8) + [0xff]
        bytes += Array(#"b"}"#.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let ranges = TraceReader.lineRanges(buffer)
            let block = TraceReader.decodeBlock(buffer, ranges[...], firstLineNumber: 2, fileCount: 1)
            #expect(block.events.count == 1)
            guard let failure = block.failure else { Issue.record("no failure"); return }
            #expect(failure.line == 3)
            #expect(failure.problem == .wrongType(kind: "print", field: "text", expected: "valid UTF-8 text", found: "a string"))
        }
    }

    @Test func aTraceWithCRLFLineEndsLoadsToTheSameStore() throws {
        // The carriage returns are JSON whitespace: the general path reads such lines.
        let bytes = TraceWriter.encode(Fixtures.record("Scenarios/05_wait_for_timeout.py"))
        var crlf: [UInt8] = []
        for b in bytes { if b == 0x0a { crlf.append(0x0d) }; crlf.append(b) }
        let plain = try TraceReader.read(bytes, path: "t").get()
        let windows = try TraceReader.read(crlf, path: "t").get()
        #expect(windows.events(in: 0..<windows.eventCount) == plain.events(in: 0..<plain.eventCount))
        #expect(TraceWriter.encode(windows) == bytes)
    }
}
