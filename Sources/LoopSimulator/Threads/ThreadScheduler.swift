import PythonRuntime

/// Simulated threads on the virtual clock, sharing a GIL modelled on CPython's.
///
/// The main thread runs the program and the event loop on the simulation's own Swift
/// stack. Every other thread (`_thread.start_new_thread`, so `threading.Thread` and the
/// executors' workers) keeps its frames on a fiber of its own, which the scheduler runs in
/// slices. Exactly one thread runs Python at a time, the one holding the GIL:
///
/// * A thread keeps the GIL until it blocks (`time.sleep`, a lock, a queue, `join`, the
///   loop's select), finishes, or another thread has wanted it for the switch interval
///   (5 ms, `sys.getswitchinterval()`): then it drops it at the next instruction. Time
///   passes only for CPU work: `cpu(s)`, and executed instructions when the cost model is
///   on; with the model off Python code takes no time, so a thread runs until it blocks.
/// * Waiting threads take the GIL in the order they asked for it (a woken thread asks at
///   the moment it was woken: its deadline, or when another thread released what it
///   waited for); equal times keep the order they were queued in. A thread that drops the
///   GIL at a switch asks again at once, behind the others.
/// * A switch is due `switchInterval` after the later of the first request and the
///   holder getting the GIL (CPython's waiter times out and asks for a drop).
/// * When no thread wants the GIL, the clock jumps to the earliest deadline of a blocked
///   thread (the main thread's select timeout is one).
///
/// A thread stops only between instructions of its own frames: code that native code
/// calls back (a key function of `sorted`, `__init__` run by a class call) runs to its end
/// first; a blocking call made there waits with the other threads running, as the main
/// thread does, but cannot let the main thread run.
final class ThreadScheduler: ThreadSwitching {
    static let switchInterval = 0.005

    unowned(unsafe) let vm: Interpreter
    let state: SimulationState
    let main: SimThread
    /// Every thread, in start order (main first).
    private(set) var threads: [SimThread]
    /// The thread whose Python code runs now.
    private(set) var current: SimThread
    /// Threads waiting for the GIL, in the order they asked (see `requestGIL`).
    private var gilQueue: [SimThread] = []
    /// When `current` got the GIL.
    private var heldSince = 0.0
    /// A blocking call in a thread that can stop: it stops at the next instruction.
    private var pendingStop = false
    private var nextNumber = 1

    init(vm: Interpreter, state: SimulationState) {
        self.vm = vm
        self.state = state
        main = SimThread(number: 0, name: "MainThread", fiber: nil)
        main.state = .running
        threads = [main]
        current = main
    }

    /// Whether any thread besides the main one is alive (until then nothing changes).
    var hasOtherThreads: Bool { threads.count > 1 && threads.contains { $0 !== main && $0.state != .finished } }

    private var now: Double { state.clock }

    // MARK: Starting and finishing

    /// `_thread.start_new_thread`: a thread that runs `target(*args)`, waiting for the GIL.
    func start(_ target: Value, _ args: [Value], _ kwargs: [(String, Value)], name: String?) throws -> SimThread {
        try refuseInProcess("start a thread")
        let fiber = Fiber([])
        let t = SimThread(number: nextNumber, name: name ?? "Thread-\(nextNumber)", fiber: fiber)
        nextNumber += 1
        switch try vm.call(target, args, kwargs) {
        case .frame(let frame):
            try vm.push(frame, on: fiber)
        case .value:
            // A native target ran to its end in the starting thread (nothing to schedule).
            t.state = .finished
            return t
        }
        threads.append(t)
        vm.threadSwitcher = self
        emit(.threadStarted(thread: t.number, name: t.name))
        requestGIL(t, at: now)
        return t
    }

    private func finish(_ t: SimThread, _ exc: PyException?) {
        t.state = .finished
        if let exc, !exc.isInstance(of: BuiltinTypes.systemExit) {
            // threading.excepthook's report, for a thread whose target raised.
            state.writeError("Exception in thread \(t.name):\n" + vm.formatTraceback(exc))
        }
        emit(.threadState(thread: t.number, state: .finished, what: "", line: 0, file: 0))
        for lock in t.sentinels where lock.isLocked { lock.release(self) }
        t.sentinels.removeAll()
    }

