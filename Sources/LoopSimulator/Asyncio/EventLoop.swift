import DequeModule
import PythonRuntime

/// What a handle runs when the loop reaches it.
enum HandleCallback {
    /// `Task.__step` (with the exception to throw in, if any).
    case taskStep(PyTask, PyException?)
    /// `Task.__wakeup`: the future the task awaited is done.
    case taskWakeup(PyTask, PyFuture)
    /// Native library code (a task's wakeup, gather's child callback, ...).
    case native(String, () -> Void)
    /// A Python callable with its arguments (`call_soon(f, x)`).
    case python(Value, [Value])

    /// The task whose step or wakeup this is.
    var task: PyTask? {
        switch self {
        case .taskStep(let t, _), .taskWakeup(let t, _): return t
        case .native, .python: return nil
        }
    }

    /// What it runs, for traces and debug warnings.
    func describe(_ vm: Interpreter) -> String {
        switch self {
        case .taskStep(let task, _): return task.stepLabel
        case .taskWakeup(let task, _): return task.wakeupLabel
        case .native(let label, _): return label
        case .python(let fn, _): return vm.callbackName(fn)
        }
    }
}

/// An entry of the ready queue. CPython wraps every callback in a `Handle`; here only the
/// ones Python code can hold or that carry Python callables (`call_soon`'s result, timers,
/// done callbacks) get a `Handle` object. The loop's own callbacks (task steps and
/// wakeups, library callbacks) are plain values with a handle number, which spares an
/// object per task step.
struct ReadyItem {
    let id: Int
    let callback: HandleCallback
    /// The handle, when there is one: it may have been cancelled since it was queued.
    let handle: Handle?

    init(_ handle: Handle) {
        id = handle.id
        callback = handle.callback
        self.handle = handle
    }

    init(id: Int, callback: HandleCallback) {
        self.id = id
        self.callback = callback
        handle = nil
    }
}

/// `asyncio.Handle` / `asyncio.TimerHandle` (`events.py`).
final class Handle: PyObject {
    let loop: EventLoop
    let id: Int
    let callback: HandleCallback
    var cancelled = false
    /// TimerHandle: the deadline, and whether it is in the loop's heap.
    let when: Double
    let isTimer: Bool
    var scheduled = false
    /// Debug mode: where `call_soon`/`call_later` was called.
    var sourceSite: String?

    convenience init(loop: EventLoop, callback: HandleCallback, when: Double? = nil) {
        self.init(loop: loop, id: loop.state.nextHandleID(), callback: callback, when: when)
    }

    /// A handle for a ready-queue entry queued without one (a task's step), made only to
    /// be shown.
    init(loop: EventLoop, id: Int, callback: HandleCallback, when: Double? = nil) {
        self.loop = loop
        self.id = id
        self.callback = callback
        self.when = when ?? 0
        self.isTimer = when != nil
    }

    /// `Handle.__repr__` (`_repr_info`); a task's step or wakeup shows as the task.
    func reprText(_ vm: Interpreter) -> String {
        if let task = callback.task { return (try? task.reprText(vm)) ?? task.name }
        var info = [isTimer ? "TimerHandle" : "Handle"]
        if cancelled { info.append("cancelled") }
        if isTimer { info.insert("when=\(PyFloat.repr(when))", at: cancelled ? 2 : 1) }
        switch callback {
        case let .python(fn, args): info.append(vm.formatCallbackSource(fn, args))
        case let .native(label, _): info.append(label)
        case .taskStep, .taskWakeup: break
        }
        if let sourceSite { info.append("created at \(sourceSite)") }
        return "<" + info.joined(separator: " ") + ">"
    }

    override func pythonRepr(_ vm: Interpreter) throws -> String? { reprText(vm) }

    override var pyClass: PyClass { isTimer ? loop.library.timerHandleClass : loop.library.handleClass }

    func cancel() {
        guard !cancelled else { return }
        if isTimer && scheduled { loop.timerCancelledCount += 1 }
        cancelled = true
        if isTimer && loop.state.tracing { loop.emit(.timerCancelled(handle: id)) }
    }

    /// The future a timer resolves (`call_later(d, set_result_unless_cancelled, fut)`).
    var resolvedFuture: PyFuture? {
        if case .python(_, let args) = callback, case .object(let o)? = args.first { return o as? PyFuture }
        return nil
    }

