import LoopSimulator
import LoopTrace

/// What two runs are compared by: per loop iteration, when it began and what it ran; each
/// task's outcome; the printed lines. Built from a run's events, so a recorded trace and a
/// fresh simulation compare alike.
public struct RunDigest: Equatable, Sendable {
    public struct Iteration: Equatable, Sendable {
        public var number: Int
        public var time: Double
        /// The callbacks it ran (`Task-2.step`, `sleep timer`), in order, and what they printed.
        public var steps: [String]
    }

    public struct TaskOutcome: Equatable, Sendable {
        public var id: Int
        public var name: String
        /// `done: 'rows'`, `cancelled`, `failed: ValueError('x')`, `pending` (never ended).
        public var outcome: String
    }

    public var iterations: [Iteration] = []
    public var tasks: [TaskOutcome] = []
    public var output: [String] = []
    /// Everything printed, as one text (what an output digest is taken of).
    public var outputText = ""
    /// Tasks whose `wait_for`/`timeout` deadline expired, in order.
    public var timedOut: [String] = []
    public var endTime: Double = 0

    public init(_ store: TraceStore) {
        var taskIndex: [Int: Int] = [:]
        var printed = ""
        for i in 0..<store.eventCount {
            let event = store.event(at: i)
            endTime = max(endTime, event.time)
            switch event.kind {
            case .iterationStart:
                iterations.append(Iteration(number: event.iteration, time: event.time, steps: []))
            case .callbackStart(_, let description, _):
                if !iterations.isEmpty { iterations[iterations.count - 1].steps.append(description) }
            case .print(_, let text):
                printed += text
                if !iterations.isEmpty { iterations[iterations.count - 1].steps.append("print \(text.debugDescription)") }
            case .taskCreated(let id, let name, let coroutine, _, _, _):
                taskIndex[id] = tasks.count
                // `Task-5 query`: a default name says little without its coroutine.
                let label = name.hasPrefix("Task-") ? "\(name) \(coroutine)" : name
                tasks.append(TaskOutcome(id: id, name: label, outcome: "pending"))
            case .timeoutFired(let id?, _, _):
                if let k = taskIndex[id], !timedOut.contains(tasks[k].name) { timedOut.append(tasks[k].name) }
            case .taskStepEnd(let id, let outcome):
                guard let k = taskIndex[id] else { break }
                switch outcome {
                case .finished(let result): tasks[k].outcome = "done: \(result)"
                case .failed(let exception): tasks[k].outcome = "failed: \(exception)"
                case .cancelled: tasks[k].outcome = "cancelled"
                case .parked, .yielded: break
                }
            default:
                break
            }
        }
        outputText = printed
        output = printed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if output.last == "" { output.removeLast() }
    }
}
