/// Why a simulation stopped before the program ended.
public enum SimulationHalt: Equatable, Sendable {
    case iterationLimit(Int)
    case timeHorizon(Double)
    case instructionLimit(Int)
    /// Whoever ran the simulation no longer wants it (`Simulation.isAbandoned`).
    case abandoned
    /// Nothing ready, no timers, the main task unfinished: CPython would hang forever.
    case deadlock(report: [String])
}
