import Foundation
import LoopSimulator

/// Reads a trace while it is being written (`OUT.part`, which a recording writes as it
/// goes): each `poll` decodes the whole lines appended since the last one, as `TraceReader`
/// decodes a file (in blocks, on every core, into packed events), and checks them as it
/// checks them, except that events may name files the header does not list yet (a
/// recording learns its files as the program imports them, and lists them in the finished
/// trace's header). `append` moves a poll's events into a store.
public final class TraceFollower {
    public let path: String
    private var file: FileHandle?
    /// Bytes read after the last whole line.
    private var pending: [UInt8] = []
    /// Lines read so far, the header's included.
    private var lineNumber = 0
    /// Any file number is accepted: the finished trace's header lists them all.
    private static let fileCount = Int(Int32.max)
    private var consistency = TraceConsistency(fileCount: TraceFollower.fileCount)
    public private(set) var header: TraceHeader?
    public private(set) var eventCount = 0
    /// The end line was read: nothing more will come.
    public private(set) var ended = false
    /// The last poll read as much as one poll reads: more is probably there already, and
    /// the next poll need not wait (catching up with a big recording goes at reading speed).
    public private(set) var isBehind = false

    /// Bytes one poll reads at most: by default enough lines for a block per core.
    let chunkSize: Int

    /// What one `poll` found.
    public struct Batch {
        /// The header, on the poll that read the first line.
        public var header: TraceHeader?
        /// The events, decoded and checked, in blocks packed against strings of their own.
        var blocks: [TraceReader.Block] = []
        public var eventCount: Int { blocks.reduce(0) { $0 + $1.events.count } }

        public init() {}
    }

    public convenience init(path: String) {
        self.init(path: path, chunkSize: 1 << 24)
    }

    /// `chunkSize`: the bytes one poll reads at most.
    public init(path: String, chunkSize: Int) {
        self.path = path
        self.chunkSize = chunkSize
    }

    /// Reads what was appended. Nothing new is an empty batch (also while the file does
    /// not exist yet); a bad line throws, located.
    public func poll() throws(TraceReadError) -> Batch {
        var batch = Batch()
        isBehind = false
        guard !ended else { return batch }
        if file == nil {
            guard let handle = FileHandle(forReadingAtPath: path) else { return batch }
            file = handle
        }
        let data: Data
        do {
            data = try file?.read(upToCount: chunkSize) ?? Data()
        } catch {
            throw TraceReadError(path: path, line: 0, problem: .unreadable(error.localizedDescription))
        }
        guard !data.isEmpty else { return batch }
        isBehind = data.count == chunkSize
        pending.append(contentsOf: data)
        guard let lastNewline = pending.lastIndex(of: 0x0a) else { return batch }
        try pending.withUnsafeBufferPointer { bytes throws(TraceReadError) in
            var lines = TraceReader.lineRanges(UnsafeBufferPointer(rebasing: bytes[...lastNewline]))
            if header == nil, let first = lines.first {
                let h = try TraceReader.decodeHeaderLine(bytes, first.range, path: path)
                header = h
                consistency = TraceConsistency(fileCount: Self.fileCount, droppedEvents: h.truncated?.events ?? 0)
                batch.header = h
                lineNumber += 1
                lines.removeFirst()
            }
            try decode(bytes, lines, into: &batch)
        }
        pending.removeSubrange(0...lastNewline)
        return batch
    }

    /// Decodes and checks `lines` (the ones after line `lineNumber`), up to the end line.
    private func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ lines: [TraceReader.Line],
                        into batch: inout Batch) throws(TraceReadError) {
        let decoded = TraceReader.decodeBlocks(TraceReader.SharedBytes(bytes: bytes), lines, 0..<lines.count,
                                               firstLineNumber: lineNumber + 1, fileCount: Self.fileCount)
        lineNumber += lines.count
        for b in decoded.starts.indices {
            var block = decoded.block(b)
            let firstLine = decoded.firstLineNumber + decoded.starts[b]
            // The end line ends the trace: what follows it is not read (the reader, which
            // knows where the file ends, calls an end line before the last one an error).
            let atEnd = block.failure?.problem == .endNotLast
            if atEnd { block.failure = nil }
            let (checked, failure) = TraceReader.check(block, firstLineNumber: firstLine, consistency: &consistency, path: path)
            if let failure { throw failure }
            eventCount += checked
            batch.blocks.append(block)
            if atEnd {
                ended = true
                isBehind = false
                return
            }
        }
    }

    /// Appends a poll's events to `store`, their strings moved into the store's, calling
    /// `checkpoint` every few thousand events (see `TraceStore.append(_:count:checkpoint:)`).
    public func append(_ batch: Batch, to store: TraceStore, checkpoint: () -> Void = {}) {
        for block in batch.blocks { store.append(block, count: block.events.count, checkpoint: checkpoint) }
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