    override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        // `events.py` methods without arguments; TimerHandle overrides `cancel`.
        let noArguments = NativeSignature.python(parameters: [], required: 0)
        switch name {
        case "cancel":
            return vm.nativeFunction(name, owner: isTimer ? "TimerHandle" : "Handle", noArguments) { _, _, _ in
                self.cancel()
                return .none
            }
        case "cancelled": return vm.nativeFunction(name, owner: "Handle", noArguments) { _, _, _ in .bool(self.cancelled) }
        case "when" where isTimer: return vm.nativeFunction(name, owner: "TimerHandle", noArguments) { _, _, _ in .float(self.when) }
        default: return nil
        }
    }

}

/// The simulated event loop: `base_events.BaseEventLoop` on a virtual clock.
final class EventLoop: PyObject {
    /// The interpreter owns the library that owns the loop, so it outlives every use of
    /// the loop; `unowned(unsafe)` spares the checked retain each access would cost.
    unowned(unsafe) let vm: Interpreter
    let state: SimulationState
    let library: AsyncioLibrary
    var ready = Deque<ReadyItem>()
    var scheduled = HeapQueue<Handle> { $0.when }
    var timerCancelledCount = 0
    /// How long the last iteration's callbacks held the loop (CPU bursts, blocking sleeps):
    /// what a schedule's overrun may stretch.
    private var heldLastIteration = 0.0
    var stopping = false
    var running = false
    var closed = false
    var debug = false
    /// `slow_callback_duration`: debug mode warns about callbacks that ran this long.
    var slowCallbackDuration = 0.1
    /// `_exception_handler`: None, or the callable `set_exception_handler` was given.
    var exceptionHandler = Value.none
    var currentTask: PyTask?
    /// A SystemExit or KeyboardInterrupt a task step raised: `Task.__step` stores it as
    /// the task's exception and raises it again, out of the loop (see `run(_:)`).
    var escaping: PyException?
    /// The unfinished tasks of this loop (what `all_tasks()` returns). CPython keeps all
    /// tasks in a WeakSet; keeping only pending ones strongly has the same effect: a
    /// finished task nobody refers to is freed at once, which is when "Task exception was
    /// never retrieved" appears.
    private var pendingTasks: [ObjectIdentifier: PyTask] = [:]
    /// Pending tasks in creation order.
    var tasks: [PyTask] { pendingTasks.values.sorted { $0.taskID < $1.taskID } }

    func taskFinished(_ task: PyTask) { pendingTasks[ObjectIdentifier(task)] = nil }
    /// `_asyncgens` (a WeakSet in CPython; first-iteration order here) and
    /// `_asyncgens_shutdown_called`: see AsyncGeneratorHooks.swift.
    var asyncgens: [WeakAsyncGenerator] = []
    var asyncgensShutdownCalled = false
    /// `_default_executor` (what `run_in_executor(None, ...)` uses, made on first use) and
    /// `_executor_shutdown_called`, Python attributes the prelude's executor code sets.
    var defaultExecutor = Value.none
    var executorShutdownCalled = false

    /// `base_events._MIN_SCHEDULED_TIMER_HANDLES` / `_MIN_CANCELLED_TIMER_HANDLES_FRACTION`
    static let minScheduledTimerHandles = 100
    static let minCancelledTimerHandlesFraction = 0.5
    /// `time.get_clock_info('monotonic').resolution` on Linux.
    static let clockResolution = 1e-09
    static let maximumSelectTimeout = 24.0 * 3600.0

    init(vm: Interpreter, state: SimulationState, library: AsyncioLibrary) {
        self.vm = vm
        self.state = state
        self.library = library
    }

    override var pyClass: PyClass { library.loopClass }

    /// `BaseEventLoop.__repr__`.
    func reprText() -> String {
        "<\(pyClass.name) running=\(running ? "True" : "False") closed=\(closed ? "True" : "False") debug=\(debug ? "True" : "False")>"
    }

    override func pythonRepr(_ vm: Interpreter) throws -> String? { reprText() }

    func time() -> Double { state.clock }

    func nextFutureID() -> Int { state.nextFutureID() }
    func nextTaskID() -> Int { state.nextTaskID() }
    func nextTaskNameNumber() -> Int { state.nextTaskNameNumber() }

