import ScenarioLanguage
import PythonRuntime

/// Builds the `asyncio`, `time` and `loopscope` modules of one simulation: the native
/// core (Future, Task, the loop, `run`, `create_task`, `gather`, `shield`) plus the Python
/// prelude compiled into the same module.
final class AsyncioLibrary {
    unowned let vm: Interpreter
    let state: SimulationState
    let module = PyModule(name: "asyncio")
    let futureClass = PyClass(name: "Future", bases: [BuiltinTypes.object], module: "_asyncio")
    let taskClass: PyClass
    let handleClass = PyClass(name: "Handle", bases: [BuiltinTypes.object], module: "asyncio.events")
    let timerHandleClass: PyClass
    let loopClass = PyClass(name: "_UnixSelectorEventLoop", bases: [BuiltinTypes.object], module: "asyncio.unix_events")
    /// The loop running now (`events._get_running_loop()`): set by `run_forever`.
    var runningLoop: EventLoop?
    /// The loop running on the main thread, also while another thread runs (when
    /// `runningLoop`, what that thread's `get_running_loop()` sees, is nil).
    var loopOnMainThread: EventLoop?
    /// The prelude's `_set_result_unless_cancelled`, which the loop recognises in timers
    /// (`sleep`'s) and `SleepWithoutFrame` schedules.
    var setResultUnlessCancelledFunction: PyFunction?
    /// `setResultUnlessCancelledIsBound`'s memo: the module version it last looked at,
    /// and whether the name was bound to something else then.
    var setResultUnlessCancelledCheckedVersion = -1
    var setResultUnlessCancelledRebound = false
    /// The event loop policy's current loop and whether `set_event_loop` was ever called
    /// (`BaseDefaultEventLoopPolicy._local`): what `get_event_loop()` returns outside a
    /// running loop. There is one thread, the main one.
    var currentLoop: EventLoop?
    var eventLoopSetCalled = false

    init(vm: Interpreter, state: SimulationState) {
        self.vm = vm
        self.state = state
        futureClass.isNativeAwaitable = true
        taskClass = PyClass(name: "Task", bases: [futureClass], module: "_asyncio")
        timerHandleClass = PyClass(name: "TimerHandle", bases: [handleClass], module: "asyncio.events")
        // `_asyncio.Future[int]`, `_asyncio.Task[str]`: each C type lists Py_GenericAlias.
        futureClass.dict["__class_getitem__"] = NativeSlots.classGetItem
        taskClass.dict["__class_getitem__"] = NativeSlots.classGetItem
    }

    /// Installs the modules into the interpreter and runs the prelude.
    func install() throws {
        vm.hostModules = ThreadModule.modules
        installNatives()
        vm.modules["asyncio"] = module
        vm.modules["time"] = makeTimeModule()
        vm.modules["loopscope"] = makeLoopscopeModule()
        vm.builtins["cpu"] = vm.modules["loopscope"]?.attributes["cpu"]
        try runPrelude()
        // Set after the prelude, whose functions and classes name their own modules.
        for (name, m) in [("asyncio", module), ("time", vm.modules["time"]), ("loopscope", vm.modules["loopscope"])] {
            if m?.attributes["__name__"] == nil { m?.attributes["__name__"] = .str(name) }
        }
    }

    private func runPrelude() throws {
        guard let source = AsyncioPrelude.source else {
            throw PythonError(vm.makeException(BuiltinTypes.runtimeError, "the build has no Lib/\(AsyncioPrelude.libraryPath)"))
        }
        vm.sources[AsyncioPrelude.filename] = SourceText(source)
        vm.implementationFiles.insert(AsyncioPrelude.filename)
        let result = FrontEnd.analyzeShared(source, mode: .library)
        guard let ast = result.module, result.diagnostics.isEmpty else {
            let first = result.diagnostics.first.map { $0.headline(path: AsyncioPrelude.filename) } ?? "unknown"
            throw PythonError(vm.makeException(BuiltinTypes.runtimeError, "asyncio prelude does not compile: \(first)"))
        }
        let code: CodeObject
        do {
            code = try Compiler.compile(ast, filename: AsyncioPrelude.filename, isLibrary: true)
        } catch {
            throw PythonError(vm.makeException(BuiltinTypes.runtimeError, "asyncio prelude does not compile: \(error.headline(path: AsyncioPrelude.filename))"))
        }
        let frame = Frame(code: code, globals: module, locals: [], cells: [])
        let fiber = Fiber([])
        try vm.push(frame, on: fiber)
        if case .raised(let exc) = vm.execute(fiber, .start) { throw PythonError(exc) }
        if case .object(let o)? = module.attributes["sleep"], let sleep = o as? PyFunction {
            vm.frameSkippedFunction = sleep
            vm.frameSkipper = self
        }
        if case .object(let o)? = module.attributes["_set_result_unless_cancelled"], let f = o as? PyFunction {
            setResultUnlessCancelledFunction = f
        }
        AsyncioSubmodules.install(into: module, vm)
    }

