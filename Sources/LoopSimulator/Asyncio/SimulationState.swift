import Foundation
import ScenarioLanguage
import PythonRuntime

/// State shared by every loop of one simulation: the virtual clock, counters that CPython
/// keeps process-wide (task names), limits, the event sink and stderr.
final class SimulationState {
    /// Virtual seconds. `loop.time()`, `time.time()`, `time.monotonic()` all read it. With
    /// the cost model on, reading it first charges the instructions run since it was last
    /// read (`chargeCPU`): the hot loop only counts them.
    var clock: Double {
        get {
            if secondsPerInstruction != 0 { chargeCPU() }
            return settledClock
        }
        set { settledClock = newValue }
    }
    private var settledClock = 0.0
    /// The cost model of this run (see `CPUCost`).
    var cpuCost = CPUCost.off {
        didSet { secondsPerInstruction = cpuCost.secondsPerInstruction }
    }
    private(set) var secondsPerInstruction = 0.0
    /// The interpreter's instructions and extra work (`Interpreter.extraWork`) when the
    /// clock was last charged.
    private var chargedInstructions = 0
    /// Charged stretches at least this long are CPU bursts in the trace, as `cpu(s)`'s
    /// are; shorter ones (the few instructions of an ordinary step) only move the clock.
    static let shownBurst = 0.001
    /// Iterations of `_run_once` so far, over all loops.
    var iteration = 0
    var maxIterations: Int?
    /// Set when a limit or a deadlock stopped the simulation (see `Interpreter.halt`).
    var halted = false
    var timeHorizon: Double?
    /// The schedule's decisions where asyncio leaves the order open; nil: CPython's order.
    var schedule: Schedule?
    /// Whoever listens to events (held for the run; `Simulation.run` lets go at the end).
    /// `tracing` says whether anyone does, checked on hot paths.
    var sink: SimulationEventSink? {
        didSet { tracing = sink != nil; listener = sink }
    }
    private(set) var tracing = false
    /// `sink` without the retain and release around each call (millions per run): `sink`
    /// itself keeps the listener alive for as long as this is set.
    private unowned(unsafe) var listener: SimulationEventSink?

    /// Sends an event stamped with the current time and iteration to the listener.
    @inline(__always)
    func emit(_ kind: consuming SimulationEvent.Kind) {
        guard let listener else { return }
        listener.receive(SimulationEvent(time: clock, iteration: iteration, kind: consume kind))
    }
    /// The simulated threads, once the program starts one (`ThreadScheduler`).
    private(set) var threads: ThreadScheduler?

    func threadScheduler(_ vm: Interpreter) -> ThreadScheduler {
        if let threads { return threads }
        let made = ThreadScheduler(vm: vm, state: self)
        threads = made
        return made
    }

    /// Other threads are alive: blocking and CPU bursts go through the scheduler.
    var threadsActive: Bool { threads?.hasOtherThreads ?? false }

    /// For warnings that need to know where the program is (never-awaited coroutines).
    /// Cleared when the run ends (it would otherwise keep the interpreter alive).
    var interpreter: Interpreter?

    /// Charges the instructions run so far now (a task's step ends: the burst is the
    /// task's). One comparison when the model is off.
    @inline(__always)
    func settleCPU() {
        if secondsPerInstruction != 0 { chargeCPU() }
    }

    /// CPU seconds each thread has used, by thread number (0: the main thread): its
    /// `cpu(s)` bursts and, with the cost model on, its instructions. Sleeping and
    /// waiting use none. `time.process_time()` is the sum, `time.thread_time()` the
    /// running thread's (tools/vtrun.py counts the bursts alike).
    private var cpuSecondsByThread: [Int: Double] = [:]
    private var cpuSeconds = 0.0

    func recordCPU(_ seconds: Double) {
        cpuSeconds += seconds
        cpuSecondsByThread[threads?.current.number ?? 0, default: 0] += seconds
    }

    var processCPUTime: Double {
        settleCPU()
        return cpuSeconds
    }

    var threadCPUTime: Double {
        settleCPU()
        return cpuSecondsByThread[threads?.current.number ?? 0] ?? 0
    }

    /// The `*_ns` clocks: seconds as integer nanoseconds, `round(seconds * 1e9)` (the
    /// clocks are finite: a time limit ends a run long before).
    static func nanoseconds(_ seconds: Double) -> Value {
        .nearestInteger(seconds * 1e9) ?? .int(0)
    }

