import LoopSimulator
import ScenarioLanguage

/// Writes a trace as JSON Lines (see docs/trace-format.md): the header, then one event per
/// line, keys in a fixed order so the same trace always gives the same bytes.
public enum TraceWriter {
    public static func encode(_ store: TraceStore) -> [UInt8] {
        var out = JSONOutput()
        out.bytes.reserveCapacity(store.eventCount * 90 + store.header.source.utf8.count + 256)
        header(store.header, &out)
        for i in 0..<store.eventCount {
            event(store.event(at: i), &out)
        }
        if !store.interrupted { end(eventCount: store.eventCount, &out) }
        return out.bytes
    }

    public static func encodeHeader(_ h: TraceHeader) -> [UInt8] {
        var out = JSONOutput()
        header(h, &out)
        return out.bytes
    }

    public static func encodeEvent(_ e: SimulationEvent) -> [UInt8] {
        var out = JSONOutput()
        event(e, &out)
        return out.bytes
    }

    static func header(_ h: TraceHeader, _ out: inout JSONOutput) {
        out.raw("{")
        out.key("format", first: true); out.string(TraceHeader.formatName)
        out.key("version"); out.int(h.version)
        out.key("loopscope"); out.string(h.loopscopeVersion)
        out.key("path"); out.string(h.path)
        out.key("options"); out.raw("{")
        out.key("maxIterations", first: true); out.int(h.options.maxIterations)
        out.key("until"); out.double(h.options.timeHorizon)
        out.key("maxInstructions"); out.int(h.options.maxInstructions)
        if let schedule = h.options.schedule {
            // A string: seeds use all 64 bits, more than a JSON reader's integers may hold.
            out.key("schedule"); out.string(String(schedule.seed))
            out.key("jitter"); out.double(schedule.jitter)
        }
        // The cost model a simulation ran with (a recorded program's time is its own).
        if let cost = h.options.cpuCost, h.clock == .virtual { out.key("cpuCost"); out.string(cost.description) }
        out.raw("}")
        out.key("clock"); out.string(h.clock.rawValue)
        out.key("python"); out.string(h.python)
        out.key("command")
        if let command = h.command {
            out.raw("[")
            for (i, word) in command.enumerated() {
                if i > 0 { out.raw(",") }
                out.string(word)
            }
            out.raw("]")
        } else {
            out.raw("null")
        }
        out.key("source"); out.string(h.source)
        out.key("files"); out.raw("[")
        for (i, file) in h.files.enumerated() {
            if i > 0 { out.raw(",") }
            out.raw("{")
            out.key("path", first: true); out.string(file.path)
            out.key("source"); out.string(file.source)
            out.raw("}")
        }
        out.raw("]")
        if let t = h.truncated {
            out.key("truncated"); out.raw("{")
            out.key("events", first: true); out.int(t.events)
            out.key("iterations"); out.int(t.iterations)
            out.raw("}")
        }
        out.raw("}\n")
    }

    /// The last line of a complete trace: `{"kind":"end","events":N}`, N the number of
    /// event lines before it. A file without it was cut short (see `TraceStore.interrupted`).
    static func end(eventCount: Int, _ out: inout JSONOutput) {
        out.raw("{")
        out.key("kind", first: true); out.string(endKind)
        out.key("events"); out.int(eventCount)
        out.raw("}\n")
    }

    static let endKind = "end"

