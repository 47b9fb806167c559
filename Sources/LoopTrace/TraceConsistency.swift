import LoopSimulator

/// The rules every trace the simulator writes follows, checked event by event while a file
/// is loaded, so that a damaged or hand-edited trace is refused at its first inconsistent
/// line instead of being drawn wrong (or exhausting memory on a task id of 2^31):
///
/// - times are finite, non-negative and never go back; durations and burst lengths are
///   finite and non-negative; no value is NaN (a timer's deadline may be infinite);
/// - iterations are numbered 1, 2, 3… by their `iterationStart`, and every other event
///   carries the number of the iteration it happened in (0 before the first);
/// - callbacks do not nest (a `callbackStart` ends with its `callbackEnd`, same handle);
///   a task's steps do not overlap, and nothing steps a task that finished;
/// - every task an event names was created before (by `taskCreated`, once per id), and ids
///   count up from 1, so no id exceeds the number of events read;
/// - a `file` field names one of the header's files;
/// - counts and lines are not negative, and every number fits the 32 bits the store keeps.
struct TraceConsistency {
    private var time = 0.0
    private var iteration = 0
    private var openCallback: Int?
    private var eventsSeen = 0
    /// Per created task id: whether a step is open, and whether it has finished. An array
    /// indexed by id, not a dictionary: it is read for most events, and ids are dense (a
    /// created id never exceeds the events read, so it stays as small as the trace).
    private var tasks = TaskStates()
    /// The threads started so far (0, the main thread, needs no start).
    private var threads = Set<Int>()
    /// How many files besides the main one the header lists.
    private let fileCount: Int

    init(fileCount: Int) {
        self.fileCount = fileCount
    }

    private enum TaskState: UInt8 { case idle = 1, stepping, finished }

    private struct TaskStates {
        private var states: [UInt8] = []

        subscript(id: Int) -> TaskState? {
            get { id >= 0 && id < states.count ? TaskState(rawValue: states[id]) : nil }
            set {
                guard let newValue else { return }
                if id >= states.count { states.append(contentsOf: repeatElement(0, count: id - states.count + 1)) }
                states[id] = newValue.rawValue
            }
        }
    }

    /// The problem with `e` given the events before it, or nil.
    mutating func check(_ e: SimulationEvent) -> String? {
        eventsSeen += 1
        guard e.time.isFinite else { return "its time is \(e.time), not a finite number of seconds" }
        guard e.time >= 0 else { return "its time \(e.time) is negative" }
        guard e.time >= time else { return "its time \(e.time) is before the previous event's (\(time)): events out of order" }
        time = e.time
        if case .iterationStart = e.kind {
            guard e.iteration == iteration + 1 else {
                return "iteration \(e.iteration) starts after iteration \(iteration) (expected \(iteration + 1)): iterations out of order or repeated"
            }
            guard openCallback == nil else { return "an iteration starts while a callback runs" }
            iteration = e.iteration
        } else if e.iteration != iteration {
            return "it says iteration \(e.iteration) during iteration \(iteration)"
        }
        return checkFields(e)
    }