    // MARK: The GIL

    /// `t` wants the GIL from `time` on: it joins the queue after every thread that asked
    /// no later.
    private func requestGIL(_ t: SimThread, at time: Double) {
        t.state = .waitingGIL
        t.gilRequested = time
        let index = gilQueue.firstIndex { $0.gilRequested > time } ?? gilQueue.endIndex
        gilQueue.insert(t, at: index)
        emit(.threadState(thread: t.number, state: .gil, what: "", line: 0, file: 0))
        updateCheckpoint()
    }

    /// When the running thread must drop the GIL: the switch interval after the later of
    /// its getting it and the first time another thread asks (waiting, or at a deadline).
    private func switchTime() -> Double? {
        var first = gilQueue.first?.gilRequested
        for t in threads where t.state == .blocked && t !== current {
            if let d = t.deadline, first.map({ d < $0 }) ?? true { first = d }
        }
        return first.map { max($0, heldSince) + Self.switchInterval }
    }

    /// Points the VM's checkpoint at the next instruction where the running thread may
    /// have to stop: at once for a blocking call, at the switch time with the cost model
    /// on (instructions are time then), else only at the instruction limit.
    private func updateCheckpoint() {
        if pendingStop {
            vm.instructionCheckpoint = vm.instructionCount
            return
        }
        var checkpoint = vm.instructionLimit
        let perInstruction = state.secondsPerInstruction
        if perInstruction > 0, let s = switchTime() {
            let instructions = max(1.0, ((s - now) / perInstruction).rounded(.up))
            if instructions < Double(checkpoint - vm.instructionCount) {
                checkpoint = vm.instructionCount + Int(instructions)
            }
        }
        vm.instructionCheckpoint = checkpoint
    }

    func checkpoint(_ fiber: Fiber) throws -> Bool? {
        // A process's work runs to its end on its own clock (`runInProcess`).
        if processDepth > 0 {
            vm.instructionCheckpoint = vm.instructionLimit
            return nil
        }
        let t = current
        if pendingStop {
            guard fiber === t.fiber else {
                // In frames native code called: stop once back in the thread's own.
                vm.instructionCheckpoint = vm.instructionCount
                return nil
            }
            pendingStop = false
            return true
        }
        if let s = switchTime(), now >= s {
            if t === main {
                try dropGIL(main)
                updateCheckpoint()
                return nil
            }
            if fiber === t.fiber {
                requestGIL(t, at: now)
                return false
            }
        }
        updateCheckpoint()
        return nil
    }

    /// The main thread drops the GIL at a switch and asks for it again at once.
    private func dropGIL(_ t: SimThread) throws {
        requestGIL(t, at: now)
        try runOthers(until: t)
    }

    // MARK: Blocking

    /// What a blocking call gives when its thread is woken.
    enum Wake {
        case value(Value)
        case raise(PyException)
    }

    /// The running thread blocks in a native call until `wake(_:_:)` or, with a deadline,
    /// until then (giving `onDeadline`; `expire` undoes its registration as a waiter).
    /// A thread that can stop here stops at its next instruction: the call returns a
    /// placeholder that the result replaces. Otherwise the other threads run until this
    /// one is woken and has the GIL again, and the call returns the result.
    func block(_ what: BlockReason, deadline: Double?, onDeadline: Wake = .value(.none),
               expire: (() -> Void)? = nil) throws -> Value {
        if processDepth > 0 {
            // In a process's work: a sleep is the process's own time; nothing else runs.
            guard what == .sleep, let deadline else { try refuseInProcess("wait for another thread"); return .none }
            state.clock = max(now, deadline)
            return .none
        }
        let t = current
        t.state = .blocked
        t.deadline = deadline
        t.onDeadline = onDeadline
        t.expire = expire
        t.wakeValue = .value(.none)
        let (line, file) = location(t)
        switch what {
        case .sleep: emit(.threadState(thread: t.number, state: .sleeping, what: what.label, line: line, file: file))
        case .process: emit(.threadState(thread: t.number, state: .running, what: t.work, line: line, file: file))
        default: emit(.threadState(thread: t.number, state: .blocked, what: what.label, line: line, file: file))
        }
        if t !== main, vm.currentFiber === t.fiber {
            pendingStop = true
            updateCheckpoint()
            return .none
        }
        try runOthers(until: t)
        switch t.wakeValue {
        case .value(let v): return v
        case .raise(let e): throw PythonError(e)
        }
    }