    // MARK: Natives

    private func installNatives() {
        func fn(_ name: String, _ body: @escaping PyBuiltin.Body) {
            module.attributes[name] = .object(PyBuiltin(name, body))
        }
        /// A public function, checking its calls as CPython's does (module functions of
        /// `tasks.py` etc. are Python functions; `owner` names C ones' module).
        func fn(_ name: String, _ signature: NativeSignature, owner: String? = nil, _ body: @escaping PyBuiltin.Body) {
            module.attributes[name] = vm.nativeFunction(name, owner: owner, signature, body)
        }
        func python(_ parameters: [String], required: Int, varargs: Bool = false, keywordOnly: [String] = []) -> NativeSignature {
            .python(parameters: parameters, required: required, varargs: varargs, keywordOnly: keywordOnly, isMethod: false)
        }
        module.attributes["CancelledError"] = .object(BuiltinTypes.cancelledError)
        module.attributes["TimeoutError"] = .object(BuiltinTypes.timeoutError)
        module.attributes["InvalidStateError"] = .object(BuiltinTypes.invalidStateError)
        module.attributes["Future"] = .object(futureClass)
        module.attributes["Task"] = .object(taskClass)
        module.attributes["Handle"] = .object(handleClass)
        module.attributes["TimerHandle"] = .object(timerHandleClass)
        module.attributes["BaseExceptionGroup"] = .object(BuiltinTypes.baseExceptionGroup)

        // `Future(*, loop=None)`: without a loop, `events._get_event_loop()`'s.
        vm.nativeConstructors[ObjectIdentifier(futureClass)] = { [unowned self] vm, args, kwargs in
            .object(PyFuture(loop: try self.futureLoop(args, kwargs), site: vm.currentSite()))
        }
        // `class Reply(asyncio.Future)`: `Future.__new__` makes the future on the loop a
        // `loop=` keyword names (the call's arguments are the subclass's to define), and
        // `Future.__init__(self, *, loop=None)` checks its arguments as CPython's does.
        futureClass.nativeBase = NativeBaseType(make: { [unowned self] vm, _, _, kwargs in
            // A `loop=` that is not a loop is refused by `__init__`, with its message.
            if let given = kwargs.first(where: { $0.0 == "loop" })?.1, !given.isNone, let loop = try? self.eventLoop(given) {
                return PyFuture(loop: loop, site: vm.currentSite())
            }
            return PyFuture(loop: try self.getEventLoop(), site: vm.currentSite())
        }, initialize: { [unowned self] vm, future, args, kwargs in
            guard let f = future as? PyFuture else { return }
            f.initialize(loop: try self.futureLoop(args, kwargs))
        }, methods: PyFuture.nativeMethods ?? [:], subclassesHaveDictAttribute: false)
        installExceptionGroups()

        fn("get_running_loop", .noArguments, owner: "_asyncio") { [unowned self] _, _, _ in
            .object(try self.requireLoop("get_running_loop"))
        }
        fn("_get_running_loop", .noArguments, owner: "_asyncio") { [unowned self] _, _, _ in
            self.runningLoop.map { .object($0) } ?? .none
        }
        fn("get_event_loop", .noArguments, owner: "_asyncio") { [unowned self] _, _, _ in
            .object(try self.getEventLoop())
        }
        fn("new_event_loop", python([], required: 0)) { [unowned self] _, _, _ in
            .object(self.newEventLoop())
        }
        fn("set_event_loop", python(["loop"], required: 1)) { [unowned self] vm, args, _ in
            // BaseDefaultEventLoopPolicy.set_event_loop
            self.eventLoopSetCalled = true
            if !args[0].isNone, !(args[0].asObject is EventLoop) {
                throw vm.typeError("loop must be an instance of AbstractEventLoop or None, not '\(args[0].typeName)'")
            }
            self.currentLoop = args[0].asObject as? EventLoop
            return .none
        }
        fn("_cancel_all_tasks", python(["loop"], required: 1)) { [unowned self] _, args, _ in
            try self.cancelAllTasks(try self.eventLoop(args[0]))
            return .none
        }
        fn("current_task", python(["loop"], required: 0)) { [unowned self] _, _, _ in
            guard let loop = self.runningLoop else {
                throw PythonError(self.vm.makeException(BuiltinTypes.runtimeError, "no running event loop"))
            }
            return loop.currentTask.map { .object($0) } ?? .none
        }
        fn("all_tasks", python(["loop"], required: 0)) { [unowned self] _, _, _ in
            let s = PySet()
            for t in (self.runningLoop?.tasks ?? []) where !t.isDone { s.add(.object(t)) }
            return .object(s)
        }
        fn("create_task", python(["coro"], required: 1, keywordOnly: ["name", "context"])) { [unowned self] vm, args, kwargs in
            try self.createTask(vm, try self.requireLoop("create_task"), args, kwargs,
                                site: SourceSites.createTask, numberedFirst: true)
        }
        // TaskGroup.create_task's `self._loop.create_task(coro)` + `set_name(name)`.
        fn("_create_task_numbered") { [unowned self] vm, args, kwargs in
            try self.createTask(vm, try self.requireLoop("create_task"), args, kwargs, numberedFirst: true)
        }
        fn("ensure_future", python(["coro_or_future"], required: 1, keywordOnly: ["loop"])) { [unowned self] _, args, kwargs in
            let loop = try kwargs.first { $0.0 == "loop" }.flatMap { $0.1.isNone ? nil : try self.eventLoop($0.1) }
            return .object(try self.ensureFuture(args[0], loop: loop))
        }
        fn("gather", python([], required: 0, varargs: true, keywordOnly: ["return_exceptions"])) { [unowned self] vm, args, kwargs in
            let returnExceptions = try kwargs.first.map { try vm.truthy($0.1) } ?? false
            return .object(try self.gather(args, returnExceptions: returnExceptions))
        }
        fn("shield", python(["arg"], required: 1)) { [unowned self] _, args, _ in
            .object(try self.shield(args[0]))
        }
        fn("iscoroutine", python(["obj"], required: 1)) { _, args, _ in .bool(args[0].asObject is PyCoroutine) }
        fn("isfuture", python(["obj"], required: 1)) { _, args, _ in .bool(args[0].asObject is PyFuture) }
        fn("iscoroutinefunction", python(["func"], required: 1)) { _, args, _ in
            var function = args[0].asObject
            if let method = function as? PyBoundMethod { function = method.function.asObject }
            return .bool((function as? PyFunction)?.code.isCoroutine ?? false)
        }
        fn("_iscoroutine") { _, args, _ in .bool(args.first?.asObject is PyCoroutine) }
        fn("_isfuture") { _, args, _ in .bool(args.first?.asObject is PyFuture) }
        fn("_bare_yield") { _, _, _ in .object(BareYield.shared) }
        fn("_take_asyncgens") { [unowned self] _, _, _ in
            .object(PyList(try self.requireLoop("shutdown_asyncgens").takeAsyncGenerators().map { .object($0) }))
        }
        // `_set_purpose(fut, label)` or `_set_purpose(fut, 'sleep(', delay)`: what a future is
        // for, shown in traces and deadlock reports. The argument is rendered only when the
        // label is needed, so untraced runs do not format a string per sleep.
        fn("_set_purpose") { vm, args, _ in
            if args.count >= 2, case .object(let o) = args[0], let f = o as? PyFuture, case .str(let p) = args[1] {
                f.setPurpose(p, args.count > 2 ? args[2] : nil)
            }
            return .none
        }
        // `_timeout_fired()` in wait_for's task, `_timeout_fired(task)` in a Timeout's timer
        // callback: the task whose deadline passed, and where the program's own code in it
        // stands (the recorder says the same of a real run).
        fn("_timeout_fired") { [unowned self] vm, args, _ in
            if let loop = self.runningLoop, self.state.tracing {
                let (task, frames): (PyTask?, [Frame])
                if let given = args.first?.asObject as? PyTask {
                    (task, frames) = (given, given.coro.fiber?.frames ?? [])
                } else {
                    (task, frames) = (loop.currentTask, vm.currentFiber?.frames ?? [])
                }
                let (line, file) = vm.programLocation(in: frames)
                loop.emit(.timeoutFired(task: task?.taskID, line: line, file: file))
            }
            return .none
        }
        fn("_deque") { _, _, _ in .object(PyDeque()) }
        fn("partial") { _, args, kwargs in
            guard let target = args.first else { return .none }
            let bound = Array(args.dropFirst())
            return .object(PyPartial(function: target, args: bound, kwargs: kwargs))
        }
    }