    func registerTask(_ task: PyTask) {
        pendingTasks[ObjectIdentifier(task)] = task
        if state.tracing {
            emit(.taskCreated(task: task.taskID, name: task.name, coroutine: task.coro.qualname,
                              creator: task.creatorID, line: task.creationSite.line, file: task.creationSite.file))
        }
    }

    // MARK: Scheduling

    /// `call_soon` for the loop's own callbacks: queued without a `Handle` object (see
    /// `ReadyItem`).
    func callSoon(_ callback: HandleCallback) {
        if case .python(let fn, let args) = callback {
            callSoon(python: fn, args)
        } else {
            ready.append(ReadyItem(id: state.nextHandleID(), callback: callback))
        }
    }

    /// `call_soon(fn, *args)`: a Python callable gets a `Handle`.
    @discardableResult
    func callSoon(python fn: Value, _ args: [Value]) -> Handle {
        let handle = Handle(loop: self, callback: .python(fn, args))
        if debug { handle.sourceSite = vm.currentSite() }
        ready.append(ReadyItem(handle))
        return handle
    }

    @discardableResult
    func callLater(_ delay: Double, _ callback: HandleCallback) -> Handle {
        callAt(time() + delay, callback)
    }

    @discardableResult
    func callAt(_ when: Double, _ callback: HandleCallback) -> Handle {
        var when = when
        if let schedule = state.schedule, case .python(.object(let fn), _) = callback, fn === library.setResultUnlessCancelledFunction {
            // The timer of an `asyncio.sleep`: its duration is what a jitter stretches.
            let delay = when - time(), stretched = schedule.duration(delay)
            if stretched != delay {
                when = time() + stretched
                if state.tracing { emit(.scheduleDeparture(kind: "jitter", detail: "sleep(\(PyFloat.repr(delay))) lasts \(PyFloat.repr(stretched))")) }
            }
        }
        let timer = Handle(loop: self, callback: callback, when: when)
        if debug, case .python = callback { timer.sourceSite = vm.currentSite() }
        scheduled.push(timer)
        timer.scheduled = true
        if state.tracing {
            emit(.timerScheduled(handle: timer.id, when: when, description: timer.callback.describe(vm), future: timer.resolvedFuture?.id))
        }
        return timer
    }

    func stop() { stopping = true }

    /// `BaseEventLoop.close`: the ready queue and the timer heap are cleared.
    func close() throws {
        if running { throw PythonError(vm.makeException(BuiltinTypes.runtimeError, "Cannot close a running event loop")) }
        if closed { return }
        if debug { state.log(.debug, "Close %r", [.object(self)], at: SourceSites.logClose) }
        closed = true
        // BaseEventLoop.close: the default executor is shut down without waiting.
        if !defaultExecutor.isNone {
            let executor = defaultExecutor
            defaultExecutor = .none
            if let shutdown = try? vm.getAttribute(executor, "shutdown") {
                _ = try? vm.callNow(shutdown, [], [("wait", .false)])
            }
        }
        for timer in scheduled.elements {
            timer.scheduled = false
            if state.tracing { emit(.timerDropped(handle: timer.id)) }
        }
        scheduled.heapify([])
        ready.removeAll()
    }

    // MARK: Running

    /// `BaseEventLoop._check_closed`
    func checkClosed() throws {
        if closed { throw PythonError(vm.makeException(BuiltinTypes.runtimeError, "Event loop is closed")) }
    }

    /// `BaseEventLoop._check_running`
    private func checkRunning() throws {
        if running { throw PythonError(vm.makeException(BuiltinTypes.runtimeError, "This event loop is already running")) }
        if library.runningLoop != nil {
            throw PythonError(vm.makeException(BuiltinTypes.runtimeError, "Cannot run the event loop while another loop is running"))
        }
    }

    /// `BaseEventLoop.run_until_complete(future)`: a coroutine is wrapped in a task first.
    func runUntilComplete(_ value: Value) throws -> Value {
        try checkClosed()
        try checkRunning()
        let newTask = !(value.asObject is PyFuture)
        return try runUntilComplete(try library.ensureFuture(value, loop: self), newTask: newTask)
    }

