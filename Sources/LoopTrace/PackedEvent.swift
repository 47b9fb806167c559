#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LoopSimulator

/// A `SimulationEvent` in 36 bytes: the kind, its time, and five 32-bit slots whose meaning
/// depends on the kind (ids, lines, string-table ids). A million events fit in 36 MB and
/// decode back to the exact `SimulationEvent` (the round trip is lossless).
struct PackedEvent {
    /// The time's bits in two halves: a `Double` field would align the struct to 8 bytes
    /// and round its 34 bytes up to 40.
    private var timeHigh: Int32
    private var timeLow: Int32
    var iteration: Int32
    var a: Int32 = PackedEvent.none
    var b: Int32 = PackedEvent.none
    var c: Int32 = PackedEvent.none
    var d: Int32 = PackedEvent.none
    var e: Int32 = PackedEvent.none
    var kind: EventKind
    var flags: UInt8 = 0
    /// With `flags`, the file of a `taskCreated`, the one kind that needs a sixth number
    /// (and has no flags); it sits in what would be the struct's tail padding.
    private var fileHigh: UInt16 = 0

    var time: Double {
        get { Self.double(timeHigh, timeLow) }
        set { (timeHigh, timeLow) = Self.halves(newValue) }
    }

    /// `taskCreated`'s file (24 bits: `fileLimit` files).
    var f: Int32 {
        get { Int32(flags) | Int32(fileHigh) << 8 }
        set {
            flags = UInt8(truncatingIfNeeded: newValue)
            fileHigh = UInt16(truncatingIfNeeded: newValue >> 8)
        }
    }

    static let fileLimit = 1 << 24

    /// Marks an absent optional id.
    static let none = Int32.min

    /// A second number some kinds carry (a deadline, a duration, a select timeout, where
    /// the clock jumped from). No kind that has one uses all five slots, so its 64 bits
    /// live in two slots that kind leaves free, rather than in a field every event pays for.
    var x: Double {
        get {
            switch kind {
            case .timerScheduled: return Self.double(d, e)
            case .iterationStart: return Self.double(c, d)
            case .clockAdvance: return Self.double(a, b)
            default: return Self.double(b, c)   // callbackEnd, cpuBurstStart, blockingSleepStart
            }
        }
        set {
            let (high, low) = Self.halves(newValue)
            switch kind {
            case .timerScheduled: d = high; e = low
            case .iterationStart: c = high; d = low
            case .clockAdvance: a = high; b = low
            default: b = high; c = low
            }
        }
    }

    /// `clockAdvance`'s second time (where the clock jumped to).
    var y: Double {
        get { Self.double(c, d) }
        set { (c, d) = Self.halves(newValue) }
    }

    private static func double(_ high: Int32, _ low: Int32) -> Double {
        Double(bitPattern: UInt64(UInt32(bitPattern: high)) << 32 | UInt64(UInt32(bitPattern: low)))
    }

    private static func halves(_ v: Double) -> (Int32, Int32) {
        (Int32(bitPattern: UInt32(truncatingIfNeeded: v.bitPattern >> 32)),
         Int32(bitPattern: UInt32(truncatingIfNeeded: v.bitPattern)))
    }

    init(time: Double, iteration: Int, kind: EventKind) {
        (timeHigh, timeLow) = Self.halves(time)
        self.iteration = Int32(clamping: iteration)
        self.kind = kind
    }
}

/// The event kinds, with the names the trace file uses.
enum EventKind: UInt8, CaseIterable {
    case iterationStart, iterationEnd, clockAdvance
    case callbackStart, callbackEnd, callbackSkipped, taskCreated, taskStepStart, taskStepEnd
    case cancelRequested, cancelledErrorDelivered, timeoutFired
    case cpuBurstStart, cpuBurstEnd, blockingSleepStart, blockingSleepEnd
    case futureCreated, futureResolved, timerScheduled, timerCancelled, timerDropped, print, warning
    case scheduleDeparture
    case threadStarted, threadState, threadHandOff

    var name: String { Self.names[Int(rawValue)] }
    static let names: [String] = allCases.map { "\($0)" }
    static let byName: [String: EventKind] = Dictionary(uniqueKeysWithValues: allCases.map { ("\($0)", $0) })

