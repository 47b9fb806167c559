import LoopSimulator
import PythonRuntime

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
    /// Version 4 added the `file` of step ends and CPU bursts / blocking sleeps (which of
    /// the program's files their `line` is in); older files read as all-main-file lines.
    /// Version 5 added the `file` of `taskCreated`, `cancelRequested` and `timeoutFired`
    /// (older files: the main file's lines). Version 6 added the header's `truncated`: a
    /// recording bounded by `--max-size` that dropped the start of the run.
    public static let currentVersion = 6
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
    /// The main file's source; events' `line` fields are lines of it unless their `file`
    /// says otherwise.
    public var source: String
    public var options: SimulationOptions
    public var clock: Clock
    /// The CPython version that ran a recorded program (nil for a simulation).
    public var python: String?
    /// The command line of a recorded program (nil for a simulation).
    public var command: [String]?
    /// File 1, 2, ... of events' `file` fields (file 0 is the main one).
    public var files: [SourceFile]
    /// What a recording bounded by `record --max-size` dropped from the start of the run
    /// (nil: nothing). The events kept begin with the state at the cut restated (the tasks
    /// alive, the timers in the heap), and their iterations count from 1 again.
    public struct Truncation: Equatable, Sendable {
        /// The run's events before the first one kept.
        public var events: Int
        /// The run's iterations before the first one kept (iteration 1 of the trace is
        /// iteration `iterations + 1` of the run).
        public var iterations: Int
        public init(events: Int, iterations: Int) {
            self.events = events
            self.iterations = iterations
        }
    }

    public var truncated: Truncation?
    /// In a trace still being written (`OUT.part`), the process writing it: more events
    /// may come while it lives. Nil in a finished trace.
    public var writerPID: Int?

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

    /// The header's `files` for a simulated program: its modules in the order the run
    /// numbers them, each path relative to the main file's directory when it is inside it.
    public static func files(of program: Program) -> [SourceFile] {
        let directory = SourcePaths.directory(of: program.files[0].path)
        let prefix = directory.isEmpty ? "" : directory.hasSuffix("/") ? directory : directory + "/"
        return program.files.dropFirst().map { file in
            SourceFile(path: file.path.hasPrefix(prefix) ? String(file.path.dropFirst(prefix.count)) : file.path,
                       source: file.source)
        }
    }

    /// File `n` of the trace: 0 the main file (its path as given), then `files` (nil when
    /// out of range).
    public func file(_ n: Int) -> SourceFile? {
        if n == 0 { return SourceFile(path: path, source: source) }
        return n > 0 && n <= files.count ? files[n - 1] : nil
    }
}