    func runUntilComplete(_ future: PyFuture, newTask: Bool = false) throws -> Value {
        var finished = false
        future.addDoneCallback(SourceSites.runUntilCompleteCallback) { [unowned self] fut in
            finished = true
            // `_run_until_complete_cb`: a SystemExit or KeyboardInterrupt already ended
            // run_forever (this callback may run in a later one, which it must not stop).
            if !fut.isCancelled, fut.exceptionValue?.stopsTheLoop == true { return }
            self.stop()
        }
        do {
            try runForever()
        } catch {
            // The coroutine raised a BaseException: consume it so that no "exception was
            // never retrieved" is logged (the caller cannot reach the task).
            if newTask, future.isDone, !future.isCancelled { _ = try? future.exception(vm) }
            // The task given to us raised it (asyncio.run's main task): in CPython the
            // exception's traceback holds the caller's frame, whose `task` holds the
            // exception, a cycle only the cyclic collector frees, so that task is never
            // reported as "exception was never retrieved". The same cycle here: the
            // exception holds the task.
            if !newTask, future.isDone, let escaping = (error as? PythonError)?.exception,
               future.exceptionValue === escaping {
                escaping.heldByTraceback = future
            }
            throw error
        }
        if !finished {
            future.callbacks.removeAll { $0.label == SourceSites.runUntilCompleteCallback }
        }
        guard future.isDone else {
            throw PythonError(vm.makeException(BuiltinTypes.runtimeError, "Event loop stopped before Future completed."))
        }
        return try future.result(vm)
    }

    /// `BaseEventLoop.run_forever`: the loop is the running one (`_set_running_loop`)
    /// until `stop()`.
    func runForever() throws {
        try checkClosed()
        try checkRunning()
        running = true
        library.runningLoop = self
        library.loopOnMainThread = self
        vm.asyncGeneratorHooks = self
        defer {
            running = false
            stopping = false
            library.runningLoop = nil
            library.loopOnMainThread = nil
            vm.asyncGeneratorHooks = nil
        }
        while true {
            try runOnce()
            if stopping { break }
        }
    }

