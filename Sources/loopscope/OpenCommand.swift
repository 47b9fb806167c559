#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Explorer
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
        if let file, file.hasSuffix(".jsonl") || isTraceFile(file) {
            feed = RecordedTrace(try loadTraceOrScenario(file, options: limits.simulationOptions, settings: whatIf.parsedSettings()))
            mode = "replay"
        } else {
            let path = file ?? DemoScenario.path
            let source = try applySettings(whatIf.parsedSettings(), to: file == nil ? DemoScenario.source : try loadScenario(path), path: path)
            feed = try openScenario(source: source, path: path, options: limits.simulationOptions)
            mode = "live"
        }
        try runExplorer(feed, mode: mode, display: display)
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
        let store: TraceStore
        switch TraceReader.load(path: trace) {
        case .success(let s): store = s
        case .failure(let error):
            Console.err("loopscope: \(error)\n")
            throw ExitCode(2)
        }
        try runExplorer(RecordedTrace(store), mode: "replay", display: display)
    }
}

/// Checks a scenario (diagnostics as `check` prints them, exit 2) and starts simulating it
/// lazily, far enough for the first screen, before any screen is drawn.
func openScenario(source: String, path: String, options: SimulationOptions) throws -> LazySimulation {
    if case .failure(let list) = Program.load(source: source, path: path, searchPaths: options.searchPaths) {
        Console.printDiagnostics(list)
        throw ExitCode(2)
    }
    let header = traceHeader(source, path: path, options: options)
    let lazy = LazySimulation(source: source, path: path, options: options, header: header)
    lazy.extend(toIteration: ExplorerState.lookahead)
    if case .failure(let list)? = lazy.outcome {
        Console.printDiagnostics(list)
        throw ExitCode(2)
    }
    return lazy
}

func runExplorer(_ feed: TraceFeed, mode: String, display: DisplayOptions) throws {
    guard TerminalInfo.isInteractive else {
        Console.err("loopscope: the timeline UI needs a terminal; for text output use `loopscope render FILE`\n")
        throw ExitCode(2)
    }
    Console.flush()
    let status = ExplorerApp.run(feed, mode: mode, glyphs: display.glyphs, useColor: display.useColor)
    if status != 0 { throw ExitCode(status) }
}
