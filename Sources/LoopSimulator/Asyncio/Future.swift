import PythonRuntime

/// `asyncio.Future`, mirroring `futures.py`: a result or exception set once, callbacks
/// scheduled with `call_soon` when it completes.
public class PyFuture: NativeAwaitable {
    enum State: String { case pending = "PENDING", cancelled = "CANCELLED", finished = "FINISHED" }

    /// A done callback: a Python callable, or a native one (a task's wakeup).
    struct Callback {
        let value: Value
        let native: ((PyFuture) -> Void)?
        let label: String
        /// The task whose wakeup this is (`cb.__self__` in CPython), so the loop can
        /// show the task when the callback runs.
        var task: PyTask? = nil
    }

    /// Set again by `Future.__init__` (`super().__init__(loop=other)` in a subclass).
    private(set) var loop: EventLoop
    let id: Int
    var state: State = .pending
    var resultValue: Value = .none
    var exceptionValue: PyException?
    var exceptionTraceback: [TracebackEntry] = []
    var callbacks: [Callback] = []
    var cancelMessage: Value = .none
    var cancelledException: PyException?
    var asyncioFutureBlocking = false
    public override func willSuspendAwaiter() { asyncioFutureBlocking = true }
    /// `__log_traceback`: an exception nobody retrieved yet.
    var logTraceback = false
    /// What made this future, for traces and deadlock reports: a label ("Queue.get()"), or
    /// a label's start and an argument rendered after it ("sleep(" and 0.5: "sleep(0.5)").
    var purposeLabel: String?
    var purposeArgument: Value?

    /// `_set_purpose(fut, label[, argument])`: what the future is for, shown in traces and
    /// deadlock reports (rendered only when needed, so untraced runs format nothing).
    func setPurpose(_ label: String, _ argument: Value?) {
        purposeLabel = label
        purposeArgument = argument
        if loop.state.tracing, let purpose {
            loop.emit(.futureCreated(future: id, purpose: purpose))
        }
    }

    var purpose: String? {
        guard let label = purposeLabel else { return nil }
        guard let argument = purposeArgument else { return label }
        return label + ((try? loop.vm.repr(argument)) ?? "?") + ")"
    }
    /// Debug mode: where it was created (`_source_traceback[-1]`), shown by its repr.
    var sourceSite: String?

    /// `site` is recorded only in debug mode, as CPython records `_source_traceback`.
    init(loop: EventLoop, site: String? = nil) {
        self.loop = loop
        self.id = loop.nextFutureID()
        super.init()
        if loop.debug { sourceSite = site }
    }

    /// A future numbered already (see `survivor()`).
    init(loop: EventLoop, id: Int) {
        self.loop = loop
        self.id = id
        super.init()
    }

    /// `Future.__init__(self, *, loop=None)` (future_init in _asynciomodule.c): the future
    /// is on `loop` and starts over, pending with no callbacks, whatever it was before.
    func initialize(loop: EventLoop) {
        self.loop = loop
        state = .pending
        resultValue = .none
        exceptionValue = nil
        exceptionTraceback = []
        callbacks = []
        cancelMessage = .none
        cancelledException = nil
        asyncioFutureBlocking = false
        logTraceback = false
    }

    /// A Python subclass's instance (`class Reply(asyncio.Future)`) has its class.
    public override var pyClass: PyClass { instancePart?.cls ?? loop.library.futureClass }

    /// `Future.__del__`: an exception nobody retrieved is logged when the future is freed.
    deinit {
        // A simulation stopped by a limit unwinds every task with its halt exception:
        // nothing CPython would report.
        guard logTraceback, let exc = exceptionValue, !loop.state.halted else { return }
        let vm = loop.vm
        exc.traceback = exceptionTraceback
        loop.reportError("\(reprClassName) exception was never retrieved", exc, [("future", .object(survivor()))], deferred: true)
    }

    /// What `__del__`'s context holds as `'future'`. CPython's finalizer resurrects the
    /// future itself; a Swift deinit cannot, so the context gets a copy in the same state
    /// (same id, repr, result and exception) that no loop schedules.
    func survivor() -> PyFuture {
        let copy = PyFuture(loop: loop, id: id)
        copy.takeState(of: self)
        return copy
    }

    /// The state `survivor()` copies.
    func takeState(of other: PyFuture) {
        state = other.state
        resultValue = other.resultValue
        exceptionValue = other.exceptionValue
        exceptionTraceback = other.exceptionTraceback
        cancelMessage = other.cancelMessage
        purposeLabel = other.purposeLabel
        purposeArgument = other.purposeArgument
        sourceSite = other.sourceSite
        instancePart = other.instancePart
    }

    public override var isDone: Bool { state != .pending }
    var isCancelled: Bool { state == .cancelled }

