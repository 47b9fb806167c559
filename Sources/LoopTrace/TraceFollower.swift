import Foundation
import LoopSimulator

/// Reads a trace while it is being written (`OUT.part`, which a recording writes as it
/// goes): each `poll` decodes the whole lines appended since the last one. Lines are
/// checked as `TraceReader` checks them, except that events may name files the header
/// does not list yet (a recording learns its files as the program imports them, and
/// lists them in the finished trace's header).
public final class TraceFollower {
    public let path: String
    private var file: FileHandle?
    /// Bytes read after the last whole line.
    private var pending: [UInt8] = []
    private var lineNumber = 0
    private var consistency = TraceConsistency(fileCount: Int(Int32.max))
    public private(set) var header: TraceHeader?
    public private(set) var eventCount = 0
    /// The end line was read: nothing more will come.
    public private(set) var ended = false

    /// What one `poll` found.
    public struct Batch {
        /// The header, on the poll that read the first line.
        public var header: TraceHeader?
        public var events: [SimulationEvent] = []
    }

    public init(path: String) {
        self.path = path
    }

    /// Reads what was appended. Nothing new is an empty batch (also while the file does
    /// not exist yet); a bad line throws, located.
    public func poll() throws(TraceReadError) -> Batch {
        var batch = Batch()
        guard !ended else { return batch }
        if file == nil {
            guard let handle = FileHandle(forReadingAtPath: path) else { return batch }
            file = handle
        }
        let data: Data
        do {
            data = try file?.read(upToCount: 1 << 22) ?? Data()
        } catch {
            throw TraceReadError(path: path, line: 0, problem: .unreadable(error.localizedDescription))
        }
        guard !data.isEmpty else { return batch }
        pending.append(contentsOf: data)
        guard let lastNewline = pending.lastIndex(of: 0x0a) else { return batch }
        try pending.withUnsafeBufferPointer { bytes throws(TraceReadError) in
            var start = 0
            while start <= lastNewline {
                guard let nl = bytes[start...lastNewline].firstIndex(of: 0x0a) else { break }
                try decodeLine(bytes, start..<nl, into: &batch)
                start = nl + 1
                if ended { break }
            }
        }
        pending.removeSubrange(0...lastNewline)
        return batch
    }

    private func decodeLine(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                            into batch: inout Batch) throws(TraceReadError) {
        lineNumber += 1
        if header == nil {
            let h = try TraceReader.decodeHeaderLine(bytes, range, path: path)
            header = h
            consistency = TraceConsistency(fileCount: Int(Int32.max), droppedEvents: h.truncated?.events ?? 0)
            batch.header = h
            return
        }
        var scanner = JSONScanner(bytes)
        do throws(JSONSyntaxError) {
            try scanner.parseObject(range)
        } catch {
            throw TraceReadError(path: path, line: lineNumber, problem: .corrupt(column: error.column, error.message))
        }
        if case .string(let r, let esc)? = scanner.value("kind"), scanner.string(r, escaped: esc) == TraceWriter.endKind {
            ended = true
            return
        }
        do throws(TraceReadError.Problem) {
            let event = try TraceReader.decodeEvent(scanner)
            if let why = consistency.check(event) { throw .inconsistent(why) }
            batch.events.append(event)
            eventCount += 1
        } catch {
            throw TraceReadError(path: path, line: lineNumber, problem: error)
        }
    }

    /// Whether the process writing the trace (the header's `live` pid) still runs; false
    /// when the trace names none.
    public var writerIsAlive: Bool {
        guard let pid = header?.writerPID, pid > 0, let p = pid_t(exactly: pid) else { return false }
        return kill(p, 0) == 0 || errno == EPERM
    }

    /// The header of the finished trace a recording renames into place (`OUT` for
    /// `OUT.part`), which lists every file the program loaded; nil when unreadable.
    public static func finishedHeader(path: String) -> TraceHeader? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var line: [UInt8] = []
        while true {
            guard let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty else { break }
            if let nl = chunk.firstIndex(of: 0x0a) {
                line.append(contentsOf: chunk[chunk.startIndex..<nl])
                break
            }
            line.append(contentsOf: chunk)
        }
        return line.withUnsafeBufferPointer { bytes in
            try? TraceReader.decodeHeaderLine(bytes, 0..<bytes.count, path: path)
        }
    }
}
