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
    /// `TaskGroup.create_task` or `Runner.run`), else the active frame.
    var activeLocation: (line: Int, file: Int) {
        location(of: currentFiber?.frames.last { fileNumbers[$0.code.filename] != nil } ?? activeFrame)
    }
}
