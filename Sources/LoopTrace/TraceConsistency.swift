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
///   count up from 1, so no id exceeds the number of events read (plus the events a
///   truncated recording dropped);
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

    /// `droppedEvents`: events of the run before the trace's first one (a recording bounded
    /// by `--max-size`), which ids may count beyond.
    init(fileCount: Int, droppedEvents: Int = 0) {
        self.fileCount = fileCount
        self.eventsSeen = droppedEvents
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

    /// The problem with `e` given the events before it, or nil. Problems an event has on
    /// its own (a value out of range) are reported before those it has with the events
    /// before it.
    mutating func check(_ e: SimulationEvent) -> String? {
        if let problem = Self.problemOnItsOwn(e, fileCount: fileCount) { return problem }
        guard Int32(exactly: e.iteration) != nil else {
            // Only an iteration number decides this event's fate now; a packed event could
            // not carry it.
            if case .iterationStart = e.kind {
                return "iteration \(e.iteration) starts after iteration \(self.iteration) (expected \(self.iteration + 1)): iterations out of order or repeated"
            }
            return "it says iteration \(e.iteration) during iteration \(self.iteration)"
        }
        // The rules between events read no strings: none are interned.
        return check(PackedEvent(e, intern: { _ in 0 }))
    }

    /// Whether `e` can be checked in its packed form (`check(_: PackedEvent)`): it has no
    /// problem on its own, and its numbers fit the packed form exactly. The reader's
    /// decoding workers ask this, so that only events that pass go to the store packed.
    static func packsExactly(_ e: SimulationEvent, fileCount: Int) -> Bool {
        problemOnItsOwn(e, fileCount: fileCount) == nil && Int32(exactly: e.iteration) != nil
    }

    /// What is wrong with `e` whatever came before it: a time that is no time, a count, id
    /// or line out of the store's 32-bit range, a file the header does not list. Task and
    /// thread ids no creation could have made (out of that range) were never created.
    private static func problemOnItsOwn(_ e: SimulationEvent, fileCount: Int) -> String? {
        guard e.time.isFinite else { return "its time is \(e.time), not a finite number of seconds" }
        guard e.time >= 0 else { return "its time \(e.time) is negative" }
        func known(file: Int) -> String? {
            file >= 0 && file <= fileCount ? nil : "file \(file) is not one of the header's \(fileCount + 1) files"
        }
        func known(_ task: Int?) -> String? {
            guard let task, !(0..<Int(Int32.max)).contains(task) else { return nil }
            return "task \(task) was never created"
        }
        func started(_ thread: Int) -> String? {
            (0..<Int(Int32.max)).contains(thread) ? nil : "thread \(thread) was never started"
        }
        switch e.kind {
        case let .iterationStart(ready, timers, selectTimeout):
            return inRange(ready, "ready") ?? inRange(timers, "timers") ?? notNaN(selectTimeout, "selectTimeout")
        case .iterationEnd:
            return nil
        case let .clockAdvance(from, to):
            guard from.isFinite, to.isFinite, from <= to else { return "the clock cannot go from \(from) to \(to)" }
            return nil
        case let .callbackStart(handle, _, task), let .callbackSkipped(handle, _, task):
            return inRange(handle, "handle") ?? known(task)
        case let .callbackEnd(handle, duration):
            return inRange(handle, "handle") ?? seconds(duration, "duration")
        case let .taskCreated(task, _, _, creator, line, file):
            return inRange(task, "task") ?? known(creator) ?? inRange(line, "line") ?? known(file: file)
                ?? (file < PackedEvent.fileLimit ? nil : "file \(file) is out of range")
        case let .taskStepStart(task, _):
            return known(task)
        case let .taskStepEnd(task, outcome):
            switch outcome {
            case .finished, .failed, .cancelled: return known(task)
            case .parked(_, let future, let line, let file):
                return known(task) ?? inRange(future, "future") ?? inRange(line, "line") ?? known(file: file)
            case .yielded(let line, let file):
                return known(task) ?? inRange(line, "line") ?? known(file: file)
            }
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
            return inRange(thread, "thread")
        case let .threadState(thread, _, _, line, file):
            return started(thread) ?? inRange(line, "line") ?? known(file: file)
        case let .threadHandOff(thread, handle, _):
            return started(thread) ?? inRange(handle, "handle")
        }
    }

    /// The problem with `e` given the events before it, or nil, for an event that packs
    /// exactly (`packsExactly`): its own values were checked when it was decoded.
    mutating func check(_ e: PackedEvent) -> String? {
        eventsSeen += 1
        guard e.time >= time else { return "its time \(e.time) is before the previous event's (\(time)): events out of order" }
        time = e.time
        let eventIteration = Int(e.iteration)
        if e.kind == .iterationStart {
            guard eventIteration == iteration + 1 else {
                return "iteration \(eventIteration) starts after iteration \(iteration) (expected \(iteration + 1)): iterations out of order or repeated"
            }
            guard openCallback == nil else { return "an iteration starts while a callback runs" }
            iteration = eventIteration
        } else if eventIteration != iteration {
            return "it says iteration \(eventIteration) during iteration \(iteration)"
        }
        return checkFields(e)
    }

    /// The rules between events, on the packed form's slots (see `PackedEvent.init`).
    private mutating func checkFields(_ e: PackedEvent) -> String? {
        let a = Int(e.a)
        let b: Int? = e.b == PackedEvent.none ? nil : Int(e.b)
        switch e.kind {
        case .iterationEnd:
            return openCallback == nil ? nil : "the iteration ends while a callback runs"
        case .callbackStart:
            if let open = openCallback { return "callback \(a) starts while callback \(open) still runs" }
            openCallback = a
            return known(b)
        case .callbackEnd:
            guard openCallback == a else {
                return openCallback.map { "callback \(a) ends while callback \($0) runs" } ?? "callback \(a) ends but none started"
            }
            openCallback = nil
            return nil
        case .callbackSkipped:
            return known(b)
        case .taskCreated:
            if let problem = known(b) { return problem }
            guard tasks[a] == nil else { return "task \(a) is created a second time" }
            guard a >= 1, a <= eventsSeen else {
                return "task id \(a) is out of range (ids count up from 1; \(eventsSeen) events so far)"
            }
            tasks[a] = .idle
            return nil
        case .taskStepStart:
            switch tasks[a] {
            case nil: return unknown(a)
            case .stepping?: return "task \(a) starts a step while its previous step has not ended"
            case .finished?: return "task \(a) steps after it finished"
            case .idle?: tasks[a] = .stepping; return nil
            }
        case .taskStepEnd:
            guard tasks[a] == .stepping else {
                return tasks[a] == nil ? unknown(a) : "task \(a) ends a step it did not start"
            }
            switch OutcomeCode(rawValue: e.flags) {
            case .parked?, .yielded?: tasks[a] = .idle
            default: tasks[a] = .finished
            }
            return nil
        case .cancelRequested:
            return known(a) ?? known(b)
        case .cancelledErrorDelivered, .timeoutFired, .cpuBurstStart, .cpuBurstEnd, .blockingSleepStart, .blockingSleepEnd,
             .print:
            return e.a == PackedEvent.none ? nil : known(a)
        case .threadStarted:
            guard a >= 1, threads.insert(a).inserted else { return "thread \(a) is started a second time (or is the main thread, 0)" }
            return nil
        case .threadState:
            return a == 0 || threads.contains(a) ? nil : "thread \(a) was never started"
        case .threadHandOff:
            return threads.contains(a) ? nil : "thread \(a) was never started"
        case .iterationStart, .clockAdvance, .futureCreated, .futureResolved, .timerScheduled, .timerCancelled,
             .timerDropped, .warning, .scheduleDeparture:
            return nil
        }
    }

    private func unknown(_ task: Int) -> String { "task \(task) was never created" }

    private func known(_ task: Int?) -> String? {
        guard let task else { return nil }
        return tasks[task] == nil ? unknown(task) : nil
    }

    /// Ids, counts and lines: not negative, and below the store's 32-bit "none" marker.
    private static func inRange(_ v: Int, _ what: String) -> String? {
        v >= 0 && v < Int(Int32.max) ? nil : "\(what) \(v) is out of range"
    }

    private static func seconds(_ v: Double, _ what: String) -> String? {
        v.isFinite && v >= 0 ? nil : "\(what) \(v) is not a finite, non-negative number of seconds"
    }

    private static func notNaN(_ v: Double?, _ what: String) -> String? {
        guard let v, v.isNaN else { return nil }
        return "\(what) is NaN"
    }
}
