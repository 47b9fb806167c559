import LoopSimulator

/// The first line of a trace file: what was run, with which options, by which loopscope.
/// It carries the whole program source so a replay can show the source panel without the
/// original file.
public struct TraceHeader: Equatable, Sendable {
    /// The value of the header's `"format"` key; anything else is not a trace.
    public static let formatName = "loopscope-trace"
    /// The format version this build writes and the newest one it reads.
    /// Version 2 dropped the per-iteration ready-queue and timer-heap snapshots of
    /// version 1 for the events they are rebuilt from (`callbackSkipped`, `timerCancelled`,
    /// `timerDropped`, `timerScheduled`'s `future`). Version 3 added the clock (virtual for
    /// a simulation, real for a recorded CPython program), the Python version, the command
    /// line and the program's other files; a version 2 file reads as a simulation's.
    public static let currentVersion = 3
    /// The oldest version this build still reads.
    public static let oldestReadVersion = 2

    /// Whose clock the times are on.
    public enum Clock: String, Sendable {
        /// The simulator's virtual clock: seconds the program would have taken.
        case virtual
        /// A recording of a real program under CPython: seconds of `time.monotonic()` since
        /// the recorder started.
        case real
    }

    /// A file of the program besides the main one (its own modules, not the standard
    /// library's), as a path relative to the main file's directory.
    public struct SourceFile: Equatable, Sendable {
        public var path: String
        public var source: String
        public init(path: String, source: String) {
            self.path = path
            self.source = source
        }
    }

    public var version: Int
    /// The loopscope version that wrote the trace (informational).
    public var loopscopeVersion: String
    public var path: String
    /// The main file's source; events' `line` fields are lines of it.
    public var source: String
    public var options: SimulationOptions
    public var clock: Clock
    /// The CPython version that ran a recorded program (nil for a simulation).
    public var python: String?
    /// The command line of a recorded program (nil for a simulation).
    public var command: [String]?
    public var files: [SourceFile]

    public init(version: Int = TraceHeader.currentVersion, loopscopeVersion: String, path: String,
                source: String, options: SimulationOptions, clock: Clock = .virtual, python: String? = nil,
                command: [String]? = nil, files: [SourceFile] = []) {
        self.version = version
        self.loopscopeVersion = loopscopeVersion
        self.path = path
        self.source = source
        self.options = options
        self.clock = clock
        self.python = python
        self.command = command
        self.files = files
    }
}