    /// The kind whose name is `name`'s bytes, without making a String of them (the fast
    /// path of `TraceLineCursor`, once a line): only names of the same length and first
    /// byte are compared, against a table of plain bytes (no arrays to retain per call).
    static func named(_ name: UnsafeBufferPointer<UInt8>) -> EventKind? {
        let n = name.count
        guard n > 0, n <= NameTable.width else { return nil }
        let table = NameTable.shared
        for k in Int(table.firstOfLength[n - 1])..<Int(table.firstOfLength[n]) {
            let kind = table.byLength[k]
            let known = table.bytes + Int(kind.rawValue) * NameTable.width
            guard known[0] == name[0] else { continue }
            if memcmp(known, name.baseAddress!, n) == 0 { return kind }
        }
        return nil
    }

    /// The kinds' names as bytes, and the kinds sorted by their names' lengths. Built once
    /// and never freed.
    private struct NameTable: @unchecked Sendable {
        /// Room for the longest name (`cancelledErrorDelivered`, 23).
        static let width = 24
        /// Kind k's name at `bytes + k * width`.
        let bytes: UnsafeMutablePointer<UInt8>
        let byLength: UnsafeMutablePointer<EventKind>
        /// The kinds whose names are n bytes long are `byLength[firstOfLength[n-1]..<firstOfLength[n]]`.
        let firstOfLength: UnsafeMutablePointer<Int32>

        static let shared = NameTable()

        private init() {
            bytes = .allocate(capacity: EventKind.allCases.count * Self.width)
            bytes.initialize(repeating: 0, count: EventKind.allCases.count * Self.width)
            for kind in EventKind.allCases {
                for (i, b) in kind.name.utf8.prefix(Self.width).enumerated() { bytes[Int(kind.rawValue) * Self.width + i] = b }
            }
            let sorted = EventKind.allCases.sorted { ($0.name.utf8.count, $0.rawValue) < ($1.name.utf8.count, $1.rawValue) }
            byLength = .allocate(capacity: sorted.count)
            byLength.initialize(from: sorted, count: sorted.count)
            firstOfLength = .allocate(capacity: Self.width + 1)
            for n in 0...Self.width { firstOfLength[n] = Int32(sorted.filter { $0.name.utf8.count <= n }.count) }
        }
    }
}

/// A thread's state, in `PackedEvent.flags` of a `threadState`.
enum ThreadStateCode {
    static let all = SimulationEvent.ThreadState.allCases
    static func code(_ s: SimulationEvent.ThreadState) -> UInt8 { UInt8(all.firstIndex(of: s) ?? 0) }
    static func state(_ code: UInt8) -> SimulationEvent.ThreadState { all[Int(code) < all.count ? Int(code) : 0] }
}

/// How a step ended, in `PackedEvent.flags` of a `taskStepEnd`.
enum OutcomeCode: UInt8 { case parked, yielded, finished, failed, cancelled }

private func opt(_ v: Int?) -> Int32 { v.map { Int32(clamping: $0) } ?? PackedEvent.none }
private func unopt(_ v: Int32) -> Int? { v == PackedEvent.none ? nil : Int(v) }

extension PackedEvent {
    init(_ event: SimulationEvent, strings: inout StringTable) {
        self.init(event) { strings.intern($0) }
    }

