/// `await f(args)` where `f` is the library coroutine a host runs without its frame
/// (`FrameSkipping`: asyncio's `sleep`).
extension Interpreter {
    /// Nil (nothing consumed) unless the call below `argc` arguments on `frame`'s stack
    /// is `frameSkippedFunction` and its host ran it.
    @inline(__always)
    package func awaitWithoutFrame(_ frame: Frame, _ argc: Int) throws -> FrameExit? {
        guard let skipped = frameSkippedFunction,
              case .object(let o) = frame.stack[frame.stack.count - argc - 1], o === skipped,
              // The frame it would have had counts toward the recursion limit.
              depth < recursionLimit,
              let outcome = try frameSkipper?.awaitWithoutFrame(self, frame, argc) else { return nil }
        switch outcome {
        case .bareYield(let result):
            frame.suspension = .bareYield(resumeWith: result)
            return .yielded(.none)
        case let .awaiting(awaitable, cleanup):
            awaitable.willSuspendAwaiter()
            frame.suspension = .skippedFrame(awaitable, cleanup: cleanup)
            return .yielded(.object(awaitable))
        }
    }
}
