import ArgumentParser
import ScenarioLanguage

struct ParamsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "params",
        abstract: "List a scenario's what-if parameters: the numbers --set can change.",
        discussion: """
        One line per parameter: FILE:LINE:COL, the literal, and what it is, e.g. \
        `demo.py:14:29  0.4  asyncio.wait_for(timeout)`. The parameters are the numeric \
        literals passed to asyncio.sleep, wait_for (timeout), timeout, timeout_at, cpu, \
        time.sleep, call_later, Semaphore, BoundedSemaphore and Queue (maxsize), and the \
        top-level NAME = NUMBER constants. `run`, `record`, `render`, `open`, `diff` and \
        `sweep` take `--set LINE:COL=VALUE` or `--set NAME=VALUE`. Exit status 2 for a \
        scenario that does not check.
        """
    )

    @ArgumentParser.Argument(help: "The scenario (a .py file).")
    var file: String

    func run() throws {
        let source = try loadScenario(file)
        let analysis = FrontEnd.analyze(source)
        guard let module = analysis.module, analysis.diagnostics.isEmpty else {
            Console.printDiagnostics(analysis.diagnostics, path: file, source: source)
            throw ExitCode(2)
        }
        let parameters = WhatIfParameters.find(in: module, source: SourceText(source))
        let places = parameters.map { "\(file):\($0.location)" }
        let width = places.map(\.count).max() ?? 0
        let valueWidth = parameters.map(\.text.count).max() ?? 0
        for (place, p) in zip(places, parameters) {
            Console.out(pad(place, width) + "  " + pad(p.text, valueWidth) + "  " + p.label + "\n")
        }
        if parameters.isEmpty { Console.out("\(file): no parameters\n") }
        Console.flush()
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - s.count))
    }
}
