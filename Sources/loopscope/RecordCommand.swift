import ArgumentParser
import LoopSimulator
import LoopTrace

struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Run a scenario and write its trace (JSON Lines, see docs/trace-format.md).",
        discussion: """
        The scenario's own output still goes to stdout, its errors to stderr. The trace \
        holds the scenario's source, so `render`, `export` and `replay` need only the trace. \
        Exit status: the scenario's (as for `run`); 2 when the scenario does not check or \
        the trace cannot be written. A run stopped by a limit is still written.
        """
    )

    @ArgumentParser.Argument(help: "The scenario to record (a .py file).")
    var file: String

    @Option(name: .shortAndLong, help: "Where to write the trace (e.g. out.jsonl).")
    var output: String

    @OptionGroup var limits: LimitOptions
    @OptionGroup var whatIf: WhatIfOptions

    func run() throws {
        let source = try loadScenario(file, settings: whatIf.parsedSettings())
        let options = limits.simulationOptions
        // The trace is written as the run goes (no store is kept), into a file opened
        // first, so an unwritable path fails before a long simulation, not after it. It
        // replaces OUTPUT only once complete (see OutputStream); the scenario itself is
        // never overwritten.
        let trace = try OutputStream(path: output, inputs: [file])
        let writer = TraceStreamWriter(header: TraceHeader(loopscopeVersion: loopscopeVersion, path: file,
                                                           source: source, options: options),
                                       write: trace.write)
        let result = try simulate(source, path: file, options: options, sink: writer, verb: "recording",
                                  stdout: Console.out, onRejected: trace.discard)
        guard writer.finish(), trace.commit() else {
            trace.reportFailure()
            trace.discard()
            throw ExitCode(2)
        }
        if result.exitStatus != 0 { throw ExitCode(result.exitStatus) }
    }
}