    /// Wakes a blocked thread: `value` is what its blocking call gives.
    func wake(_ t: SimThread, _ value: Wake) {
        guard t.state == .blocked else { return }
        t.wakeValue = value
        t.deadline = nil
        t.expire = nil
        requestGIL(t, at: now)
    }

    /// The running thread holds the GIL for `seconds` of CPU (`cpu(s)`); another thread
    /// that wants it meanwhile gets it at each switch.
    func burst(_ seconds: Double) throws {
        if processDepth > 0 {
            state.clock = now + seconds
            return
        }
        let t = current
        if t !== main, vm.currentFiber === t.fiber {
            t.burst = seconds
            pendingStop = true
            updateCheckpoint()
            return
        }
        var left = seconds
        while true {
            left = runBurst(t, left)
            if left <= 0 { return }
            if t === main { try dropGIL(t) } else { return try nestedBurstEnd(t, left) }
        }
    }

    /// A thread in frames native code called cannot stop: the rest of its burst runs on.
    private func nestedBurstEnd(_ t: SimThread, _ left: Double) throws {
        advance(t, by: left, cpu: true)
    }

    /// Runs `t`'s CPU burst until its end or a switch; what is left of it.
    private func runBurst(_ t: SimThread, _ seconds: Double) -> Double {
        let start = now, end = start + seconds
        if let s = switchTime(), s < end {
            advance(t, by: max(0, s - start), cpu: true)
            return end - max(s, start)
        }
        advance(t, by: seconds, cpu: true)
        return 0
    }

    /// The clock runs on `seconds` with `t` busy (a burst on its lane).
    private func advance(_ t: SimThread, by seconds: Double, cpu: Bool) {
        guard seconds > 0 else { return }
        if t === main {
            state.holdThread(seconds, blocking: !cpu)
        } else {
            let from = now
            state.clock = from + seconds
            emit(.clockAdvance(from: from, to: from + seconds))
        }
    }

    // MARK: Processes

    /// Nonzero while a simulated process runs its work (`runInProcess`).
    private var processDepth = 0

    private func refuseInProcess(_ what: String) throws {
        guard processDepth > 0 else { return }
        throw PythonError(vm.makeException(BuiltinTypes.runtimeError,
            "loopscope cannot \(what) inside a simulated process's work"))
    }

    /// Runs `fn(*args, **kwargs)` as a process would: at once, on the process's own clock
    /// starting now (its CPU cost and sleeps move that clock; no other thread runs, no
    /// switch happens, nothing is traced), then puts the clock back. Returns whether it
    /// returned, its value or exception, and how long it took.
    func runInProcess(_ fn: Value, _ args: [Value], _ kwargs: [(String, Value)]) throws -> (Bool, Value, Double) {
        state.settleCPU()
        let start = now
        let sink = state.sink
        state.sink = nil
        processDepth += 1
        vm.instructionCheckpoint = vm.instructionLimit
        let outcome: (Bool, Value)
        do {
            outcome = (true, try vm.callNow(fn, args, kwargs))
        } catch let e as PythonError {
            if vm.halted != nil {
                processDepth -= 1
                state.sink = sink
                throw e
            }
            outcome = (false, .object(e.exception))
        }
        state.settleCPU()
        let seconds = now - start
        processDepth -= 1
        state.clock = start
        state.sink = sink
        updateCheckpoint()
        return (outcome.0, outcome.1, seconds)
    }

    // MARK: The event loop's select

    /// The main thread is in the loop's select.
    private var inSelect = false