    /// `BaseExceptionGroup(message, exceptions)`: an ExceptionGroup when every member is
    /// an Exception, as CPython's `__new__` decides.
    private func installExceptionGroups() {
        let make: PyBuiltin.Body = { vm, args, _ in .object(try vm.newExceptionGroup(args)) }
        vm.nativeConstructors[ObjectIdentifier(BuiltinTypes.baseExceptionGroup)] = make
        vm.nativeConstructors[ObjectIdentifier(BuiltinTypes.exceptionGroup)] = { vm, args, kwargs in
            let v = try make(vm, args, kwargs)
            if case .object(let o) = v, let e = o as? PyException, e.cls !== BuiltinTypes.exceptionGroup {
                throw vm.typeError("Cannot nest BaseExceptions in an ExceptionGroup")
            }
            return v
        }
    }

    func requireLoop(_ caller: String) throws -> EventLoop {
        guard let loop = runningLoop else {
            throw PythonError(vm.makeException(BuiltinTypes.runtimeError, "no running event loop"))
        }
        return loop
    }

    /// `events.new_event_loop()`: a loop of its own on the one virtual clock (CPython's
    /// loops share `time.monotonic()` too).
    func newEventLoop() -> EventLoop {
        // BaseSelectorEventLoop.__init__ on Linux (the selector CPython picks there).
        state.log(.debug, "Using selector: %s", [.str("EpollSelector")], at: SourceSites.logUsingSelector)
        return EventLoop(vm: vm, state: state, library: self)
    }

