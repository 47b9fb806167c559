import Foundation
import LoopSimulator
import LoopTrace
import Timeline

/// A trace file read and indexed on a background thread while the explorer already shows
/// what has been read: the header (and the source panel) first, then the run growing batch
/// by batch. A file that turns out to be unreadable or corrupt ends the loading with `error`.
public final class LoadingTrace: TraceFeed, @unchecked Sendable {
    public let store: TraceStore
    public let stories = TaskStories()
    public private(set) var isComplete = false
    /// Why the file could not be read to its end (what was read before stays shown).
    public private(set) var error: TraceReadError?
    public let path: String

    private let turns = StoreTurns()
    private var bytesDone = 0
    private var totalBytes = 0
    private var rate = ProgressRate()

    public init(path: String) {
        self.path = path
        store = TraceStore(header: TraceHeader(loopscopeVersion: "", path: path, source: "", options: SimulationOptions()))
    }

    public var endNote: [String] {
        if let error { return ["\(error)"] }
        if isComplete, store.interrupted {
            return ["the recording was interrupted after \(store.eventCount) events (the trace has no end line)"]
        }
        return []
    }

    public var progress: String? {
        if error != nil { return "stopped reading: see the Warnings panel" }
        guard !isComplete else { return nil }
        let mb = { (n: Int) in String(format: "%.0f", Double(n) / 1e6) }
        return "indexing: \(mb(bytesDone)) of \(mb(totalBytes)) MB\(rate.text(bytesDone / 1_000_000, unit: "MB"))"
    }

    /// Starts the reading thread; returns at once.
    public func start() {
        let thread = Thread { [self] in read() }
        thread.start()
    }

    /// Returns when the whole file has been read (or failed).
    public func waitUntilComplete() {
        while !withStore({ isComplete || error != nil }) { usleep(2_000) }
    }

    public func extend(toIteration k: Int) {}

    public func withStore<T>(_ body: () throws -> T) rethrows -> T {
        try turns.ui(body)
    }

    /// The reading thread: it decodes on its own, and holds the store only to append a
    /// batch, handing it to the UI between batches and, when a key waits, every few
    /// thousand events inside one.
    private func read() {
        rate.start(at: 0)
        let progressive = TraceReader.Progressive(store: store) { [self] done, total, append in
            turns.producerBegin()
            append()
            stories.update(store)
            bytesDone = done
            totalBytes = total
            turns.producerEnd()
        } checkpoint: { [self] in
            // Inside a batch's append (the store held): a key waits for a few thousand events.
            turns.checkpoint { stories.update(store) }
        }
        let result = TraceReader.load(path: path, into: progressive)
        turns.producerBegin()
        if case .failure(let e) = result { error = e }
        isComplete = error == nil
        turns.producerEnd()
    }
}
