import ScenarioLanguage
import PythonRuntime

/// With the cost model off, a step that runs many instructions takes no virtual time,
/// which hides the pitfall it shows under CPython: the hint says where, and how long
/// CPython would have held the loop.
extension EventLoop {
    /// Where a task's coroutine stands (its own frame's next instruction), read before its
    /// step for the hint's line range: one field read, as it is done for every step.
    @inline(__always)
    func resumePoint(_ item: ReadyItem) -> Int? {
        item.callback.task?.coro.frame.pc
    }

    /// Called after a callback that ran `instructions` instructions; `startPC` is what
    /// `resumePoint` read before it.
    func hintIfLong(_ item: ReadyItem, instructions: Int, startPC: Int?) {
        guard state.secondsPerInstruction == 0, instructions > CPUCost.hintInstructions else { return }
        var who = item.callback.describe(vm)
        var place = ""
        if let task = item.callback.task {
            who = "\(task.name) (\(task.coro.qualname))"
            let frame = task.coro.frame
            if !frame.code.isLibrary {
                let first = frame.code.line(at: max(0, (startPC ?? frame.pc) - 1)), last = frame.currentLine
                let range = first == last ? "line \(first)" : "lines \(min(first, last))-\(max(first, last))"
                place = " (\(frame.code.filename), \(range))"
            }
        }
        let seconds = Double(instructions) * CPUCost.realistic.secondsPerInstruction
        let about = (try? PyFormatSpec.format(float: seconds, spec: ".2g")) ?? "\(seconds)"
        state.warn("loopscope: hint: \(who) ran \(instructions) instructions in one step\(place) in no virtual time; "
                   + "CPython would hold the loop for about \(about) s there. Charge it with --cpu-cost realistic "
                   + "or a `# loopscope: cpu-cost=realistic` comment in the scenario.")
    }
}
