import Foundation
import PythonRuntime

/// `asyncio.Task`, mirroring `tasks.py`: a future that drives a coroutine with `step`,
/// parks it on the futures it awaits and resumes it through `wakeup`.
final class PyTask: PyFuture {
    let coro: PyCoroutine
    var name: String {
        didSet { stepLabel = "\(name).step"; wakeupLabel = "\(name).wakeup" }
    }
    /// Trace labels of this task's callbacks, built once rather than per event.
    private(set) var stepLabel = ""
    private(set) var wakeupLabel = ""
    /// Simulator-wide task number (1 for the first task created), used by the trace.
    let taskID: Int
    var mustCancel = false
    var futWaiter: PyFuture?
    var numCancelsRequested = 0
    /// Where this task was created (line and file number), and by which task (its id: a
    /// reference would keep the creator alive, which CPython's tasks do not).
    let creationSite: (line: Int, file: Int)
    let creatorID: Int?
    /// `Task._context`: the contextvars context each step runs in (nil when the program
    /// never imported contextvars: see TaskContexts.swift).
    let context: Value?

    init(loop: EventLoop, coro: PyCoroutine, name: String?, context: Value?, creator: PyTask?,
         at location: (line: Int, file: Int), site: String?) {
        self.coro = coro
        self.context = context
        self.taskID = loop.nextTaskID()
        self.name = name ?? "Task-\(loop.nextTaskNameNumber())"
        self.creatorID = creator?.taskID
        self.creationSite = location
        super.init(loop: loop, site: site)
        stepLabel = "\(self.name).step"
        wakeupLabel = "\(self.name).wakeup"
        coro.wasAwaited = true
        loop.registerTask(self)
        loop.callSoon(.taskStep(self, nil))
    }

    override var pyClass: PyClass { loop.library.taskClass }

    /// A copy that is not registered or scheduled (see `PyFuture.survivor()`).
    private init(copyOf task: PyTask) {
        coro = task.coro
        context = task.context
        taskID = task.taskID
        name = task.name
        creatorID = task.creatorID
        creationSite = task.creationSite
        numCancelsRequested = task.numCancelsRequested
        super.init(loop: task.loop, id: task.id)
        stepLabel = task.stepLabel
        wakeupLabel = task.wakeupLabel
        takeState(of: task)
    }

    override func survivor() -> PyFuture { PyTask(copyOf: self) }

    /// `base_tasks._task_get_stack`: the coroutine's frame and its `f_back` chain while
    /// it is not finished (a suspended coroutine's frame has no `f_back`; a running one's
    /// leads to the code running the event loop), outermost first, the `limit` innermost;
    /// else the frames of its exception's traceback, outermost first, `limit` at most.
    /// Frames of the simulator's own library are left out, as tracebacks leave them out.
    func stack(limit: Int?) throws -> [PyFrameObject] {
        if let limit, limit <= 0 { return [] }
        if coro.state != .closed {
            let below = coro.state == .running ? loop.vm.framesBelow(runningCoroutineFrame: coro.frame) ?? [] : []
            let chain = below.filter { !loop.vm.implementationFiles.contains($0.code.filename) } + [coro.frame]
            let shown = limit.map { min($0, chain.count) } ?? chain.count
            return (chain.count - shown..<chain.count).map { PyFrameObject(frames: chain, index: $0) }
        }
        guard state == .finished, let exc = exceptionValue else { return [] }
        let entries = exc.traceback.filter { !loop.vm.implementationFiles.contains($0.file) }
        let frames = entries.compactMap { PyFrameObject(unwound: $0) }
        return limit.map { Array(frames.prefix($0)) } ?? frames
    }

    // MARK: tasks.py

    /// `Task.cancel`
    override func requestCancel(message: Value) throws -> Bool {
        try taskCancel(message: message, requestedBy: loop.currentTask, at: loop.vm.activeLocation)
    }

    @discardableResult
    func taskCancel(message: Value, requestedBy: PyTask?, at site: (line: Int, file: Int)) throws -> Bool {
        logTraceback = false
        if isDone { return false }
        numCancelsRequested += 1
        loop.emitCancelRequested(self, by: requestedBy, message: message, at: site)
        if let waiter = futWaiter {
            if try waiter.dispatchCancel(message: message, byKeyword: false) {
                // Leave self.mustCancel unset: the waiter's cancellation wakes us.
                return true
            }
        }
        mustCancel = true
        cancelMessage = message
        return true
    }

    func uncancel() -> Int {
        if numCancelsRequested > 0 { numCancelsRequested -= 1 }
        return numCancelsRequested
    }

