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

    func run() throws {
        let (store, result) = try recordScenario(file, options: limits.simulationOptions, stdout: Console.out)
        Console.flush()
        try writeFile(output, TraceWriter.encode(store))
        if result.exitStatus != 0 { throw ExitCode(result.exitStatus) }
    }
}
