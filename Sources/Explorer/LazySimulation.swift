import Dispatch
import Foundation
import LoopSimulator
import LoopTrace
import Timeline

/// A scenario simulated only as far as the explorer has looked (plus a margin), so a
/// `while True:` scenario opens and steps.
///
/// The simulation runs on its own thread with a big stack (the VM recurses). The VM is
/// compiled for a single thread (non-atomic reference counts), so the two threads strictly
/// take turns: the UI thread sets a target iteration and waits; the simulation runs until the
/// pacer sees the target iteration finished, then signals and parks; only then does the UI
/// read the store (which the simulation thread appends to). Nothing of the simulator is ever
/// touched by the UI thread: the `Simulation` is created on the simulation thread.
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

    private let source: String
    private let path: String
    private let options: SimulationOptions
    private var target = 0
    private var started = false
    private let resume = DispatchSemaphore(value: 0)
    private let parked = DispatchSemaphore(value: 0)

    public init(source: String, path: String, options: SimulationOptions, header: TraceHeader) {
        self.source = source
        self.path = path
        self.options = options
        store = TraceStore(header: header)
    }

    public var endNote: [String] {
        guard isComplete, case .success(let result)? = outcome else { return [] }
        var lines = ["the run ended: exit status \(result.exitStatus) at t=\(TimelineLayout.formatSeconds(result.virtualTime))"]
        let warnings = Set(store.warnings().flatMap { $0.text.split(separator: "\n").map(String.init) })
        for line in errorText.split(separator: "\n") where !warnings.contains(String(line)) { lines.append(String(line)) }
        return lines
    }

    public func extend(toIteration k: Int) {
        guard !isComplete, !started || k > store.lastIteration else { return }
        target = k
        if started {
            resume.signal()
        } else {
            started = true
            let thread = Thread { [self] in simulate() }
            thread.stackSize = 512 << 20
            thread.start()
        }
        while parked.wait(timeout: .now() + .milliseconds(50)) == .timedOut { whileWaiting() }
        stories.update(store)
    }

    /// The simulation thread's whole life.
    private func simulate() {
        let simulation = Simulation(source: source, path: path, options: options)
        let result = simulation.run(sink: store, pacer: { [self] iteration in
            if iteration >= target {
                parked.signal()
                resume.wait()
            }
        }, stdout: { _ in }, stderr: { [self] text in errorText += text })
        outcome = result
        isComplete = true
        parked.signal()
    }
}