    // MARK: futures.py

    func makeCancelledError(_ vm: Interpreter) -> PyException {
        if let exc = cancelledException {
            cancelledException = nil
            return exc
        }
        let exc = PyException(cls: BuiltinTypes.cancelledError, args: cancelMessage.isNone ? [] : [cancelMessage])
        exc.context = cancelledException
        cancelledException = nil
        return exc
    }

    @discardableResult
    func cancel(message: Value = .none) -> Bool {
        logTraceback = false
        guard state == .pending else { return false }
        state = .cancelled
        cancelMessage = message
        loop.emitFutureResolved(self)
        scheduleCallbacks()
        return true
    }

    func scheduleCallbacks() {
        let pending = callbacks
        guard !pending.isEmpty else { return }
        callbacks = []
        for cb in pending { scheduleCallback(cb) }
    }

    private func scheduleCallback(_ cb: Callback) {
        if let task = cb.task {
            loop.callSoon(.taskWakeup(task, self))
        } else if let native = cb.native {
            loop.callSoon(.native(cb.label, { native(self) }))
        } else {
            loop.callSoon(python: cb.value, [.object(self)])
        }
    }

    public override func result(_ vm: Interpreter) throws -> Value {
        if state == .cancelled { throw PythonError(makeCancelledError(vm)) }
        guard state == .finished else {
            throw PythonError(vm.makeException(BuiltinTypes.invalidStateError, "Result is not ready."))
        }
        logTraceback = false
        if let exc = exceptionValue {
            exc.traceback = exceptionTraceback
            throw PythonError(exc)
        }
        return resultValue
    }

    func exception(_ vm: Interpreter) throws -> PyException? {
        if state == .cancelled { throw PythonError(makeCancelledError(vm)) }
        guard state == .finished else {
            throw PythonError(vm.makeException(BuiltinTypes.invalidStateError, "Exception is not set."))
        }
        logTraceback = false
        return exceptionValue
    }

    func addDoneCallback(_ cb: Callback) {
        if state != .pending {
            scheduleCallback(cb)
        } else {
            callbacks.append(cb)
        }
    }

    /// Adds a native callback (used by tasks, gather, shield).
    func addDoneCallback(_ label: String, _ body: @escaping (PyFuture) -> Void) {
        addDoneCallback(Callback(value: .none, native: body, label: label))
    }

    func removeDoneCallback(_ fn: Value, _ vm: Interpreter) throws -> Int {
        let before = callbacks.count
        callbacks = try callbacks.filter { cb in
            try cb.native != nil || !callableEquals(cb.value, fn, vm)
        }
        return before - callbacks.count
    }

    func setResult(_ value: Value, _ vm: Interpreter) throws {
        guard state == .pending else {
            throw PythonError(vm.makeException(BuiltinTypes.invalidStateError, "invalid state"))
        }
        resultValue = value
        state = .finished
        loop.emitFutureResolved(self)
        scheduleCallbacks()
    }

    func setException(_ value: Value, _ vm: Interpreter) throws {
        guard state == .pending else {
            throw PythonError(vm.makeException(BuiltinTypes.invalidStateError, "invalid state"))
        }
        let exc = try vm.exceptionInstance(value)
        if exc.cls === BuiltinTypes.stopIteration {
            throw vm.typeError("StopIteration interacts badly with generators and cannot be raised into a Future")
        }
        exceptionValue = exc
        exceptionTraceback = exc.traceback
        state = .finished
        loop.emitFutureResolved(self)
        scheduleCallbacks()
        logTraceback = true
    }

    // MARK: Python attributes

    public override class var nativeMethods: [String: PyBuiltin]? { futureMethods }
    private static let futureMethods = methodTable(owner: "Future")

