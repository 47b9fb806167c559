import ArgumentParser
import LoopSimulator
import LoopTrace
import ScenarioLanguage
import WhatIf

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a scenario at every value of one parameter and print a table of outcomes.",
        discussion: """
        --set takes LINE:COL=FROM..TO step STEP (e.g. '46:49=0.1..2.0 step 0.1') or \
        LINE:COL=V1,V2,... (NAME= for a top-level constant); `loopscope params FILE` lists \
        the parameters. One row per value: the exit status, how many tasks finished, \
        which timed out (their wait_for/timeout deadline expired), were cancelled or \
        failed, the output's digest (equal digests: equal output) and the run's virtual \
        duration. --fixed sets other parameters for every run. Exit status 0, or 2 for a \
        scenario that does not check or a setting that names no parameter.
        """
    )

    @ArgumentParser.Argument(help: "The scenario (a .py file).")
    var file: String

    @Option(name: .customLong("set"), help: ArgumentHelp("The parameter and its values.", valueName: "LINE:COL=FROM..TO step STEP"))
    var sweep: String

    @Option(help: ArgumentHelp("Another parameter's value for every run (as run --set). Repeatable.", valueName: "LINE:COL=VALUE"))
    var fixed: [String] = []

    @OptionGroup var limits: LimitOptions

    func validate() throws {
        if case .failure(let e) = SweepValues.parse(sweep) { throw ValidationError(e.message) }
        _ = try WhatIfOptions.parse(fixed)
    }

    func run() throws {
        let original = try loadScenario(file)
        let values: SweepValues
        switch SweepValues.parse(sweep) {
        case .success(let v): values = v
        case .failure(let e): throw ValidationError(e.message)
        }
        let fixedSettings = try WhatIfOptions.parse(fixed)
        // The parameter's own description, from the unedited source.
        let parameters = WhatIfParameters.find(inSource: original) ?? []
        let described = parameters.first { p in
            switch values.target {
            case .location(let l): return p.location == l
            case .constant(let name): return p.role == .constant(name: name)
            }
        }
        var rows: [SweepTable.Row] = []
        for value in values.values {
            let source = try applySettings(fixedSettings + [values.setting(value)], to: original, path: file)
            let options = limits.simulationOptions
            let store = TraceStore(header: TraceHeader(loopscopeVersion: loopscopeVersion, path: file, source: source, options: options))
            switch Simulation(source: source, path: file, options: options).run(sink: store, stdout: { _ in }, stderr: { _ in }) {
            case .failure(let list):
                Console.printDiagnostics(list)
                throw ExitCode(2)
            case .success(let result):
                rows.append(SweepTable.Row(value: value, exitStatus: result.exitStatus, digest: RunDigest(store)))
            }
        }
        if let p = described {
            Console.out("\(file):\(p.location)  \(p.label), \(p.text) in the source\n")
        }
        Console.out(SweepTable.text(rows))
        Console.flush()
    }
}
