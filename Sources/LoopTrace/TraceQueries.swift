import LoopSimulator

/// What the timeline and the UI ask the store. Every query is a binary search or a bounded
/// walk over one iteration's events, never a scan of the whole trace.
extension TraceStore {
    /// Identifies a lane: the loop thread, or a task by its index in creation order.
    public enum LaneID: Hashable, Sendable {
        case loop
        case task(Int)
        /// A thread other than the loop's, by index (thread number - 1).
        case thread(Int)
    }

    // MARK: Threads

    /// Threads other than the loop's that the run started.
    public var threadCount: Int { threadRecords.count }

    /// A thread's lane label: its name and what it was last seen running.
    public func threadLabel(_ index: Int) -> String {
        let record = threadRecords[index]
        let name = strings[record.name]
        return record.what >= 0 ? "\(name) \(strings[record.what])" : name
    }

    /// What each thread (index) was doing at virtual time `t`: its lane state, and the
    /// segment's detail (the function it runs, or what it waits on).
    public func threadStatus(_ index: Int, atTime t: Double) -> (name: String, state: LaneState, detail: String?) {
        let record = threadRecords[index]
        guard let (state, _, _, detail) = record.lane.parts(at: t, axis: .time) else {
            return (strings[record.name], .absent, nil)
        }
        return (strings[record.name], state, detail >= 0 ? strings[detail] : nil)
    }

    /// The callbacks other threads handed to the loop during iteration `k` (run in it, or
    /// queued for the next): their descriptions, with the thread's name.
    public func handOffs(inIteration k: Int) -> [(thread: String, description: String)] {
        let k32 = Int32(clamping: k)
        let first = lowerBound(handOffEvents.count) { self.events[Int(self.handOffEvents[$0])].iteration < k32 }
        return handOffEvents[first...].prefix { self.events[Int($0)].iteration == k32 }.map { i in
            let e = events[Int(i)]
            let t = Int(e.a) - 1
            let name = t >= 0 && t < threadRecords.count ? strings[threadRecords[t].name] : "thread \(e.a)"
            return (name, strings[e.c])
        }
    }

    // MARK: Events

    public var eventCount: Int { events.count }

    public func event(at index: Int) -> SimulationEvent { events[index].unpacked(strings) }

    /// Whether event `index` starts or ends a callback, told without unpacking it: half of
    /// a run's events, which readers of the tasks' lives (`TaskStories`) pass over.
    public func isCallbackBoundary(at index: Int) -> Bool {
        let kind = events[index].kind
        return kind == .callbackStart || kind == .callbackEnd
    }

    /// The events in `range` (event indexes), decoded.
    public func events(in range: Range<Int>) -> [SimulationEvent] {
        let r = range.clamped(to: 0..<events.count)
        return r.map { events[$0].unpacked(strings) }
    }

    /// The index of the first event at or after virtual time `t`.
    public func eventIndex(atTime t: Double) -> Int {
        lowerBound(events.count) { events[$0].time < t }
    }

    /// The index of iteration `k`'s `iterationStart` event (0 for k before the first).
    public func eventIndex(atIteration k: Int) -> Int {
        guard let i = iterationIndex(k) else { return k <= 0 ? 0 : events.count }
        return Int(iterations[i].firstEvent)
    }

    /// The virtual time of the last event.
    public var endTime: Double { events.last?.time ?? 0 }

    // MARK: Iterations

    /// The last iteration number recorded (0 when the loop never ran).
    public var lastIteration: Int { iterations.last.map { Int(events[Int($0.firstEvent)].iteration) } ?? 0 }
    public var firstIteration: Int { iterations.first.map { Int(events[Int($0.firstEvent)].iteration) } ?? 0 }
    public var iterationCount: Int { iterations.count }

    func iterationNumber(_ i: Int) -> Int { Int(events[Int(iterations[i].firstEvent)].iteration) }

    /// Position in `iterations` of iteration number `k`.
    func iterationIndex(_ k: Int) -> Int? {
        let i = lowerBound(iterations.count) { iterationNumber($0) < k }
        return i < iterations.count && iterationNumber(i) == k ? i : nil
    }

    public func iteration(_ k: Int) -> IterationInfo? {
        guard let i = iterationIndex(k) else { return nil }
        let e = events[Int(iterations[i].firstEvent)]
        let end = i + 1 < iterations.count ? Int(iterations[i + 1].firstEvent) : events.count
        return IterationInfo(number: Int(e.iteration), startTime: e.time, readyCount: Int(e.a), timerCount: Int(e.b),
                             selectTimeout: e.flags == 1 ? e.x : nil, firstEvent: Int(iterations[i].firstEvent),
                             endEvent: end)
    }

    /// The first iteration in which the virtual clock reaches `t`: where a timer due at `t`
    /// runs. (An iteration starts before its clock jump, so this is not `iteration(atTime:)`.)
    public func iteration(reaching t: Double) -> Int {
        guard !iterations.isEmpty else { return 0 }
        let i = lowerBound(iterations.count) { idx in
            let end = idx + 1 < iterations.count ? Int(iterations[idx + 1].firstEvent) : events.count
            return events[end - 1].time < t
        }
        return iterationNumber(min(i, iterations.count - 1))
    }

