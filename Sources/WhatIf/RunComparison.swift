import Foundation

/// How run B differs from run A: the first iteration where the loop did something else,
/// the tasks whose outcome changed, and the printed lines that changed.
public struct RunComparison: Equatable, Sendable {
    public struct Divergence: Equatable, Sendable {
        public var iteration: Int
        /// What each run did in that iteration (nil: the run had ended).
        public var a: RunDigest.Iteration?
        public var b: RunDigest.Iteration?
    }

    public struct TaskChange: Equatable, Sendable {
        /// The task's place in creation order (its lane in either run's store).
        public var index: Int
        public var name: String
        public var before: String
        public var after: String
    }

    /// One line of the output's difference: kept (" "), removed ("-") or added ("+").
    public struct OutputChange: Equatable, Sendable {
        public var mark: Character
        public var text: String
    }

    public var divergence: Divergence?
    public var taskChanges: [TaskChange]
    /// The lines between the common beginning and end of the two outputs.
    public var outputChanges: [OutputChange]

    public var identical: Bool { divergence == nil && taskChanges.isEmpty && outputChanges.isEmpty }

    public init(_ a: RunDigest, _ b: RunDigest) {
        divergence = nil
        for k in 0..<max(a.iterations.count, b.iterations.count) {
            let x = k < a.iterations.count ? a.iterations[k] : nil
            let y = k < b.iterations.count ? b.iterations[k] : nil
            if x != y {
                divergence = Divergence(iteration: (x ?? y)?.number ?? k + 1, a: x, b: y)
                break
            }
        }
        // Tasks pair up by creation order: the same program creates them in the same order
        // until the runs diverge; a task only one run created is compared with "absent".
        var changes: [TaskChange] = []
        for k in 0..<max(a.tasks.count, b.tasks.count) {
            let x = k < a.tasks.count ? a.tasks[k] : nil
            let y = k < b.tasks.count ? b.tasks[k] : nil
            let before = x?.outcome ?? "absent", after = y?.outcome ?? "absent"
            if before != after || x?.name != y?.name {
                let name = x?.name == y?.name || y == nil ? x?.name ?? "" : "\(x?.name ?? "absent") / \(y?.name ?? "")"
                changes.append(TaskChange(index: k, name: name.isEmpty ? y?.name ?? "" : name, before: before, after: after))
            }
        }
        taskChanges = changes
        outputChanges = RunComparison.lineChanges(a.output, b.output)
    }

    /// The lines after the common prefix and before the common suffix: A's removed, B's
    /// added. Not a minimal diff, but linear in the output and exact about where the two
    /// begin and stop differing.
    public static func lineChanges(_ a: [String], _ b: [String]) -> [OutputChange] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        if prefix == a.count && prefix == b.count { return [] }
        var changes: [OutputChange] = []
        if prefix > 0 { changes.append(OutputChange(mark: " ", text: a[prefix - 1])) }
        changes += a[prefix..<(a.count - suffix)].map { OutputChange(mark: "-", text: $0) }
        changes += b[prefix..<(b.count - suffix)].map { OutputChange(mark: "+", text: $0) }
        if suffix > 0 { changes.append(OutputChange(mark: " ", text: a[a.count - suffix])) }
        return changes
    }

    /// The comparison as `diff` prints it.
    public func report(labelA: String, labelB: String) -> String {
        if identical { return "no difference: the two runs took the same steps and printed the same output\n" }
        var out = "A: \(labelA)\nB: \(labelB)\n"
        if let d = divergence {
            out += "first divergence: iteration \(d.iteration)\n"
            out += "  A: " + describe(d.a) + "\n"
            out += "  B: " + describe(d.b) + "\n"
        }
        if taskChanges.isEmpty {
            out += "task outcomes: unchanged\n"
        } else {
            out += "task outcomes changed:\n"
            let width = taskChanges.map(\.name.count).max() ?? 0
            for c in taskChanges {
                out += "  " + c.name + String(repeating: " ", count: width - c.name.count) + "  \(c.before) → \(c.after)\n"
            }
        }
        if outputChanges.isEmpty {
            out += "output: unchanged\n"
        } else {
            out += "output changed:\n"
            for c in outputChanges { out += "  \(c.mark) \(c.text)\n" }
        }
        return out
    }

    private func describe(_ iteration: RunDigest.Iteration?) -> String {
        guard let iteration else { return "(the run had ended)" }
        let steps = iteration.steps.isEmpty ? "nothing ran" : iteration.steps.joined(separator: ", ")
        return "t=\(formatTime(iteration.time))  \(steps)"
    }
}

/// Seconds as the timeline writes them (`0.55s`, `2s`).
func formatTime(_ t: Double) -> String {
    var text = String(format: "%.6f", t)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text + "s"
}
