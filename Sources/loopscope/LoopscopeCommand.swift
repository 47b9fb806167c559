#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser

@main
struct LoopscopeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loopscope",
        abstract: "Make Python's asyncio event loop visible: run scenarios on a simulated loop with a virtual clock.",
        discussion: """
        A scenario is a small Python 3.11 program of coroutines (see Scenarios/ for examples). \
        loopscope simulates CPython's asyncio event loop step for step on a virtual clock, so \
        `loopscope run` prints exactly what CPython would print, without waiting in real time. \
        `loopscope FILE` (or `loopscope open FILE`) opens FILE in the interactive timeline; \
        `loopscope` alone opens a built-in demo.
        """,
        version: "0.1.0",
        subcommands: [OpenCommand.self, ReplayCommand.self, RunCommand.self, CheckCommand.self, ParamsCommand.self, RecordCommand.self, RenderCommand.self,
                      ExportCommand.self, DiffCommand.self, SweepCommand.self, ExploreCommand.self, BenchCommand.self],
        defaultSubcommand: OpenCommand.self
    )

    /// ArgumentParser's own `main`, except that usage errors exit 2 (the status the README
    /// promises for every bad input; the parser's default is EX_USAGE, 64), and an
    /// unknown option that names a file says how to pass such a file.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            var message = fullMessage(for: error)
            if let dashed = arguments.first(where: { $0.hasPrefix("-") && $0 != "-" && isExistingPath($0) }) {
                let command = arguments.first { name in configuration.subcommands.contains { $0.configuration.commandName == name } }
                message += "\nTo name a file that starts with '-', put it after `--`: loopscope \(command.map { $0 + " " } ?? "")-- \(dashed)"
            }
            Console.err(message + "\n")
            exit(withError: ExitCode(2))
        }
    }
}

private func isExistingPath(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0
}
