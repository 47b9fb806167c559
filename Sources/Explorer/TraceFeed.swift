import LoopTrace
import Timeline

/// Where the explorer's trace comes from: a recorded trace (read in the background, or
/// already complete) or a scenario simulated on its own thread. Background work appends to
/// the store between the UI's turns: the UI reads `store` and `stories` only inside
/// `withStore`, and outside it only when no background work runs (`isComplete`, tests).
public protocol TraceFeed: AnyObject {
    var store: TraceStore { get }
    var stories: TaskStories { get }
    /// The run has ended and is all in the store: `store.lastIteration` is the last iteration.
    var isComplete: Bool { get }
    /// Lines describing how a finished run ended (exit status, traceback, halt); empty otherwise.
    var endNote: [String] { get }
    /// While the trace is still being simulated or read: how far it got and how fast.
    var progress: String? { get }
    /// Asks for iteration `k` to exist if the run gets that far. On demand it returns when it
    /// does (or the run ended); in the background it only raises the goal.
    func extend(toIteration k: Int)
    /// Runs `body` while no background work touches the store.
    func withStore<T>(_ body: () throws -> T) rethrows -> T
}

/// A trace that is all in memory.
public final class RecordedTrace: TraceFeed {
    public let store: TraceStore
    public let stories = TaskStories()
    public var isComplete: Bool { true }
    public var endNote: [String] { [] }
    public var progress: String? { nil }

    public init(_ store: TraceStore) {
        self.store = store
        stories.update(store)
    }

    public func extend(toIteration k: Int) {}
    public func withStore<T>(_ body: () throws -> T) rethrows -> T { try body() }
}
