import PythonRuntime

/// Where a traced event happened in the program: a line and the number of its file (0: the
/// scenario, k: the k-th module it loaded, as `StepOutcome` numbers them).
extension Interpreter {
    /// A frame's line and file; code outside the program's files (asyncio's prelude) keeps
    /// its line and counts as file 0, as traces did before events carried files.
    func location(of frame: Frame?) -> (line: Int, file: Int) {
        (frame?.currentLine ?? 0, frame.flatMap { fileNumbers[$0.code.filename] } ?? 0)
    }

    /// Where the program's own code stands: its innermost frame in the running code (the
    /// `create_task`, `cancel()` or `asyncio.run` line, not the prelude's line inside
    /// `TaskGroup.create_task` or `Runner.run`), else the active frame if it is the
    /// program's; (0, 0) when only asyncio's code runs (a Timeout's timer cancelling its
    /// task): a line of the prelude is no line of the program's files.
    var activeLocation: (line: Int, file: Int) {
        if let frame = currentFiber?.frames.last(where: { fileNumbers[$0.code.filename] != nil }) { return location(of: frame) }
        guard let frame = activeFrame, fileNumbers[frame.code.filename] != nil else { return (0, 0) }
        return location(of: frame)
    }

    /// The innermost of `frames` in the program's own files, as (line, file); (0, 0) when
    /// none is (a task running only asyncio's code): never a line of the prelude.
    func programLocation(in frames: [Frame]) -> (line: Int, file: Int) {
        // The prelude's frames are passed over without hashing their file's name: this
        // runs at the end of every task step.
        for frame in frames.reversed() where !frame.code.isLibrary {
            if let file = fileNumbers[frame.code.filename] { return (frame.currentLine, file) }
        }
        return (0, 0)
    }
}
