import PythonRuntime

/// `_thread` and `_queue`, the C modules under `threading` and `queue`, on the simulated
/// threads of `ThreadScheduler`.
enum ThreadModule {
    /// The modules made here, by name, as the runtime's import makes them
    /// (`Interpreter.hostModules`).
    static let modules: [String: (Interpreter) -> PyModule] = ["_thread": threadModule, "_queue": queueModule]

    /// The scheduler of the running simulation (made when first needed).
    static func scheduler(_ vm: Interpreter) throws -> ThreadScheduler {
        guard let state = vm.library?.state else {
            throw PythonError(vm.makeException(BuiltinTypes.runtimeError, "threads need a simulation"))
        }
        return state.threadScheduler(vm)
    }

    /// A timeout argument in seconds.
    static func seconds(_ vm: Interpreter, _ v: Value) throws -> Double {
        guard let d = v.numericValue, v.asObject == nil else {
            throw vm.typeError("'\(v.typeName)' object cannot be interpreted as an integer or float")
        }
        return d
    }

    /// `_thread`: `start_new_thread`, `allocate_lock`, `get_ident`, `_set_sentinel`, and
    /// loopscope's `_start_named_thread(name, function)` (what `threading.Thread.start`
    /// calls, so the thread's lane has its name from the start).
    static func threadModule(_ vm: Interpreter) -> PyModule {
        let module = PyModule(name: "_thread")
        module.attributes["__name__"] = .str("_thread")
        module.attributes["LockType"] = .object(PyThreadLock.pyClass)
        module.attributes["error"] = .object(BuiltinTypes.runtimeError)
        // PY_TIMEOUT_MAX / 1e6 on 64-bit Linux.
        module.attributes["TIMEOUT_MAX"] = .float(9223372036.0)
        func fn(_ name: String, _ signature: NativeSignature, _ body: @escaping PyBuiltin.Body) {
            module.attributes[name] = vm.nativeFunction(name, owner: nil, signature, body)
        }
        fn("start_new_thread", .positional(min: 2, max: 3)) { vm, args, _ in
            guard case .object(let o) = args[1], let tuple = o as? PyTuple else {
                throw vm.typeError("2nd arg must be a tuple")
            }
            var kwargs: [(String, Value)] = []
            if args.count == 3, !args[2].isNone {
                guard case .object(let k) = args[2], let dict = k as? PyDict else { throw vm.typeError("optional 3rd arg must be a dictionary") }
                for (key, value) in dict.entries { kwargs.append((try vm.str(key), value)) }
            }
            return .int(try scheduler(vm).start(args[0], tuple.items, kwargs, name: nil).ident)
        }
        fn("_start_named_thread", .positional(min: 2, max: 2)) { vm, args, _ in
            .int(try scheduler(vm).start(args[1], [], [], name: try vm.str(args[0])).ident)
        }
        // loopscope's processes (Lib/concurrent/futures/process.py): a worker process
        // started with a lock that is released when it ends; its work run at once on its
        // own clock, (ok, value, seconds); then busy for those seconds outside the GIL.
        fn("_start_process", .positional(min: 2, max: 2)) { vm, args, _ in
            let scheduler = try scheduler(vm)
            // A worker process is a simulated thread whose work runs outside the GIL.
            let t = try scheduler.start(args[1], [], [], name: try vm.str(args[0]))
            let done = PyThreadLock()
            _ = try done.acquire(vm, blocking: false, timeout: -1)
            t.sentinels.append(done)
            return .object(done)
        }
        fn("_run_in_process", .positional(min: 3, max: 3)) { vm, args, _ in
            guard case .object(let a) = args[1], let tuple = a as? PyTuple,
                  case .object(let k) = args[2], let dict = k as? PyDict else {
                throw vm.typeError("_run_in_process(fn, args tuple, kwargs dict)")
            }
            let kwargs = try dict.entries.map { (try vm.str($0.0), $0.1) }
            let (ok, value, seconds) = try scheduler(vm).runInProcess(args[0], tuple.items, kwargs)
            return .object(PyTuple([.bool(ok), value, .float(seconds)]))
        }
        fn("_process_busy", .positional(min: 1, max: 1)) { vm, args, _ in
            let seconds = try ThreadModule.seconds(vm, args[0])
            let scheduler = try scheduler(vm)
            guard seconds > 0 else { return .none }
            return try scheduler.block(.process, deadline: (vm.library?.state.clock ?? 0) + seconds)
        }
        // loopscope: a worker starts a work item (its lane names the function).
        fn("_set_running", .positional(min: 1, max: 1)) { vm, args, _ in
            try scheduler(vm).working(on: args[0])
            return .none
        }
        fn("allocate_lock", .noArguments) { _, _, _ in .object(PyThreadLock()) }
        fn("get_ident", .noArguments) { vm, _, _ in
            .int(vm.library?.state.threads?.current.ident ?? SimThread.mainIdent)
        }
        // A lock released when the calling thread finishes (threading acquires it first).
        fn("_set_sentinel", .noArguments) { vm, _, _ in
            let lock = PyThreadLock()
            try scheduler(vm).current.sentinels.append(lock)
            return .object(lock)
        }
        return module
    }

