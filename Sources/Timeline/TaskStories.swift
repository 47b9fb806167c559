import LoopSimulator
import LoopTrace

/// Per task, the moments a person asks about: when it stepped, who cancelled it and how,
/// where `CancelledError` landed, how it ended. Built by reading the store's events once,
/// incrementally (`update` reads only events appended since the last call), so a lazily
/// simulated run can keep growing.
public final class TaskStories {
    public struct Cancel: Equatable, Sendable {
        public var iteration: Int
        public var time: Double
        /// Simulator id of the task that called `cancel()` (nil: a loop callback).
        public var byTask: Int?
        public var message: String?
        /// The line `cancel()` was called on (may be inside asyncio's own code), in `file`
        /// (0: the main one; `TraceHeader.file`).
        public var line: Int
        public var file: Int
        /// What the canceller itself was awaiting when it cancelled (`wait_for(timeout=1)`), if known.
        public var cancellerWaitsOn: String?
        /// An `asyncio.timeout()` expired in the same callback, just before.
        public var byTimeout: Bool
    }

    public struct Ending: Equatable, Sendable {
        public var iteration: Int
        public var time: Double
        public var state: LaneState
        public var detail: String?
    }

    public struct Story: Equatable, Sendable {
        /// Iterations in which the task took a step, ascending.
        public var stepIterations: [Int] = []
        public var cancels: [Cancel] = []
        /// Iteration, time and line where `CancelledError` was thrown into the task.
        public var delivered: [(iteration: Int, time: Double, line: Int?, file: Int)] = []
        public var ending: Ending?
        /// Virtual seconds spent stepping (CPU bursts and blocking sleeps inside steps).
        public var runTime = 0.0
        /// Virtual seconds spent ready but not yet stepping: the scheduling delay.
        public var readyTime = 0.0
        /// Virtual seconds spent parked on a future, a task or a sleep.
        public var parkedTime = 0.0
        /// Since when it has been ready / parked (nil: it is not).
        var readySince: Double?
        var parkedSince: Double?
        var stepStart = 0.0

        public static func == (a: Story, b: Story) -> Bool {
            a.stepIterations == b.stepIterations && a.cancels == b.cancels && a.ending == b.ending
                && a.delivered.map(\.iteration) == b.delivered.map(\.iteration)
        }
    }

    public private(set) var stories: [Story] = []
    /// Per coroutine: how many of its tasks run, wait, sleep (for grouped lanes).
    public let groups = GroupActivity()
    private var readUpTo = 0
    /// The last `timeoutFired` event's callback position, to tie it to the cancel after it.
    private var lastTimeoutEvent = -10
    /// Per task index: what it was last parked on.
    private var parkedOn: [String?] = []
    private var parkedLine: [(line: Int, file: Int)?] = []
    /// Per task, its name and coroutine in lower case: what the lane filter searches
    /// (made once, so filtering ten thousand lanes as one types costs no string building).
    public private(set) var searchText: [String] = []
    /// Futures tasks are parked on → the task's index (entries leave when resolved).
    private var waiterOfFuture: [Int: Int] = [:]

    public init() {}

