// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "loopscope",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "loopscope", targets: ["loopscope"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
    ],
    targets: [
        // Lexer, parser, AST, validation of the scenario subset, diagnostics.
        .target(name: "ScenarioLanguage"),
        // The Python language: compiler, bytecode VM, object model, builtins, number
        // formatting, the import system and Lib/ (the standard library written in Python).
        // It knows nothing of event loops: asyncio is a library on top of it.
        .target(
            name: "PythonRuntime",
            dependencies: [
                "ScenarioLanguage",
                .product(name: "DequeModule", package: "swift-collections"),
                // Python ints past 64 bits (the VM's fast path stays on Int).
                .product(name: "BigInt", package: "BigInt"),
            ],
            // The VM is single-threaded by design; the Swift 5 language mode keeps its
            // object graph free of Sendable annotations.
            swiftSettings: [
                .swiftLanguageMode(.v5),
                // The VM mutates frames (class instances) in its hot loop; dynamic
                // exclusivity checks there cost about a third of the run time. The VM is
                // single-threaded and never overlaps accesses.
                .unsafeFlags(["-enforce-exclusivity=unchecked"]),
            ],
            // Lib/*.py (library code written in Python) is embedded at build time.
            plugins: ["PythonLibPlugin"]
        ),
        // The simulated asyncio event loop on a virtual clock (futures, tasks, threads, the
        // events of a run), a library on top of the Python runtime.
        .target(
            name: "LoopSimulator",
            dependencies: [
                "ScenarioLanguage",
                "PythonRuntime",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "BigInt", package: "BigInt"),
            ],
            swiftSettings: [
                .swiftLanguageMode(.v5),
                .unsafeFlags(["-enforce-exclusivity=unchecked"]),
            ]
        ),
        // Writes Lib/'s Python sources into a Swift table (run by PythonLibPlugin).
        .executableTarget(name: "EmbedPythonLib"),
        .plugin(name: "PythonLibPlugin", capability: .buildTool(), dependencies: ["EmbedPythonLib"]),
        // A run as data: the event store with its indexes, the JSONL trace file, Chrome export.
        .target(
            name: "LoopTrace",
            dependencies: ["LoopSimulator", "PythonRuntime", "ScenarioLanguage"],
            swiftSettings: [
                // Loading a trace appends millions of events to the store (a class), whose
                // dynamic exclusivity checks cost about a tenth of a load. The store is
                // mutated by one thread at a time (the reader, or the UI under its lock).
                .unsafeFlags(["-enforce-exclusivity=unchecked"]),
            ]
        ),
        // Lays a trace out into a grid of cells; knows nothing of terminals.
        .target(
            name: "Timeline",
            dependencies: ["LoopTrace", "ScenarioLanguage"],
            swiftSettings: [
                // The task stories and group counts (classes) are updated for every event a
                // trace or simulation appends, several fields per event: their dynamic
                // exclusivity checks cost about a third of that update, which holds the
                // store while a 4-million-event trace is indexed. They are touched by one
                // thread at a time (the producer or the UI, under `StoreTurns`).
                .unsafeFlags(["-enforce-exclusivity=unchecked"]),
            ]
        ),
        // What-if: compare two runs, sweep a parameter, search the legal schedules.
        .target(name: "WhatIf", dependencies: ["LoopTrace", "LoopSimulator", "PythonRuntime", "ScenarioLanguage"]),
        // The interactive explorer without a terminal: its state and keys, and the feeds it
        // reads (a recorded trace, or a scenario simulated lazily on its own thread).
        .target(name: "Explorer", dependencies: ["Timeline", "LoopTrace", "LoopSimulator", "PythonRuntime", "ScenarioLanguage", "WhatIf"]),
        // The wide-character ncurses system library (module map + small inline shims).
        .systemLibrary(
            name: "CNcurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        // Signal handlers that give the terminal back (C, as signal handlers must be).
        .target(name: "CTerminalGuard"),
        // The only target that touches the terminal.
        .target(name: "TerminalUI", dependencies: ["CNcurses", "CTerminalGuard", "Timeline", "Explorer"]),
        .executableTarget(
            name: "loopscope",
            dependencies: [
                "ScenarioLanguage",
                "LoopSimulator",
                "PythonRuntime",
                "LoopTrace",
                "Timeline",
                "Explorer",
                "TerminalUI",
                "CTerminalGuard",
                "WhatIf",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers the test targets share (not shipped).
        .target(name: "TestSupport", dependencies: ["PythonRuntime", "LoopSimulator", "LoopTrace"], path: "Tests/TestSupport"),
        // The Python runtime alone, with no event loop.
        .testTarget(name: "PythonRuntimeTests", dependencies: ["PythonRuntime"]),
        .testTarget(name: "ScenarioLanguageTests", dependencies: ["ScenarioLanguage", "TestSupport"], exclude: ["BadInputs"]),
        .testTarget(name: "LoopSimulatorTests", dependencies: ["PythonRuntime", "LoopSimulator", "ScenarioLanguage", "TestSupport",
                                                           .product(name: "BigInt", package: "BigInt")]),
        .testTarget(name: "LoopTraceTests", dependencies: ["PythonRuntime", "LoopTrace", "LoopSimulator", "TestSupport"],
                    resources: [.copy("CorruptTraces")]),
        .testTarget(name: "TimelineTests", dependencies: ["PythonRuntime", "Timeline", "LoopTrace", "LoopSimulator", "TestSupport"],
                    exclude: ["Goldens"]),
        .testTarget(name: "WhatIfTests", dependencies: ["PythonRuntime", "WhatIf", "LoopTrace", "LoopSimulator", "ScenarioLanguage", "TestSupport"]),
        .testTarget(name: "ExplorerTests", dependencies: ["PythonRuntime", "Explorer", "Timeline", "LoopTrace", "LoopSimulator", "ScenarioLanguage", "WhatIf", "TestSupport"]),
        // These run the built `loopscope` binary as a user would: the dependency builds it.
        // End-to-end tests of the interactive UI, through tmux.
        .testTarget(name: "TerminalUITests", dependencies: ["loopscope"]),
        .testTarget(name: "CLITests", dependencies: ["loopscope"]),
    ]
)