    /// `_asyncio.Future.__init__(self, *, loop=None)` (Argument Clinic's messages): the
    /// loop given, else `events._get_event_loop()`'s. Something else given as the loop
    /// fails where CPython's first use of it does (`loop.get_debug()`).
    func futureLoop(_ args: [Value], _ kwargs: [(String, Value)]) throws -> EventLoop {
        if !args.isEmpty { throw vm.typeError("Future() takes no positional arguments") }
        var given: Value = .none
        for (k, v) in kwargs {
            guard k == "loop" else { throw vm.typeError("'\(k)' is an invalid keyword argument for Future()") }
            given = v
        }
        if given.isNone { return try getEventLoop() }
        if !(given.asObject is EventLoop) { _ = try vm.getAttribute(given, "get_debug") }
        return try eventLoop(given)
    }

    /// `events.get_event_loop()` in 3.11.7: the running loop, else the policy's, which
    /// makes and sets one when `set_event_loop` was never called (with no warning:
    /// 3.11.1 and later warn only where 3.12 changes behaviour, which this is not).
    func getEventLoop() throws -> EventLoop {
        if let loop = runningLoop { return loop }
        if currentLoop == nil, !eventLoopSetCalled {
            currentLoop = newEventLoop()
            eventLoopSetCalled = true
        }
        guard let loop = currentLoop else {
            throw PythonError(vm.makeException(BuiltinTypes.runtimeError, "There is no current event loop in thread 'MainThread'."))
        }
        return loop
    }