    /// `event` packed, its texts replaced by the ids `intern` gives them.
    init(_ event: SimulationEvent, intern: (String) -> Int32) {
        func s(_ text: String) -> Int32 { intern(text) }
        switch event.kind {
        case let .iterationStart(ready, timers, selectTimeout):
            self.init(time: event.time, iteration: event.iteration, kind: .iterationStart)
            a = opt(ready); b = opt(timers)
            if let t = selectTimeout { x = t; flags = 1 }
        case .iterationEnd:
            self.init(time: event.time, iteration: event.iteration, kind: .iterationEnd)
        case let .clockAdvance(from, to):
            self.init(time: event.time, iteration: event.iteration, kind: .clockAdvance)
            x = from; y = to
        case let .callbackStart(handle, description, task):
            self.init(time: event.time, iteration: event.iteration, kind: .callbackStart)
            a = opt(handle); c = s(description); b = opt(task)
        case let .callbackEnd(handle, duration):
            self.init(time: event.time, iteration: event.iteration, kind: .callbackEnd)
            a = opt(handle); x = duration
        case let .callbackSkipped(handle, description, task):
            self.init(time: event.time, iteration: event.iteration, kind: .callbackSkipped)
            a = opt(handle); c = s(description); b = opt(task)
        case let .taskCreated(task, name, coroutine, creator, line, file):
            self.init(time: event.time, iteration: event.iteration, kind: .taskCreated)
            a = opt(task); c = s(name); d = s(coroutine); b = opt(creator); e = opt(line); f = opt(file)
        case let .taskStepStart(task, resumedBy):
            self.init(time: event.time, iteration: event.iteration, kind: .taskStepStart)
            a = opt(task); c = s(resumedBy)
        case let .taskStepEnd(task, outcome):
            self.init(time: event.time, iteration: event.iteration, kind: .taskStepEnd)
            a = opt(task)
            switch outcome {
            case let .parked(on, future, line, file):
                flags = OutcomeCode.parked.rawValue; c = s(on); b = opt(future); e = opt(line); d = opt(file)
            case let .yielded(line, file): flags = OutcomeCode.yielded.rawValue; e = opt(line); d = opt(file)
            case let .finished(result): flags = OutcomeCode.finished.rawValue; c = s(result)
            case let .failed(exception): flags = OutcomeCode.failed.rawValue; c = s(exception)
            case .cancelled: flags = OutcomeCode.cancelled.rawValue
            }
        case let .cancelRequested(task, by, message, line, file):
            self.init(time: event.time, iteration: event.iteration, kind: .cancelRequested)
            a = opt(task); b = opt(by); c = message.map(s) ?? PackedEvent.none; e = opt(line); d = opt(file)
        case let .cancelledErrorDelivered(task):
            self.init(time: event.time, iteration: event.iteration, kind: .cancelledErrorDelivered)
            a = opt(task)
        case let .timeoutFired(task, line, file):
            self.init(time: event.time, iteration: event.iteration, kind: .timeoutFired)
            a = opt(task); e = opt(line); d = opt(file)
        case let .cpuBurstStart(task, seconds, line, file):
            self.init(time: event.time, iteration: event.iteration, kind: .cpuBurstStart)
            a = opt(task); x = seconds; e = opt(line); d = opt(file)
        case let .cpuBurstEnd(task):
            self.init(time: event.time, iteration: event.iteration, kind: .cpuBurstEnd)
            a = opt(task)
        case let .blockingSleepStart(task, seconds, line, file):
            self.init(time: event.time, iteration: event.iteration, kind: .blockingSleepStart)
            a = opt(task); x = seconds; e = opt(line); d = opt(file)
        case let .blockingSleepEnd(task):
            self.init(time: event.time, iteration: event.iteration, kind: .blockingSleepEnd)
            a = opt(task)
        case let .futureCreated(future, purpose):
            self.init(time: event.time, iteration: event.iteration, kind: .futureCreated)
            a = opt(future); c = s(purpose)
        case let .futureResolved(future, state):
            self.init(time: event.time, iteration: event.iteration, kind: .futureResolved)
            a = opt(future); c = s(state)
        case let .timerScheduled(handle, when, description, future):
            self.init(time: event.time, iteration: event.iteration, kind: .timerScheduled)
            a = opt(handle); x = when; c = s(description); b = opt(future)
        case let .timerCancelled(handle):
            self.init(time: event.time, iteration: event.iteration, kind: .timerCancelled)
            a = opt(handle)
        case let .timerDropped(handle):
            self.init(time: event.time, iteration: event.iteration, kind: .timerDropped)
            a = opt(handle)
        case let .print(task, text):
            self.init(time: event.time, iteration: event.iteration, kind: .print)
            a = opt(task); c = s(text)
        case let .warning(text):
            self.init(time: event.time, iteration: event.iteration, kind: .warning)
            c = s(text)
        case let .scheduleDeparture(kind, detail):
            self.init(time: event.time, iteration: event.iteration, kind: .scheduleDeparture)
            c = s(kind); d = s(detail)
        case let .threadStarted(thread, name):
            self.init(time: event.time, iteration: event.iteration, kind: .threadStarted)
            a = opt(thread); c = s(name)
        case let .threadState(thread, state, what, line, file):
            self.init(time: event.time, iteration: event.iteration, kind: .threadState)
            a = opt(thread); flags = ThreadStateCode.code(state); c = s(what); e = opt(line); d = opt(file)
        case let .threadHandOff(thread, handle, description):
            self.init(time: event.time, iteration: event.iteration, kind: .threadHandOff)
            a = opt(thread); b = opt(handle); c = s(description)
        }
    }

