/// The two ways to lay a trace out horizontally.
public enum Axis: String, CaseIterable, Sendable {
    /// Positions are virtual seconds.
    case time
    /// Positions are step slots: one per callback run, plus one at the start of each
    /// iteration (where the loop selects and the clock may jump).
    case steps
}