    /// The loop's `select(timeout)` while other threads live: the main thread waits
    /// without the GIL until `deadline` (the timer heap's head) or until
    /// `call_soon_threadsafe` wakes it (`wakeSelect`); a zero timeout still lets the
    /// threads that asked for the GIL first run. No timeout and nothing to wake it: a
    /// deadlock.
    func select(timeout: Double?, deadline: Double?) throws {
        let t0 = now
        let wakeAt = timeout.map { $0 == 0 ? t0 : max(t0, deadline ?? t0) }
        inSelect = true
        defer { inSelect = false }
        _ = try block(.select, deadline: wakeAt)
    }

    /// `loop._write_to_self()`: a thread woke the loop's select.
    func wakeSelect() {
        if inSelect, current !== main { wake(main, .value(.none)) }
    }

    // MARK: Running the others

    /// Runs the other threads (and lets the clock jump to their deadlines) until `me`,
    /// blocked or waiting for the GIL, holds it again. A deadlock (nothing can ever wake
    /// `me`) halts the simulation with a report.
    func runOthers(until me: SimThread) throws {
        while true {
            wakeDue()
            if let head = gilQueue.first {
                if head === me {
                    gilQueue.removeFirst()
                    take(me)
                    return
                }
                if head === main {
                    // Only the main thread can resume itself (it is below on the stack).
                    throw vm.halt(.deadlock(report: deadlockReport() + [
                        "\(me.name) is blocked in a call made from native code, where loopscope cannot let the main thread run"]))
                }
                gilQueue.removeFirst()
                try runSlice(head)
                continue
            }
            guard let next = threads.compactMap({ $0.state == .blocked ? $0.deadline : nil }).min() else {
                throw vm.halt(.deadlock(report: (vm.library?.loopOnMainThread?.deadlockReport() ?? []) + deadlockReport()))
            }
            if let horizon = state.timeHorizon, next > horizon { throw vm.halt(.timeHorizon(horizon)) }
            if next > now {
                let from = now
                state.clock = next
                emit(.clockAdvance(from: from, to: next))
            }
        }
    }

    /// Blocked threads whose deadline has come ask for the GIL, earliest first.
    private func wakeDue() {
        let t0 = now
        let due = threads.filter { $0.state == .blocked && ($0.deadline.map { $0 <= t0 } ?? false) }
            .sorted { ($0.deadline ?? 0, $0.number) < ($1.deadline ?? 0, $1.number) }
        for t in due {
            t.expire?()
            t.expire = nil
            t.wakeValue = t.onDeadline
            let d = t.deadline ?? t0
            t.deadline = nil
            requestGIL(t, at: d)
        }
    }

    private func take(_ t: SimThread) {
        t.state = .running
        current = t
        heldSince = now
        // Another thread's lane says what it runs (`emitRunning`).
        if t === main { emit(.threadState(thread: 0, state: .running, what: "", line: 0, file: 0)) }
        updateCheckpoint()
    }

    /// Runs `t` until it blocks, finishes or drops the GIL at a switch. The event loop is
    /// not running in its thread meanwhile (`get_running_loop()` fails there, as in CPython).
    private func runSlice(_ t: SimThread) throws {
        guard let fiber = t.fiber else { return }
        state.settleCPU()
        let previous = current
        let library = vm.library
        let loop = library?.runningLoop
        let task = loop?.currentTask
        library?.runningLoop = nil
        loop?.currentTask = nil
        defer {
            library?.runningLoop = loop
            loop?.currentTask = task
            current = previous
        }
        take(t)
        emitRunning(t)
        while true {
            if t.burst > 0 {
                let left = runBurst(t, t.burst)
                t.burst = left
                if left > 0 {
                    requestGIL(t, at: now)
                    return
                }
            }
            let resume: Interpreter.Resume
            if !t.started {
                t.started = true
                resume = .start
            } else {
                switch t.wakeValue {
                case .value(let v): resume = .send(v)
                case .raise(let e): resume = .throwing(e)
                }
                t.wakeValue = .value(.none)
            }
            updateCheckpoint()
            let completion = vm.execute(fiber, resume)
            state.settleCPU()
            pendingStop = false
            switch completion {
            case .returned:
                finish(t, nil)
            case .raised(let exc):
                if vm.halted != nil { throw PythonError(exc) }
                finish(t, exc)
            case .yielded:
                // `cpu(s)` asked for a burst: it runs now, still holding the GIL.
                if t.state == .running && t.burst > 0 { continue }
            }
            return
        }
    }

