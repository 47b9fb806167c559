import Foundation

/// Says how far a long simulation has got (`run`, `record`, and scenarios given to
/// `render`/`export`): after a second without a result, a status line on the terminal
/// shows the loop iteration and the elapsed time, renewed twice a second. Its `pacer`
/// is what `Simulation.run` calls after every iteration (a clock read each: iterations
/// can hold thousands of callbacks, or one); nothing is set up when stderr is not a
/// terminal.
final class SimulationProgress {
    private let started = Date()
    private var nextReport = 1.0
    private let verb: String

    init(_ verb: String) { self.verb = verb }

    var pacer: ((Int) -> Void)? {
        guard Console.showsProgress else { return nil }
        return { [self] iteration in
            let elapsed = Date().timeIntervalSince(started)
            guard elapsed >= nextReport else { return }
            nextReport = elapsed + 0.5
            Console.progress(Self.line(verb, iteration: iteration, seconds: elapsed))
        }
    }

    /// "loopscope: recording… loop iteration 120,832 (3 s)"
    static func line(_ verb: String, iteration: Int, seconds: Double) -> String {
        "loopscope: \(verb)… loop iteration \(iteration.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) (\(Int(seconds)) s)"
    }

    /// Erases the status line (the run is over).
    func finish() { Console.clearProgress() }
}
