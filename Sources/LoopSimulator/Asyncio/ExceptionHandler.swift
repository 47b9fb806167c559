import PythonRuntime

/// The loop's exception handler (`base_events.py`: `set_exception_handler`,
/// `get_exception_handler`, `default_exception_handler`, `call_exception_handler`).
/// Every error asyncio cannot raise to anyone — an exception in a `call_soon` callback, a
/// task's exception nobody retrieved, a failure during `asyncio.run`'s shutdown — goes
/// through `callExceptionHandler` with a context dict, as in CPython, so a handler the
/// program installs sees the same messages and keys.
extension EventLoop {
    /// `set_exception_handler(handler)`
    func setExceptionHandler(_ handler: Value) throws {
        if !handler.isNone && !vm.isCallable(handler) {
            throw vm.typeError("A callable object or None is expected, got \(try vm.repr(handler))")
        }
        exceptionHandler = handler
    }

    /// A context made by the loop's own code: the message, the exception when there is
    /// one, and the other keys in CPython's order of insertion.
    func makeContext(_ message: String, _ exception: PyException?, _ extra: [(String, Value)]) -> PyDict {
        let context = PyDict()
        context.set(.str("message"), .str(message))
        if let exception { context.set(.str("exception"), .object(exception)) }
        for (key, value) in extra { context.set(.str(key), value) }
        return context
    }

    /// `call_exception_handler(context)` where native code found the error and nothing can
    /// raise to a caller. `deferred`: called where no Python may run (a future's deinit),
    /// so the call waits for the next instruction or the loop's next callback
    /// (`Interpreter.addPendingCall`), where CPython's finalizer would have called it. A
    /// SystemExit or KeyboardInterrupt from the handler leaves the loop as a callback's
    /// would (`escaping`).
    func reportError(_ message: String, _ exception: PyException?, _ extra: [(String, Value)], deferred: Bool = false) {
        let context = makeContext(message, exception, extra)
        guard !deferred else {
            vm.addPendingCall { [self] in report(context) }
            return
        }
        report(context)
    }

    private func report(_ context: PyDict) {
        do {
            try callExceptionHandler(.object(context))
        } catch let e as PythonError {
            if escaping == nil, vm.halted == nil { escaping = e.exception }
        } catch {
            state.log(.error, "Exception in default exception handler", text: "\(error)",
                      at: SourceSites.logDefaultHandlerFailed)
        }
    }

    /// `call_exception_handler(context)`: the handler set, else the default one; what
    /// either raises is logged, but for SystemExit and KeyboardInterrupt, which propagate.
    /// `handling`: the exception being handled where CPython calls it from an `except`
    /// block (`Handle._run`), which becomes the context of what the handler raises.
    func callExceptionHandler(_ context: Value, handling: PyException? = nil) throws {
        if exceptionHandler.isNone {
            do {
                try defaultExceptionHandler(context)
            } catch let e as PythonError {
                if vm.halted != nil || e.exception.stopsTheLoop { throw e }
                // Second protection layer, for a context the default handler cannot format.
                state.log(.error, "Exception in default exception handler", exception: e.exception,
                          at: SourceSites.logDefaultHandlerFailed)
            }
            return
        }
        do {
            _ = try vm.callNow(exceptionHandler, [.object(self), context])
        } catch let e as PythonError {
            if let handling, e.exception.context == nil, e.exception !== handling { e.exception.context = handling }
            if vm.halted != nil || e.exception.stopsTheLoop { throw e }
            do {
                let fallback = makeContext("Unhandled error in exception handler", e.exception, [("context", context)])
                try defaultExceptionHandler(.object(fallback))
            } catch let inner as PythonError {
                if vm.halted != nil || inner.exception.stopsTheLoop { throw inner }
                state.log(.error, "Exception in default exception handler while handling an unexpected error in custom exception handler",
                          exception: inner.exception, at: SourceSites.logDefaultHandlerFailedInCustom)
            }
        }
    }

    /// `default_exception_handler(context)`: `logger.error` of the message (or 'Unhandled
    /// exception in event loop') and one `key: repr(value)` line per other key, sorted,
    /// with the exception's traceback.
    func defaultExceptionHandler(_ context: Value) throws {
        let get = try vm.getAttribute(context, "get")
        let given = try vm.callNow(get, [.str("message")])
        let message: Value = try vm.truthy(given) ? given : .str("Unhandled exception in event loop")
        let exception = try vm.callNow(get, [.str("exception")])
        guard let sorted = vm.builtins["sorted"] else { return }
        var lines = [message]
        let keys = try vm.iterate(try vm.callNow(sorted, [context]))
        for key in keys {
            if case .str(let name) = key, name == "message" || name == "exception" { continue }
            let value = try vm.getItem(context, key)
            let text: String
            if case .str(let name) = key, name == "source_traceback" || name == "handle_traceback" {
                let traceback = try vm.importModule("traceback")
                let formatted = try vm.callNow(try vm.getAttribute(.object(traceback), "format_list"), [value])
                let joined = try vm.iterate(formatted).map { try vm.str($0) }.joined()
                text = (name == "source_traceback" ? "Object" : "Handle") + " created at (most recent call last):\n"
                    + String(joined.reversed().drop { $0.isWhitespace }.reversed())
            } else {
                text = try vm.repr(value)
            }
            lines.append(.str("\(try vm.str(key)): \(text)"))
        }
        // `'\n'.join(log_lines)`: a message that is not a str fails there.
        let joined = try lines.enumerated().map { index, line -> String in
            guard case .str(let s) = line else {
                throw vm.typeError("sequence item \(index): expected str instance, \(line.typeName) found")
            }
            return s
        }.joined(separator: "\n")
        state.log(.error, joined, exception: exception.asObject as? PyException,
                  at: SourceSites.logDefaultExceptionHandler)
    }
}
