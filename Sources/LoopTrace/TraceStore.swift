import LoopSimulator

/// A run's events plus the indexes the timeline and the UI query. Events are appended one at
/// a time (it is a `SimulationEventSink`, so the simulator can feed it directly and a lazy UI
/// can keep appending), and every index is updated in O(1) amortised per event.
///
/// Queries are answered from the indexes in time independent of the trace's length:
/// binary searches over sorted arrays, and a range-max pyramid per lane for summaries.
public final class TraceStore: SimulationEventSink {
    public var header: TraceHeader

    private(set) var events: [PackedEvent] = []
    private(set) var strings = StringTable()

    struct IterationRecord {
        var firstEvent: Int32
        /// The iteration's separator slot on the steps axis.
        var slot: Int32
        var firstCallback: Int32
    }

    /// 12 bytes: a Bool field would round the record up to 16, a third more for a million
    /// callbacks.
    struct CallbackRecord {
        var event: Int32
        var endEvent: Int32 = -1
        /// The slot, or its complement (negative) when the callback joined after the start.
        private var slotOrJoined: Int32

        init(event: Int32, slot: Int32, joinedAfterStart: Bool) {
            self.event = event
            slotOrJoined = joinedAfterStart ? ~slot : slot
        }

        var slot: Int32 { slotOrJoined < 0 ? ~slotOrJoined : slotOrJoined }
        /// Not in the ready queue when the iteration started: a timer that came due, or a
        /// callback another thread queued during the select.
        var joinedAfterStart: Bool { slotOrJoined < 0 }
    }

    /// A timer's life in the heap, from its `timerScheduled` event. It is in the heap at
    /// the start of iterations after the one that scheduled it, up to `lastIteration`.
    struct TimerRecord {
        var event: Int32
        var cancelledIn = Int32.max
        /// The last iteration that began with it in the heap: the one it came due in, or
        /// the one before the loop dropped it.
        var lastIteration = Int32.max
        /// The task that parked on the future it resolves (what it wakes), as an index.
        var wakes: Int32 = -1
    }

    /// A task's step: its events (the task is the start event's), and the callback that
    /// woke it (its waker), -1 if none.
    struct StepRecord {
        var startEvent: Int32
        var endEvent: Int32 = -1
        var wokenBy: Int32
    }

    /// A simulated thread other than the loop's (1, 2, … in start order).
    struct ThreadRecord {
        var startedEvent: Int32
        var name: Int32
        var lane = Lane()
        /// The last function it was seen running (string id, -1: none yet).
        var what: Int32 = -1
    }

    struct TaskRecord {
        var createdEvent: Int32
        var lane = Lane()
        var openStep: Int32 = -1
        var pendingWaker: Int32 = -1
        /// Steps taken (their records are in `steps`, in run order).
        var stepCount: Int32 = 0
    }

    private(set) var iterations: [IterationRecord] = []
    private(set) var callbacks: [CallbackRecord] = []
    private(set) var steps: [StepRecord] = []
    private(set) var taskRecords: [TaskRecord] = []
    /// Task id → index in creation order (ids are small and dense).
    private(set) var taskIndexByID: [Int32] = []
    public private(set) var loopLane = Lane()
    private(set) var threadRecords: [ThreadRecord] = []
    /// The loop lane's state before the loop's thread began waiting for the GIL.
    private var loopStateBeforeGIL: LaneState?
    /// Handles other threads queued for the loop (`threadHandOff` events), in order.
    private(set) var handOffEvents: [Int32] = []
    private(set) var printEvents: [Int32] = []
    private(set) var warningEvents: [Int32] = []
    /// Where the run left CPython's order (`--schedule`), in order.
    private(set) var departureEvents: [Int32] = []
    /// Futures that a parked task waits on → that task's index. Entries leave when resolved.
    private var waiterOfFuture: [Int: Int32] = [:]
    private(set) var timers: [TimerRecord] = []
    /// Timers in the heap now: handle id → index in `timers`, and the futures they resolve.
    private var liveTimerOfHandle: [Int32: Int32] = [:]
    private var liveTimerOfFuture: [Int32: Int32] = [:]
    /// `callbackSkipped` events of handles that were in the ready queue (not timers).
    private(set) var skippedReady: [Int32] = []
    private var currentCallback: Int32 = -1
    /// Whether the last iteration has ended: timers dropped after that (by `loop.close()`)
    /// were still in the heap for that whole iteration; those dropped inside an iteration
    /// (cancelled handles `_run_once` removes before its select) were gone at its start.
    private var iterationEnded = false
    /// Handles other threads queued while the loop was in its select (they run in that
    /// iteration without having been ready at its start).
    private var handedOffDuringSelect = Set<Int32>()
    /// Step slots handed out so far (the steps axis' length).
    public private(set) var slotCount = 0