    /// `_asyncio.Future`'s methods; messages name them `owner.name` (a Task's table is
    /// made with "Task"), except the Argument Clinic ones, which CPython names bare.
    static func methodTable(owner: String) -> [String: PyBuiltin] {
        typealias Body = (PyFuture, Interpreter, MethodArguments, [(String, Value)]) throws -> Value
        func m(_ name: String, _ signature: NativeSignature = .noArguments, clinic: Bool = false,
               _ body: @escaping Body) -> (String, PyBuiltin) {
            (name, PyBuiltin.method(name, of: PyFuture.self, owner: clinic ? nil : owner, signature, body))
        }
        return Dictionary(uniqueKeysWithValues: [
            m("result") { f, vm, _, _ in try f.result(vm) },
            m("exception") { f, vm, _, _ in try f.exception(vm).map { .object($0) } ?? .none },
            m("done") { f, _, _, _ in .bool(f.isDone) },
            m("cancelled") { f, _, _, _ in .bool(f.isCancelled) },
            m("cancel", .clinic(positionalOnly: 0, positionalOrKeyword: ["msg"], keywordOnly: []), clinic: true) { f, _, args, _ in
                .bool(try f.requestCancel(message: args.first ?? .none))
            },
            m("set_result", .oneArgument) { f, vm, args, _ in try f.setResult(args[0], vm); return .none },
            m("set_exception", .oneArgument) { f, vm, args, _ in try f.setException(args[0], vm); return .none },
            m("add_done_callback", .clinic(positionalOnly: 1, positionalOrKeyword: [], keywordOnly: ["context"]), clinic: true) { f, vm, args, _ in
                // A task's wakeup, handed over by a subclass's override: the task's own callback.
                if case .object(let o) = args[0], let bound = o as? PyBoundMethod,
                   bound.function.asObject === PyTask.wakeupMethod, let task = bound.receiver.asObject as? PyTask {
                    f.addDoneCallback(task.wakeupCallback)
                } else if case .object(let o) = args[0], let bound = o as? PyBoundMethod,
                          let native = bound.receiver.asObject as? NativeDoneCallback {
                    // asyncio's own callback (gather's), handed over by a subclass's override.
                    f.addDoneCallback(native.label, native.body)
                } else {
                    f.addDoneCallback(Callback(value: args[0], native: nil, label: vm.formatCallbackSource(args[0], [])))
                }
                return .none
            },
            m("remove_done_callback", .oneArgument) { f, vm, args, _ in .int(try f.removeDoneCallback(args[0], vm)) },
            m("get_loop") { f, _, _, _ in .object(f.loop) },
            m("_make_cancelled_error") { f, vm, _, _ in .object(f.makeCancelledError(vm)) },
        ])
    }

    public override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        switch name {
        case "_asyncio_future_blocking": return .bool(asyncioFutureBlocking)
        case "_cancel_message": return cancelMessage
        case "_state": return .str(state.rawValue)
        // Read without retrieving it (the "never retrieved" report still comes).
        case "_exception": return state == .finished ? exceptionValue.map { .object($0) } ?? Value.none : Value.none
        default: return nil
        }
    }

    public override func setNativeAttribute(_ name: String, _ value: Value, _ vm: Interpreter) throws -> Bool {
        switch name {
        case "_asyncio_future_blocking":
            asyncioFutureBlocking = try vm.truthy(value)
            return true
        case "_log_traceback":
            logTraceback = false
            return true
        default:
            return false
        }
    }

    /// `fut.cancel(msg)` dispatched on the future's class, as a Python call is: a task's
    /// cancel throws `CancelledError` into its coroutine, a gather's cancels its children.
    /// (`cancel(message:)` is `Future.cancel` itself, what subclasses call as `super()`.)
    func requestCancel(message: Value) throws -> Bool {
        cancel(message: message)
    }

    /// `fut.cancel(msg)` as asyncio's own code calls it (a task cancelling the future it
    /// waits on, a gather its children): CPython calls the method by name, so a Python
    /// subclass's override runs (`_asyncio`'s tasks pass `msg` by position, `gather`'s
    /// `_GatheringFuture.cancel` by keyword).
    func dispatchCancel(message: Value, byKeyword: Bool) throws -> Bool {
        if let part = instancePart, let method = part.cls.lookup("cancel") {
            let vm = loop.vm
            let bound = try vm.descriptorGet(method, instance: .object(self), owner: part.cls)
            let result = byKeyword ? try vm.callNow(bound, [], [("msg", message)]) : try vm.callNow(bound, [message])
            return try vm.truthy(result)
        }
        return try requestCancel(message: message)
    }

    public override func pythonRepr(_ vm: Interpreter) throws -> String? { try reprText(vm) }

    func reprText(_ vm: Interpreter) throws -> String {
        "<\(reprClassName) " + (try reprInfo(vm)).joined(separator: " ") + ">"
    }

    var reprClassName: String { instancePart?.cls.name ?? "Future" }

    /// `base_futures._future_repr_info`: state, result or exception, callbacks, creation site.
    func reprInfo(_ vm: Interpreter) throws -> [String] {
        var info = [state.rawValue.lowercased()]
        if state == .finished {
            if let e = exceptionValue {
                info.append("exception=\(try vm.repr(.object(e)))")
            } else {
                info.append("result=\(try vm.repr(resultValue))")
            }
        }
        if !callbacks.isEmpty {
            let labels = callbacks.map(\.label)
            let cb: String
            switch labels.count {
            case 1: cb = labels[0]
            case 2: cb = "\(labels[0]), \(labels[1])"
            default: cb = "\(labels[0]), <\(labels.count - 2) more>, \(labels[labels.count - 1])"
            }
            info.append("cb=[\(cb)]")
        }
        if let site = sourceSite { info.append("created at \(site)") }
        return info
    }
}
