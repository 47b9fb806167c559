import PythonRuntime

/// `_thread.lock` (`threading.Lock`), on simulated threads. A blocked `acquire` waits in
/// the scheduler; `release` hands the lock to the longest waiter (CPython leaves the
/// choice to the OS: the first waiter is the deterministic choice).
final class PyThreadLock: PyObject {
    private(set) var isLocked = false
    private var waiters: [SimThread] = []

    override var pyClass: PyClass { Self.pyClass }
    static let pyClass = PyClass(name: "lock", bases: [BuiltinTypes.object], module: "_thread")

    /// `lock.acquire(blocking=True, timeout=-1)`.
    func acquire(_ vm: Interpreter, blocking: Bool, timeout: Double) throws -> Value {
        if !blocking && timeout != -1 {
            throw PythonError(vm.makeException(BuiltinTypes.valueError, "can't specify a timeout for a non-blocking call"))
        }
        if timeout < 0 && timeout != -1 {
            throw PythonError(vm.makeException(BuiltinTypes.valueError, "timeout value must be a non-negative number"))
        }
        if !isLocked {
            isLocked = true
            return .true
        }
        if !blocking || timeout == 0 { return .false }
        let scheduler = try ThreadModule.scheduler(vm)
        let me = scheduler.current
        waiters.append(me)
        let clock = vm.library?.state.clock ?? 0
        return try scheduler.block(.lock, deadline: timeout > 0 ? clock + timeout : nil, onDeadline: .value(.false)) { [weak self] in
            self?.waiters.removeAll { $0 === me }
        }
    }

    /// `lock.release()`: the first waiter gets the lock (it stays locked).
    func release(_ scheduler: ThreadScheduler?) {
        if let scheduler, !waiters.isEmpty {
            scheduler.wake(waiters.removeFirst(), .value(.true))
        } else {
            isLocked = false
        }
    }

    override class var nativeMethods: [String: PyBuiltin]? { methods }

    private static let methods: [String: PyBuiltin] = {
        func m(_ name: String, _ signature: NativeSignature = .noArguments,
               _ body: @escaping (PyThreadLock, Interpreter, MethodArguments, [(String, Value)]) throws -> Value) -> (String, PyBuiltin) {
            (name, PyBuiltin.method(name, of: PyThreadLock.self, owner: "lock", signature, body))
        }
        let acquire: (PyThreadLock, Interpreter, MethodArguments, [(String, Value)]) throws -> Value = { lock, vm, args, kwargs in
            // A gap the binding filled (`acquire(timeout=1)`) is the default, True.
            var blocking = args.count > 0 && !args[0].isNone ? try vm.truthy(args[0]) : true
            var timeout = args.count > 1 ? try ThreadModule.seconds(vm, args[1]) : -1
            for (k, v) in kwargs {
                if k == "blocking" { blocking = try vm.truthy(v) } else if k == "timeout" { timeout = try ThreadModule.seconds(vm, v) }
            }
            return try lock.acquire(vm, blocking: blocking, timeout: timeout)
        }
        let release: (PyThreadLock, Interpreter, MethodArguments, [(String, Value)]) throws -> Value = { lock, vm, _, _ in
            guard lock.isLocked else { throw PythonError(vm.makeException(BuiltinTypes.runtimeError, "release unlocked lock")) }
            lock.release(vm.library?.state.threads)
            return .none
        }
        let acquireSignature = NativeSignature.python(parameters: ["blocking", "timeout"], required: 0)
        return Dictionary(uniqueKeysWithValues: [
            m("acquire", acquireSignature, acquire),
            m("acquire_lock", acquireSignature, acquire),
            m("__enter__", acquireSignature, acquire),
            m("release", .noArguments, release),
            m("release_lock", .noArguments, release),
            m("__exit__", .positional(min: 0, max: 3), release),
            m("locked") { lock, _, _, _ in .bool(lock.isLocked) },
            m("locked_lock") { lock, _, _, _ in .bool(lock.isLocked) },
        ])
    }()

    override func pythonRepr(_ vm: Interpreter) throws -> String? {
        "<\(isLocked ? "locked" : "unlocked") _thread.lock object at \(vm.address(of: self))>"
    }
}
