import PythonRuntime

/// What the simulator reports as it runs: one typed event at each point where CPython's
/// loop would log or a debugger would want to stop. Each is stamped with the virtual time
/// and the loop iteration (0 before the first iteration).
public struct SimulationEvent: Equatable, Sendable {
    public var time: Double
    public var iteration: Int
    public var kind: Kind

    public init(time: Double, iteration: Int, kind: consuming Kind) {
        self.time = time
        self.iteration = iteration
        self.kind = kind
    }

    public enum Kind: Equatable, Sendable {
        /// `_run_once` began: what was ready, how many timers, the select timeout (nil: block).
        /// What was ready and what sat in the timer heap is not repeated here (that would
        /// cost one event per handle per iteration); a reader rebuilds both from the
        /// handles' own events: the iteration's callbacks and skipped callbacks that are not
        /// timers were the ready queue, in order, and the heap holds every timer scheduled
        /// in an earlier iteration that has not yet run, been skipped or been dropped.
        case iterationStart(ready: Int, timers: Int, selectTimeout: Double?)
        case iterationEnd
        /// The virtual clock jumped (waiting for a timer) or ran (CPU burst, blocking sleep).
        case clockAdvance(from: Double, to: Double)
        /// A ready handle began running. `task` is set for a task's step.
        case callbackStart(handle: Int, description: String, task: Int?)
        case callbackEnd(handle: Int, duration: Double)
        /// A cancelled handle the loop took from the ready queue and did not run.
        case callbackSkipped(handle: Int, description: String, task: Int?)
        /// A task was created at a line of a file (numbered as in `StepOutcome`): where the
        /// creating code stood.
        case taskCreated(task: Int, name: String, coroutine: String, creator: Int?, line: Int, file: Int)
        /// A task's step began: "send" or "throw CancelledError", and what woke it.
        case taskStepStart(task: Int, resumedBy: String)
        case taskStepEnd(task: Int, outcome: StepOutcome)
        /// `Task.cancel()` at a line of a file, by a task (nil: a callback).
        case cancelRequested(task: Int, by: Int?, message: String?, line: Int, file: Int)
        case cancelledErrorDelivered(task: Int)
        /// A `timeout`/`wait_for` deadline expired; `line` of `file` is where it was waited.
        case timeoutFired(task: Int?, line: Int, file: Int)
        /// A CPU burst / blocking sleep at a line of a file (numbered as in `StepOutcome`).
        case cpuBurstStart(task: Int?, seconds: Double, line: Int, file: Int)
        case cpuBurstEnd(task: Int?)
        case blockingSleepStart(task: Int?, seconds: Double, line: Int, file: Int)
        case blockingSleepEnd(task: Int?)
        case futureCreated(future: Int, purpose: String)
        case futureResolved(future: Int, state: String)
        /// `call_at`/`call_later`: a timer entered the heap. `future` is the future it
        /// resolves, when it has one (how a trace tells which task a timer wakes).
        case timerScheduled(handle: Int, when: Double, description: String, future: Int?)
        /// A timer was cancelled; it stays in the heap until the loop drops it.
        case timerCancelled(handle: Int)
        /// `_run_once` removed a cancelled timer from the heap without running it.
        case timerDropped(handle: Int)
        case print(task: Int?, text: String)
        case warning(text: String)
        /// Under a schedule other than CPython's (`--schedule SEED`): the run left
        /// CPython's order here. `kind` is `tie` (timers with equal deadlines ran in
        /// another order), `overrun` (a CPU burst or blocking sleep ran longer, so a later
        /// timer fell due in this batch) or `jitter` (a duration was scaled).
        case scheduleDeparture(kind: String, detail: String)
        /// A thread started (`threading.Thread.start`, an executor's worker): `thread` is
        /// its number (1, 2, … in start order; 0 is the main thread, which runs the loop).
        case threadStarted(thread: Int, name: String)
        /// A thread's state changed: it runs holding the GIL (`what`: the program's
        /// function it is in), waits for the GIL, sleeps, blocks (`what`: on what), or
        /// finished; `line` of `file` is where it stands (0: unknown).
        case threadState(thread: Int, state: ThreadState, what: String, line: Int, file: Int)
        /// A thread other than the loop's queued a callback for the loop
        /// (`call_soon_threadsafe`: an executor's result, a hand-off); queued during the
        /// loop's select, it runs in the same iteration.
        case threadHandOff(thread: Int, handle: Int, description: String)
    }

    /// What a simulated thread is doing (see `ThreadScheduler`).
    public enum ThreadState: String, Equatable, Sendable, CaseIterable {
        case running, gil, sleeping, blocked, finished
    }

    public enum StepOutcome: Equatable, Sendable {
        /// Parked on a future (its description) at a line of a file: `file` 0 is the
        /// scenario, k the k-th of the modules it loaded (`Program.files`).
        case parked(on: String, future: Int, line: Int, file: Int)
        /// `sleep(0)`: yielded for one iteration.
        case yielded(line: Int, file: Int)
        case finished(result: String)
        case failed(exception: String)
        case cancelled
    }
}

/// Receives events. The simulator checks for a sink before building an event, so a run
/// nobody listens to pays nothing for tracing.
public protocol SimulationEventSink: AnyObject {
    func receive(_ event: SimulationEvent)
}

/// Collects every event in memory.
public final class EventRecorder: SimulationEventSink {
    public private(set) var events: [SimulationEvent] = []
    public init() {}
    public func receive(_ event: SimulationEvent) { events.append(event) }
}