    /// `Task.__step`
    func step(_ vm: Interpreter, _ excIn: PyException?) {
        guard !isDone else { return }
        var exc = excIn
        if mustCancel {
            if exc == nil || !(exc!.isInstance(of: BuiltinTypes.cancelledError)) {
                exc = makeCancelledError(vm)
            }
            mustCancel = false
        }
        futWaiter = nil
        let previous = loop.currentTask
        loop.currentTask = self
        defer { loop.currentTask = previous }
        // `self._loop.call_soon(self.__step, context=self._context)`: the step runs in it.
        let outerContext = context.map { vm.enterContext($0) }
        defer { if let outerContext { vm.exitContext(outerContext) } }
        if loop.state.tracing {
            loop.emitStepStart(self, resumedBy: exc.map { "throw \($0.cls.name)" } ?? "send")
            if let exc, exc.isInstance(of: BuiltinTypes.cancelledError) {
                loop.emitCancelledErrorDelivered(self)
            }
        }

        let completion = vm.send(coro, exc.map { .throwing($0) } ?? .send(.none))
        loop.state.settleCPU()
        defer { if isDone { loop.taskFinished(self) } }
        switch completion {
        case .returned(let value):
            if mustCancel {
                // Task is cancelled right before coro stops.
                mustCancel = false
                cancel(message: cancelMessage)
            } else {
                resultValue = value
                state = .finished
                loop.emitFutureResolved(self)
                scheduleCallbacks()
            }
            loop.emitStepEnd(self, parkedOn: nil)
        case .raised(let e):
            if e.isInstance(of: BuiltinTypes.cancelledError) {
                // Save the original exception so we can chain it later.
                cancelledException = e
                cancel(message: .none)
            } else {
                exceptionValue = e
                exceptionTraceback = e.traceback
                state = .finished
                logTraceback = true
                loop.emitFutureResolved(self)
                scheduleCallbacks()
                if e.stopsTheLoop { loop.escaping = e }
            }
            loop.emitStepEnd(self, parkedOn: nil)
        case .yielded(let value):
            if case .object(let o) = value, let result = o as? PyFuture {
                do {
                    try park(on: result, vm)
                } catch {
                    // A subclass's `get_loop`, `add_done_callback` or `cancel` raised: the
                    // step fails, and `Handle._run` hands it to the loop's exception handler.
                    let exc = (error as? PythonError)?.exception
                        ?? vm.makeException(BuiltinTypes.runtimeError, "\(error)")
                    loop.reportError("Exception in callback \(stepLabel)()", exc,
                                     [("handle", .object(Handle(loop: loop, id: 0, callback: .taskStep(self, nil))))])
                }
                loop.emitStepEnd(self, parkedOn: result)
            } else if value.isNone {
                // Bare yield relinquishes control for one event loop iteration.
                loop.callSoon(.taskStep(self, nil))
                loop.emitStepEnd(self, parkedOn: nil, yielded: true)
            } else {
                let err = vm.makeException(BuiltinTypes.runtimeError, "Task got bad yield: \((try? vm.repr(value)) ?? "")")
                loop.callSoon(.taskStep(self, err))
                loop.emitStepEnd(self, parkedOn: nil, yielded: true)
            }
        }
    }

    /// What task_step_impl does with a future the coroutine yielded: the task waits on
    /// it, or the next step gets a RuntimeError. An exact Future is handled natively; a
    /// subclass's instance is asked through its Python methods (`get_loop()`, and
    /// `add_done_callback(task_wakeup, context=)`), so its overrides run as in CPython.
    private func park(on result: PyFuture, _ vm: Interpreter) throws {
        if result === self {
            let err = vm.makeException(BuiltinTypes.runtimeError, "Task cannot await on itself: \((try? reprText(vm)) ?? name)")
            loop.callSoon(.taskStep(self, err))
            return
        }
        let exact = result.instancePart == nil
        // get_future_loop
        let resultLoop = exact ? .object(result.loop) : try vm.callNow(try vm.getAttribute(.object(result), "get_loop"), [])
        guard resultLoop.isIdentical(to: .object(loop)) else {
            let err = vm.makeException(BuiltinTypes.runtimeError,
                "Task \(try reprText(vm)) got Future \(try vm.repr(.object(result))) attached to a different loop")
            loop.callSoon(.taskStep(self, err))
            return
        }
        guard result.asyncioFutureBlocking else {
            let err = vm.makeException(BuiltinTypes.runtimeError, "yield was used instead of yield from in task \(name) with \((try? vm.repr(.object(result))) ?? "")")
            loop.callSoon(.taskStep(self, err))
            return
        }
        result.asyncioFutureBlocking = false
        if exact {
            result.addDoneCallback(wakeupCallback)
        } else {
            let add = try vm.getAttribute(.object(result), "add_done_callback")
            _ = try vm.callNow(add, [.object(PyBoundMethod(receiver: .object(self), function: .object(Self.wakeupMethod)))],
                               [("context", context ?? .none)])
        }
        futWaiter = result
        if mustCancel, try result.dispatchCancel(message: cancelMessage, byKeyword: false) { mustCancel = false }
    }

