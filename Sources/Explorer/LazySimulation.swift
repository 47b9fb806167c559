import Dispatch
import Foundation
import LoopSimulator
import LoopTrace
import ScenarioLanguage
import Timeline

/// A scenario simulated on its own thread while the explorer shows what is known so far.
///
/// Two ways to run. In the background (the interactive UI), the simulation runs on from the
/// first instant, appending to the store; the UI takes turns with it (`StoreTurns`), so every
/// key is answered on what has been simulated, and the header shows the progress. A run that
/// never ends (`while True:`) stops running ahead once it holds `backgroundEvents` events,
/// and from then on advances only as far as the cursor asks (plus a margin). On demand
/// (tests, `backgroundEvents == 0`), `extend` runs the simulation to the iteration asked
/// for and returns when it is there.
///
/// The simulation thread has a big stack (the VM recurses) and creates the `Simulation`
/// itself: nothing of the simulator is ever touched by the UI thread.
public final class LazySimulation: TraceFeed, @unchecked Sendable {
    public let store: TraceStore
    public let stories = TaskStories()
    public private(set) var isComplete = false
    /// Set when the run has ended: its result, or the diagnostics that stopped it compiling.
    public private(set) var outcome: Result<SimulationResult, DiagnosticList>?
    /// What the scenario wrote on stderr (tracebacks, warnings, halt messages).
    public private(set) var errorText = ""
    /// Called about every 50 ms while the UI waits for the simulation (to notice signals).
    public var whileWaiting: () -> Void = {}
    /// How many events the simulation may hold ahead of what the UI asked for (0: on demand).
    public let backgroundEvents: Int

    /// About 4 KB per 100 events: a run that never ends stops running ahead at ~550 MB.
    public static let defaultBackgroundEvents = 8_000_000

    private let source: String
    private let path: String
    private let options: SimulationOptions
    private let turns = StoreTurns()
    private var target = 0
    private var started = false
    private var isParked = false
    private let resume = DispatchSemaphore(value: 0)
    private let parked = DispatchSemaphore(value: 0)
    private var rate = ProgressRate()
    /// Set by `abandon`: the run ends at its next loop iteration.
    private var abandoned = false

    public init(source: String, path: String, options: SimulationOptions, header: TraceHeader, backgroundEvents: Int = 0) {
        self.source = source
        self.path = path
        self.options = options
        self.backgroundEvents = backgroundEvents
        store = TraceStore(header: header)
    }

    /// The cost model this run uses (what its header records).
    public var cpuCost: CPUCost { store.header.options.cpuCost ?? .off }

    /// The same scenario run again with another cost model (nothing simulated yet). The
    /// header records the new setting.
    public func rerun(cpuCost: CPUCost) -> LazySimulation {
        var options = options
        options.cpuCost = cpuCost
        var header = store.header
        header.options.cpuCost = cpuCost
        return LazySimulation(source: source, path: path, options: options, header: header,
                              backgroundEvents: backgroundEvents)
    }

    /// Ends the run at its next loop iteration (at once when it is parked) and frees its
    /// thread: the viewer has gone on to another run. Called in the UI's turn (`withStore`),
    /// which is what keeps the simulation thread from reading `abandoned` meanwhile.
    public func abandon() {
        abandoned = true
        if isParked {
            isParked = false
            resume.signal()
        }
    }

    public var endNote: [String] {
        guard isComplete, case .success(let result)? = outcome else { return [] }
        var lines = ["the run ended: exit status \(result.exitStatus) at t=\(TimelineLayout.formatSeconds(result.virtualTime))"]
        let warnings = Set(store.warnings().flatMap { $0.text.split(separator: "\n").map(String.init) })
        for line in errorText.split(separator: "\n") where !warnings.contains(String(line)) { lines.append(String(line)) }
        return lines
    }

    public var progress: String? {
        guard !isComplete else { return nil }
        if isParked { return "simulated on demand" }
        let k = store.lastIteration
        return "simulating: iteration \(k)\(rate.text(k, unit: "it"))"
    }

    public func withStore<T>(_ body: () throws -> T) rethrows -> T {
        try turns.ui(body)
    }

    public func extend(toIteration k: Int) {
        guard !isComplete, !started || k > store.lastIteration else { return }
        target = max(target, k)
        if !started {
            started = true
            let thread = Thread { [self] in simulate() }
            thread.stackSize = 512 << 20
            thread.start()
        } else if isParked {
            isParked = false
            resume.signal()
        }
        // In the background the caller holds the store (the UI's turn): the simulation
        // continues once it gives it back.
        guard backgroundEvents == 0 else { return }
        while parked.wait(timeout: .now() + .milliseconds(50)) == .timedOut { whileWaiting() }
    }

    /// The simulation thread's whole life.
    private func simulate() {
        turns.producerBegin()
        rate.start(at: 0)
        let sink = Sink(self)
        let simulation = Simulation(source: source, path: path, options: options)
        simulation.isAbandoned = { [unowned self] in abandoned }
        let result = simulation.run(sink: sink, pacer: { [self] iteration in
            if iteration >= target, store.eventCount >= backgroundEvents, !abandoned { park() }
        }, stdout: { _ in }, stderr: { [self] text in errorText += text })
        outcome = result
        stories.update(store)
        isComplete = true
        turns.producerEnd()
        parked.signal()
    }

    /// Waits for `extend` to ask for more, with the store given up.
    private func park() {
        stories.update(store)
        isParked = true
        turns.producerEnd()
        parked.signal()
        resume.wait()
        turns.producerBegin()
        rate.start(at: store.lastIteration)
    }

    /// Feeds the store and, every few thousand events, brings the stories up to date and
    /// lets the UI have its turn.
    private final class Sink: SimulationEventSink {
        unowned let owner: LazySimulation
        var count = 0
        init(_ owner: LazySimulation) { self.owner = owner }

        func receive(_ event: SimulationEvent) {
            owner.store.append(event)
            count &+= 1
            if count & 2047 == 0 {
                owner.stories.update(owner.store)
                owner.turns.checkpoint {}
            }
        }
    }
}
