/// What a lane (a task, or the loop thread) is doing over an interval. A lane stores each
/// segment's `importance`, which names its state (no two states share one).
public enum LaneState: UInt8, CaseIterable, Sendable {
    /// The task does not exist yet or has ended; the loop lane never uses it.
    case absent = 0
    /// In the ready queue: created, yielded with `sleep(0)`, or woken and not yet stepped.
    case ready
    /// Parked on a `sleep()` timer.
    case sleeping
    /// Parked on a future or another task.
    case waiting
    /// Created (a one-slot marker; the task is then `ready` until its first step).
    case created
    /// Finished with a result (one-slot marker).
    case done
    /// Holding the thread in `time.sleep()` (blocking I/O).
    case blocking
    /// A task's step or a loop callback is executing.
    case running
    /// Ended by `CancelledError` (one-slot marker).
    case cancelled
    /// Ended with an exception (one-slot marker).
    case failed
    /// Holding the thread in a CPU-bound `cpu()` burst.
    case cpuBurst
    /// Loop lane only: `_run_once` deciding what to do next (the select with timeout 0).
    case select
    /// Loop lane only: nothing ready, the clock jumps to the next timer.
    case idle
    /// A thread (the loop's too) waiting for the GIL while another thread holds it.
    case gilWait

    /// When one column covers several states, the highest importance wins: CPU burst >
    /// ended (failed > cancelled > done) > running > waiting for the GIL > blocking >
    /// created > waiting > sleeping > ready > idle. How a task ended outranks its last step,
    /// so a task whose last step shares a column with the step before still shows its ✓.
    public var importance: UInt8 {
        switch self {
        case .absent: return 0
        case .idle: return 1
        case .select: return 2
        case .ready: return 3
        case .sleeping: return 4
        case .waiting: return 5
        case .created: return 6
        case .blocking: return 7
        case .gilWait: return 8
        case .running: return 9
        case .done: return 10
        case .cancelled: return 11
        case .failed: return 12
        case .cpuBurst: return 13
        }
    }

    /// The inverse of `importance`, for summaries that keep only the maximum.
    static let byImportance: [LaneState] = LaneState.allCases.sorted { $0.importance < $1.importance }
}