    /// Whether the trace file ended without its end line (the recording was cut short):
    /// the events are all there is, and the run went on past them.
    public var interrupted = false

    public init(header: TraceHeader) {
        self.header = header
        // Interned first, so that its id does not depend on when the first yield is seen
        // (a reader interns a whole block's strings before indexing its events).
        sleepZero = strings.intern("sleep(0)")
    }

    /// The detail of a task's lane after `await asyncio.sleep(0)` (a yield).
    private let sleepZero: Int32

    // MARK: Appending

    /// Makes room for `count` more events up front, so loading a big file does not copy the
    /// event array as it grows (and does not leave it up to twice too large).
    public func reserveCapacity(events count: Int) {
        events.reserveCapacity(events.count + count)
    }

    public func receive(_ event: SimulationEvent) { append(event) }

    public func append(_ event: SimulationEvent) {
        append(packed: PackedEvent(event, strings: &strings))
    }

    /// Appends an event already packed against this store's strings (`intern`).
    func append(packed: PackedEvent) {
        index(packed, at: Int32(events.count))
        events.append(packed)
    }

    /// Appends the first `count` events of a block decoded apart from the store, their
    /// strings moved into the store's. `checkpoint` is called after every
    /// `checkpointInterval` events, where the store is whole (every event appended so far
    /// indexed): a loader hands the store to the UI there, so a key never waits for a
    /// whole block.
    func append(_ block: TraceReader.Block, count: Int, checkpoint: () -> Void = {}) {
        guard count > 0 else { return }
        var ids = [Int32](repeating: 0, count: block.strings.count)
        for k in ids.indices { ids[k] = strings.intern(block.strings[k], hash: block.hashes[k]) }
        let every = Self.checkpointInterval
        ids.withUnsafeBufferPointer { ids in
            // By index, so that each event is borrowed from the block, not copied.
            for offset in 0..<count {
                var event = block.events[offset]
                event.remapStrings(ids)
                append(packed: event)
                if offset % every == every - 1 { checkpoint() }
            }
        }
    }

    /// Events appended between a loader's checkpoints: about a millisecond of indexing.
    static let checkpointInterval = 4096

    /// The slot of the callback running now, else the last slot handed out.
    private var currentSlot: Int {
        currentCallback >= 0 ? Int(callbacks[Int(currentCallback)].slot) : max(slotCount - 1, 0)
    }

    private func taskIndex(_ id: Int32) -> Int? {
        guard id >= 0, Int(id) < taskIndexByID.count else { return nil }
        let i = taskIndexByID[Int(id)]
        return i < 0 ? nil : Int(i)
    }

