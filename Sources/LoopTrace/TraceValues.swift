/// Plain values the store answers with; the timeline and the UI panels are drawn from them.

/// A task as the trace knows it.
public struct TaskInfo: Equatable, Sendable {
    /// The simulator's task number (1 for the first task).
    public var id: Int
    public var name: String
    /// The coroutine's qualified name (`main`, `worker`).
    public var coroutine: String
    /// The task that created it (nil: created outside any task, e.g. `asyncio.run`).
    public var creator: Int?
    /// The source line of the `create_task` (or `asyncio.run`) call, in `file` (0: the
    /// main one; `TraceHeader.file`).
    public var line: Int
    public var file: Int
    public var createdAt: Double
    public var createdInIteration: Int
}

/// What a task is doing at one point, and where in the source.
/// Where a task is at a point of the run: `TaskStatus` without the text of what it waits on.
public struct TaskPlace: Equatable, Sendable {
    public var state: LaneState
    /// The line it is on; nil when not known.
    public var line: Int?
    /// The file that line is in (0: the scenario).
    public var file: Int
}

public struct TaskStatus: Equatable, Sendable {
    public var state: LaneState
    /// The line the task is parked on (or running, or ended at); nil when not known.
    public var line: Int?
    /// The file that line is in (0: the scenario; `TraceHeader.file`).
    public var file: Int = 0
    /// What it waits on (`sleep(0.5)`, `task Task-3`) or how it ended.
    public var detail: String?
}

/// One iteration of `_run_once` as recorded at its start.
public struct IterationInfo: Equatable, Sendable {
    public var number: Int
    public var startTime: Double
    /// Ready handles and timers when the iteration began, and the select timeout (nil: block).
    public var readyCount: Int
    public var timerCount: Int
    public var selectTimeout: Double?
    /// Index of its `iterationStart` event.
    public var firstEvent: Int
    /// Index one past its last event (the next iteration's start, or the end of the trace).
    public var endEvent: Int
}

/// A handle waiting in the ready queue.
public struct ReadyEntry: Equatable, Sendable {
    public var handle: Int
    public var description: String
    /// The task whose step it is, if any.
    public var task: Int?
    /// Cancelled while queued: the loop took it and did not run it.
    public var cancelled = false
}

/// A handle in the timer heap.
public struct TimerEntry: Equatable, Sendable {
    public var handle: Int
    public var deadline: Double
    public var description: String
    public var cancelled: Bool
    /// The task waiting on the future this timer resolves (what it wakes), if known.
    public var wakes: Int?
}

/// One callback the loop ran.
public struct CallbackRun: Equatable, Sendable {
    public var handle: Int
    public var description: String
    /// The task whose step it was (nil for a plain callback such as a wakeup or `call_soon`).
    public var task: Int?
    public var startTime: Double
    /// Virtual seconds it held the thread (CPU bursts and blocking sleeps); nil while running.
    public var duration: Double?
    public var iteration: Int
    /// Its step slot on the steps axis.
    public var slot: Int
    /// Index of its `callbackStart` event.
    public var event: Int
}

/// The loop at one iteration: what was ready, the timer heap (sorted by deadline), and the
/// callbacks the iteration ran.
public struct LoopState: Equatable, Sendable {
    public var iteration: IterationInfo
    public var ready: [ReadyEntry]
    public var timers: [TimerEntry]
    public var callbacks: [CallbackRun]
}

/// A line of the scenario's output, or a warning, with when it was produced.
public struct OutputLine: Equatable, Sendable {
    public var text: String
    public var task: Int?
    public var time: Double
    public var iteration: Int
    public var event: Int
}
