import Foundation

/// How fast background work goes, for the header: amount done per second since it (re)started.
struct ProgressRate {
    private var startedAt = 0.0
    private var startAmount = 0

    mutating func start(at amount: Int) {
        startedAt = Date().timeIntervalSinceReferenceDate
        startAmount = amount
    }

    /// ", 1234 it/s" once a rate can be told (after a tenth of a second), else "".
    func text(_ amount: Int, unit: String) -> String {
        let elapsed = Date().timeIntervalSinceReferenceDate - startedAt
        guard elapsed >= 0.1 else { return "" }
        return ", \(Int(Double(amount - startAmount) / elapsed)) \(unit)/s"
    }
}
