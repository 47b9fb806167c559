import Foundation
import LoopSimulator
import LoopTrace
import Timeline

/// A trace being written by a recording (`OUT.part`), followed as it grows: a background
/// thread reads what the recorder appended every few tens of milliseconds and adds it to
/// the store, so the explorer shows the run while the program still runs. The run is
/// complete at the trace's end line, or when its writer is gone without one (the
/// recording was cut short). At the end, the finished trace's header (`finishedPath`)
/// brings the sources of every file the program loaded.
public final class FollowedTrace: TraceFeed, @unchecked Sendable {
    public let store: TraceStore
    public let stories = TaskStories()
    public private(set) var isComplete = false
    public private(set) var error: TraceReadError?
    public let path: String
    /// The finished trace the recording renames into place when it ends.
    public let finishedPath: String?

    private let follower: TraceFollower
    private let turns = StoreTurns()
    /// Polls with nothing new since the writer was last seen alive.
    private var quietPolls = 0
    private var stopped = false
    /// How long to wait for the file to appear (the recording starts its writer first).
    private let patience: Double

    /// Seconds between polls: short enough for a live view, long enough to cost nothing.
    static let pollInterval = 0.05

    /// `chunkSize`: the bytes one poll reads at most (nil: the follower's default).
    public init(path: String, finishedPath: String? = nil, patience: Double = 30, chunkSize: Int? = nil) {
        self.path = path
        self.finishedPath = finishedPath
        self.patience = patience
        follower = chunkSize.map { TraceFollower(path: path, chunkSize: $0) } ?? TraceFollower(path: path)
        store = TraceStore(header: TraceHeader(loopscopeVersion: "", path: path, source: "", options: SimulationOptions()))
    }

    public var endNote: [String] {
        if let error { return ["\(error)"] }
        if isComplete, !follower.ended {
            return ["the recording stopped after \(store.eventCount) events without its end line (the recorder was killed)"]
        }
        return []
    }

    public var progress: String? {
        if error != nil { return "stopped reading: see the Warnings panel" }
        guard !isComplete else { return nil }
        if follower.header == nil { return "waiting for the recording to start" }
        return "\(store.eventCount) events so far"
    }

    /// Starts the following thread; returns at once.
    public func start() {
        let thread = Thread { [self] in follow() }
        thread.start()
    }

    /// Stops following (the viewer quit); the thread ends at its next poll.
    public func stop() {
        turns.producerBegin()
        stopped = true
        turns.producerEnd()
    }

    /// Returns when the run is complete (or failed).
    public func waitUntilComplete() {
        while !withStore({ isComplete || error != nil }) { usleep(2_000) }
    }

    public func extend(toIteration k: Int) {}

    public func withStore<T>(_ body: () throws -> T) rethrows -> T {
        try turns.ui(body)
    }

    private func follow() {
        let started = Date()
        var ahead: PollAhead?
        while true {
            let batch: TraceFollower.Batch
            do throws(TraceReadError) {
                if let ahead { batch = try ahead.batch() } else { batch = try follower.poll() }
            } catch {
                finish(error: error)
                return
            }
            // A poll that read all it could left more to read: the next one decodes it (on
            // the other cores) while this one's events are appended. Polls stay one after
            // the other; while one runs, this thread reads only the follower's header,
            // which a poll sets once (the first), before any poll ahead.
            // What this poll found is read before the next one starts (it changes them).
            let ended = follower.ended
            ahead = follower.isBehind && !ended && follower.header != nil ? PollAhead(follower) : nil
            turns.producerBegin()
            if stopped {
                turns.producerEnd()
                return
            }
            if let header = batch.header { store.header = header }
            follower.append(batch, to: store) { turns.checkpoint { stories.update(store) } }
            let news = batch.eventCount > 0
            if news { stories.update(store) }
            let done = ended || (ahead == nil && writerGone(hadNews: batch.header != nil || news))
            turns.producerEnd()
            if done {
                let files = ended ? finishedFiles() : nil
                turns.producerBegin()
                if let files { store.header.files = files }
                store.header.writerPID = nil
                store.interrupted = !ended
                store.trimCapacity()
                isComplete = true
                turns.producerEnd()
                return
            }
            if follower.header == nil, Date().timeIntervalSince(started) > patience {
                finish(error: TraceReadError(path: path, line: 0, problem: .unreadable(
                    "no trace appeared in \(Int(patience)) s (is the recording running?)")))
                return
            }
            // Nothing was left to read: wait for the recording to write more.
            if ahead == nil { usleep(UInt32(Self.pollInterval * 1e6)) }
        }
    }

    /// The next poll, run on another thread while the one before it is appended.
    private final class PollAhead: @unchecked Sendable {
        private let follower: TraceFollower
        private let done = DispatchSemaphore(value: 0)
        private var result = Result<TraceFollower.Batch, TraceReadError>.success(TraceFollower.Batch())

        init(_ follower: TraceFollower) {
            self.follower = follower
            DispatchQueue.global().async { [self] in
                do throws(TraceReadError) {
                    result = .success(try self.follower.poll())
                } catch {
                    result = .failure(error)
                }
                done.signal()
            }
        }

        /// The poll's batch, once it is done.
        func batch() throws(TraceReadError) -> TraceFollower.Batch {
            done.wait()
            return try result.get()
        }
    }

    /// The files of the finished trace, once the writer has renamed it into place (it
    /// writes the end line first): nil when it does not appear, or is another recording's.
    private func finishedFiles() -> [TraceHeader.SourceFile]? {
        guard let finishedPath, let live = follower.header else { return nil }
        let deadline = Date().addingTimeInterval(30)
        while follower.writerIsAlive, Date() < deadline { usleep(UInt32(Self.pollInterval * 1e6)) }
        guard let finished = TraceFollower.finishedHeader(path: finishedPath),
              finished.source == live.source, finished.command == live.command else { return nil }
        return finished.files
    }

    /// The writer is gone and the file has nothing more: two quiet polls in a row after
    /// the writer died, so bytes it wrote just before exiting are read first.
    private func writerGone(hadNews: Bool) -> Bool {
        guard follower.header != nil, !follower.writerIsAlive else {
            quietPolls = 0
            return false
        }
        quietPolls = hadNews ? 0 : quietPolls + 1
        return quietPolls >= 2
    }

    private func finish(error: TraceReadError) {
        turns.producerBegin()
        self.error = error
        turns.producerEnd()
    }
}
