import PythonRuntime

/// The event loop's async-generator hooks, which CPython's `run_forever` installs with
/// `sys.set_asyncgen_hooks` (base_events.py: `_asyncgen_firstiter_hook`,
/// `_asyncgen_finalizer_hook`, `shutdown_asyncgens`).

/// An entry of the loop's `_asyncgens` WeakSet.
struct WeakAsyncGenerator {
    weak var generator: PyAsyncGenerator?
}

extension EventLoop: AsyncGeneratorHooks {
    /// `_asyncgen_firstiter_hook`: the loop remembers every async generator first
    /// iterated while it runs, and becomes its finalizer.
    func asyncGeneratorFirstIteration(_ gen: PyAsyncGenerator) {
        guard running else { return }
        // After shutdown_asyncgens CPython warns with a ResourceWarning, which the default
        // warning filters ignore.
        asyncgens.removeAll { $0.generator == nil }
        asyncgens.append(WeakAsyncGenerator(generator: gen))
    }

    /// `_asyncgen_finalizer_hook`: an unfinished async generator was freed; a task runs
    /// its `aclose()` (`call_soon_threadsafe(self.create_task, agen.aclose())`). Only
    /// objects are made here: no Python code runs while an object is being freed.
    func asyncGeneratorFinalized(_ gen: PyAsyncGenerator) {
        guard !closed, let createTask = try? vm.getAttribute(.object(self), "create_task"),
              let coro = try? library.driveAwaitable(vm.asyncGeneratorAwaitable(gen, .close)) else {
            gen.state = .closed
            return
        }
        callSoon(python: createTask, [coro])
    }

    /// `shutdown_asyncgens`' first steps: mark the shutdown and take the live async
    /// generators (CPython lists a WeakSet, in address order; here first-iteration order).
    func takeAsyncGenerators() -> [PyAsyncGenerator] {
        asyncgensShutdownCalled = true
        let live = asyncgens.compactMap(\.generator)
        asyncgens.removeAll()
        return live
    }
}