    private func index(_ e: PackedEvent, at i: Int32) {
        switch e.kind {
        case .iterationStart:
            iterations.append(IterationRecord(firstEvent: i, slot: Int32(slotCount), firstCallback: Int32(callbacks.count)))
            loopLane.append(time: e.time, slot: slotCount, state: .select)
            slotCount += 1
            iterationEnded = false
        case .iterationEnd:
            iterationEnded = true
        case .timerScheduled:
            let timer = Int32(timers.count)
            timers.append(TimerRecord(event: i))
            liveTimerOfHandle[e.a] = timer
            if e.b != PackedEvent.none { liveTimerOfFuture[e.b] = timer }
        case .timerCancelled:
            if let t = liveTimerOfHandle[e.a] { timers[Int(t)].cancelledIn = e.iteration }
        case .timerDropped:
            endTimer(handle: e.a, lastIteration: iterationEnded ? e.iteration : e.iteration - 1)
        case .callbackSkipped:
            if !endTimer(handle: e.a, lastIteration: e.iteration) { skippedReady.append(i) }
        case .clockAdvance:
            if currentCallback < 0 {
                let slot = iterations.last.map { Int($0.slot) } ?? 0
                loopLane.append(time: e.x, slot: slot, state: .idle)
                loopLane.append(time: e.y, slot: slotCount, state: .select)
            }
        case .callbackStart:
            let fromTimer = endTimer(handle: e.a, lastIteration: e.iteration)
            // Most runs hand nothing over: no hashing then.
            let handedOff = !handedOffDuringSelect.isEmpty && handedOffDuringSelect.remove(e.a) != nil
            callbacks.append(CallbackRecord(event: i, slot: Int32(slotCount), joinedAfterStart: fromTimer || handedOff))
            currentCallback = Int32(callbacks.count - 1)
            loopLane.append(time: e.time, slot: slotCount, state: .running, detail: e.c)
            slotCount += 1
        case .callbackEnd:
            if currentCallback >= 0 {
                callbacks[Int(currentCallback)].endEvent = i
                currentCallback = -1
            }
            loopLane.append(time: e.time, slot: slotCount, state: .select)
        case .taskCreated:
            let taskPosition = Int32(taskRecords.count)
            var record = TaskRecord(createdEvent: i)
            record.lane.append(time: e.time, slot: currentSlot, state: .created, line: Int(e.e), file: Int(e.f))
            record.lane.append(time: e.time, slot: currentSlot + 1, state: .ready, line: Int(e.e), file: Int(e.f))
            taskRecords.append(record)
            if e.a >= 0 {
                if Int(e.a) >= taskIndexByID.count {
                    taskIndexByID.append(contentsOf: repeatElement(-1, count: Int(e.a) - taskIndexByID.count + 1))
                }
                taskIndexByID[Int(e.a)] = taskPosition
            }
        case .taskStepStart:
            guard let t = taskIndex(e.a) else { break }
            let slot = currentSlot
            let waker = taskRecords[t].startStep(Int32(steps.count), time: e.time, slot: slot)
            steps.append(StepRecord(startEvent: i, wokenBy: waker))
        case .taskStepEnd:
            guard let t = taskIndex(e.a) else { break }
            if taskRecords[t].openStep >= 0 {
                steps[Int(taskRecords[t].openStep)].endEvent = i
                taskRecords[t].openStep = -1
            }
            let slot = currentSlot + 1
            switch OutcomeCode(rawValue: e.flags)! {
            case .parked:
                let sleeping = strings[e.c].hasPrefix("sleep(")
                taskRecords[t].lane.append(time: e.time, slot: slot, state: sleeping ? .sleeping : .waiting,
                                           line: Int(e.e), file: Int(e.d), detail: e.c)
                waiterOfFuture[Int(e.b)] = Int32(t)
                if let timer = liveTimerOfFuture[e.b] { timers[Int(timer)].wakes = Int32(t) }
            case .yielded:
                taskRecords[t].lane.append(time: e.time, slot: slot, state: .ready, line: Int(e.e), file: Int(e.d),
                                           detail: sleepZero)
            case .finished, .failed, .cancelled:
                let code = OutcomeCode(rawValue: e.flags)!
                let state: LaneState = code == .finished ? .done : code == .failed ? .failed : .cancelled
                taskRecords[t].lane.append(time: e.time, slot: slot, state: state,
                                           detail: e.c == PackedEvent.none ? -1 : e.c)
                taskRecords[t].lane.append(time: e.time, slot: slot + 1, state: .absent)
            }
        case .cpuBurstStart, .blockingSleepStart:
            let state: LaneState = e.kind == .cpuBurstStart ? .cpuBurst : .blocking
            loopLane.append(time: e.time, slot: currentSlot, state: state)
            if let t = taskIndex(e.a) {
                taskRecords[t].lane.append(time: e.time, slot: currentSlot, state: state, line: Int(e.e), file: Int(e.d))
            }
        case .cpuBurstEnd, .blockingSleepEnd:
            loopLane.append(time: e.time, slot: currentSlot, state: .running)
            if let t = taskIndex(e.a) {
                let slot = currentSlot
                taskRecords[t].lane.appendWhereItWas(time: e.time, slot: slot, state: .running)
            }
        case .futureResolved:
            if !waiterOfFuture.isEmpty, let t = waiterOfFuture.removeValue(forKey: Int(e.a)) {
                let slot = currentSlot + 1, waker = currentCallback
                taskRecords[Int(t)].lane.appendWhereItWas(time: e.time, slot: slot, state: .ready)
                taskRecords[Int(t)].pendingWaker = waker
            }
        case .print:
            printEvents.append(i)
        case .warning:
            warningEvents.append(i)
        case .scheduleDeparture:
            departureEvents.append(i)
        case .threadHandOff:
            if currentCallback < 0 { handedOffDuringSelect.insert(e.b) }
            handOffEvents.append(i)
        case .threadStarted:
            var record = ThreadRecord(startedEvent: i, name: e.c)
            record.lane.append(time: e.time, slot: currentSlot, state: .created)
            if Int(e.a) == threadRecords.count + 1 { threadRecords.append(record) }
        case .threadState:
            indexThreadState(e)
        case .cancelRequested, .cancelledErrorDelivered, .timeoutFired, .futureCreated:
            break
        }
    }

