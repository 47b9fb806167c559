#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import LoopSimulator
import ScenarioLanguage

#if canImport(Glibc)
/// glibc's `malloc_trim` (declared in malloc.h, which the Glibc module does not import).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif

/// Reads a JSON Lines trace into a `TraceStore`, checking every line: the header first
/// (format, version), then each event's kind and fields. The first problem ends the read
/// with a `TraceReadError` naming the line; nothing is skipped.
public enum TraceReader {
    public static func load(path: String) -> Result<TraceStore, TraceReadError> {
        load(path: path, into: nil)
    }

    /// For a reader that shows the trace while it loads (the explorer): the store the events
    /// go into, a wrapper around each append (the header's, then each batch's), which
    /// may hold a lock and gets the bytes read so far and the file's size, and a checkpoint
    /// called inside a batch's append every few thousand events, where the store is whole
    /// (the lock's holder may let a waiting reader have its turn there).
    public struct Progressive {
        public var store: TraceStore
        public var appending: (_ bytesDone: Int, _ totalBytes: Int, _ append: () -> Void) -> Void
        public var checkpoint: () -> Void

        public init(store: TraceStore, appending: @escaping (Int, Int, () -> Void) -> Void,
                    checkpoint: @escaping () -> Void = {}) {
            self.store = store
            self.appending = appending
            self.checkpoint = checkpoint
        }
    }

    /// Loads into `progressive.store` (its placeholder header replaced by the file's) when
    /// given, batch by batch, else into a new store.
    public static func load(path: String, into progressive: Progressive?) -> Result<TraceStore, TraceReadError> {
        // The file is mapped, not copied: its pages are read as the decoders reach them.
        let mapped = InputFile.withBytes(path: path) { bytes in
            do throws(TraceReadError) {
                return Result<TraceStore, TraceReadError>.success(try read(bytes, path: path, into: progressive))
            } catch {
                return .failure(error)
            }
        }
        let result: Result<TraceStore, TraceReadError>
        switch mapped {
        case .success(let r): result = r
        case .failure(let problem): return .failure(TraceReadError(path: path, line: 0, problem: .unreadable(problem.description)))
        }
        #if canImport(Glibc)
        // Decoding ran on several threads, whose malloc arenas keep the freed line buffers
        // and the file's bytes; give that memory back now that the store is built.
        _ = glibcMallocTrim(0)
        #endif
        return result
    }

    public static func read(_ bytes: [UInt8], path: String, into progressive: Progressive? = nil) -> Result<TraceStore, TraceReadError> {
        bytes.withUnsafeBufferPointer { buffer in
            do throws(TraceReadError) {
                return .success(try read(buffer, path: path, into: progressive))
            } catch {
                return .failure(error)
            }
        }
    }

    /// Whether the file at `path` starts like a trace (false when it cannot be read: the
    /// caller then reads it as a scenario and reports why it cannot).
    public static func looksLikeTrace(path: String) -> Bool {
        (try? InputFile.withBytes(path: path) { looksLikeTrace($0) }.get()) ?? false
    }

