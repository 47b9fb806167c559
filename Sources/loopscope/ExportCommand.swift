import ArgumentParser
import LoopTrace

/// `--format` choices.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case chrome
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Convert a scenario's or a trace's run for other tools.",
        discussion: """
        --format chrome writes Chrome Trace Event Format JSON that Perfetto \
        (ui.perfetto.dev) and chrome://tracing open: a process for the event loop, a \
        track per task, slices for callbacks, steps, CPU bursts and blocking sleeps, \
        instant events for cancellations, timeouts and warnings, and arrows from the \
        callback that woke a task to the step it woke. Virtual seconds become \
        microseconds. Exit status 2 when FILE cannot be read or simulated.
        """
    )

    @ArgumentParser.Argument(help: "A scenario (.py) or a trace (.jsonl).")
    var file: String

    @Option(help: "The output format (only chrome for now).")
    var format: ExportFormat

    @Option(name: .shortAndLong, help: "Where to write the export (e.g. out.json).")
    var output: String

    @OptionGroup var limits: LimitOptions

    func run() throws {
        // Opened first: a bad output path (or the input itself) is refused before a long
        // simulation; the output replaces OUTPUT only once complete.
        let out = try OutputStream(path: output, inputs: [file])
        let store = try loadTraceOrScenario(file, options: limits.simulationOptions)
        let bytes: [UInt8]
        switch format {
        case .chrome: bytes = ChromeTraceExporter.export(store)
        }
        guard out.write(bytes), out.commit() else {
            out.reportFailure()
            throw ExitCode(2)
        }
    }
}