    /// A thread's lane: running (what it runs), waiting for the GIL, in `time.sleep`
    /// (blocking), blocked on a lock or queue (waiting), finished. The loop's thread (0)
    /// has the LOOP lane: only its waits for the GIL are drawn there.
    private func indexThreadState(_ e: PackedEvent) {
        let state = ThreadStateCode.state(e.flags)
        let slot = currentSlot
        if e.a == 0 {
            if state == .gil {
                if loopStateBeforeGIL == nil { loopStateBeforeGIL = loopLane.lastState }
                loopLane.append(time: e.time, slot: slot, state: .gilWait)
            } else if state == .running, let previous = loopStateBeforeGIL {
                loopLane.append(time: e.time, slot: slot, state: previous)
                loopStateBeforeGIL = nil
            }
            return
        }
        let t = Int(e.a) - 1
        guard t >= 0, t < threadRecords.count else { return }
        let what = e.c == PackedEvent.none || strings[e.c].isEmpty ? Int32(-1) : e.c
        switch state {
        case .running:
            if what >= 0 { threadRecords[t].what = what }
            threadRecords[t].lane.append(time: e.time, slot: slot, state: .running, line: Int(e.e), file: Int(e.d),
                                         detail: threadRecords[t].what)
        case .gil:
            threadRecords[t].lane.append(time: e.time, slot: slot, state: .gilWait)
        case .sleeping:
            threadRecords[t].lane.append(time: e.time, slot: slot, state: .blocking, line: Int(e.e), file: Int(e.d), detail: what)
        case .blocked:
            threadRecords[t].lane.append(time: e.time, slot: slot, state: .waiting, line: Int(e.e), file: Int(e.d), detail: what)
        case .finished:
            threadRecords[t].lane.append(time: e.time, slot: slot, state: .done)
            threadRecords[t].lane.append(time: e.time, slot: slot + 1, state: .absent)
        }
    }

    /// A timer left the heap (it came due, or was dropped). False if `handle` is no timer
    /// in the heap.
    @discardableResult
    private func endTimer(handle: Int32, lastIteration: Int32) -> Bool {
        guard !liveTimerOfHandle.isEmpty, let t = liveTimerOfHandle.removeValue(forKey: handle) else { return false }
        timers[Int(t)].lastIteration = lastIteration
        let future = events[Int(timers[Int(t)].event)].b
        if future != PackedEvent.none, liveTimerOfFuture[future] == t { liveTimerOfFuture[future] = nil }
        return true
    }
}

extension TraceStore.TaskRecord {
    /// Opens step `step` (its index in `steps`), running where the task last was; returns
    /// the callback that woke it (-1: none). A mutating method, so that the record is
    /// changed in place in the store's array, never copied.
    mutating func startStep(_ step: Int32, time: Double, slot: Int) -> Int32 {
        openStep = step
        stepCount += 1
        let waker = pendingWaker
        pendingWaker = -1
        lane.appendWhereItWas(time: time, slot: slot, state: .running)
        return waker
    }

    func id(in store: TraceStore) -> Int { Int(store.events[Int(createdEvent)].a) }
}

extension TraceStore {
    /// Gives back the room the arrays grew into while loading (up to half of each, as they
    /// double): called once a trace has been read whole, when nothing will be appended.
    public func trimCapacity() {
        iterations.trimCapacity(); callbacks.trimCapacity(); steps.trimCapacity(); timers.trimCapacity()
        loopLane.trimCapacity()
        for t in taskRecords.indices { taskRecords[t].lane.trimCapacity() }
    }
}