    // MARK: Reporting

    /// The line a thread is at: its innermost frame in the program's files.
    private func location(_ t: SimThread) -> (line: Int, file: Int) {
        let frame: Frame?
        if let fiber = t.fiber {
            frame = fiber.frames.last { vm.fileNumbers[$0.code.filename] != nil } ?? fiber.frames.last
        } else {
            frame = vm.activeFrame
        }
        guard let frame, let file = vm.fileNumbers[frame.code.filename] else { return (0, 0) }
        return (frame.currentLine, file)
    }

    /// What a thread runs: its innermost function in the program's files, else the work
    /// it was last given (`working(on:)`).
    private func emitRunning(_ t: SimThread) {
        guard state.tracing, let fiber = t.fiber else { return }
        let frame = fiber.frames.last { vm.fileNumbers[$0.code.filename] != nil }
        let (line, file) = location(t)
        emit(.threadState(thread: t.number, state: .running, what: frame?.code.name ?? t.work, line: line, file: file))
    }

    /// The running thread starts a work item (an executor's `_WorkItem.run`): its lane
    /// says what it runs from now on.
    func working(on callable: Value) {
        let t = current
        guard t !== main else { return }
        t.work = vm.callbackName(callable)
        let (line, file) = location(t)
        emit(.threadState(thread: t.number, state: .running, what: t.work, line: line, file: file))
    }

    /// The threads that are not finished, for a deadlock report.
    func deadlockReport() -> [String] {
        threads.filter { $0 !== main && $0.state != .finished }.map { t in
            let (line, file) = location(t)
            let path = vm.programPaths[safe: file] ?? "?"
            return "thread \(t.name) is \(t.state == .blocked ? "blocked" : "waiting for the GIL") at \(path):\(line)"
        }
    }

    private func emit(_ kind: SimulationEvent.Kind) {
        if state.tracing { state.emit(kind) }
    }
}

/// Why a thread is blocked (shown on its lane).
enum BlockReason: Equatable {
    case sleep, lock, queue, select
    /// A process computing its work item, outside the GIL.
    case process

    var label: String {
        switch self {
        case .sleep: return "time.sleep"
        case .lock: return "lock"
        case .queue: return "queue"
        case .select: return "select"
        case .process: return "process"
        }
    }
}

/// One simulated thread.
final class SimThread {
    enum State { case running, waitingGIL, blocked, finished }
    /// 0 for the main thread, then in start order (trace lanes).
    let number: Int
    var name: String
    /// The thread's frames; nil for the main thread (it runs on the simulation's stack).
    let fiber: Fiber?
    var state = State.waitingGIL
    var started = false
    /// When it asked for the GIL (its place in the queue).
    var gilRequested = 0.0
    /// Blocked: when it wakes by itself, what its call then gives, and how its
    /// registration as a waiter is undone.
    var deadline: Double?
    var onDeadline = ThreadScheduler.Wake.value(.none)
    var expire: (() -> Void)?
    /// What its blocking call gives when it runs again.
    var wakeValue = ThreadScheduler.Wake.value(.none)
    /// The work item it runs (`ThreadScheduler.working(on:)`), for its lane.
    var work = ""
    /// CPU seconds of a `cpu(s)` burst still to run.
    var burst = 0.0
    /// Locks released when it finishes (`_thread._set_sentinel`, which `join` waits on).
    var sentinels: [PyThreadLock] = []

    /// `threading.get_ident()`: a number per thread (CPython's are addresses).
    var ident: Int { Self.mainIdent + number * 8_392_704 }
    static let mainIdent = 140_245_189_861_184

    init(number: Int, name: String, fiber: Fiber?) {
        self.number = number
        self.name = name
        self.fiber = fiber
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
