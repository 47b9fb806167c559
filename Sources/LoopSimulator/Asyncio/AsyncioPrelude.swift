import PythonRuntime

/// The parts of asyncio that CPython writes as coroutines and small classes, written in
/// Python (`Lib/asyncio/prelude.py`, embedded into the binary at build time by
/// PythonLibPlugin) and run on the simulator's own VM. Each function or class is a port of
/// CPython 3.11's `tasks.py`, `timeouts.py`, `taskgroups.py`, `locks.py` and
/// `queues.py`, kept statement for statement so the order of steps matches. The
/// differences are forced by the VM: sets are insertion-ordered (CPython's follow
/// addresses), `as_completed` returns a list instead of a generator, and enums are strings.
///
/// Native helpers it uses (defined in `AsyncioLibrary`): `get_running_loop`,
/// `current_task`, `ensure_future`, `_bare_yield`, `partial`, `set`, `_deque`
/// (`collections.deque`).
enum AsyncioPrelude {
    /// The name its code reports (tracebacks leave it out, as CPython's hide asyncio's).
    static let filename = "<asyncio>"
    /// Where it lives under `Lib/`.
    static let libraryPath = "asyncio/prelude.py"

    /// The prelude's source, or nil when the build embedded no such file.
    static var source: String? { PythonLibSources.files[libraryPath] }
}
