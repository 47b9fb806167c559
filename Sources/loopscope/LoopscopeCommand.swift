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
}