    static func event(_ e: SimulationEvent, _ out: inout JSONOutput) {
        out.raw("{")
        out.key("kind", first: true)
        out.string(kindName(e.kind))
        out.key("time"); out.double(e.time)
        out.key("iteration"); out.int(e.iteration)
        switch e.kind {
        case let .iterationStart(ready, timers, selectTimeout):
            out.key("ready"); out.int(ready)
            out.key("timers"); out.int(timers)
            out.key("selectTimeout"); out.double(selectTimeout)
        case .iterationEnd:
            break
        case let .clockAdvance(from, to):
            out.key("from"); out.double(from)
            out.key("to"); out.double(to)
        case let .callbackStart(handle, description, task), let .callbackSkipped(handle, description, task):
            out.key("handle"); out.int(handle)
            out.key("description"); out.string(description)
            out.key("task"); out.int(task)
        case let .callbackEnd(handle, duration):
            out.key("handle"); out.int(handle)
            out.key("duration"); out.double(duration)
        case let .taskCreated(task, name, coroutine, creator, line, file):
            out.key("task"); out.int(task)
            out.key("name"); out.string(name)
            out.key("coroutine"); out.string(coroutine)
            out.key("creator"); out.int(creator)
            out.key("line"); out.int(line)
            out.key("file"); out.int(file)
        case let .taskStepStart(task, resumedBy):
            out.key("task"); out.int(task)
            out.key("resumedBy"); out.string(resumedBy)
        case let .taskStepEnd(task, outcome):
            out.key("task"); out.int(task)
            out.key("outcome")
            switch outcome {
            case let .parked(on, future, line, file):
                out.string("parked")
                out.key("on"); out.string(on)
                out.key("future"); out.int(future)
                out.key("line"); out.int(line)
                out.key("file"); out.int(file)
            case let .yielded(line, file):
                out.string("yielded")
                out.key("line"); out.int(line)
                out.key("file"); out.int(file)
            case let .finished(result):
                out.string("finished")
                out.key("result"); out.string(result)
            case let .failed(exception):
                out.string("failed")
                out.key("exception"); out.string(exception)
            case .cancelled:
                out.string("cancelled")
            }
        case let .cancelRequested(task, by, message, line, file):
            out.key("task"); out.int(task)
            out.key("by"); out.int(by)
            out.key("message"); out.string(message)
            out.key("line"); out.int(line)
            out.key("file"); out.int(file)
        case let .cancelledErrorDelivered(task):
            out.key("task"); out.int(task)
        case let .timeoutFired(task, line, file):
            out.key("task"); out.int(task)
            out.key("line"); out.int(line)
            out.key("file"); out.int(file)
        case let .cpuBurstStart(task, seconds, line, file), let .blockingSleepStart(task, seconds, line, file):
            out.key("task"); out.int(task)
            out.key("seconds"); out.double(seconds)
            out.key("line"); out.int(line)
            out.key("file"); out.int(file)
        case let .cpuBurstEnd(task), let .blockingSleepEnd(task):
            out.key("task"); out.int(task)
        case let .futureCreated(future, purpose):
            out.key("future"); out.int(future)
            out.key("purpose"); out.string(purpose)
        case let .futureResolved(future, state):
            out.key("future"); out.int(future)
            out.key("state"); out.string(state)
        case let .timerScheduled(handle, when, description, future):
            out.key("handle"); out.int(handle)
            out.key("when"); out.double(when)
            out.key("description"); out.string(description)
            out.key("future"); out.int(future)
        case let .timerCancelled(handle), let .timerDropped(handle):
            out.key("handle"); out.int(handle)
        case let .print(task, text):
            out.key("task"); out.int(task)
            out.key("text"); out.string(text)
        case let .warning(text):
            out.key("text"); out.string(text)
        case let .scheduleDeparture(kind, detail):
            out.key("departure"); out.string(kind)
            out.key("detail"); out.string(detail)
        case let .threadStarted(thread, name):
            out.key("thread"); out.int(thread)
            out.key("name"); out.string(name)
        case let .threadState(thread, state, what, line, file):
            out.key("thread"); out.int(thread)
            out.key("state"); out.string(state.rawValue)
            out.key("what"); out.string(what)
            out.key("line"); out.int(line)
            out.key("file"); out.int(file)
        case let .threadHandOff(thread, handle, description):
            out.key("thread"); out.int(thread)
            out.key("handle"); out.int(handle)
            out.key("description"); out.string(description)
        }
        out.raw("}\n")
    }

    /// The `"kind"` value of an event.
    public static func kindName(_ kind: SimulationEvent.Kind) -> String {
        switch kind {
        case .iterationStart: return "iterationStart"
        case .iterationEnd: return "iterationEnd"
        case .clockAdvance: return "clockAdvance"
        case .callbackStart: return "callbackStart"
        case .callbackEnd: return "callbackEnd"
        case .callbackSkipped: return "callbackSkipped"
        case .taskCreated: return "taskCreated"
        case .taskStepStart: return "taskStepStart"
        case .taskStepEnd: return "taskStepEnd"
        case .cancelRequested: return "cancelRequested"
        case .cancelledErrorDelivered: return "cancelledErrorDelivered"
        case .timeoutFired: return "timeoutFired"
        case .cpuBurstStart: return "cpuBurstStart"
        case .cpuBurstEnd: return "cpuBurstEnd"
        case .blockingSleepStart: return "blockingSleepStart"
        case .blockingSleepEnd: return "blockingSleepEnd"
        case .futureCreated: return "futureCreated"
        case .futureResolved: return "futureResolved"
        case .timerScheduled: return "timerScheduled"
        case .timerCancelled: return "timerCancelled"
        case .timerDropped: return "timerDropped"
        case .print: return "print"
        case .warning: return "warning"
        case .scheduleDeparture: return "scheduleDeparture"
        case .threadStarted: return "threadStarted"
        case .threadState: return "threadState"
        case .threadHandOff: return "threadHandOff"
        }
    }
}