    /// The cost model: moves the clock on by the instructions run since the last charge.
    private func chargeCPU() {
        guard let vm = interpreter else { return }
        let work = vm.instructionCount &+ vm.extraWork
        let n = work - chargedInstructions
        guard n > 0 else { return }
        chargedInstructions = work
        let seconds = Double(n) * secondsPerInstruction
        recordCPU(seconds)
        if seconds >= Self.shownBurst, threads.map({ $0.current === $0.main }) ?? true {
            holdThread(seconds, blocking: false)
        } else {
            // Another thread's code: its lane shows it running (`ThreadScheduler`).
            settledClock += seconds
        }
    }

    /// The thread is busy for `seconds` (a CPU burst, or a blocking sleep) and the loop runs
    /// nothing else meanwhile: the clock moves on, and a running loop's trace shows the
    /// burst on the running task's lane at the line executing.
    func holdThread(_ seconds: Double, blocking: Bool) {
        let held = beginHold(seconds, blocking: blocking)
        let from = settledClock
        settledClock += seconds
        if held != nil { emit(.clockAdvance(from: from, to: settledClock)) }
        endHold(held, blocking: blocking)
    }

    /// The start of a hold of the main thread in the trace: nil when not traced, else
    /// the task it holds (nil inside: outside a task's step).
    func beginHold(_ seconds: Double, blocking: Bool) -> Int?? {
        guard tracing, let vm = interpreter, let loop = vm.library?.loopOnMainThread else { return nil }
        let task = loop.currentTask?.taskID
        // In a task's step, the line is the task's own innermost one (the library's frames
        // are asyncio's; after the step the task's frame is no longer the active one).
        let frame = loop.currentTask.map { t in
            t.coro.fiber?.frames.last { !$0.code.isLibrary } ?? t.coro.frame
        } ?? vm.activeFrame
        let (line, file) = vm.location(of: frame)
        emit(blocking ? .blockingSleepStart(task: task, seconds: seconds, line: line, file: file)
                      : .cpuBurstStart(task: task, seconds: seconds, line: line, file: file))
        return .some(task)
    }

    func endHold(_ held: Int??, blocking: Bool) {
        guard case .some(let task) = held else { return }
        emit(blocking ? .blockingSleepEnd(task: task) : .cpuBurstEnd(task: task))
    }

    var writeError: (String) -> Void = { _ in }

    /// Called after every loop iteration (it may block: the interactive UI pauses the
    /// simulation there until the user steps past what has been simulated).
    var pacer: ((Int) -> Void)?
    /// See `Simulation.isAbandoned`.
    var isAbandoned: (() -> Bool)?

    private var taskNameCounter = 0
    private var taskIDCounter = 0
    private var futureIDCounter = 0
    private var handleIDCounter = 0

    /// `tasks._task_name_counter`
    func nextTaskNameNumber() -> Int { taskNameCounter += 1; return taskNameCounter }
    func nextTaskID() -> Int { taskIDCounter += 1; return taskIDCounter }
    func nextFutureID() -> Int { futureIDCounter += 1; return futureIDCounter }
    func nextHandleID() -> Int { handleIDCounter += 1; return handleIDCounter }

    /// A line of loopscope's own on stderr (a hint), traced as a warning.
    func warn(_ text: String) {
        writeError(text + "\n")
        emit(.warning(text: text))
    }

    /// Runs the exception-handler calls that waited for a point where Python may run
    /// (`Interpreter.addPendingCall`): the loop does before each callback (where CPython's
    /// `_run_once` drops the handle that kept a task alive) and the run at its end, as
    /// an error found outside any Python code reaches no instruction checkpoint.
    func flushPendingReports() {
        interpreter?.makePendingCalls()
    }

    private var warnedLocations = Set<String>()

    /// A `warnings.warn` line: `FILE:LINE: Category: message`, the source line, once per
    /// location and message (Python's default filter).
    func pythonWarning(file: String, line: Int, sourceLine: String?, category: String, message: String, extra: String? = nil) {
        let key = "\(file):\(line):\(category):\(message)"
        guard warnedLocations.insert(key).inserted else { return }
        var text = "\(file):\(line): \(category): \(message)\n"
        if let sourceLine {
            let trimmed = sourceLine.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { text += "  \(trimmed)\n" }
        }
        if let extra { text += extra + "\n" }
        writeError(text)
        emit(.warning(text: "\(category): \(message)"))
    }
}

extension SimulationState: WarningSink {}