    /// Whether the bytes start like a trace (used to tell a trace from a scenario).
    public static func looksLikeTrace(_ bytes: some Collection<UInt8>) -> Bool {
        let prefix = Array(bytes.prefix(64))
        return prefix.first == UInt8(ascii: "{") && String(decoding: prefix, as: UTF8.self).contains("loopscope-trace")
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String,
                             into progressive: Progressive?) throws(TraceReadError) -> TraceStore {
        var allLines = lineRanges(bytes)
        guard let first = allLines.first else {
            throw TraceReadError(path: path, line: 1, problem: .missingHeader("the file is empty"))
        }
        let header = try decodeHeaderLine(bytes, first.range, path: path)
        let store = progressive?.store ?? TraceStore(header: header)
        let appending = progressive?.appending ?? { _, _, append in append() }
        // A complete trace ends with its end line (see TraceWriter.end); without it the
        // recording was cut short at a line boundary, and the trace reads as interrupted.
        var interrupted = false
        if allLines.count > 1, let last = allLines.last,
           let count = try endLineCount(bytes, last, lineNumber: allLines.count, path: path) {
            guard count == allLines.count - 2 else {
                throw TraceReadError(path: path, line: allLines.count,
                                     problem: .endCountMismatch(expected: count, found: allLines.count - 2))
            }
            allLines.removeLast()
        } else {
            interrupted = true
        }
        let lines = allLines
        appending(first.range.upperBound, bytes.count) {
            store.header = header
            store.interrupted = interrupted
            store.reserveCapacity(events: lines.count - 1)
        }

        // Events are decoded and packed in parallel, a batch of blocks at a time (one block
        // per core), each block with strings of its own; the next batch decodes while this
        // one is appended in file order, its strings moved into the store's and the store's
        // indexes built by the appends.
        let fileCount = header.files.count
        let shared = SharedBytes(bytes: bytes)
        let decoding = DispatchGroup()
        @Sendable func decodeBatch(from start: Int) -> DecodedBlocks {
            decodeBlocks(shared, lines, start..<min(lines.count, start + blockSize * cores), firstLineNumber: 1,
                         fileCount: fileCount)
        }
        var consistency = TraceConsistency(fileCount: fileCount, droppedEvents: header.truncated?.events ?? 0)
        var batch: DecodedBlocks? = lines.count > 1 ? decodeBatch(from: 1) : nil
        while let current = batch {
            // The decoders read `bytes`, which live only during this call: every exit
            // from the loop waits for them.
            let following = FollowingBatch()
            if current.end < lines.count {
                DispatchQueue.global().async(group: decoding) { following.batch = decodeBatch(from: current.end) }
            }
            var failure: TraceReadError?
            appending(lines[current.end - 1].range.upperBound, bytes.count) {
                failure = append(current, to: store, checking: &consistency, path: path,
                                 checkpoint: progressive?.checkpoint ?? {})
            }
            decoding.wait()
            if let failure { throw failure }
            batch = following.batch
        }
        appending(bytes.count, bytes.count) { store.trimCapacity() }
        return store
    }

