import PythonRuntime

/// Where CPython 3.11's own asyncio code creates futures, tasks and callbacks, as its
/// debug-mode reprs print them (`created at .../asyncio/tasks.py:384`). The simulator's
/// library is written differently, so the sites of the CPython code it mirrors are kept
/// here, relative to the asyncio package (the install prefix differs between machines).
enum SourceSites {
    static let createTask = "asyncio/tasks.py:384"
    static let ensureFuture = "asyncio/tasks.py:680"
    static let runnerMainTask = "asyncio/runners.py:100"
    static let taskGroupCreateTask = "asyncio/taskgroups.py:161"
    static let createFuture = "asyncio/base_events.py:427"
    static let runUntilCompleteCallback = "_run_until_complete_cb() at asyncio/base_events.py:180"
    static let taskWakeup = "Task.task_wakeup()"
    static let gatherDoneCallback = "gather.<locals>._done_callback() at asyncio/tasks.py:764"
    static let shieldInnerDoneCallback = "shield.<locals>._inner_done_callback() at asyncio/tasks.py:891"
    static let shieldOuterDoneCallback = "shield.<locals>._outer_done_callback() at asyncio/tasks.py:908"

    /// The `logger.<level>(...)` calls of CPython's asyncio that the simulator's messages
    /// stand for: a log record's pathname, lineno and funcName are theirs.
    static let logUsingSelector = LogSite(file: "asyncio/selector_events.py", line: 54, function: "__init__")
    static let logClose = LogSite(file: "asyncio/base_events.py", line: 676, function: "close")
    static let logDefaultExceptionHandler = LogSite(file: "asyncio/base_events.py", line: 1771,
                                                    function: "default_exception_handler")
    static let logDefaultHandlerFailed = LogSite(file: "asyncio/base_events.py", line: 1804,
                                                 function: "call_exception_handler")
    static let logDefaultHandlerFailedInCustom = LogSite(file: "asyncio/base_events.py", line: 1825,
                                                         function: "call_exception_handler")
    static let logSlowCallback = LogSite(file: "asyncio/base_events.py", line: 1917, function: "_run_once")

    /// asyncio's own coroutines: CPython's file, `def` line, and the line of each `await`
    /// (keyed by the text of the matching line in the simulator's prelude).
    static let libraryCoroutines: [String: (file: String, defLine: Int, awaitLines: [String: Int])] = [
        "sleep": ("asyncio/tasks.py", 637, ["await _bare_yield()": 640, "return await future": 649]),
    ]

    /// Definition sites of the library functions CPython writes in Python, by the
    /// qualified name the simulator's prelude gives them.
    static let libraryFunctions: [String: String] = [
        "_release_waiter": "asyncio/tasks.py:431",
        "_wait.<locals>._on_completion": "asyncio/tasks.py:519",
        "as_completed.<locals>._on_completion": "asyncio/tasks.py:602",
        "as_completed.<locals>._on_timeout": "asyncio/tasks.py:596",
        "TaskGroup._on_task_done": "asyncio/taskgroups.py:184",
        "Timeout._on_timeout": "asyncio/timeouts.py:123",
        "_set_result_unless_cancelled": "asyncio/futures.py:311",
    ]
}

extension Interpreter {
    /// `format_helpers._format_callback_source(fn, args)`: `name(args) at FILE:LINE`.
    func formatCallbackSource(_ fn: Value, _ args: [Value]) -> String {
        var function = fn
        var boundArgs: [Value] = []
        if case .object(let o) = fn, let p = o as? PyPartial {
            function = p.function
            boundArgs = p.args
        }
        let name = (try? functionName(function)) ?? "callback"
        let argText = (try? (boundArgs + args).map { try repr($0) }.joined(separator: ", ")) ?? ""
        var text = "\(name)(\(argText))"
        if let site = definitionSite(function) { text += " at \(site)" }
        return text
    }

    /// Where a Python function was defined, as CPython would name it.
    func definitionSite(_ fn: Value) -> String? {
        guard case .object(let o) = fn else { return nil }
        if let m = o as? PyBoundMethod { return definitionSite(m.function) }
        guard let f = o as? PyFunction else { return nil }
        if f.code.isLibrary { return SourceSites.libraryFunctions[f.code.qualname] }
        return "\(f.code.filename):\(f.code.firstLine)"
    }

    /// The scenario line running now, as a `created at` site.
    func currentSite() -> String? {
        guard let frame = activeFrame else { return nil }
        if frame.code.isLibrary { return nil }
        return "\(frame.code.filename):\(frame.currentLine)"
    }
}

/// Where a `logger` call stands in CPython's source (`LogRecord.pathname`, `lineno`, `funcName`).
struct LogSite {
    let file: String
    let line: Int
    let function: String
}
