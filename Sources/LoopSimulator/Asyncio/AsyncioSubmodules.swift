import PythonRuntime

/// asyncio's submodules (`asyncio.exceptions`, `asyncio.tasks`, ...): the simulator's
/// asyncio is one module, so each submodule is a module object holding the names its
/// CPython 3.11 counterpart exports (`__all__`) that the simulator provides. They are
/// importable (`import asyncio.exceptions`, `from asyncio.tasks import sleep`) and
/// attributes of `asyncio`, and the classes the prelude defines report them as their
/// `__module__`, as CPython's reprs print them.
enum AsyncioSubmodules {
    /// CPython 3.11's `asyncio.<name>.__all__`, for the submodules `asyncio/__init__.py`
    /// imports (those whose names only make sense with real I/O are included: the names
    /// the simulator lacks are simply absent).
    static let exports: [(name: String, all: [String])] = [
        ("base_events", ["BaseEventLoop", "Server"]),
        ("coroutines", ["iscoroutinefunction", "iscoroutine"]),
        ("events", ["AbstractEventLoopPolicy", "AbstractEventLoop", "AbstractServer", "Handle", "TimerHandle",
                    "get_event_loop_policy", "set_event_loop_policy", "get_event_loop", "set_event_loop",
                    "new_event_loop", "get_child_watcher", "set_child_watcher", "_set_running_loop",
                    "get_running_loop", "_get_running_loop"]),
        ("exceptions", ["BrokenBarrierError", "CancelledError", "InvalidStateError", "TimeoutError",
                        "IncompleteReadError", "LimitOverrunError", "SendfileNotAvailableError"]),
        ("futures", ["Future", "wrap_future", "isfuture"]),
        ("locks", ["Lock", "Event", "Condition", "Semaphore", "BoundedSemaphore", "Barrier"]),
        ("protocols", ["BaseProtocol", "Protocol", "DatagramProtocol", "SubprocessProtocol", "BufferedProtocol"]),
        ("runners", ["Runner", "run"]),
        ("queues", ["Queue", "PriorityQueue", "LifoQueue", "QueueFull", "QueueEmpty"]),
        ("streams", ["StreamReader", "StreamWriter", "StreamReaderProtocol", "open_connection", "start_server",
                     "open_unix_connection", "start_unix_server"]),
        ("subprocess", ["create_subprocess_exec", "create_subprocess_shell"]),
        ("tasks", ["Task", "create_task", "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED", "wait",
                   "wait_for", "as_completed", "sleep", "gather", "shield", "ensure_future",
                   "run_coroutine_threadsafe", "current_task", "all_tasks", "_register_task",
                   "_unregister_task", "_enter_task", "_leave_task"]),
        ("taskgroups", ["TaskGroup"]),
        ("timeouts", ["Timeout", "timeout", "timeout_at"]),
        ("threads", ["to_thread"]),
        ("transports", ["BaseTransport", "ReadTransport", "WriteTransport", "Transport", "DatagramTransport",
                        "SubprocessTransport"]),
        ("unix_events", ["SelectorEventLoop", "AbstractChildWatcher", "SafeChildWatcher", "FastChildWatcher",
                         "PidfdChildWatcher", "MultiLoopChildWatcher", "ThreadedChildWatcher",
                         "DefaultEventLoopPolicy"]),
    ]

    /// The names CPython 3.11's submodules define beyond `__all__` that the prelude
    /// defines too (their helpers): `asyncio.futures._set_result_unless_cancelled` is
    /// there to read and replace, and `sleep` calls the replacement.
    static let helpers: [String: [String]] = [
        "futures": ["_chain_future", "_convert_future_exc", "_copy_future_state", "_set_concurrent_future_state",
                    "_set_result_unless_cancelled"],
        "locks": ["_ContextManagerMixin"],
        "tasks": ["_cancel_and_wait", "_release_waiter", "_wait"],
    ]

    /// Why `from module import name` cannot be simulated when CPython's asyncio has the
    /// name and the simulator does not (sockets, subprocesses, policies, ...), or nil.
    static func unsupportedReason(_ name: String, from module: String) -> String? {
        let exported: [String]
        if module == "asyncio" {
            exported = exports.flatMap(\.all)
        } else if module.hasPrefix("asyncio."), let entry = exports.first(where: { "asyncio." + $0.name == module }) {
            exported = entry.all
        } else {
            return nil
        }
        guard exported.contains(name) else { return nil }
        return "'\(name)' from '\(module)' cannot be simulated: loopscope runs no real network I/O, processes or threads, and has no event loop policies; simulate the latency with 'await asyncio.sleep(...)', or record the real program under CPython"
    }

    /// The dotted names of the submodules, for the module finder.
    static let moduleNames: Set<String> = Set(exports.map { "asyncio." + $0.name })

    /// Makes the submodules from the finished `asyncio` module, registers them in
    /// `sys.modules` and as its attributes, and sets `asyncio.__all__` (CPython's is the
    /// union of the submodules' lists, so `from asyncio import *` takes no submodule).
    static func install(into asyncio: PyModule, _ vm: Interpreter) {
        var all: [Value] = []
        for (name, exported) in exports {
            let full = "asyncio." + name
            let submodule = PyModule(name: full)
            submodule.attributes["__name__"] = .str(full)
            submodule.globalsOwner = asyncio
            for helper in helpers[name] ?? [] {
                if let value = asyncio.attributes[helper] { submodule.attributes[helper] = value }
            }
            for member in exported {
                guard let value = asyncio.attributes[member] else { continue }
                submodule.attributes[member] = value
                all.append(.str(member))
                // A class the prelude defined (module "asyncio") is its submodule's.
                if case .object(let o) = value, let cls = o as? PyClass, cls.module == "asyncio" {
                    cls.module = full
                    cls.dict["__module__"] = .str(full)
                }
            }
            vm.modules[full] = submodule
            asyncio.attributes[name] = .object(submodule)
        }
        asyncio.attributes["__all__"] = .object(PyList(all))
    }
}

extension AsyncioLibrary {
    /// The attribute names of the modules a simulation's library installs (`asyncio`, its
    /// submodules, `time`, `loopscope`), for `check`: made once per process by installing
    /// the library into an interpreter of its own.
    static let providedNames: [String: Set<String>] = {
        let vm = Interpreter()
        vm.installBuiltins()
        let state = SimulationState()
        state.interpreter = vm
        let library = AsyncioLibrary(vm: vm, state: state)
        vm.host = library
        guard (try? library.install()) != nil else { return [:] }
        var names: [String: Set<String>] = [:]
        for (name, module) in vm.modules.entries where name == "asyncio" || name.hasPrefix("asyncio.") || name == "time" || name == "loopscope" {
            names[name] = Set(module.attributes.keys)
        }
        state.interpreter = nil
        return names
    }()
}