    /// `BaseEventLoop._run_once`: one full iteration of the event loop.
    func runOnce() throws {
        state.iteration += 1
        if let limit = state.maxIterations, state.iteration > limit {
            throw vm.halt(.iterationLimit(limit))
        }
        // Cancelled timers removed below, reported after `iterationStart`.
        var dropped: [Int] = []
        let schedCount = scheduled.count
        if schedCount > Self.minScheduledTimerHandles,
           Double(timerCancelledCount) / Double(schedCount) > Self.minCancelledTimerHandlesFraction {
            // Remove delayed calls that were cancelled if their number is too high.
            var newScheduled: [Handle] = []
            for handle in scheduled.elements {
                if handle.cancelled {
                    handle.scheduled = false
                    if state.tracing { dropped.append(handle.id) }
                } else {
                    newScheduled.append(handle)
                }
            }
            scheduled.heapify(newScheduled)
            timerCancelledCount = 0
        } else {
            // Remove delayed calls that were cancelled from head of queue.
            while let head = scheduled.first, head.cancelled {
                timerCancelledCount -= 1
                scheduled.pop()
                head.scheduled = false
                if state.tracing { dropped.append(head.id) }
            }
        }

        if let schedule = state.schedule, heldLastIteration > 0 { overrun(schedule) }
        heldLastIteration = 0

        var timeout: Double?
        if !ready.isEmpty || stopping {
            timeout = 0
        } else if let head = scheduled.first {
            timeout = min(max(0, head.when - time()), Self.maximumSelectTimeout)
        }
        if state.tracing {
            emit(.iterationStart(ready: ready.count, timers: scheduled.count, selectTimeout: timeout))
            for handle in dropped { emit(.timerDropped(handle: handle)) }
        }
        // The selector: with a virtual clock, waiting means jumping to the earliest deadline.
        if state.threadsActive, let threads = state.threads {
            // Other threads run while the loop waits; one may wake it early.
            try threads.select(timeout: timeout, deadline: scheduled.first?.when)
        } else if timeout == nil {
            throw vm.halt(.deadlock(report: deadlockReport()))
        } else if let t = timeout, t > 0, let head = scheduled.first, head.when > time() {
            if let horizon = state.timeHorizon, head.when > horizon {
                throw vm.halt(.timeHorizon(horizon))
            }
            advanceClock(to: head.when)
        }

        // Handle 'later' callbacks that are ready.
        let endTime = time() + Self.clockResolution
        if let schedule = state.schedule {
            moveDueTimers(before: endTime, schedule)
        } else {
            while let head = scheduled.first {
                if head.when >= endTime { break }
                scheduled.pop()
                head.scheduled = false
                ready.append(ReadyItem(head))
            }
        }

        // Run exactly the callbacks that were ready when this iteration started; anything
        // they schedule runs next time.
        let ntodo = ready.count
        for _ in 0..<ntodo {
            // What the last callback freed is logged here, where CPython's `handle` lets go.
            state.flushPendingReports()
            let item = ready.removeFirst()
            if let handle = item.handle, handle.cancelled {
                if state.tracing {
                    emit(.callbackSkipped(handle: item.id, description: item.callback.describe(vm), task: item.callback.task?.taskID))
                }
                continue
            }
            let t0 = time()
            if state.tracing {
                emit(.callbackStart(handle: item.id, description: item.callback.describe(vm), task: item.callback.task?.taskID))
            }
            let i0 = vm.instructionCount
            let startPC = resumePoint(item)
            do {
                try run(item)
            } catch {
                // A SystemExit or KeyboardInterrupt leaves the loop mid-iteration, as it
                // leaves CPython's `_run_once`; the loop may run again (asyncio.run
                // cancels what is left), so the callback's end is still traced.
                if state.tracing && vm.halted == nil { emit(.callbackEnd(handle: item.id, duration: time() - t0)) }
                throw error
            }
            hintIfLong(item, instructions: vm.instructionCount - i0, startPC: startPC)
            let dt = time() - t0
            heldLastIteration += dt
            if state.tracing { emit(.callbackEnd(handle: item.id, duration: dt)) }
            if debug && dt >= slowCallbackDuration {
                let handle = formatHandle(item)
                state.log(.warning, "Executing %s took %.3f seconds", [.str(handle), .float(dt)],
                          text: "Executing \(handle) took \(formatSeconds(dt)) seconds", at: SourceSites.logSlowCallback)
            }
        }
        state.flushPendingReports()
        if state.tracing { emit(.iterationEnd) }
        state.pacer?(state.iteration)
        if let abandoned = state.isAbandoned, abandoned() { throw vm.halt(.abandoned) }
    }

    // MARK: Schedules other than CPython's (see `Schedule`)

    /// Moves the due timers to the ready queue as `_run_once` does, except that each group
    /// with equal deadlines (consecutive in the heap's order) runs in the order the
    /// schedule picks: position by position, one of the timers not yet placed.
    private func moveDueTimers(before endTime: Double, _ schedule: Schedule) {
        var due: [Handle] = []
        while let head = scheduled.first, head.when < endTime {
            scheduled.pop()
            head.scheduled = false
            due.append(head)
        }
        var start = 0
        while start < due.count {
            var end = start + 1
            while end < due.count, due[end].when == due[start].when { end += 1 }
            for position in start..<max(start, end - 1) {
                let pick = schedule.choose(end - position)
                guard pick != 0 else { continue }
                let chosen = due.remove(at: position + pick)
                if state.tracing {
                    emit(.scheduleDeparture(kind: "tie", detail: "\(chosen.callback.describe(vm)) (when=\(PyFloat.repr(chosen.when))) runs before \(due[position].callback.describe(vm)), an equal deadline"))
                }
                due.insert(chosen, at: position)
            }
            start = end
        }
        for timer in due { ready.append(ReadyItem(timer)) }
    }

    /// After callbacks held the loop for `heldLastIteration` seconds, the burst may have
    /// run longer on a real clock: when the loop is not going to sleep anyway (something
    /// is ready or due), the schedule may move the clock on to the next timer deadline
    /// within `overrunFraction` of the held time, so that timer joins this batch.
    private func overrun(_ schedule: Schedule) {
        let now = time(), dueBefore = now + Self.clockResolution
        let live = scheduled.elements.filter { !$0.cancelled }
        let busy = !ready.isEmpty || live.contains { $0.when < dueBefore }
        guard busy, let next = live.filter({ $0.when >= dueBefore }).min(by: { $0.when < $1.when }),
              next.when - now <= heldLastIteration * ScheduleSpec.overrunFraction else { return }
        guard schedule.choose(2) == 1 else { return }
        if state.tracing {
            emit(.scheduleDeparture(kind: "overrun", detail: "the last burst ran \(PyFloat.repr(next.when - now))s longer, so \(next.callback.describe(vm)) (when=\(PyFloat.repr(next.when))) falls due now"))
        }
        advanceClock(to: next.when)
    }