    /// Replaces the string ids of one table (a block's, decoded apart from the store) with
    /// those `map` gives them in another (the store's): `map[id]` is the new id. The
    /// slots holding texts are the ones `init(_:intern:)` fills with `intern`.
    mutating func remapStrings(_ map: UnsafeBufferPointer<Int32>) {
        switch kind {
        case .taskCreated, .scheduleDeparture:
            c = map[Int(c)]; d = map[Int(d)]
        case .callbackStart, .callbackSkipped, .taskStepStart, .futureCreated, .futureResolved, .timerScheduled, .print,
             .warning, .threadStarted, .threadState, .threadHandOff:
            c = map[Int(c)]
        case .taskStepEnd, .cancelRequested:
            // No text for some outcomes (yielded, cancelled) and for a cancel without a message.
            if c != PackedEvent.none { c = map[Int(c)] }
        case .iterationStart, .iterationEnd, .clockAdvance, .callbackEnd, .cancelledErrorDelivered, .timeoutFired,
             .cpuBurstStart, .cpuBurstEnd, .blockingSleepStart, .blockingSleepEnd, .timerCancelled, .timerDropped:
            break
        }
    }

    func unpacked(_ strings: StringTable) -> SimulationEvent {
        func s(_ id: Int32) -> String { strings[id] }
        let k: SimulationEvent.Kind
        switch kind {
        case .iterationStart: k = .iterationStart(ready: Int(a), timers: Int(b), selectTimeout: flags == 1 ? x : nil)
        case .iterationEnd: k = .iterationEnd
        case .clockAdvance: k = .clockAdvance(from: x, to: y)
        case .callbackStart: k = .callbackStart(handle: Int(a), description: s(c), task: unopt(b))
        case .callbackEnd: k = .callbackEnd(handle: Int(a), duration: x)
        case .callbackSkipped: k = .callbackSkipped(handle: Int(a), description: s(c), task: unopt(b))
        case .taskCreated: k = .taskCreated(task: Int(a), name: s(c), coroutine: s(d), creator: unopt(b), line: Int(e), file: Int(f))
        case .taskStepStart: k = .taskStepStart(task: Int(a), resumedBy: s(c))
        case .taskStepEnd:
            let outcome: SimulationEvent.StepOutcome
            switch OutcomeCode(rawValue: flags)! {
            case .parked: outcome = .parked(on: s(c), future: Int(b), line: Int(e), file: Int(d))
            case .yielded: outcome = .yielded(line: Int(e), file: Int(d))
            case .finished: outcome = .finished(result: s(c))
            case .failed: outcome = .failed(exception: s(c))
            case .cancelled: outcome = .cancelled
            }
            k = .taskStepEnd(task: Int(a), outcome: outcome)
        case .cancelRequested:
            k = .cancelRequested(task: Int(a), by: unopt(b), message: c == PackedEvent.none ? nil : s(c), line: Int(e), file: Int(d))
        case .cancelledErrorDelivered: k = .cancelledErrorDelivered(task: Int(a))
        case .timeoutFired: k = .timeoutFired(task: unopt(a), line: Int(e), file: Int(d))
        case .cpuBurstStart: k = .cpuBurstStart(task: unopt(a), seconds: x, line: Int(e), file: Int(d))
        case .cpuBurstEnd: k = .cpuBurstEnd(task: unopt(a))
        case .blockingSleepStart: k = .blockingSleepStart(task: unopt(a), seconds: x, line: Int(e), file: Int(d))
        case .blockingSleepEnd: k = .blockingSleepEnd(task: unopt(a))
        case .futureCreated: k = .futureCreated(future: Int(a), purpose: s(c))
        case .futureResolved: k = .futureResolved(future: Int(a), state: s(c))
        case .timerScheduled: k = .timerScheduled(handle: Int(a), when: x, description: s(c), future: unopt(b))
        case .timerCancelled: k = .timerCancelled(handle: Int(a))
        case .timerDropped: k = .timerDropped(handle: Int(a))
        case .print: k = .print(task: unopt(a), text: s(c))
        case .warning: k = .warning(text: s(c))
        case .scheduleDeparture: k = .scheduleDeparture(kind: s(c), detail: s(d))
        case .threadStarted: k = .threadStarted(thread: Int(a), name: s(c))
        case .threadState:
            k = .threadState(thread: Int(a), state: ThreadStateCode.state(flags), what: s(c), line: Int(e), file: Int(d))
        case .threadHandOff: k = .threadHandOff(thread: Int(a), handle: Int(b), description: s(c))
        }
        return SimulationEvent(time: time, iteration: Int(iteration), kind: k)
    }
}
