/// Chrome Trace Event Format (the JSON that Perfetto and chrome://tracing open):
///
/// - process 1 is the event loop; thread 0 is the LOOP track (callbacks, idle waits), and
///   each task gets thread `task id`, named by the task and sorted in creation order;
/// - complete ("X") slices for callbacks, task steps, CPU bursts and blocking sleeps; a burst
///   lies inside its step and its callback, so slices on one track nest;
/// - instant ("i") events for cancellation requests, timeouts and warnings;
/// - flow events ("s" → "f") from the callback that resolved a task's future to the step it
///   woke;
/// - each simulated thread other than the loop's gets thread `threadTrack + number`,
///   sorted right after LOOP, with slices for what it does (running a function, waiting
///   for the GIL, in time.sleep, blocked) and an instant where it hands a callback to the
///   loop; the loop's own waits for the GIL are slices on LOOP;
/// - virtual seconds become microseconds (`ts`, `dur`).
public enum ChromeTraceExporter {
    static let pid = 1
    static let loopTrack = 0
    /// Thread n's track is this plus n (task ids stay far below it).
    static let threadTrack = 1_000_000

    public static func export(_ store: TraceStore) -> [UInt8] {
        var out = JSONOutput()
        var first = true
        func begin() {
            out.raw(first ? "{\"traceEvents\":[\n" : ",\n")
            first = false
        }
        func micros(_ t: Double) -> Double { (t * 1_000_000).rounded() / 1 }

        // Metadata: names and order of the process and its tracks.
        begin(); meta(&out, "process_name", tid: loopTrack, name: "event loop (\(store.header.path))")
        begin(); meta(&out, "thread_name", tid: loopTrack, name: "LOOP")
        begin(); sortIndex(&out, tid: loopTrack, 0)
        let threads = store.threadCount
        for t in 0..<threads {
            begin(); meta(&out, "thread_name", tid: threadTrack + t + 1, name: "thread " + store.threadLabel(t))
            begin(); sortIndex(&out, tid: threadTrack + t + 1, t + 1)
        }
        for i in 0..<store.taskCount {
            let task = store.task(at: i)
            begin(); meta(&out, "thread_name", tid: task.id, name: "\(task.name) (\(task.coroutine))")
            begin(); sortIndex(&out, tid: task.id, threads + i + 1)
        }

        // Callbacks on the LOOP track, and the loop's idle waits.
        for c in 0..<store.callbacks.count {
            let run = store.callbackRun(c)
            let end = store.callbacks[c].endEvent >= 0 ? store.events[Int(store.callbacks[c].endEvent)].time : store.endTime
            begin()
            slice(&out, name: run.description, cat: "callback", tid: loopTrack, ts: micros(run.startTime),
                  dur: micros(end) - micros(run.startTime), args: [("iteration", .int(run.iteration)), ("handle", .int(run.handle))])
        }
        // Steps on their task's track, with the flow from their waker.
        for (s, step) in store.steps.enumerated() {
            let start = store.events[Int(step.startEvent)]
            let end = step.endEvent >= 0 ? store.events[Int(step.endEvent)].time : store.endTime
            let taskID = Int(start.a)
            let ts = micros(start.time)
            if step.wokenBy >= 0 {
                // The arrow starts inside the waking callback's slice on the LOOP track.
                let waker = store.callbackRun(Int(step.wokenBy))
                begin()
                flow(&out, phase: "s", id: s, tid: loopTrack, ts: micros(waker.startTime))
            }
            begin()
            slice(&out, name: "step", cat: "step", tid: taskID, ts: ts, dur: micros(end) - ts,
                  args: [("resumedBy", .string(store.strings[start.c])), ("iteration", .int(Int(start.iteration)))])
            if step.wokenBy >= 0 {
                begin()
                flow(&out, phase: "f", id: s, tid: taskID, ts: ts, bindToEnclosing: true)
            }
        }
        // Bursts, blocking sleeps, instants, threads' states.
        var openBurst: [Int: (Double, String, Int)] = [:]
        var openThread: [Int: (Double, String, Int)] = [:]
        func closeThread(_ n: Int, at time: Double) {
            guard let (t0, name, line) = openThread.removeValue(forKey: n) else { return }
            begin()
            slice(&out, name: name, cat: "thread", tid: n == 0 ? loopTrack : threadTrack + n, ts: micros(t0),
                  dur: micros(time) - micros(t0), args: [("line", .int(line))])
        }
        for i in 0..<store.eventCount {
            let e = store.events[i]
            switch e.kind {
            case .cpuBurstStart, .blockingSleepStart:
                openBurst[Int(e.a)] = (e.time, e.kind == .cpuBurstStart ? "cpu(\(e.x))" : "time.sleep(\(e.x))", Int(e.e))
            case .cpuBurstEnd, .blockingSleepEnd:
                guard let (t0, name, line) = openBurst.removeValue(forKey: Int(e.a)) else { break }
                let tid = e.a == PackedEvent.none ? loopTrack : Int(e.a)
                begin()
                slice(&out, name: name, cat: e.kind == .cpuBurstEnd ? "cpu" : "blocking", tid: tid, ts: micros(t0),
                      dur: micros(e.time) - micros(t0), args: [("line", .int(line))])
                if tid != loopTrack {
                    begin()
                    slice(&out, name: name, cat: e.kind == .cpuBurstEnd ? "cpu" : "blocking", tid: loopTrack, ts: micros(t0),
                          dur: micros(e.time) - micros(t0), args: [("line", .int(line))])
                }
            case .clockAdvance where !isInsideCallback(store, event: i):
                begin()
                slice(&out, name: "idle (waiting for a timer)", cat: "idle", tid: loopTrack, ts: micros(e.x),
                      dur: micros(e.y) - micros(e.x), args: [])
            case .cancelRequested:
                begin()
                instant(&out, name: "cancel" + (e.c == PackedEvent.none ? "" : "(\(store.strings[e.c]))"), tid: Int(e.a),
                        ts: micros(e.time), scope: "t")
            case .timeoutFired:
                begin()
                instant(&out, name: "timeout", tid: e.a == PackedEvent.none ? loopTrack : Int(e.a), ts: micros(e.time), scope: "t")
            case .warning:
                begin()
                instant(&out, name: store.strings[e.c], tid: loopTrack, ts: micros(e.time), scope: "p")
            case .scheduleDeparture:
                begin()
                instant(&out, name: "schedule: " + store.strings[e.d], tid: loopTrack, ts: micros(e.time), scope: "p")
            case .threadState:
                let n = Int(e.a)
                closeThread(n, at: e.time)
                let what = e.c == PackedEvent.none ? "" : store.strings[e.c]
                switch ThreadStateCode.state(e.flags) {
                case .running where n != 0: openThread[n] = (e.time, what.isEmpty ? "running" : "running " + what, Int(e.e))
                case .gil: openThread[n] = (e.time, "waiting for the GIL", 0)
                case .sleeping where n != 0: openThread[n] = (e.time, what, Int(e.e))
                case .blocked where n != 0: openThread[n] = (e.time, "blocked on " + what, Int(e.e))
                default: break
                }
            case .threadHandOff:
                begin()
                instant(&out, name: "call_soon_threadsafe(\(store.strings[e.c]))", tid: threadTrack + Int(e.a),
                        ts: micros(e.time), scope: "t")
            default:
                break
            }
        }
        for n in openThread.keys.sorted() { closeThread(n, at: store.endTime) }
        if first { out.raw("{\"traceEvents\":[\n") }
        out.raw("\n],\"displayTimeUnit\":\"ms\",\"otherData\":{\"generator\":\"loopscope\",\"version\":")
        out.string(store.header.loopscopeVersion)
        out.raw("}}\n")
        return out.bytes
    }

