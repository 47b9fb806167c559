import ArgumentParser
import LoopSimulator
import ScenarioLanguage

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse and validate scenarios without running them.",
        discussion: """
        Prints one summary line per valid file, e.g. \
        `Scenarios/01_hello.py: ok (1 coroutine, 0 functions, asyncio.run(main))`. \
        The modules a scenario imports from its own directory (or a --path one) are \
        checked with it; anything outside the supported subset of Python, and any import \
        that cannot be found or simulated, is reported as \
        PATH:LINE:COL: error: MESSAGE with the source line and a caret. \
        Exit status: 0 when every file is valid, 2 otherwise.
        """
    )

    @ArgumentParser.Argument(help: "Scenario files to check.")
    var files: [String]

    @OptionGroup var modules: ModuleSearchOptions

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
            switch Program.load(source: source, path: path, searchPaths: modules.directories) {
            case .success(let program):
                Console.out("\(path): ok (\(program.summary.description))\n")
            case .failure(let list):
                Console.printDiagnostics(list)
                failed = true
            }
        }
        Console.flush()
        if failed { throw ExitCode(2) }
    }
}