    /// The done callback that wakes this task, as a Future keeps it.
    var wakeupCallback: Callback {
        Callback(value: .none, native: { fut in self.wakeup(self.loop.vm, .object(fut)) },
                 label: SourceSites.taskWakeup, task: self)
    }

    /// `task_wakeup`, the C method a task hands a future that is not exactly a Future
    /// (CPython's TaskWakeupDef, bound to the task): given to the Future's own
    /// `add_done_callback` it becomes the task's native wakeup again; called by Python
    /// code, it wakes the task with the object's `result()`.
    static let wakeupMethod = PyBuiltin.method("task_wakeup", of: PyTask.self, owner: "Task", .oneArgument) { task, vm, args, _ in
        let exc = task.resultException(vm, args[0])
        // enter_task: a step cannot run inside another task's.
        if let current = task.loop.currentTask {
            throw PythonError(vm.makeException(BuiltinTypes.runtimeError,
                "Cannot enter into task \(try task.reprText(vm)) while another task \(try current.reprText(vm)) is being executed."))
        }
        task.step(vm, exc)
        return .none
    }

    /// `Task.__wakeup`
    func wakeup(_ vm: Interpreter, _ future: Value) {
        step(vm, resultException(vm, future))
    }

    /// What the woken step is sent: nil when `future` has a result, else the exception
    /// (a cancellation too) its result raised. An exact Future's is read natively,
    /// anything else's by its `result()` method (an override of it runs).
    private func resultException(_ vm: Interpreter, _ future: Value) -> PyException? {
        do {
            if case .object(let o) = future, let f = o as? PyFuture, f.instancePart == nil {
                _ = try f.result(vm)
            } else {
                _ = try vm.callNow(try vm.getAttribute(future, "result"), [])
            }
            return nil
        } catch let e as PythonError {
            return e.exception
        } catch {
            return vm.makeException(BuiltinTypes.runtimeError, "\(error)")
        }
    }

    // MARK: Python attributes

    override class var nativeMethods: [String: PyBuiltin]? { taskMethods }

    /// `_asyncio.Task`'s methods: Future's, named `Task.*`, and its own.
    private static let taskMethods: [String: PyBuiltin] = {
        typealias Body = (PyTask, Interpreter, MethodArguments, [(String, Value)]) throws -> Value
        func m(_ name: String, _ signature: NativeSignature = .noArguments, _ body: @escaping Body) -> (String, PyBuiltin) {
            (name, PyBuiltin.method(name, of: PyTask.self, owner: "Task", signature, body))
        }
        func unsupported(_ name: String) -> (String, PyBuiltin) {
            m(name, .oneArgument) { _, vm, _, _ in
                throw PythonError(vm.makeException(BuiltinTypes.runtimeError, "Task does not support \(name) operation"))
            }
        }
        let own = Dictionary(uniqueKeysWithValues: [
            m("get_name") { t, _, _, _ in .str(t.name) },
            m("set_name", .oneArgument) { t, vm, args, _ in t.name = try vm.str(args[0]); return .none },
            m("get_coro") { t, _, _, _ in .object(t.coro) },
            m("get_stack", .python(parameters: [], required: 0, keywordOnly: ["limit"])) { t, vm, _, kwargs in
                .object(PyList(try t.stack(limit: try stackLimit(vm, kwargs)).map { .object($0) }))
            },
            // `base_tasks._task_print_stack`, in the prelude (it prints with traceback.py).
            m("print_stack", .python(parameters: [], required: 0, keywordOnly: ["limit", "file"])) { t, vm, _, kwargs in
                let limit = kwargs.first { $0.0 == "limit" }?.1 ?? .none
                let file = kwargs.first { $0.0 == "file" }?.1 ?? .none
                guard let printStack = t.loop.library.module.attributes["_task_print_stack"] else { return .none }
                return try vm.callNow(printStack, [.object(t), limit, file])
            },
            m("cancelling") { t, _, _, _ in .int(t.numCancelsRequested) },
            m("uncancel") { t, _, _, _ in .int(t.uncancel()) },
            unsupported("set_result"),
            unsupported("set_exception"),
        ])
        return PyFuture.methodTable(owner: "Task").merging(own) { $1 }
    }()