    /// `Handle._run`: exceptions from plain callbacks go to the loop's exception handler.
    private func run(_ item: ReadyItem) throws {
        switch item.callback {
        case let .taskStep(task, exc):
            task.step(vm, exc)
        case let .taskWakeup(task, future):
            task.wakeup(vm, .object(future))
        case let .native(_, body):
            body()
        case let .python(fn, args):
            do {
                if case .object(let o) = fn, o === library.setResultUnlessCancelledFunction, args.count == 2,
                   case .object(let f) = args[0], let future = f as? PyFuture {
                    // `_set_result_unless_cancelled(fut, result)`, the timer of every sleep.
                    if !future.isCancelled { try future.setResult(args[1], vm) }
                } else {
                    try vm.callNow(fn, args)
                }
            } catch let e as PythonError {
                if vm.halted != nil || e.exception.stopsTheLoop { throw e }
                // `Handle._run`: the loop's exception handler gets it.
                let handle = item.handle ?? Handle(loop: self, id: item.id, callback: item.callback)
                try callExceptionHandler(.object(makeContext("Exception in callback \(vm.formatCallbackSource(fn, args))",
                                                             e.exception, [("handle", .object(handle))])),
                                         handling: e.exception)
            }
        }
        if vm.halted != nil, let exc = vm.haltException { throw PythonError(exc) }
        if let exc = escaping {
            escaping = nil
            throw PythonError(exc)
        }
    }

    func advanceClock(to t: Double) {
        let from = state.clock
        state.clock = t
        if state.tracing { emit(.clockAdvance(from: from, to: t)) }
    }

    /// `base_events._format_handle`: a task's repr for its step, else the handle's
    /// (`events.Handle._repr_info`).
    private func formatHandle(_ item: ReadyItem) -> String {
        (item.handle ?? Handle(loop: self, id: item.id, callback: item.callback)).reprText(vm)
    }

    private func formatSeconds(_ dt: Double) -> String {
        (try? PyFormatSpec.format(float: dt, spec: ".3f")) ?? "\(dt)"
    }

    /// Which unfinished tasks wait on what, for the deadlock message.
    func deadlockReport() -> [String] {
        tasks.filter { !$0.isDone }.map { task in
            // The scenario's line, not the line inside the asyncio library it is parked in.
            let frame = task.coro.fiber?.frames.last { !$0.code.isLibrary } ?? task.coro.frame
            let what = task.futWaiter.map { describeWaiter($0) } ?? "nothing (never resumed)"
            return "\(task.name) (\(task.coro.qualname)) waits on \(what) at \(frame.code.filename):\(frame.currentLine)"
        }
    }

    func describeWaiter(_ f: PyFuture) -> String {
        if let t = f as? PyTask { return "task \(t.name)" }
        if let p = f.purpose { return p }
        return "a Future"
    }

    // MARK: Events

    @inline(__always)
    func emit(_ kind: consuming SimulationEvent.Kind) {
        state.emit(consume kind)
    }

    func emitFutureResolved(_ f: PyFuture) {
        guard state.tracing else { return }
        emit(.futureResolved(future: f.id, state: f.state.rawValue))
    }

    func emitStepStart(_ task: PyTask, resumedBy: String) {
        guard state.tracing else { return }
        emit(.taskStepStart(task: task.taskID, resumedBy: resumedBy))
    }