    /// Whether event `i` happens while a callback runs (then a clock advance is a burst).
    private static func isInsideCallback(_ store: TraceStore, event i: Int) -> Bool {
        let c = store.lowerBound(store.callbacks.count) { Int(store.callbacks[$0].event) < i }
        guard c > 0 else { return false }
        let end = store.callbacks[c - 1].endEvent
        return end < 0 || Int(end) > i
    }

    enum Arg { case int(Int), string(String) }

    private static func common(_ out: inout JSONOutput, ph: StaticString, tid: Int, ts: Double?) {
        out.raw("{\"ph\":\""); out.raw(ph); out.raw("\"")
        out.key("pid"); out.int(pid)
        out.key("tid"); out.int(tid)
        if let ts { out.key("ts"); out.double(ts) }
    }

    private static func meta(_ out: inout JSONOutput, _ what: StaticString, tid: Int, name: String) {
        common(&out, ph: "M", tid: tid, ts: nil)
        out.key("name"); out.raw("\""); out.raw(what); out.raw("\"")
        out.key("args"); out.raw("{\"name\":"); out.string(name); out.raw("}}")
    }

    private static func sortIndex(_ out: inout JSONOutput, tid: Int, _ index: Int) {
        common(&out, ph: "M", tid: tid, ts: nil)
        out.key("name"); out.raw("\"thread_sort_index\"")
        out.key("args"); out.raw("{\"sort_index\":"); out.int(index); out.raw("}}")
    }

    private static func slice(_ out: inout JSONOutput, name: String, cat: StaticString, tid: Int, ts: Double, dur: Double,
                              args: [(StaticString, Arg)]) {
        common(&out, ph: "X", tid: tid, ts: ts)
        out.key("dur"); out.double(max(0, dur))
        out.key("name"); out.string(name)
        out.key("cat"); out.raw("\""); out.raw(cat); out.raw("\"")
        writeArgs(&out, args)
        out.raw("}")
    }

    private static func instant(_ out: inout JSONOutput, name: String, tid: Int, ts: Double, scope: StaticString) {
        common(&out, ph: "i", tid: tid, ts: ts)
        out.key("name"); out.string(name)
        out.key("s"); out.raw("\""); out.raw(scope); out.raw("\"")
        out.raw("}")
    }

    private static func flow(_ out: inout JSONOutput, phase: StaticString, id: Int, tid: Int, ts: Double, bindToEnclosing: Bool = false) {
        common(&out, ph: phase, tid: tid, ts: ts)
        out.key("name"); out.raw("\"wakeup\"")
        out.key("cat"); out.raw("\"wakeup\"")
        out.key("id"); out.int(id)
        // Bind the arrow's end to the slice that starts at its timestamp (the woken step).
        if bindToEnclosing { out.key("bp"); out.raw("\"e\"") }
        out.raw("}")
    }

    private static func writeArgs(_ out: inout JSONOutput, _ args: [(StaticString, Arg)]) {
        out.key("args"); out.raw("{")
        for (i, (k, v)) in args.enumerated() {
            out.key(k, first: i == 0)
            switch v {
            case .int(let n): out.int(n)
            case .string(let s): out.string(s)
            }
        }
        out.raw("}")
    }
}