    /// A loop argument (`loop=`), which must be one.
    func eventLoop(_ value: Value) throws -> EventLoop {
        guard let loop = value.asObject as? EventLoop else {
            throw vm.typeError("loop must be an instance of AbstractEventLoop, not '\(value.typeName)'")
        }
        return loop
    }

    // MARK: Tasks

    /// `loop.create_task(coro, name=None)`
    /// `numberedFirst`: `asyncio.create_task(coro, name=n)` and `TaskGroup.create_task` make
    /// the task unnamed (taking a Task-N number) and then rename it, as CPython 3.11 does;
    /// the task is given its final name at once here, so the trace shows it from the start.
    func createTask(_ vm: Interpreter, _ loop: EventLoop, _ args: [Value], _ kwargs: [(String, Value)],
                    site: String? = nil, numberedFirst: Bool = false) throws -> Value {
        guard args.count == 1, case .object(let o) = args[0], let coro = o as? PyCoroutine else {
            let got = args.first.map { (try? vm.repr($0)) ?? $0.typeName } ?? "nothing"
            throw vm.typeError("a coroutine was expected, got \(got)")
        }
        var name: String?
        var context: Value?
        for (k, v) in kwargs {
            switch k {
            case "name": name = v.isNone ? nil : try vm.str(v)
            case "context": context = v.isNone ? nil : v
            default: throw vm.typeError("create_task() got an unexpected keyword argument '\(k)'")
            }
        }
        // Called from the library's TaskGroup or Runner, CPython's site is in their file.
        let creationSite: String?
        switch site == nil ? vm.activeFrame?.code.qualname : nil {
        case "TaskGroup.create_task": creationSite = SourceSites.taskGroupCreateTask
        case "Runner.run": creationSite = SourceSites.runnerMainTask
        default: creationSite = site ?? vm.currentSite()
        }
        if numberedFirst, name != nil { _ = loop.nextTaskNameNumber() }
        return .object(PyTask(loop: loop, coro: coro, name: name, context: try context ?? vm.copyContext(),
                              creator: loop.currentTask, at: vm.activeLocation, site: creationSite))
    }

    /// A coroutine awaiting `awaitable` (an async generator's `aclose()`, ...), for a task
    /// to run: CPython's tasks drive such awaitables directly, which takes the same steps.
    func driveAwaitable(_ awaitable: Value) throws -> Value {
        guard let wrap = module.attributes["_drive_awaitable"] else {
            throw vm.typeError("a coroutine was expected, got \((try? vm.repr(awaitable)) ?? awaitable.typeName)")
        }
        return try vm.callNow(wrap, [awaitable])
    }

    /// `tasks._ensure_future`: a coroutine becomes a task of `loop`, else of
    /// `events._get_event_loop()`'s.
    func ensureFuture(_ value: Value, loop: EventLoop? = nil) throws -> PyFuture {
        if case .object(let o) = value {
            if let f = o as? PyFuture { return f }
            if o is PyCoroutine || o is PyAsyncGeneratorAwaitable {
                let loop = try loop ?? getEventLoop()
                let coro = o is PyCoroutine ? value : try driveAwaitable(value)
                if case .object(let t) = try createTask(vm, loop, [coro], [], site: SourceSites.ensureFuture),
                   let task = t as? PyTask { return task }
            }
        }
        throw vm.typeError("An asyncio.Future, a coroutine or an awaitable is required")
    }