    func emitStepEnd(_ task: PyTask, parkedOn: PyFuture?, yielded: Bool = false) {
        guard state.tracing else { return }
        // The line a reader looks for is in the scenario, not in the asyncio prelude the
        // task is suspended in (`await asyncio.sleep(1)` parks inside prelude `sleep`); a
        // task running only library code (`create_task(asyncio.sleep(1))`) parks at no line
        // of the program's (0, as the recorder says): the prelude's line was shown as a line
        // of the scenario's file.
        let (line, file) = vm.programLocation(in: task.coro.fiber?.frames ?? [])
        let outcome: SimulationEvent.StepOutcome
        if let f = parkedOn {
            outcome = .parked(on: describeWaiter(f), future: f.id, line: line, file: file)
        } else if yielded {
            outcome = .yielded(line: line, file: file)
        } else if task.isCancelled {
            outcome = .cancelled
        } else if let e = task.exceptionValue {
            outcome = .failed(exception: (try? vm.repr(.object(e))) ?? e.cls.name)
        } else {
            outcome = .finished(result: (try? vm.repr(task.resultValue)) ?? "?")
        }
        emit(.taskStepEnd(task: task.taskID, outcome: outcome))
    }

    func emitCancelRequested(_ task: PyTask, by: PyTask?, message: Value, at site: (line: Int, file: Int)) {
        guard state.tracing else { return }
        emit(.cancelRequested(task: task.taskID, by: by?.taskID, message: message.isNone ? nil : (try? vm.str(message)),
                              line: site.line, file: site.file))
    }

    func emitCancelledErrorDelivered(_ task: PyTask) {
        guard state.tracing else { return }
        emit(.cancelledErrorDelivered(task: task.taskID))
    }

    // MARK: Python attributes

    override class var nativeMethods: [String: PyBuiltin]? { loopMethods }

    /// `BaseEventLoop`'s methods, with the signatures of `base_events.py`.
    private static let loopMethods: [String: PyBuiltin] = {
        typealias Body = (EventLoop, Interpreter, MethodArguments, [(String, Value)]) throws -> Value
        func m(_ name: String, _ signature: NativeSignature = .python(parameters: [], required: 0),
               _ body: @escaping Body) -> (String, PyBuiltin) {
            (name, PyBuiltin.method(name, of: EventLoop.self, owner: "BaseEventLoop", signature, body))
        }
        // call_later(delay, cb, *args) is call_at(now + delay, cb, *args).
        func timer(_ name: String) -> (String, PyBuiltin) {
            let later = name == "call_later"
            let signature = NativeSignature.python(parameters: [later ? "delay" : "when", "callback"], required: 2,
                                                   varargs: true, keywordOnly: ["context"])
            return m(name, signature) { loop, vm, args, _ in
                guard let t = args[0].numericValue else {
                    throw vm.typeError(later ? "unsupported operand type(s) for +: 'float' and '\(args[0].typeName)'"
                                             : "unsupported operand type(s) for -: '\(args[0].typeName)' and 'float'")
                }
                try loop.checkClosed()
                try loop.checkCallable(args[1], name)
                return .object(loop.callAt(later ? loop.time() + t : t, .python(args[1], Array(args.dropFirst(2)))))
            }
        }
        // call_soon(cb, *args) and call_soon_threadsafe(cb, *args): a handle in the ready queue.
        func soon(_ name: String) -> (String, PyBuiltin) {
            m(name, .python(parameters: ["callback"], required: 1, varargs: true, keywordOnly: ["context"])) { loop, _, args, _ in
                try loop.checkClosed()
                try loop.checkCallable(args[0], name)
                return .object(loop.callSoon(python: args[0], Array(args.dropFirst())))
            }
        }
        return Dictionary(uniqueKeysWithValues: [
            m("time") { loop, _, _, _ in .float(loop.time()) },
            m("create_future") { loop, _, _, _ in .object(PyFuture(loop: loop, site: SourceSites.createFuture)) },
            m("create_task", .python(parameters: ["coro"], required: 1, keywordOnly: ["name", "context"])) { loop, vm, args, kwargs in
                try loop.checkClosed()
                return try loop.library.createTask(vm, loop, args.array, kwargs)
            },
            soon("call_soon"),
            // From another thread, the self-pipe write wakes the loop's select.
            m("call_soon_threadsafe", .python(parameters: ["callback"], required: 1, varargs: true, keywordOnly: ["context"])) { loop, vm, args, _ in
                try loop.checkCallable(args[0], "call_soon_threadsafe")
                let handle = loop.callSoon(python: args[0], Array(args.dropFirst()))
                if let threads = loop.state.threads, threads.current !== threads.main {
                    if loop.state.tracing {
                        loop.emit(.threadHandOff(thread: threads.current.number, handle: handle.id,
                                                 description: handle.callback.describe(vm)))
                    }
                    threads.wakeSelect()
                }
                return .object(handle)
            },
            timer("call_later"),
            timer("call_at"),
            m("get_debug") { loop, _, _, _ in .bool(loop.debug) },
            m("set_debug", .python(parameters: ["enabled"], required: 1)) { loop, vm, args, _ in
                loop.debug = try vm.truthy(args[0])
                return .none
            },
            m("set_exception_handler", .python(parameters: ["handler"], required: 1)) { loop, _, args, _ in
                try loop.setExceptionHandler(args[0])
                return .none
            },
            m("get_exception_handler") { loop, _, _, _ in loop.exceptionHandler },
            m("default_exception_handler", .python(parameters: ["context"], required: 1)) { loop, _, args, _ in
                try loop.defaultExceptionHandler(args[0])
                return .none
            },
            m("call_exception_handler", .python(parameters: ["context"], required: 1)) { loop, _, args, _ in
                try loop.callExceptionHandler(args[0])
                return .none
            },
            m("is_running") { loop, _, _, _ in .bool(loop.running) },
            m("is_closed") { loop, _, _, _ in .bool(loop.closed) },
            m("stop") { loop, _, _, _ in loop.stop(); return .none },
            m("run_until_complete", .python(parameters: ["future"], required: 1)) { loop, _, args, _ in
                try loop.runUntilComplete(args[0])
            },
            m("run_forever") { loop, _, _, _ in
                try loop.runForever()
                return .none
            },
            m("close") { loop, _, _, _ in
                try loop.close()
                return .none
            },
            // The coroutines of base_events.py, written in the prelude.
            m("shutdown_asyncgens") { loop, vm, _, _ in try loop.callPrelude("_shutdown_asyncgens") },
            m("shutdown_default_executor") { loop, vm, _, _ in try loop.callPrelude("_shutdown_default_executor") },
            // The executor methods are the prelude's (Python in base_events.py too).
            m("run_in_executor", .python(parameters: ["executor", "func"], required: 2, varargs: true)) { loop, vm, args, _ in
                try loop.callPrelude("_run_in_executor", [.object(loop)] + args.array)
            },
            m("set_default_executor", .python(parameters: ["executor"], required: 1)) { loop, vm, args, _ in
                try loop.callPrelude("_set_default_executor", [.object(loop), args[0]])
            },
        ])
    }()

