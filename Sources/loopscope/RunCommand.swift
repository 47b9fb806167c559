import ArgumentParser
import LoopSimulator

/// Where the program's own modules are found, for every command that reads a scenario.
struct ModuleSearchOptions: ParsableArguments {
    @Option(name: .customLong("path"), help: ArgumentHelp(
        "Also look for imported modules in DIR, after the scenario's own directory (repeatable).",
        valueName: "DIR"))
    var directories: [String] = []
}

/// Limits (and the module search path) shared by the commands that simulate.
struct LimitOptions: ParsableArguments {
    @OptionGroup var modules: ModuleSearchOptions

    @Option(name: .long, help: "Stop after N event-loop iterations (exit status 3).")
    var maxIterations: Int = 1_000_000

    @Option(name: .long, help: "Stop when the virtual clock would pass SECONDS (exit status 3).")
    var until: Double?

    @Option(name: .long, help: "Stop after N bytecode instructions, for code that never yields (exit status 3).")
    var maxInstructions: Int = 500_000_000

    @Option(name: .long, help: ArgumentHelp("Memory the program's values may take, with loopscope's own (512M, 2G, bytes); past it the program gets MemoryError, as from CPython's failed allocations. Default 4G.", valueName: "SIZE"))
    var maxMemory: String?

    func validate() throws {
        guard maxIterations > 0 else { throw ValidationError("--max-iterations must be positive") }
        guard maxInstructions > 0 else { throw ValidationError("--max-instructions must be positive") }
        if let until, !(until >= 0) { throw ValidationError("--until must be a non-negative number of seconds") }
        if let maxMemory, Self.bytes(maxMemory) == nil {
            throw ValidationError("--max-memory takes a size such as 512M, 2G or a number of bytes (at least 64M), not '\(maxMemory)'")
        }
    }

    /// `512M`, `2G`, `1.5G`, `65536K` or plain bytes; nil when malformed or under `minimum`
    /// (by default 64 MiB, for --max-memory: less would fail before the program's first line).
    static func bytes(_ text: String, minimum: Double = 64 * 1024 * 1024) -> Int? {
        var digits = Substring(text.uppercased())
        var unit = 1.0
        if digits.hasSuffix("B") { digits = digits.dropLast() }
        switch digits.last {
        case "K": unit = 1024
        case "M": unit = 1024 * 1024
        case "G": unit = 1024 * 1024 * 1024
        case "T": unit = 1024 * 1024 * 1024 * 1024
        default: break
        }
        if unit > 1 { digits = digits.dropLast() }
        guard let number = Double(digits), number.isFinite else { return nil }
        let value = number * unit
        guard value >= minimum, value < 1e18 else { return nil }
        return Int(value)
    }

    var simulationOptions: SimulationOptions {
        var options = SimulationOptions(maxIterations: maxIterations, timeHorizon: until, maxInstructions: maxInstructions,
                                        searchPaths: modules.directories)
        if let bytes = maxMemory.flatMap({ Self.bytes($0) }) { options.maxMemory = bytes }
        return options
    }
}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario headless on the virtual clock and print what it prints.",
        discussion: """
        stdout is exactly what CPython 3.11 prints for the scenario; an uncaught exception \
        prints a traceback on stderr. Exit status: Python's (0, or 1 for an uncaught \
        exception), 2 for a scenario that does not check, 3 when the run was stopped \
        (deadlock, --max-iterations, --until, --max-instructions).
        """
    )

    @ArgumentParser.Argument(help: "The scenario to run (a .py file).")
    var file: String

    @OptionGroup var limits: LimitOptions
    @OptionGroup var whatIf: WhatIfOptions

    func run() throws {
        let source = try loadScenario(file, settings: whatIf.parsedSettings())
        let result = try simulate(source, path: file, options: whatIf.apply(to: limits.simulationOptions), sink: nil, verb: "running",
                                  stdout: Console.out)
        if result.exitStatus != 0 { throw ExitCode(result.exitStatus) }
    }
}