    /// The iteration in progress at virtual time `t` (the last one started at or before it).
    public func iteration(atTime t: Double) -> Int {
        let i = lowerBound(iterations.count) { events[Int(iterations[$0].firstEvent)].time <= t }
        return i == 0 ? 0 : iterationNumber(i - 1)
    }

    /// The iteration a step slot belongs to.
    public func iteration(atSlot s: Int) -> Int {
        let i = lowerBound(iterations.count) { Int(iterations[$0].slot) <= s }
        return i == 0 ? 0 : iterationNumber(i - 1)
    }

    /// The separator slot of iteration `k` on the steps axis.
    public func slot(ofIteration k: Int) -> Int? {
        iterationIndex(k).map { Int(iterations[$0].slot) }
    }

    /// Virtual time at a step slot: the start of its callback or iteration.
    public func time(atSlot s: Int) -> Double {
        let c = lowerBound(callbacks.count) { Int(callbacks[$0].slot) <= s }
        let i = lowerBound(iterations.count) { Int(iterations[$0].slot) <= s }
        let fromCallback = c > 0 ? events[Int(callbacks[c - 1].event)].time : 0
        let fromIteration = i > 0 ? events[Int(iterations[i - 1].firstEvent)].time : 0
        return max(fromCallback, fromIteration)
    }

    /// The loop at iteration `k`: ready queue and timer heap at its start, callbacks it ran.
    public func loopState(atIteration k: Int) -> LoopState? {
        guard let i = iterationIndex(k), let info = iteration(k) else { return nil }
        let first = Int(iterations[i].firstCallback)
        let end = i + 1 < iterations.count ? Int(iterations[i + 1].firstCallback) : callbacks.count
        return LoopState(iteration: info, ready: readyQueue(iteration: i, callbacks: first..<end),
                         timers: timerHeap(atIteration: k), callbacks: (first..<end).map(callbackRun))
    }

    /// The ready queue iteration `i` (an index) began with: the handles it took from the
    /// queue that were not timers coming due, run or skipped, in queue order.
    private func readyQueue(iteration i: Int, callbacks range: Range<Int>) -> [ReadyEntry] {
        let firstEvent = iterations[i].firstEvent
        let endEvent = i + 1 < iterations.count ? iterations[i + 1].firstEvent : Int32(events.count)
        var positions = range.filter { !callbacks[$0].joinedAfterStart }.map { callbacks[$0].event }
        let s = lowerBound(skippedReady.count) { skippedReady[$0] < firstEvent }
        let skipped = skippedReady[s...].prefix { $0 < endEvent }
        if !skipped.isEmpty { positions = (positions + skipped).sorted() }
        return positions.map { e in
            let p = events[Int(e)]
            return ReadyEntry(handle: Int(p.a), description: strings[p.c], task: p.b == PackedEvent.none ? nil : Int(p.b),
                              cancelled: p.kind == .callbackSkipped)
        }
    }

    /// The timer heap at the start of iteration `k`, in the order the timers fire
    /// (deadline, then scheduling order, as the heap pops them).
    private func timerHeap(atIteration k: Int) -> [TimerEntry] {
        let k = Int32(clamping: k)
        // Timers are recorded in the order they were scheduled: only a prefix can be in.
        let scheduledBefore = lowerBound(timers.count) { events[Int(timers[$0].event)].iteration < k }
        var entries: [TimerEntry] = []
        for t in timers[..<scheduledBefore] where t.lastIteration >= k {
            let p = events[Int(t.event)]
            let cancelled = t.cancelledIn < k
            let wakes = cancelled || t.wakes < 0 ? nil : taskRecords[Int(t.wakes)].id(in: self)
            entries.append(TimerEntry(handle: Int(p.a), deadline: p.x, description: strings[p.c],
                                      cancelled: cancelled, wakes: wakes))
        }
        // Heap order is an implementation detail; show deadlines in the order they fire.
        return entries.enumerated().sorted { ($0.element.deadline, $0.offset) < ($1.element.deadline, $1.offset) }.map(\.element)
    }

    func callbackRun(_ c: Int) -> CallbackRun {
        let record = callbacks[c]
        let e = events[Int(record.event)]
        let duration = record.endEvent >= 0 ? events[Int(record.endEvent)].x : nil
        return CallbackRun(handle: Int(e.a), description: strings[e.c], task: e.b == PackedEvent.none ? nil : Int(e.b),
                           startTime: e.time, duration: duration, iteration: Int(e.iteration), slot: Int(record.slot),
                           event: Int(record.event))
    }

    /// The callback run at a step slot, if the slot holds one (not an iteration separator).
    public func callback(atSlot s: Int) -> CallbackRun? {
        let c = lowerBound(callbacks.count) { Int(callbacks[$0].slot) < s }
        guard c < callbacks.count, Int(callbacks[c].slot) == s else { return nil }
        return callbackRun(c)
    }

    public var callbackCount: Int { callbacks.count }

    // MARK: Tasks

