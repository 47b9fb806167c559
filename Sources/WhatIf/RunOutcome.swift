import LoopSimulator
import PythonRuntime

/// How one run ended, as `explore` groups runs: what it printed, its exit status, and
/// what went to stderr (an uncaught exception's traceback, a deadlock report, "Task
/// exception was never retrieved", a failed `assert`).
public struct RunOutcome: Hashable, Sendable {
    public var stdout: String
    public var stderr: String
    public var exitStatus: Int32
    public var deadlock: Bool
    /// The run was stopped by a limit (iterations, time horizon, instructions).
    public var stoppedByLimit: Bool

    public init(stdout: String, stderr: String, exitStatus: Int32, halt: SimulationHalt?) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitStatus = exitStatus
        if case .deadlock? = halt { deadlock = true } else { deadlock = false }
        stoppedByLimit = halt != nil && !deadlock
    }

    /// The exception line that ended the run (`AssertionError: lost update`), if one did.
    public var uncaughtException: String? {
        guard exitStatus == 1, !deadlock else { return nil }
        return stderr.split(separator: "\n").last.map(String.init)
    }

    public var neverRetrievedCount: Int {
        stderr.components(separatedBy: "Task exception was never retrieved").count - 1
    }

    /// One line: `exit 0`, `exit 1: AssertionError: lost update`, `deadlock (exit 3)`, with
    /// never-retrieved exceptions counted.
    public var summary: String {
        var parts: [String] = []
        if deadlock {
            parts.append("deadlock (exit 3)")
        } else if stoppedByLimit {
            parts.append("stopped by a limit (exit 3)")
        } else if let e = uncaughtException {
            parts.append(e.hasPrefix("AssertionError") ? "assert failed (exit 1): \(e)" : "exit 1: \(e)")
        } else {
            parts.append("exit \(exitStatus)")
        }
        let n = neverRetrievedCount
        if n > 0 { parts.append("\(n) exception\(n == 1 ? "" : "s") never retrieved") }
        return parts.joined(separator: ", ")
    }

    public var outputLines: [String] {
        var lines = stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
