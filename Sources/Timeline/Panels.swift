import LoopTrace

/// The data behind the panels under the timeline, for the iteration under the cursor, as
/// plain values: a UI formats them however it likes; nothing here knows about screens.
public struct Panels: Sendable, Equatable {
    /// One task's row in the task panel.
    public struct TaskRow: Sendable, Equatable {
        public var index: Int
        public var task: TaskInfo
        public var status: TaskStatus
        public var steps: Int
    }

    /// One line of the source panel.
    public struct SourceLine: Sendable, Equatable {
        public var number: Int
        public var text: String
        /// Tasks (creation-order indexes) parked on or running this line.
        public var tasks: [Int]
        /// The selected task's line.
        public var isCurrent: Bool
    }

    public var iteration: Int
    /// Ready queue, timer heap (by deadline) and callbacks run, at the cursor's iteration.
    public var loop: LoopState?
    public var tasks: [TaskRow]
    public var source: [SourceLine]
    /// The file `source` shows: the one the selected task is in (the scenario when no task
    /// is selected or its file is unknown). 0 is the scenario (`TraceHeader.file`).
    public var sourceFile: Int
    public var sourcePath: String
    /// Printed output and warnings produced up to the end of the cursor's iteration.
    public var output: [OutputLine]
    public var warnings: [OutputLine]

    /// Builds the panels for iteration `k` (task states as that iteration began). Only the
    /// last `outputLines` printed lines are decoded.
    public static func at(iteration k: Int, in store: TraceStore, selectedTask: Int? = nil, outputLines: Int = 200) -> Panels {
        let info = store.iteration(k)
        let endEvent = info?.endEvent ?? store.eventCount
        let rows = (0..<store.taskCount).map { i in
            TaskRow(index: i, task: store.task(at: i), status: store.taskStatus(i, atIteration: k), steps: store.stepCount(task: i))
        }
        let selected = selectedTask.flatMap { s in s < rows.count ? rows[s].status : nil }
        let shown = selected.flatMap { store.header.file($0.file) != nil ? $0.file : nil } ?? 0
        let file = store.header.file(shown) ?? store.header.file(0)!
        var byLine: [Int: [Int]] = [:]
        for row in rows where row.status.state != .absent && row.status.file == shown {
            if let line = row.status.line { byLine[line, default: []].append(row.index) }
        }
        let currentLine = selected?.file == shown ? selected?.line : nil
        var source: [SourceLine] = []
        var number = 0
        for text in file.source.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            source.append(SourceLine(number: number, text: String(text), tasks: byLine[number] ?? [], isCurrent: number == currentLine))
        }
        if source.last?.text.isEmpty == true { source.removeLast() }
        return Panels(iteration: k, loop: store.loopState(atIteration: k), tasks: rows, source: source,
                      sourceFile: shown, sourcePath: file.path, output: store.output(before: endEvent, last: outputLines), warnings: store.warnings(before: endEvent))
    }
}
