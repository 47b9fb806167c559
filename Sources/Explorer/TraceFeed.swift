import LoopTrace
import Timeline

/// Where the explorer's trace comes from: a recorded trace (complete from the start) or a
/// scenario simulated on demand. `extend` is the only way the trace grows; between calls the
/// store and the stories are safe to read.
public protocol TraceFeed: AnyObject {
    var store: TraceStore { get }
    var stories: TaskStories { get }
    /// The run has ended: `store.lastIteration` is the last iteration there will be.
    var isComplete: Bool { get }
    /// Lines describing how a finished run ended (exit status, traceback, halt); empty otherwise.
    var endNote: [String] { get }
    /// Makes iteration `k` exist if the run gets that far; returns when it does or the run ended.
    func extend(toIteration k: Int)
}

/// A trace read from a file.
public final class RecordedTrace: TraceFeed {
    public let store: TraceStore
    public let stories = TaskStories()
    public var isComplete: Bool { true }
    public var endNote: [String] { [] }

    public init(_ store: TraceStore) {
        self.store = store
        stories.update(store)
    }

    public func extend(toIteration k: Int) {}
}
