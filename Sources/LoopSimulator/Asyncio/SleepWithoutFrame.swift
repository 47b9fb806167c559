import PythonRuntime

/// `await asyncio.sleep(delay[, result])` without the frame of the library's `sleep`.
///
/// Nearly every task step of a scenario goes through `sleep`, and running its bytecode
/// (a frame, `get_running_loop()`, `create_future()`, `call_later(...)`, a `try/finally`)
/// cost more than the rest of the step. When the awaited call is the library's own
/// `sleep` with a number for the delay, the awaiting frame does what that frame would:
///
///     async def sleep(delay, result=None):
///         if delay <= 0:
///             await _bare_yield()
///             return result
///         loop = get_running_loop()
///         future = loop.create_future()
///         _set_purpose(future, 'sleep(', delay)
///         h = loop.call_later(delay, _set_result_unless_cancelled, future, result)
///         try:
///             return await future
///         finally:
///             h.cancel()
///
/// with the same futures, handles, ids, events and order, so nothing observable changes:
/// the task parks on the same future, and on resuming (or a throw) the timer is cancelled
/// before the awaiting frame sees the result or the exception. Only the library's frame
/// is missing, which tracebacks and traces leave out anyway.
extension AsyncioLibrary: FrameSkipping {
    func awaitWithoutFrame(_ vm: Interpreter, _ frame: Frame, _ argc: Int) throws -> SkippedFrameAwait? {
        guard argc == 1 || argc == 2 else { return nil }
        let delayValue = frame.stack[frame.stack.count - argc]
        let delay: Double
        switch delayValue {
        case .int(let d): delay = Double(d)
        case .float(let d) where !d.isNaN: delay = d
        case .bool(false): delay = 0
        default: return nil
        }
        if delay <= 0 {
            let result = argc == 2 ? frame.stack.removeLast() : Value.none
            frame.stack.removeLast(2)  // the delay and sleep itself
            return .bareYield(result: result)
        }
        // A program that replaced `_set_result_unless_cancelled` gets sleep's own frame,
        // which calls the replacement.
        guard let loop = runningLoop, let setResult = setResultUnlessCancelledFunction,
              setResultUnlessCancelledIsBound else { return nil }
        let result = argc == 2 ? frame.stack.removeLast() : Value.none
        frame.stack.removeLast(2)
        let future = PyFuture(loop: loop, site: SourceSites.createFuture)
        future.setPurpose("sleep(", delayValue)
        let timer = loop.callAt(loop.time() + delay, .python(.object(setResult), [.object(future), result]))
        // `call_later` from library code records no `created at` site, even in debug mode.
        timer.sourceSite = nil
        return .awaiting(future, cleanup: timer)
    }
}

extension AsyncioLibrary {
    /// Whether the prelude's globals still bind `_set_result_unless_cancelled` to its own
    /// function: looked up again only when the module changed since the last look.
    var setResultUnlessCancelledIsBound: Bool {
        if module.version != setResultUnlessCancelledCheckedVersion {
            setResultUnlessCancelledCheckedVersion = module.version
            setResultUnlessCancelledRebound = module.attributes["_set_result_unless_cancelled"]?.asObject !== setResultUnlessCancelledFunction
        }
        return !setResultUnlessCancelledRebound
    }
}

/// Sleep's `finally: h.cancel()`, when the task resumes the awaiting frame.
extension Handle: ResumeCleanup {
    func runOnResume() { cancel() }
}