    /// Calls the prelude function that stands for a method of the loop (a coroutine
    /// function for the coroutine methods).
    private func callPrelude(_ name: String, _ args: [Value] = []) throws -> Value {
        guard let function = library.module.attributes[name] else {
            throw PythonError(vm.makeException(BuiltinTypes.attributeError, "'_UnixSelectorEventLoop' object has no attribute '\(name.dropFirst())'"))
        }
        return try vm.callNow(function, args)
    }

    override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        switch name {
        case "slow_callback_duration": return .float(slowCallbackDuration)
        case "_default_executor": return defaultExecutor
        case "_executor_shutdown_called": return .bool(executorShutdownCalled)
        default: return nil
        }
    }

    /// `loop.slow_callback_duration = s`, a plain attribute in CPython (any value; a
    /// non-number only fails when debug mode compares it, which is not modelled).
    override func setNativeAttribute(_ name: String, _ value: Value, _ vm: Interpreter) throws -> Bool {
        switch name {
        case "_default_executor":
            defaultExecutor = value
            return true
        case "_executor_shutdown_called":
            executorShutdownCalled = try vm.truthy(value)
            return true
        default: break
        }
        guard name == "slow_callback_duration" else { return false }
        guard let seconds = value.numericValue, value.asObject == nil else {
            throw vm.typeError("slow_callback_duration must be a number of seconds, not '\(value.typeName)'")
        }
        slowCallbackDuration = seconds
        return true
    }

    /// `BaseEventLoop._check_callback`, which CPython runs in debug mode only: otherwise
    /// a callable-less handle fails when it runs, through the exception handler.
    private func checkCallable(_ v: Value, _ method: String) throws {
        guard debug else { return }
        if case .object(let o) = v, o is PyFunction || o is PyBuiltin || o is PyBoundMethod || o is PyClass { return }
        throw vm.typeError("a callable object was expected by \(method)(), got \((try? vm.repr(v)) ?? v.typeName)")
    }
}