    /// `tasks.gather`, with `_GatheringFuture`'s cancel that cancels the children.
    func gather(_ args: [Value], returnExceptions: Bool, loop: EventLoop? = nil) throws -> PyFuture {
        let loop = try loop ?? requireLoop("gather")
        if args.isEmpty {
            let outer = PyFuture(loop: loop, site: vm.currentSite())
            try outer.setResult(.object(PyList()), vm)
            return outer
        }
        var argToFut: [ObjectIdentifier: PyFuture] = [:]
        var children: [PyFuture] = []
        var nfuts = 0
        var nfinished = 0
        // Made after the children, as CPython's; a callback runs later (call_soon).
        var made: GatheringFuture?
        let vm = self.vm
        let doneCallback: (PyFuture) -> Void = { fut in
            guard let outer = made else { return }
            nfinished += 1
            if outer.isDone {
                if !fut.isCancelled {
                    // Mark exception retrieved.
                    _ = try? fut.exception(vm)
                }
                return
            }
            if !returnExceptions {
                if fut.isCancelled {
                    let exc = fut.makeCancelledError(vm)
                    try? outer.setException(.object(exc), vm)
                    return
                } else if let exc = try? fut.exception(vm) {
                    try? outer.setException(.object(exc), vm)
                    return
                }
            }
            if nfinished == nfuts {
                var results: [Value] = []
                for child in children {
                    if child.isCancelled {
                        results.append(.object(PyException(cls: BuiltinTypes.cancelledError,
                            args: [child.cancelMessage.isNone ? .str("") : child.cancelMessage])))
                    } else if let e = try? child.exception(vm) {
                        results.append(.object(e))
                    } else {
                        results.append(child.resultValue)
                    }
                }
                if outer.cancelRequested {
                    // If gather is being cancelled we must propagate the cancellation
                    // regardless of *return_exceptions* argument. (CPython calls it on
                    // the loop variable `fut`, which by now is the last child.)
                    let exc = (children.last ?? fut).makeCancelledError(vm)
                    try? outer.setException(.object(exc), vm)
                } else {
                    try? outer.setResult(.object(PyList(results)), vm)
                }
            }
        }
        for arg in args {
            guard case .object(let o) = arg else { throw vm.typeError("An asyncio.Future, a coroutine or an awaitable is required") }
            if let existing = argToFut[ObjectIdentifier(o)] {
                children.append(existing)
                continue
            }
            let fut = try ensureFuture(arg, loop: loop)
            nfuts += 1
            argToFut[ObjectIdentifier(o)] = fut
            // CPython's `fut.add_done_callback(_done_callback)`: a subclass's override runs.
            try fut.dispatchAddDoneCallback(SourceSites.gatherDoneCallback, name: "_done_callback", vm, doneCallback)
            children.append(fut)
        }
        let outer = GatheringFuture(loop: loop, children: children, site: vm.currentSite())
        outer.purposeLabel = "gather(\(children.count))"
        made = outer
        return outer
    }

    /// `tasks.shield`
    func shield(_ arg: Value) throws -> PyFuture {
        let inner = try ensureFuture(arg)
        if inner.isDone { return inner }
        let outer = PyFuture(loop: inner.loop, site: SourceSites.createFuture)
        outer.purposeLabel = "shield"
        let vm = self.vm
        let innerLabel = SourceSites.shieldInnerDoneCallback
        try inner.dispatchAddDoneCallback(innerLabel, name: "_inner_done_callback", vm) { inner in
            if outer.isCancelled {
                if !inner.isCancelled { _ = try? inner.exception(vm) }
                return
            }
            if inner.isCancelled {
                outer.cancel()
            } else if let exc = try? inner.exception(vm) {
                try? outer.setException(.object(exc), vm)
            } else {
                try? outer.setResult(inner.resultValue, vm)
            }
        }
        outer.addDoneCallback(SourceSites.shieldOuterDoneCallback) { _ in
            if !inner.isDone { inner.callbacks.removeAll { $0.label == innerLabel } }
        }
        return outer
    }

    // MARK: asyncio.run

    /// `runners._cancel_all_tasks`. CPython iterates a set (address order); the simulator
    /// uses creation order.
    private func cancelAllTasks(_ loop: EventLoop) throws {
        let toCancel = loop.tasks.filter { !$0.isDone }
        guard !toCancel.isEmpty else { return }
        for task in toCancel { try task.taskCancel(message: .none, requestedBy: nil, at: (0, 0)) }
        let gathered = try gather(toCancel.map { .object($0) }, returnExceptions: true, loop: loop)
        _ = try loop.runUntilComplete(gathered)
        for task in toCancel {
            if task.isCancelled { continue }
            if let exc = task.exceptionValue {
                try loop.callExceptionHandler(.object(loop.makeContext("unhandled exception during asyncio.run() shutdown",
                                                                       exc, [("task", .object(task))])))
            }
        }
    }

    // MARK: time and loopscope

