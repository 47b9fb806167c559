/// What the runtime asks of the program embedding it, which it knows only through these
/// (the simulator's event loop and its trace).

/// `sys.set_asyncgen_hooks`' pair, as the thread state keeps it: the VM calls
/// `asyncGeneratorFirstIteration` when an async generator is first iterated (after
/// making the hooks its finalizer, as `async_gen_init_hooks` does), and the finalizer
/// when an unfinished one is freed.
package protocol AsyncGeneratorHooks: AnyObject {
    func asyncGeneratorFirstIteration(_ gen: PyAsyncGenerator)
    func asyncGeneratorFinalized(_ gen: PyAsyncGenerator)
}

/// Where a warning the runtime raises from native code goes (CPython's `PyErr_WarnEx`
/// from C: "coroutine ... was never awaited").
package protocol WarningSink: AnyObject {
    /// The interpreter whose active frame locates the warning; nil once the run ended.
    var interpreter: Interpreter? { get }
    func pythonWarning(file: String, line: Int, sourceLine: String?, category: String, message: String, extra: String?)
}