    private mutating func checkFields(_ e: SimulationEvent) -> String? {
        switch e.kind {
        case let .iterationStart(ready, timers, selectTimeout):
            return inRange(ready, "ready") ?? inRange(timers, "timers") ?? notNaN(selectTimeout, "selectTimeout")
        case .iterationEnd:
            return openCallback == nil ? nil : "the iteration ends while a callback runs"
        case let .clockAdvance(from, to):
            guard from.isFinite, to.isFinite, from <= to else { return "the clock cannot go from \(from) to \(to)" }
            return nil
        case let .callbackStart(handle, _, task):
            if let open = openCallback { return "callback \(handle) starts while callback \(open) still runs" }
            openCallback = handle
            return inRange(handle, "handle") ?? known(task)
        case let .callbackEnd(handle, duration):
            guard openCallback == handle else {
                return openCallback.map { "callback \(handle) ends while callback \($0) runs" } ?? "callback \(handle) ends but none started"
            }
            openCallback = nil
            return seconds(duration, "duration")
        case let .callbackSkipped(handle, _, task):
            return inRange(handle, "handle") ?? known(task)
        case let .taskCreated(task, _, _, creator, line, file):
            if let problem = inRange(task, "task") ?? known(creator) ?? inRange(line, "line") ?? known(file: file) { return problem }
            guard tasks[task] == nil else { return "task \(task) is created a second time" }
            guard task >= 1, task <= eventsSeen else {
                return "task id \(task) is out of range (ids count up from 1; \(eventsSeen) events so far)"
            }
            tasks[task] = .idle
            return nil
        case let .taskStepStart(task, _):
            switch tasks[task] {
            case nil: return unknown(task)
            case .stepping?: return "task \(task) starts a step while its previous step has not ended"
            case .finished?: return "task \(task) steps after it finished"
            case .idle?: tasks[task] = .stepping; return nil
            }
        case let .taskStepEnd(task, outcome):
            guard tasks[task] == .stepping else {
                return tasks[task] == nil ? unknown(task) : "task \(task) ends a step it did not start"
            }
            switch outcome {
            case .finished, .failed, .cancelled: tasks[task] = .finished
            case .parked(_, let future, let line, let file):
                tasks[task] = .idle
                return inRange(future, "future") ?? inRange(line, "line") ?? known(file: file)
            case .yielded(let line, let file):
                tasks[task] = .idle
                return inRange(line, "line") ?? known(file: file)
            }
            return nil
        case let .cancelRequested(task, by, _, line, file):
            return known(task) ?? known(by) ?? inRange(line, "line") ?? known(file: file)
        case let .cancelledErrorDelivered(task):
            return known(task)
        case let .timeoutFired(task, line, file):
            return known(task) ?? inRange(line, "line") ?? known(file: file)
        case let .cpuBurstStart(task, s, line, file), let .blockingSleepStart(task, s, line, file):
            return known(task) ?? seconds(s, "seconds") ?? inRange(line, "line") ?? known(file: file)
        case let .cpuBurstEnd(task), let .blockingSleepEnd(task):
            return known(task)
        case let .futureCreated(future, _), let .futureResolved(future, _):
            return inRange(future, "future")
        case let .timerScheduled(handle, when, _, future):
            return inRange(handle, "handle") ?? notNaN(when, "when") ?? future.flatMap { inRange($0, "future") }
        case let .timerCancelled(handle), let .timerDropped(handle):
            return inRange(handle, "handle")
        case let .print(task, _):
            return known(task)
        case .warning, .scheduleDeparture:
            return nil
        case let .threadStarted(thread, _):
            if let problem = inRange(thread, "thread") { return problem }
            guard thread >= 1, threads.insert(thread).inserted else { return "thread \(thread) is started a second time (or is the main thread, 0)" }
            return nil
        case let .threadState(thread, _, _, line, file):
            guard thread == 0 || threads.contains(thread) else { return "thread \(thread) was never started" }
            return inRange(line, "line") ?? known(file: file)
        case let .threadHandOff(thread, handle, _):
            guard threads.contains(thread) else { return "thread \(thread) was never started" }
            return inRange(handle, "handle")
        }
    }

    /// A `file` field: 0 is the main file, 1... the header's other files.
    private func known(file: Int) -> String? {
        file >= 0 && file <= fileCount ? nil : "file \(file) is not one of the header's \(fileCount + 1) files"
    }

    private func unknown(_ task: Int) -> String { "task \(task) was never created" }

    private func known(_ task: Int?) -> String? {
        guard let task else { return nil }
        return tasks[task] == nil ? unknown(task) : nil
    }

    /// Ids, counts and lines: not negative, and below the store's 32-bit "none" marker.
    private func inRange(_ v: Int, _ what: String) -> String? {
        v >= 0 && v < Int(Int32.max) ? nil : "\(what) \(v) is out of range"
    }

    private func seconds(_ v: Double, _ what: String) -> String? {
        v.isFinite && v >= 0 ? nil : "\(what) \(v) is not a finite, non-negative number of seconds"
    }

    private func notNaN(_ v: Double?, _ what: String) -> String? {
        guard let v, v.isNaN else { return nil }
        return "\(what) is NaN"
    }
}