    private func makeTimeModule() -> PyModule {
        let time = PyModule(name: "time")
        let clock: PyBuiltin.Body = { [unowned self] _, _, _ in .float(self.state.clock) }
        for name in ["time", "monotonic", "perf_counter"] {
            time.attributes[name] = .object(PyBuiltin(name, clock))
            time.attributes[name + "_ns"] = .object(PyBuiltin(name + "_ns") { [unowned self] _, _, _ in
                SimulationState.nanoseconds(self.state.clock)
            })
        }
        // CPU time: what the bursts used (see `SimulationState.recordCPU`).
        let cpuClocks: [(String, () -> Double)] = [
            ("process_time", { [unowned self] in self.state.processCPUTime }),
            ("thread_time", { [unowned self] in self.state.threadCPUTime }),
        ]
        for (name, seconds) in cpuClocks {
            time.attributes[name] = .object(PyBuiltin(name) { _, _, _ in .float(seconds()) })
            time.attributes[name + "_ns"] = .object(PyBuiltin(name + "_ns") { _, _, _ in
                SimulationState.nanoseconds(seconds())
            })
        }
        time.attributes["sleep"] = .object(PyBuiltin("sleep") { [unowned self] vm, args, _ in
            try self.holdThread(args, blocking: true)
        })
        CalendarTime.install(into: time, vm) { [unowned self] in self.state.clock }
        return time
    }

    private func makeLoopscopeModule() -> PyModule {
        let m = PyModule(name: "loopscope")
        m.attributes["cpu"] = .object(PyBuiltin("cpu") { [unowned self] vm, args, _ in
            try self.holdThread(args, blocking: false)
        })
        return m
    }

    /// `cpu(s)` and `time.sleep(s)`: the thread is busy for `s` virtual seconds and the loop
    /// runs nothing else meanwhile.
    private func holdThread(_ args: [Value], blocking: Bool) throws -> Value {
        let name = blocking ? "sleep" : "cpu"
        guard args.count == 1, let nominal = args[0].numericValue, !(args[0].asObject != nil) else {
            throw vm.typeError("\(name)() takes exactly one number argument")
        }
        if case .bool = args[0] { throw vm.typeError("'bool' object cannot be interpreted as seconds") }
        guard nominal >= 0 else {
            throw PythonError(vm.makeException(BuiltinTypes.valueError, blocking ? "sleep length must be non-negative" : "cpu() seconds must be non-negative"))
        }
        let seconds = state.schedule?.duration(nominal) ?? nominal
        if !blocking { state.recordCPU(seconds) }
        if let loop = runningLoop, state.tracing, seconds != nominal {
            loop.emit(.scheduleDeparture(kind: "jitter", detail: "\(name)(\(PyFloat.repr(nominal))) lasts \(PyFloat.repr(seconds))"))
        }
        if state.threadsActive, let threads = state.threads {
            // Other threads run meanwhile: a sleep lets them have the GIL, a burst shares it.
            if blocking {
                let held = threads.current === threads.main ? state.beginHold(seconds, blocking: true) : nil
                _ = try threads.block(.sleep, deadline: state.clock + seconds)
                state.endHold(held, blocking: true)
            } else {
                try threads.burst(seconds)
            }
            return .none
        }
        state.holdThread(seconds, blocking: blocking)
        return .none
    }
}

/// `_GatheringFuture`: cancelling it cancels the children.
final class GatheringFuture: PyFuture {
    let children: [PyFuture]
    var cancelRequested = false

    init(loop: EventLoop, children: [PyFuture], site: String?) {
        self.children = children
        super.init(loop: loop, site: site)
    }

    override var reprClassName: String { "_GatheringFuture" }

    /// `_GatheringFuture.cancel`
    override func requestCancel(message: Value) throws -> Bool {
        if isDone { return false }
        var ret = false
        for child in children {
            if try child.dispatchCancel(message: message, byKeyword: true) { ret = true }
        }
        if ret {
            // If any child tasks were actually cancelled, we should propagate the
            // cancellation request regardless of *return_exceptions* argument.
            cancelRequested = true
        }
        return ret
    }
}

extension Interpreter {
    /// The asyncio library of the simulation this interpreter runs.
    var library: AsyncioLibrary? { host as? AsyncioLibrary }
}
