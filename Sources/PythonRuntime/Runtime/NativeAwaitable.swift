/// A native object whose `__await__` yields the object itself until it is done and then
/// gives its result: what the C `Future.__await__` of CPython's `_asyncio` does. The VM
/// awaits one without a generator frame: `await x` on a pending one yields `x` to
/// whoever drives the coroutine (a task), which resumes the awaiting frame once `x` is
/// done. The runtime knows nothing more of it; asyncio's futures are the subclass.
open class NativeAwaitable: PyObject {
    /// `done()`.
    open var isDone: Bool { false }

    /// `result()`: the value, or the exception it was given.
    open func result(_ vm: Interpreter) throws -> Value {
        throw vm.typeError("'\(typeName)' object is not awaitable")
    }

    /// The awaiting frame is about to yield this object (CPython's `__await__` sets
    /// `_asyncio_future_blocking` before its yield).
    open func willSuspendAwaiter() {}
}

/// What an awaiting frame still has to do when it resumes, before it sees the outcome:
/// the `finally` of a library coroutine the host ran without its frame
/// (`FrameSkipping`), such as asyncio's `sleep` cancelling its timer.
package protocol ResumeCleanup: AnyObject {
    func runOnResume()
}

/// A host's way to run a library coroutine's body for the awaiting frame when the call is
/// awaited at once (`await asyncio.sleep(d)`): the coroutine's own frame would cost more
/// than the whole task step. `Interpreter.frameSkippedFunction` names the one function;
/// the VM asks only when the callee is that function.
package protocol FrameSkipping: AnyObject {
    /// The call below `argc` arguments on `frame`'s stack, awaited, done without its
    /// frame: nil when it cannot be (nothing consumed); otherwise the arguments and the
    /// callee are off the stack and the outcome says what the awaiting frame does.
    func awaitWithoutFrame(_ vm: Interpreter, _ frame: Frame, _ argc: Int) throws -> SkippedFrameAwait?
}

/// How an await run by `FrameSkipping` continues.
package enum SkippedFrameAwait {
    /// A bare yield to the driver; the await then gives `result` (`sleep(0)`).
    case bareYield(result: Value)
    /// The driver gets `awaitable`; when it resumes the frame, `cleanup` runs first, then
    /// the await gives the awaitable's result or raises its exception.
    case awaiting(NativeAwaitable, cleanup: ResumeCleanup)
}
