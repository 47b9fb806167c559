import ArgumentParser
import ScenarioLanguage

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse and validate scenarios without running them.",
        discussion: """
        Prints one summary line per valid file, e.g. \
        `Scenarios/01_hello.py: ok (1 coroutine, 0 functions, asyncio.run(main))`. \
        Anything outside the supported subset of Python is reported as \
        PATH:LINE:COL: error: MESSAGE with the source line and a caret. \
        Exit status: 0 when every file is valid, 2 otherwise.
        """
    )

    @ArgumentParser.Argument(help: "Scenario files to check.")
    var files: [String]

    func run() throws {
        var failed = false
        for path in files {
            let source: String
            switch ScenarioFile.load(path: path) {
            case .success(let text): source = text
            case .failure(let error):
                Console.err("loopscope: \(error)\n")
                failed = true
                continue
            }
            let result = FrontEnd.analyze(source)
            if result.diagnostics.isEmpty, let summary = result.summary {
                Console.out("\(path): ok (\(summary.description))\n")
            } else {
                Console.printDiagnostics(result.diagnostics, path: path, source: source)
                failed = true
            }
        }
        Console.flush()
        if failed { throw ExitCode(2) }
    }
}