    /// Tasks in creation order.
    public var taskCount: Int { taskRecords.count }

    public func task(at index: Int) -> TaskInfo {
        let e = events[Int(taskRecords[index].createdEvent)]
        return TaskInfo(id: Int(e.a), name: strings[e.c], coroutine: strings[e.d],
                        creator: e.b == PackedEvent.none ? nil : Int(e.b), line: Int(e.e), file: Int(e.f),
                        createdAt: e.time, createdInIteration: Int(e.iteration))
    }

    public var tasks: [TaskInfo] { (0..<taskCount).map(task(at:)) }

    /// Creation-order index of the task with simulator id `id`.
    public func taskIndex(id: Int) -> Int? {
        guard id >= 0, id < taskIndexByID.count, taskIndexByID[id] >= 0 else { return nil }
        return Int(taskIndexByID[id])
    }

    public func lane(_ id: LaneID) -> Lane {
        switch id {
        case .loop: return loopLane
        case .task(let i): return taskRecords[i].lane
        case .thread(let i): return threadRecords[i].lane
        }
    }

    /// What the task was doing at virtual time `t` (its last state at that instant).
    public func taskStatus(_ index: Int, atTime t: Double) -> TaskStatus {
        status(task: index, at: t, axis: .time)
    }

    /// What the task was doing when iteration `k` began.
    public func taskStatus(_ index: Int, atIteration k: Int) -> TaskStatus {
        let slot = slot(ofIteration: k) ?? (k <= 0 ? 0 : slotCount)
        return status(task: index, at: Double(slot), axis: .steps)
    }

    /// What the task was doing at a step slot.
    public func taskStatus(_ index: Int, atSlot s: Int) -> TaskStatus {
        status(task: index, at: Double(s), axis: .steps)
    }

    /// Reads the task's lane in place (a method call on the array element, not a copy): a
    /// lane is several arrays, and copying it (retaining each) per query made asking ten
    /// thousand tasks for their state a frame's largest cost.
    private func status(task index: Int, at position: Double, axis: Axis) -> TaskStatus {
        guard let (state, line, file, detail) = taskRecords[index].lane.parts(at: position, axis: axis) else {
            return TaskStatus(state: .absent, line: nil, detail: nil)
        }
        return TaskStatus(state: state, line: line > 0 ? line : nil, file: file, detail: detail >= 0 ? strings[detail] : nil)
    }

    /// Each task's state, line and file when iteration `k` begins, in creation order: what
    /// the Source panel and the lane filter ask of every task at each frame. The slot is
    /// found once, and each lane is read in place, without its strings (asking ten
    /// thousand tasks for `taskStatus`, detail text and all, took most of a frame).
    public func taskPlaces(atIteration k: Int) -> [TaskPlace] {
        let position = Double(slot(ofIteration: k) ?? (k <= 0 ? 0 : slotCount))
        return taskRecords.withUnsafeBufferPointer { records in
            records.map { record in
                guard let s = record.lane.segment(at: position, axis: .steps) else {
                    return TaskPlace(state: .absent, line: nil, file: 0)
                }
                let line = record.lane.line(ofSegment: s)
                return TaskPlace(state: record.lane.state(ofSegment: s), line: line > 0 ? line : nil,
                                 file: record.lane.file(ofSegment: s))
            }
        }
    }

    /// How many steps the task has taken.
    public func stepCount(task index: Int) -> Int { Int(taskRecords[index].stepCount) }

    // MARK: Output and warnings

    /// Printed text produced before event `end` (all of it by default), oldest first.
    public func output(before end: Int? = nil) -> [OutputLine] {
        lines(printEvents, before: end)
    }

    /// Warnings produced before event `end`, oldest first.
    public func warnings(before end: Int? = nil) -> [OutputLine] {
        lines(warningEvents, before: end)
    }

    /// Where the run departed from CPython's order (`--schedule`): the iteration, the kind
    /// (`tie`, `overrun`, `jitter`) and what happened.
    public var departures: [(iteration: Int, kind: String, detail: String)] {
        departureEvents.map { i in
            let e = events[Int(i)]
            return (Int(e.iteration), strings[e.c], strings[e.d])
        }
    }

    /// Only the last `limit` lines are decoded, so a panel's cost does not grow with the run.
    public func output(before end: Int?, last limit: Int) -> [OutputLine] {
        lines(printEvents, before: end, last: limit)
    }

    private func lines(_ index: [Int32], before end: Int?, last limit: Int = .max) -> [OutputLine] {
        let n = end.map { e in lowerBound(index.count) { Int(index[$0]) < e } } ?? index.count
        let from = max(0, n - limit)
        return (from..<n).map { k in
            let e = events[Int(index[k])]
            return OutputLine(text: strings[e.c], task: e.kind == .print && e.a != PackedEvent.none ? Int(e.a) : nil,
                              time: e.time, iteration: Int(e.iteration), event: Int(index[k]))
        }
    }

    // MARK: Helpers

    /// The first index in 0..<count for which `isBefore` is false (`isBefore` must be
    /// true on a prefix).
    func lowerBound(_ count: Int, _ isBefore: (Int) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if isBefore(mid) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
