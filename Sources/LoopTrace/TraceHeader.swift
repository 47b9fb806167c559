import LoopSimulator

/// The first line of a trace file: what was run, with which options, by which loopscope.
/// It carries the whole scenario source so a replay can show the source panel without the
/// original file.
public struct TraceHeader: Equatable, Sendable {
    /// The value of the header's `"format"` key; anything else is not a trace.
    public static let formatName = "loopscope-trace"
    /// The format version this build writes and the newest one it reads.
    /// Version 2 dropped the per-iteration ready-queue and timer-heap snapshots of
    /// version 1 for the events they are rebuilt from (`callbackSkipped`, `timerCancelled`,
    /// `timerDropped`, `timerScheduled`'s `future`).
    public static let currentVersion = 2

    public var version: Int
    /// The loopscope version that wrote the trace (informational).
    public var loopscopeVersion: String
    public var path: String
    public var source: String
    public var options: SimulationOptions

    public init(version: Int = TraceHeader.currentVersion, loopscopeVersion: String, path: String,
                source: String, options: SimulationOptions) {
        self.version = version
        self.loopscopeVersion = loopscopeVersion
        self.path = path
        self.source = source
        self.options = options
    }
}
