#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Explorer
import Foundation
import LoopSimulator
import LoopTrace
import ScenarioLanguage
import TerminalUI
import Timeline

/// Options of the interactive UI.
struct DisplayOptions: ParsableArguments {
    @Flag(help: "Draw with ASCII characters only (the default when the locale is not UTF-8).")
    var ascii = false

    @Option(help: "Colours: auto (unless NO_COLOR is set or the terminal has none), never.")
    var color: ColorChoice = .auto

    var glyphs: Glyphs { Glyphs(ascii: ascii || !Terminal.localeIsUTF8) }

    var useColor: Bool {
        guard color != .never else { return false }
        if color == .always { return true }
        return (getenv("NO_COLOR").map { String(cString: $0).isEmpty } ?? true)
    }
}

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a scenario or a trace in the interactive timeline (the default command).",
        discussion: """
        A scenario is simulated lazily: iterations are simulated as the cursor reaches them, \
        so scenarios that never end (`while True:`) open and step; the header then reads \
        "iteration k of ≥n". A trace (.jsonl from `record`) is replayed. Without FILE a \
        built-in demo opens. Press ? in the UI for every key. Needs a terminal: otherwise \
        use `loopscope render`. Exit status: 0 after q, 2 for a file that cannot be read or \
        checked, 128+N after signal N.
        """
    )

    @ArgumentParser.Argument(help: "A scenario (.py) or a trace (.jsonl); none: the built-in demo.")
    var file: String?

    @OptionGroup var display: DisplayOptions
    @OptionGroup var limits: LimitOptions
    @OptionGroup var whatIf: WhatIfOptions

    func run() throws {
        let feed: TraceFeed
        let mode: String
        var session: WhatIfSession?
        if let file, let recording = RecordingInProgress(file) {
            feed = try recording.follow()
            mode = "recording"
        } else if let file, file.hasSuffix(".jsonl") || isTraceFile(file) {
            if !(try whatIf.parsedSettings()).isEmpty || whatIf.schedule != nil || whatIf.cpuCost != nil {
                Console.err("loopscope: \(file): --set, --schedule and --cpu-cost change how a scenario runs; a trace is a finished run\n")
                throw ExitCode(2)
            }
            feed = try openTrace(file)
            mode = "replay"
        } else {
            let path = file ?? DemoScenario.path
            let original = file == nil ? DemoScenario.source : try loadScenario(path)
            let settings = try whatIf.parsedSettings()
            let options = try whatIf.apply(to: limits.simulationOptions)
            feed = try openScenario(source: try applySettings(settings, to: original, path: path), path: path, options: options)
            mode = "live"
            // Each what-if edit in the UI runs the edited source as this first run was run.
            session = WhatIfSession(source: original, settings: settings, feed: feed) { edited, cost in
                var options = options
                if let cost { options.cpuCost = cost }
                return scenarioFeed(source: edited, path: path, options: options)
                    .map { $0 as TraceFeed }
                    .mapError { SettingError("the edited scenario does not check: \($0.entries.first?.headline ?? "")") }
            }
        }
        try runExplorer(feed, mode: mode, display: display, whatIf: session)
    }
}

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Open a recorded trace (from `record`) in the interactive timeline.",
        discussion: "The trace holds the scenario's source, so the source panel works without the .py file."
    )

    @ArgumentParser.Argument(help: "A trace file (.jsonl).")
    var trace: String

    @OptionGroup var display: DisplayOptions

    func run() throws {
        if let recording = RecordingInProgress(trace) {
            try runExplorer(try recording.follow(), mode: "recording", display: display)
        } else {
            try runExplorer(try openTrace(trace), mode: "replay", display: display)
        }
    }
}

/// A trace a recording is writing: `OUT.part`, or `OUT` named while only `OUT.part` exists.
struct RecordingInProgress {
    let partPath: String
    let finishedPath: String

    init?(_ path: String) {
        let fm = FileManager.default
        if path.hasSuffix(".part") {
            partPath = path
            finishedPath = String(path.dropLast(".part".count))
        } else if !fm.fileExists(atPath: path), fm.fileExists(atPath: path + ".part") {
            partPath = path + ".part"
            finishedPath = path
        } else {
            return nil
        }
    }

    /// Starts following it (a file that is no trace exits 2 before any screen is drawn).
    func follow() throws -> FollowedTrace {
        try requireTrace(partPath)
        let feed = FollowedTrace(path: partPath, finishedPath: finishedPath, patience: 5)
        feed.start()
        return feed
    }
}

/// Starts reading a trace in the background, once its first line shows it is one (a file
/// that cannot be read, or is no trace, exits 2 before any screen is drawn).
func openTrace(_ path: String) throws -> LoadingTrace {
    try requireTrace(path)
    let feed = LoadingTrace(path: path)
    feed.start()
    return feed
}

/// Exits 2, before any screen is drawn, unless the file's first line shows it is a trace.
func requireTrace(_ path: String) throws {
    guard let file = fopen(path, "rb") else {
        Console.err("loopscope: \(TraceReadError(path: path, line: 0, problem: .unreadable(String(cString: strerror(errno)))))\n")
        throw ExitCode(2)
    }
    var start = [UInt8](repeating: 0, count: 64)
    let n = fread(&start, 1, 64, file)
    fclose(file)
    guard TraceReader.looksLikeTrace(start.prefix(n)) else {
        Console.err("loopscope: \(TraceReadError(path: path, line: 1, problem: .missingHeader("the first line has no \"format\":\"loopscope-trace\"")))\n")
        throw ExitCode(2)
    }

}

/// Checks and compiles a scenario (diagnostics as `check` prints them, exit 2); the explorer
/// simulates it in the background from its first frame.
func openScenario(source: String, path: String, options: SimulationOptions) throws -> LazySimulation {
    switch scenarioFeed(source: source, path: path, options: options) {
    case .failure(let list):
        Console.printDiagnostics(list)
        throw ExitCode(2)
    case .success(let feed):
        return feed
    }
}

/// A checked scenario, to be simulated in the background (the program is loaded once, for
/// the check and the trace header's files); its diagnostics when it does not check.
func scenarioFeed(source: String, path: String, options: SimulationOptions) -> Result<LazySimulation, DiagnosticList> {
    Program.load(source: source, path: path, searchPaths: options.searchPaths).map { program in
        LazySimulation(source: source, path: path, options: options,
                       header: traceHeader(source, path: path, options: options, program: program),
                       backgroundEvents: LazySimulation.defaultBackgroundEvents)
    }
}

func runExplorer(_ feed: TraceFeed, mode: String, display: DisplayOptions, whatIf: WhatIfSession? = nil) throws {
    guard TerminalInfo.isInteractive else {
        Console.err("loopscope: the timeline UI needs a terminal; for text output use `loopscope render FILE`\n")
        throw ExitCode(2)
    }
    Console.flush()
    let status = ExplorerApp.run(feed, mode: mode, glyphs: display.glyphs, useColor: display.useColor, whatIf: whatIf)
    if status != 0 { throw ExitCode(status) }
    // A trace that turned out corrupt past its header was shown as far as it was good.
    if let error = (feed as? LoadingTrace)?.withStore({ (feed as? LoadingTrace)?.error }) {
        Console.err("loopscope: \(error)\n")
        throw ExitCode(2)
    }
}
