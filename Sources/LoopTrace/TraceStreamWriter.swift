import LoopSimulator

/// Writes a trace while the run happens, for `record`: the same bytes
/// `TraceWriter.encode` gives for the finished store, without keeping the events in
/// memory (a million-step run would otherwise hold its store and the whole encoded file).
/// Bytes go out in chunks through `write`, which says whether it succeeded; after a
/// failure nothing more is written and `finish` reports it.
public final class TraceStreamWriter: SimulationEventSink {
    private var out = JSONOutput()
    private let write: ([UInt8]) -> Bool
    private static let chunkSize = 1 << 20
    public private(set) var eventCount = 0
    public private(set) var failed = false

    public init(header: TraceHeader, write: @escaping ([UInt8]) -> Bool) {
        self.write = write
        out.bytes.reserveCapacity(Self.chunkSize + 4096)
        TraceWriter.header(header, &out)
    }

    public func receive(_ event: SimulationEvent) {
        TraceWriter.event(event, &out)
        eventCount += 1
        if out.bytes.count >= Self.chunkSize { flush() }
    }

    /// Writes what is left and the end line that marks the trace complete; false if any
    /// write failed.
    public func finish() -> Bool {
        TraceWriter.end(eventCount: eventCount, &out)
        flush()
        return !failed
    }

    private func flush() {
        if !failed && !out.bytes.isEmpty { failed = !write(out.bytes) }
        out.bytes.removeAll(keepingCapacity: true)
    }
}