    /// Lines a block holds, and blocks decoded at a time (one per core).
    static let blockSize = 16_384
    static let cores = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))

    /// Decodes `lines[range]` in blocks of `blockSize`, in parallel; `lines[0]` is line
    /// `firstLineNumber` of the file.
    static func decodeBlocks(_ shared: SharedBytes, _ lines: [Line], _ range: Range<Int>, firstLineNumber: Int,
                             fileCount: Int) -> DecodedBlocks {
        let results = DecodedBlocks(starts: Array(stride(from: range.lowerBound, to: range.upperBound, by: blockSize)),
                                    end: range.upperBound, firstLineNumber: firstLineNumber)
        DispatchQueue.concurrentPerform(iterations: results.starts.count) { b in
            let lo = results.starts[b], hi = min(range.upperBound, lo + blockSize)
            results.store(b, decodeBlock(shared.bytes, lines[lo..<hi], firstLineNumber: firstLineNumber + lo, fileCount: fileCount))
        }
        return results
    }

    /// Appends a batch's events to `store`, checking each against the ones before it; the
    /// first problem (inconsistent, or the line a block could not decode) ends it.
    private static func append(_ batch: DecodedBlocks, to store: TraceStore, checking consistency: inout TraceConsistency,
                               path: String, checkpoint: () -> Void) -> TraceReadError? {
        for b in batch.starts.indices {
            let block = batch.block(b)
            let (good, failure) = check(block, firstLineNumber: batch.firstLineNumber + batch.starts[b],
                                        consistency: &consistency, path: path)
            store.append(block, count: good, checkpoint: checkpoint)
            if let failure { return failure }
        }
        return nil
    }

    /// Checks a block's events against the ones before them (`consistency`, which they
    /// then join): how many pass, and the first problem (an inconsistent event, or the
    /// line the block could not decode), located. The block's first line is `firstLineNumber`.
    static func check(_ block: Block, firstLineNumber: Int, consistency: inout TraceConsistency,
                      path: String) -> (good: Int, failure: TraceReadError?) {
        // By index, so that each event is borrowed from the block, not copied.
        for offset in block.events.indices {
            if let why = consistency.check(block.events[offset]) {
                return (offset, TraceReadError(path: path, line: firstLineNumber + offset, problem: .inconsistent(why)))
            }
        }
        if let suspect = block.suspect {
            let why = consistency.check(suspect) ?? "a number in it does not fit in 32 bits"
            return (block.events.count,
                    TraceReadError(path: path, line: firstLineNumber + block.events.count, problem: .inconsistent(why)))
        }
        if let (lineNumber, problem) = block.failure {
            return (block.events.count, TraceReadError(path: path, line: lineNumber, problem: problem))
        }
        return (block.events.count, nil)
    }

    /// The event count of `line` if it is the end line, else nil.
    private static func endLineCount(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Line, lineNumber: Int,
                                     path: String) throws(TraceReadError) -> Int? {
        var scanner = JSONScanner(bytes)
        do throws(JSONSyntaxError) { try scanner.parseObject(line.range) } catch { return nil }
        guard case .string(let r, let esc)? = scanner.value("kind"), scanner.string(r, escaped: esc) == TraceWriter.endKind else {
            return nil
        }
        do throws(TraceReadError.Problem) {
            let count = try Fields(scanner: scanner, kind: TraceWriter.endKind).int("events")
            guard line.terminated else { throw .truncated }
            return count
        } catch {
            throw TraceReadError(path: path, line: lineNumber, problem: error)
        }
    }

    /// One line of the file: its byte range, and whether a newline ended it.
    struct Line {
        let range: Range<Int>
        let terminated: Bool
    }

    static func lineRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Line] {
        var lines: [Line] = []
        var start = 0
        while start < bytes.count {
            if let nl = memchr(bytes.baseAddress! + start, 0x0a, bytes.count - start) {
                let end = bytes.baseAddress!.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                lines.append(Line(range: start..<end, terminated: true))
                start = end + 1
            } else {
                lines.append(Line(range: start..<bytes.count, terminated: false))
                start = bytes.count
            }
        }
        return lines
    }

    /// Events decoded from consecutive lines and packed against the block's own strings,
    /// up to the first line that is not an event or that has a problem of its own.
    struct Block {
        var events: [PackedEvent] = []
        /// The texts the events' string ids name, by id, and their hashes.
        var strings: [String] = []
        var hashes: [UInt64] = []
        /// The event after `events` that does not pack exactly (a value out of range): it is
        /// checked as decoded, for the problem to be reported as such.
        var suspect: SimulationEvent?
        var failure: (line: Int, problem: TraceReadError.Problem)?
    }

    /// The file's bytes, read (never written) by the decoding workers while `read` runs.
    struct SharedBytes: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
    }

    /// The blocks of a batch, each written by one worker: the first line of each, and the
    /// line after the batch.
    final class DecodedBlocks: @unchecked Sendable {
        let starts: [Int]
        let end: Int
        /// The line number of the lines' first (`starts` and `end` index them).
        let firstLineNumber: Int
        private var blocks: [Block]
        private let lock = NSLock()
        init(starts: [Int], end: Int, firstLineNumber: Int) {
            self.starts = starts
            self.end = end
            self.firstLineNumber = firstLineNumber
            blocks = Array(repeating: Block(), count: starts.count)
        }
        func store(_ i: Int, _ block: Block) { lock.lock(); blocks[i] = block; lock.unlock() }
        func block(_ i: Int) -> Block { lock.lock(); defer { lock.unlock() }; return blocks[i] }
    }

    /// The batch decoded while the one before it is appended; read once the decoding
    /// group has been waited for.
    private final class FollowingBatch: @unchecked Sendable {
        var batch: DecodedBlocks?
    }

    static func decodeBlock(_ bytes: UnsafeBufferPointer<UInt8>, _ lines: ArraySlice<Line>,
                                    firstLineNumber: Int, fileCount: Int) -> Block {
        var block = Block()
        block.events.reserveCapacity(lines.count)
        var scanner = JSONScanner(bytes)
        var memory = TraceLineCursor.Memory()
        scan: for (offset, line) in lines.enumerated() {
            do throws(EventLineFailure) {
                let event = try decodeEventLine(bytes, line.range, scanner: &scanner, memory: &memory)
                guard TraceConsistency.packsExactly(event, fileCount: fileCount) else {
                    block.suspect = event
                    break scan
                }
                block.events.append(PackedEvent(event) { memory.intern($0) })
            } catch {
                switch error {
                case .syntax(let error):
                    block.failure = (firstLineNumber + offset, line.terminated ? .corrupt(column: error.column, error.message) : .truncated)
                case .problem(let problem):
                    block.failure = (firstLineNumber + offset, problem)
                }
                break scan
            }
        }
        block.strings = memory.strings.strings
        block.hashes = memory.strings.hashes
        return block
    }

    // MARK: Header

    /// The header from the file's first line (`range` of `bytes`), or why it is none.
    static func decodeHeaderLine(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                 path: String) throws(TraceReadError) -> TraceHeader {
        var scanner = JSONScanner(bytes)
        do throws(JSONSyntaxError) {
            try scanner.parseObject(range)
        } catch {
            throw TraceReadError(path: path, line: 1,
                                 problem: .missingHeader("the first line is not a JSON object (column \(error.column): \(error.message))"))
        }
        do throws(TraceReadError.Problem) {
            return try decodeHeader(scanner)
        } catch {
            throw TraceReadError(path: path, line: 1, problem: error)
        }
    }

    private static func decodeHeader(_ s: JSONScanner) throws(TraceReadError.Problem) -> TraceHeader {
        guard case .string(let r, let esc)? = s.value("format"), s.string(r, escaped: esc) == TraceHeader.formatName else {
            throw .missingHeader("the first line has no \"format\":\"loopscope-trace\"")
        }
        let f = Fields(scanner: s, kind: "header")
        let version = try f.int("version")
        if version > TraceHeader.currentVersion { throw .newerVersion(version) }
        if version < 1 { throw .unsupportedVersion(version) }
        if version < TraceHeader.oldestReadVersion { throw .olderVersion(version) }
        var options = SimulationOptions(maxIterations: nil, timeHorizon: nil, maxInstructions: nil)
        guard let token = s.value("options") else { throw .missingField(kind: "header", field: "options") }
        guard case .object(let range) = token else {
            throw .wrongType(kind: "header", field: "options", expected: "an object", found: token.typeName)
        }
        var inner = JSONScanner(s.bytes)
        do throws(JSONSyntaxError) { try inner.parseObject(range) } catch { throw .corrupt(column: error.column, error.message) }
        let o = Fields(scanner: inner, kind: "header")
        options.maxIterations = try o.optionalInt("maxIterations")
        options.timeHorizon = try o.optionalDouble("until")
        options.maxInstructions = try o.optionalInt("maxInstructions")
        if inner.value("schedule") != nil {
            let text = try o.string("schedule")
            guard let seed = UInt64(text) else {
                throw .wrongType(kind: "header", field: "schedule", expected: "a schedule seed (0 to 2^64-1)", found: "'\(text)'")
            }
            options.schedule = ScheduleSpec(seed: seed, jitter: try o.double("jitter"))
        }
        // The cost model; traces written before it existed ran without one.
        if inner.value("cpuCost") != nil {
            let text = try o.string("cpuCost")
            guard let cost = CPUCost.parse(text) else {
                throw .wrongType(kind: "header", field: "cpuCost", expected: "'realistic', 'off' or nanoseconds", found: "'\(text)'")
            }
            options.cpuCost = cost
        }
        var header = TraceHeader(version: version, loopscopeVersion: try f.string("loopscope"), path: try f.string("path"),
                                 source: try f.string("source"), options: options)
        if version >= 3 { try decodeProgram(s, f, into: &header) }
        return header
    }

    /// Version 3's keys: whose clock, which Python and command line, the other files.
    private static func decodeProgram(_ s: JSONScanner, _ f: Fields, into header: inout TraceHeader) throws(TraceReadError.Problem) {
        let clockName = try f.string("clock")
        guard let clock = TraceHeader.Clock(rawValue: clockName) else {
            throw .wrongType(kind: "header", field: "clock", expected: "\"virtual\" or \"real\"", found: "'\(clockName)'")
        }
        header.clock = clock
        header.python = try f.optionalString("python")
        if let words = try f.optionalArray("command") {
            header.command = try words.map { token throws(TraceReadError.Problem) in
                guard case .string(let r, let esc) = token, let word = s.string(r, escaped: esc) else {
                    throw .wrongType(kind: "header", field: "command", expected: "an array of strings", found: token.typeName)
                }
                return word
            }
        }
        // A recording bounded by --max-size (version 6) says what it dropped.
        if case .object(let range)? = s.value("truncated") {
            var inner = JSONScanner(s.bytes)
            do throws(JSONSyntaxError) { try inner.parseObject(range) } catch { throw .corrupt(column: error.column, error.message) }
            let t = Fields(scanner: inner, kind: "header")
            let events = try t.int("events"), iterations = try t.int("iterations")
            guard events >= 0, iterations >= 0, events < Int(Int32.max), iterations < Int(Int32.max) else {
                throw .wrongType(kind: "header", field: "truncated", expected: "counts from 0 to 2^31-1",
                                 found: "\(events) events, \(iterations) iterations")
            }
            header.truncated = TraceHeader.Truncation(events: events, iterations: iterations)
        }
        // A trace still being written (`OUT.part`) names its writer's process.
        if case .object(let range)? = s.value("live") {
            var inner = JSONScanner(s.bytes)
            do throws(JSONSyntaxError) { try inner.parseObject(range) } catch { throw .corrupt(column: error.column, error.message) }
            header.writerPID = try Fields(scanner: inner, kind: "header").int("pid")
        }
        header.files = try (f.optionalArray("files") ?? []).map { token throws(TraceReadError.Problem) in
            guard case .object(let range) = token else {
                throw .wrongType(kind: "header", field: "files", expected: "an array of objects", found: token.typeName)
            }
            var inner = JSONScanner(s.bytes)
            do throws(JSONSyntaxError) { try inner.parseObject(range) } catch { throw .corrupt(column: error.column, error.message) }
            let file = Fields(scanner: inner, kind: "header")
            return TraceHeader.SourceFile(path: try file.string("path"), source: try file.string("source"))
        }
    }

    // MARK: Events

    /// The event on line `range` of `bytes`, by the fast path when the line is in the
    /// writer's exact form, else parsed by `scanner` (whose syntax errors are thrown).
    static func decodeEventLine(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, scanner: inout JSONScanner,
                                memory: inout TraceLineCursor.Memory) throws(EventLineFailure) -> SimulationEvent {
        if let event = TraceLineCursor.event(bytes, range, memory: &memory) { return event }
        do throws(JSONSyntaxError) { try scanner.parseObject(range) } catch { throw .syntax(error) }
        do throws(TraceReadError.Problem) { return try decodeEvent(scanner) } catch { throw .problem(error) }
    }

    /// Why an event line could not be decoded: not JSON, or not an event.
    enum EventLineFailure: Error {
        case syntax(JSONSyntaxError)
        case problem(TraceReadError.Problem)
    }

    static func decodeEvent(_ s: JSONScanner) throws(TraceReadError.Problem) -> SimulationEvent {
        let kindName = try Fields(scanner: s, kind: "event").string("kind")
        guard let kind = EventKind.byName[kindName] else {
            throw kindName == TraceWriter.endKind ? .endNotLast : .unknownKind(kindName)
        }
        var f = Fields(scanner: s, kind: kindName)
        return try decodeFields(kind, &f)
    }

    /// An event's fields after its kind, read in the writer's order (see `EventFields`).
    static func decodeFields<F: EventFields>(_ kind: EventKind, _ f: inout F) throws(F.Failure) -> SimulationEvent {
        let time = try f.double("time")
        let iteration = try f.int("iteration")
        let k: SimulationEvent.Kind
        switch kind {
        case .iterationStart:
            k = .iterationStart(ready: try f.int("ready"), timers: try f.int("timers"), selectTimeout: try f.optionalDouble("selectTimeout"))
        case .iterationEnd:
            k = .iterationEnd
        case .clockAdvance:
            k = .clockAdvance(from: try f.double("from"), to: try f.double("to"))
        case .callbackStart:
            k = .callbackStart(handle: try f.int("handle"), description: try f.string("description"), task: try f.optionalInt("task"))
        case .callbackEnd:
            k = .callbackEnd(handle: try f.int("handle"), duration: try f.double("duration"))
        case .callbackSkipped:
            k = .callbackSkipped(handle: try f.int("handle"), description: try f.string("description"), task: try f.optionalInt("task"))
        case .taskCreated:
            k = .taskCreated(task: try f.int("task"), name: try f.string("name"), coroutine: try f.string("coroutine"),
                             creator: try f.optionalInt("creator"), line: try f.int("line"), file: try f.fileNumber())
        case .taskStepStart:
            k = .taskStepStart(task: try f.int("task"), resumedBy: try f.string("resumedBy"))
        case .taskStepEnd:
            let task = try f.int("task")
            let outcome: SimulationEvent.StepOutcome
            switch try f.word("outcome") {
            case "parked":
                outcome = .parked(on: try f.string("on"), future: try f.int("future"), line: try f.int("line"),
                                  file: try f.fileNumber())
            case "yielded": outcome = .yielded(line: try f.int("line"), file: try f.fileNumber())
            case "finished": outcome = .finished(result: try f.string("result"))
            case "failed": outcome = .failed(exception: try f.string("exception"))
            case "cancelled": outcome = .cancelled
            case let other:
                throw f.unexpected("outcome", expected: "parked, yielded, finished, failed or cancelled", found: "'\(other)'")
            }
            k = .taskStepEnd(task: task, outcome: outcome)
        case .cancelRequested:
            k = .cancelRequested(task: try f.int("task"), by: try f.optionalInt("by"), message: try f.optionalString("message"),
                                 line: try f.int("line"), file: try f.fileNumber())
        case .cancelledErrorDelivered:
            k = .cancelledErrorDelivered(task: try f.int("task"))
        case .timeoutFired:
            k = .timeoutFired(task: try f.optionalInt("task"), line: try f.int("line"), file: try f.fileNumber())
        case .cpuBurstStart:
            k = .cpuBurstStart(task: try f.optionalInt("task"), seconds: try f.double("seconds"), line: try f.int("line"),
                               file: try f.fileNumber())
        case .cpuBurstEnd:
            k = .cpuBurstEnd(task: try f.optionalInt("task"))
        case .blockingSleepStart:
            k = .blockingSleepStart(task: try f.optionalInt("task"), seconds: try f.double("seconds"), line: try f.int("line"),
                                    file: try f.fileNumber())
        case .blockingSleepEnd:
            k = .blockingSleepEnd(task: try f.optionalInt("task"))
        case .futureCreated:
            k = .futureCreated(future: try f.int("future"), purpose: try f.string("purpose"))
        case .futureResolved:
            k = .futureResolved(future: try f.int("future"), state: try f.string("state"))
        case .timerScheduled:
            k = .timerScheduled(handle: try f.int("handle"), when: try f.double("when"), description: try f.string("description"),
                                future: try f.optionalInt("future"))
        case .timerCancelled:
            k = .timerCancelled(handle: try f.int("handle"))
        case .timerDropped:
            k = .timerDropped(handle: try f.int("handle"))
        case .print:
            k = .print(task: try f.optionalInt("task"), text: try f.string("text"))
        case .warning:
            k = .warning(text: try f.string("text"))
        case .scheduleDeparture:
            k = .scheduleDeparture(kind: try f.string("departure"), detail: try f.string("detail"))
        case .threadStarted:
            k = .threadStarted(thread: try f.int("thread"), name: try f.string("name"))
        case .threadState:
            let thread = try f.int("thread")
            let name = try f.word("state")
            guard let state = SimulationEvent.ThreadState(rawValue: name) else {
                throw f.unexpected("state", expected: "running, gil, sleeping, blocked or finished", found: "'\(name)'")
            }
            k = .threadState(thread: thread, state: state, what: try f.string("what"), line: try f.int("line"),
                             file: try f.fileNumber())
        case .threadHandOff:
            k = .threadHandOff(thread: try f.int("thread"), handle: try f.int("handle"), description: try f.string("description"))
        }
        return SimulationEvent(time: time, iteration: iteration, kind: k)
    }

    /// Typed access to one line's fields, with errors that name the event and the field.
    private struct Fields: EventFields {
        let scanner: JSONScanner
        let kind: String

        private func token(_ key: StaticString) throws(TraceReadError.Problem) -> JSONToken {
            guard let t = scanner.value(key) else { throw .missingField(kind: kind, field: "\(key)") }
            return t
        }

        private func wrong(_ key: StaticString, _ expected: String, _ t: JSONToken) -> TraceReadError.Problem {
            unexpected(key, expected: expected, found: t.typeName)
        }

        func unexpected(_ key: StaticString, expected: String, found: String) -> TraceReadError.Problem {
            .wrongType(kind: kind, field: "\(key)", expected: expected, found: found)
        }

        func int(_ key: StaticString) throws(TraceReadError.Problem) -> Int {
            let t = try token(key)
            guard case .number(let r, true) = t, let v = scanner.int(r) else { throw wrong(key, "an integer", t) }
            return v
        }

        /// The `file` of an event with a `line`; version 2 traces have none (their lines are
        /// all the scenario's), nor do version 3 and 4 traces on a task's creation, a
        /// cancellation or a timeout (those lines were the main file's).
        func fileNumber() throws(TraceReadError.Problem) -> Int {
            scanner.value("file") == nil ? 0 : try int("file")
        }

        func optionalInt(_ key: StaticString) throws(TraceReadError.Problem) -> Int? {
            if case .null = try token(key) { return nil }
            return try int(key)
        }

        func double(_ key: StaticString) throws(TraceReadError.Problem) -> Double {
            let t = try token(key)
            switch t {
            case .number(let r, _): return scanner.double(r)
            case .string(let r, let esc):
                // Infinities and NaN are written as strings; JSON has no literal for them.
                if let s = scanner.string(r, escaped: esc), let v = Double(s), !v.isFinite { return v }
                throw wrong(key, "a number", t)
            default: throw wrong(key, "a number", t)
            }
        }

        func optionalDouble(_ key: StaticString) throws(TraceReadError.Problem) -> Double? {
            if case .null = try token(key) { return nil }
            return try double(key)
        }

        func string(_ key: StaticString) throws(TraceReadError.Problem) -> String {
            let t = try token(key)
            guard case .string(let r, let esc) = t else { throw wrong(key, "a string", t) }
            guard let s = scanner.string(r, escaped: esc) else { throw wrong(key, "valid UTF-8 text", t) }
            return s
        }

        func optionalString(_ key: StaticString) throws(TraceReadError.Problem) -> String? {
            if case .null = try token(key) { return nil }
            return try string(key)
        }

        func word(_ key: StaticString) throws(TraceReadError.Problem) -> String { try string(key) }

        /// An array's elements (null: nil).
        func optionalArray(_ key: StaticString) throws(TraceReadError.Problem) -> [JSONToken]? {
            let t = try token(key)
            if case .null = t { return nil }
            guard case .array(let range) = t else { throw wrong(key, "an array", t) }
            var inner = JSONScanner(scanner.bytes)
            do throws(JSONSyntaxError) { return try inner.parseArray(range) } catch {
                throw .corrupt(column: error.column, error.message)
            }
        }

        func bool(_ key: StaticString) throws(TraceReadError.Problem) -> Bool {
            let t = try token(key)
            guard case .bool(let b) = t else { throw wrong(key, "true or false", t) }
            return b
        }
    }
}