    /// Reads the events appended to `store` since the last call.
    public func update(_ store: TraceStore) {
        grow(store)
        let end = store.eventCount
        guard readUpTo < end else { return }
        for i in readUpTo..<end {
            if store.isCallbackBoundary(at: i) { continue }
            let e = store.event(at: i)
            switch e.kind {
            case .iterationStart:
                groups.iterationStarted(e.iteration)
            case .taskCreated(let id, let name, let coroutine, _, _, _):
                grow(store)
                if let t = index(store, id) {
                    searchText[t] = (name + " " + coroutine).lowercased()
                    stories[t].readySince = e.time
                    groups.created(task: t, coroutine: coroutine)
                }
            case .taskStepStart(let id, _):
                if let t = index(store, id) {
                    if stories[t].stepIterations.last != e.iteration { stories[t].stepIterations.append(e.iteration) }
                    let since = stories[t].readySince ?? stories[t].parkedSince
                    if let since { stories[t].readyTime += e.time - since }
                    stories[t].readySince = nil
                    stories[t].parkedSince = nil
                    stories[t].stepStart = e.time
                    groups.stepped(task: t)
                }
            case .taskStepEnd(let id, let outcome):
                guard let t = index(store, id) else { break }
                stories[t].runTime += e.time - stories[t].stepStart
                switch outcome {
                case .parked(let on, let future, let line, let file):
                    parkedOn[t] = on
                    // Line 0: parked in asyncio's own code (a task that is `asyncio.sleep`
                    // itself), at no line of the program's to name.
                    parkedLine[t] = line > 0 ? (line, file) : nil
                    stories[t].parkedSince = e.time
                    waiterOfFuture[future] = t
                    groups.set(t, on.hasPrefix("sleep(") ? .sleeping : .waiting)
                case .yielded(let line, let file):
                    parkedOn[t] = "sleep(0)"
                    parkedLine[t] = line > 0 ? (line, file) : nil
                    stories[t].readySince = e.time
                    groups.set(t, .ready)
                case .finished(let result):
                    stories[t].ending = Ending(iteration: e.iteration, time: e.time, state: .done, detail: result)
                    groups.set(t, .none)
                case .failed(let exception):
                    stories[t].ending = Ending(iteration: e.iteration, time: e.time, state: .failed, detail: exception)
                    groups.set(t, .none)
                case .cancelled:
                    stories[t].ending = Ending(iteration: e.iteration, time: e.time, state: .cancelled, detail: nil)
                    groups.set(t, .none)
                }
            case .futureResolved(let future, _):
                if let t = waiterOfFuture.removeValue(forKey: future), let since = stories[t].parkedSince {
                    stories[t].parkedTime += e.time - since
                    stories[t].parkedSince = nil
                    stories[t].readySince = e.time
                    groups.set(t, .ready)
                }
            case .timeoutFired:
                lastTimeoutEvent = i
            case .cancelRequested(let id, let by, let message, let line, let file):
                guard let t = index(store, id) else { break }
                let byIndex = by.flatMap { store.taskIndex(id: $0) }
                stories[t].cancels.append(Cancel(iteration: e.iteration, time: e.time, byTask: by, message: message, line: line, file: file,
                                                 cancellerWaitsOn: byIndex.flatMap { parkedOn[$0] },
                                                 byTimeout: i - lastTimeoutEvent <= 2))
            case .cancelledErrorDelivered(let id):
                if let t = index(store, id) { stories[t].delivered.append((e.iteration, e.time, parkedLine[t]?.line, parkedLine[t]?.file ?? 0)) }
            default:
                break
            }
        }
        readUpTo = end
    }

    /// One story per task the store knows.
    private func grow(_ store: TraceStore) {
        while stories.count < store.taskCount {
            stories.append(Story())
            searchText.append("")
            parkedOn.append(nil)
            parkedLine.append(nil)
        }
    }

    private func index(_ store: TraceStore, _ id: Int) -> Int? {
        guard let t = store.taskIndex(id: id), t < stories.count else { return nil }
        return t
    }

    public func story(_ task: Int) -> Story? { task >= 0 && task < stories.count ? stories[task] : nil }

    /// The first iteration after `k` in which `task` steps.
    public func nextStep(of task: Int, after k: Int) -> Int? {
        guard let s = story(task) else { return nil }
        var lo = 0, hi = s.stepIterations.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if s.stepIterations[mid] <= k { lo = mid + 1 } else { hi = mid }
        }
        return lo < s.stepIterations.count ? s.stepIterations[lo] : nil
    }

    /// Steps the task took in iterations before `k` (as iteration `k` begins).
    public func steps(of task: Int, before k: Int) -> Int {
        guard let s = story(task) else { return 0 }
        return s.stepIterations.prefix { $0 < k }.count
    }
}