    override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        switch name {
        case "_fut_waiter": return futWaiter.map { .object($0) } ?? Value.none
        case "_must_cancel": return .bool(mustCancel)
        default: return try super.nativeAttribute(name, vm)
        }
    }

    override var reprClassName: String { "Task" }

    /// `base_tasks._task_repr_info`
    override func reprInfo(_ vm: Interpreter) throws -> [String] {
        var info = try super.reprInfo(vm)
        if numCancelsRequested > 0 && !isDone { info[0] = "cancelling" }
        info.insert("name=\(PyString.repr(name))", at: 1)
        info.insert("coro=<\(coroDescription)>", at: 2)
        if let w = futWaiter { info.insert("wait_for=\(try w.reprText(vm))", at: 3) }
        return info
    }

    /// `coroutines._format_coroutine`
    var coroDescription: String {
        let code = coro.function.code
        let suspendedLine = coro.fiber?.frames.first?.currentLine ?? coro.frame.currentLine
        if code.isLibrary, let site = SourceSites.libraryCoroutines[code.qualname] {
            // One of asyncio's own coroutines: name CPython's file and lines.
            if coro.state == .closed { return "\(coro.qualname)() done, defined at \(site.file):\(site.defLine)" }
            var line = site.defLine
            if coro.state != .created, let text = loop.vm.sources[code.filename]?.line(suspendedLine) {
                line = site.awaitLines[text.trimmingCharacters(in: .whitespaces)] ?? site.defLine
            }
            return "\(coro.qualname)() running at \(site.file):\(line)"
        }
        if coro.state == .closed {
            return "\(coro.qualname)() done, defined at \(code.filename):\(code.firstLine)"
        }
        let line = coro.state == .created ? code.firstLine : suspendedLine
        return "\(coro.qualname)() running at \(code.filename):\(line)"
    }
}

extension Interpreter {
    /// `coro.send(None)` / `coro.throw(exc)` on the outermost coroutine of a task.
    func send(_ coro: PyCoroutine, _ resume: Resume) -> Completion {
        let fiber: Fiber
        switch coro.state {
        case .closed:
            return .raised(makeException(BuiltinTypes.runtimeError, "cannot reuse already awaited coroutine"))
        case .running:
            return .raised(makeException(BuiltinTypes.valueError, "coroutine already executing"))
        case .created:
            coro.wasAwaited = true
            fiber = Fiber([])
            coro.frame.coroutine = coro
            do { try push(coro.frame, on: fiber) } catch { return .raised((error as? PythonError)?.exception ?? makeException(BuiltinTypes.recursionError)) }
            coro.state = .running
            if case .throwing(let exc) = resume {
                if let aclose = unstartedAclose(coro) {
                    // A task driving `agen.aclose()` (the finalizer's, at shutdown) that is
                    // cancelled before its first step: CPython throws into the athrow
                    // object, which throws into the generator (`async_gen_athrow_throw`).
                    aclose.thrownBeforeStart = exc
                    return finish(coro, fiber, execute(fiber, .start))
                }
                // Throwing into a coroutine that never started: it never runs.
                popAll(fiber)
                coro.state = .closed
                return .raised(exc)
            }
            return finish(coro, fiber, execute(fiber, .start))
        case .suspended:
            guard let f = coro.fiber else { return .raised(makeException(BuiltinTypes.runtimeError, "coroutine lost its frames")) }
            fiber = f
            coro.fiber = nil
            depth += fiber.frames.count
            coro.state = .running
            return finish(coro, fiber, execute(fiber, resume))
        }
    }

    /// The `aclose()` awaitable an unstarted `_drive_awaitable(awaitable)` coroutine
    /// (AsyncioLibrary.driveAwaitable) is about to await, if that is what `coro` is.
    private func unstartedAclose(_ coro: PyCoroutine) -> PyAsyncGeneratorAwaitable? {
        guard coro.function.code.isLibrary, coro.function.code.qualname == "_drive_awaitable",
              coro.frame.stack.count > 0, case .object(let o) = coro.frame.stack[0],
              let awaitable = o as? PyAsyncGeneratorAwaitable, !awaitable.used,
              case .close = awaitable.operation else { return nil }
        return awaitable
    }

    private func finish(_ coro: PyCoroutine, _ fiber: Fiber, _ completion: Completion) -> Completion {
        if case .yielded = completion {
            coro.state = .suspended
            coro.fiber = fiber
            // Suspended frames do not count toward the recursion limit.
            depth -= fiber.frames.count
        } else {
            coro.state = .closed
        }
        return completion
    }

    private func popAll(_ fiber: Fiber) {
        depth -= fiber.frames.count
        fiber.frames.removeAll()
    }
}

/// `limit=` of `get_stack`: None or an int (a limit that is not one fails in CPython's
/// `limit <= 0` comparison).
private func stackLimit(_ vm: Interpreter, _ kwargs: [(String, Value)]) throws -> Int? {
    guard let given = kwargs.first(where: { $0.0 == "limit" })?.1, !given.isNone else { return nil }
    guard case .int(let n) = given else {
        throw vm.typeError("'<=' not supported between instances of '\(given.typeName)' and 'int'")
    }
    return n
}
