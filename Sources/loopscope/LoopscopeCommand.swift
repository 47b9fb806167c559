import ArgumentParser

@main
struct LoopscopeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loopscope",
        abstract: "Make Python's asyncio event loop visible: simulate scenarios on a virtual clock.",
        version: "0.1.0"
    )
}