    /// `_queue`: `SimpleQueue` and `Empty`.
    static func queueModule(_ vm: Interpreter) -> PyModule {
        let module = PyModule(name: "_queue")
        module.attributes["__name__"] = .str("_queue")
        let empty = PyClass(name: "Empty", bases: [BuiltinTypes.exception], module: "_queue")
        module.attributes["Empty"] = .object(empty)
        module.attributes["SimpleQueue"] = .object(SimpleQueue.pyClass)
        vm.nativeConstructors[ObjectIdentifier(SimpleQueue.pyClass)] = { vm, args, kwargs in
            guard args.isEmpty, kwargs.isEmpty else { throw vm.typeError("SimpleQueue() takes no arguments") }
            return .object(SimpleQueue(empty: empty))
        }
        return module
    }
}

/// `_queue.SimpleQueue`: an unbounded FIFO whose `get` blocks the calling thread; `put`
/// hands the item to the longest waiting getter.
final class SimpleQueue: PyObject {
    private var items: [Value] = []
    private var head = 0
    private var getters: [SimThread] = []
    let empty: PyClass

    init(empty: PyClass) { self.empty = empty }

    override var pyClass: PyClass { Self.pyClass }
    static let pyClass = PyClass(name: "SimpleQueue", bases: [BuiltinTypes.object], module: "_queue")

    private var count: Int { items.count - head }

    func put(_ item: Value, _ vm: Interpreter) {
        if let scheduler = vm.library?.state.threads, !getters.isEmpty {
            scheduler.wake(getters.removeFirst(), .value(item))
        } else {
            items.append(item)
        }
    }

    func get(_ vm: Interpreter, block: Bool, timeout: Double?) throws -> Value {
        if count > 0 {
            let item = items[head]
            head += 1
            if head > 64 && head * 2 > items.count { items.removeFirst(head); head = 0 }
            return item
        }
        if let timeout, timeout < 0 {
            throw PythonError(vm.makeException(BuiltinTypes.valueError, "'timeout' must be a non-negative number"))
        }
        let emptyError = vm.makeException(empty)
        guard block, timeout != 0 else { throw PythonError(emptyError) }
        let scheduler = try ThreadModule.scheduler(vm)
        let me = scheduler.current
        getters.append(me)
        let deadline = timeout.map { (vm.library?.state.clock ?? 0) + $0 }
        return try scheduler.block(.queue, deadline: deadline, onDeadline: .raise(emptyError)) { [weak self] in
            self?.getters.removeAll { $0 === me }
        }
    }

    override class var nativeMethods: [String: PyBuiltin]? { methods }

    private static let methods: [String: PyBuiltin] = {
        func m(_ name: String, _ signature: NativeSignature,
               _ body: @escaping (SimpleQueue, Interpreter, MethodArguments, [(String, Value)]) throws -> Value) -> (String, PyBuiltin) {
            (name, PyBuiltin.method(name, of: SimpleQueue.self, owner: "SimpleQueue", signature, body))
        }
        func options(_ vm: Interpreter, _ args: MethodArguments, _ kwargs: [(String, Value)], from i: Int) throws -> (Bool, Double?) {
            // A gap the binding filled (`get(timeout=1)`) is the default, True.
            var block = args.count > i && !args[i].isNone ? try vm.truthy(args[i]) : true
            var timeout: Value = args.count > i + 1 ? args[i + 1] : .none
            for (k, v) in kwargs {
                if k == "block" { block = try vm.truthy(v) } else if k == "timeout" { timeout = v }
            }
            return (block, timeout.isNone ? nil : try ThreadModule.seconds(vm, timeout))
        }
        return Dictionary(uniqueKeysWithValues: [
            m("put", .python(parameters: ["item", "block", "timeout"], required: 1)) { q, vm, args, _ in
                q.put(args[0], vm)
                return .none
            },
            m("put_nowait", .oneArgument) { q, vm, args, _ in
                q.put(args[0], vm)
                return .none
            },
            m("get", .python(parameters: ["block", "timeout"], required: 0)) { q, vm, args, kwargs in
                let (block, timeout) = try options(vm, args, kwargs, from: 0)
                return try q.get(vm, block: block, timeout: timeout)
            },
            m("get_nowait", .noArguments) { q, vm, _, _ in try q.get(vm, block: false, timeout: nil) },
            m("empty", .noArguments) { q, _, _, _ in .bool(q.count == 0) },
            m("qsize", .noArguments) { q, _, _, _ in .int(q.count) },
        ])
    }()
}
