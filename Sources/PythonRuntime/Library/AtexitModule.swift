/// `atexit` (CPython's `Modules/atexitmodule.c`): functions the program registers to run
/// when it ends. The simulation calls `_run_exitfuncs` as `Py_FinalizeEx` does, after
/// the non-daemon threads are joined; each function runs in reverse order of
/// registration, and one that raises is reported as CPython's unraisable hook does,
/// without stopping the rest. (`weakref.finalize` registers its exit function here.)
enum AtexitModule {
    private final class Callbacks {
        var entries: [(function: Value, args: [Value], kwargs: [(String, Value)])] = []
    }

    static func make(_ vm: Interpreter) -> PyModule {
        let module = PyModule(name: "atexit")
        module.attributes["__name__"] = .str("atexit")
        let callbacks = Callbacks()
        // `register(func, /, *args, **kwargs)`, checked by hand as atexit.c does.
        module.attributes["register"] = .object(PyBuiltin("register") { vm, args, kwargs in
            guard let function = args.first else { throw vm.typeError("register() takes at least 1 argument (0 given)") }
            guard vm.isCallable(function) else { throw vm.typeError("the first argument must be callable") }
            callbacks.entries.append((function, Array(args.dropFirst()), kwargs))
            return function
        })
        module.attributes["unregister"] = vm.nativeFunction("unregister", owner: nil, .oneArgument) { vm, args, _ in
            var kept: [(function: Value, args: [Value], kwargs: [(String, Value)])] = []
            for entry in callbacks.entries where !(try vm.equals(entry.function, args[0])) { kept.append(entry) }
            callbacks.entries = kept
            return .none
        }
        module.attributes["_clear"] = vm.nativeFunction("_clear", owner: nil, .noArguments) { _, _, _ in
            callbacks.entries.removeAll()
            return .none
        }
        module.attributes["_ncallbacks"] = vm.nativeFunction("_ncallbacks", owner: nil, .noArguments) { _, _, _ in
            .int(callbacks.entries.count)
        }
        module.attributes["_run_exitfuncs"] = vm.nativeFunction("_run_exitfuncs", owner: nil, .noArguments) { vm, _, _ in
            // `atexit_callfuncs`: newest first; the list is emptied as it runs.
            while let entry = callbacks.entries.popLast() {
                do {
                    try vm.callNow(entry.function, entry.args, entry.kwargs)
                } catch let error as PythonError {
                    guard vm.halted == nil else { throw error }
                    vm.writeUnraisable(error.exception, in: entry.function, context: "in atexit callback")
                }
            }
            return .none
        }
        return module
    }
}
