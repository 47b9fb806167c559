#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Explorer
import Foundation
import LoopSimulator
import LoopTrace
import TerminalUI

struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a run: a scenario simulated, or a real Python program under CPython (JSON Lines, see docs/trace-format.md).",
        discussion: """
        loopscope record FILE.py -o OUT.jsonl simulates the scenario FILE.py. Its own output \
        still goes to stdout, its errors to stderr. Exit status: the scenario's (as for `run`); \
        2 when the scenario does not check or the trace cannot be written. A run stopped by a \
        limit is still written.

        loopscope record -o OUT.jsonl -- python3 app.py ARGS... runs a real program under \
        CPython 3.11, 3.12 or 3.13 (the interpreter named, or --python PATH, or python3 on \
        PATH) with the recorder (python/loopscope_recorder) loaded before its first line, on \
        the real clock. The program's input, output and exit status are its own.

        With --live, the timeline shows the real program while it runs, following the newest \
        loop iteration until a key moves back (End follows again); the program then gets \
        no terminal: its output goes to OUT.jsonl.log. When it ends the view stays open on \
        the whole run; quitting earlier interrupts it (SIGINT, as Ctrl-C would) and waits \
        for the trace. While any recording runs, OUT.jsonl.part holds the trace so far: \
        `loopscope open OUT.jsonl.part` (or `open OUT.jsonl` before it exists) follows it \
        from another terminal.

        --max-size SIZE (50M, 2G) bounds a real program's trace: the run's oldest events are \
        dropped, the trace keeping its header (with the program's sources) and the most recent \
        events that fit, after the state at the cut (the tasks alive, the timers pending); \
        its header says how many events and iterations were dropped.

        Either way the trace holds the program's source, so `render`, `export` and `replay` \
        need only the trace.
        """
    )

    @ArgumentParser.Argument(help: "The scenario to record (a .py file), or with --python the program to run.")
    var file: String?

    @Option(name: .shortAndLong, help: "Where to write the trace (e.g. out.jsonl).")
    var output: String

    @Option(name: .long, help: "The CPython interpreter that runs a real program (default: python3 on PATH).")
    var python: String?

    @ArgumentParser.Argument(parsing: .postTerminator,
                             help: "After --: the real program's command line (python3 app.py ARGS...).")
    var command: [String] = []

    @Flag(help: "Show the real program's timeline while it runs (needs a terminal).")
    var live = false

    @Option(name: .long, help: "Bound a real program's trace (e.g. 50M, 2G): keep the header and the most recent events that fit.")
    var maxSize: String?

    @OptionGroup var display: DisplayOptions
    @OptionGroup var limits: LimitOptions
    @OptionGroup var whatIf: WhatIfOptions

    func validate() throws {
        if file != nil && !command.isEmpty {
            throw ValidationError("give either a scenario (record FILE.py) or a program's command line after --, not both")
        }
        if file == nil && command.isEmpty {
            throw ValidationError("missing the scenario (record FILE.py -o OUT.jsonl) or the program (record -o OUT.jsonl -- python3 app.py)")
        }
        if let size = maxSize {
            if command.isEmpty && python == nil {
                throw ValidationError("--max-size bounds a real program's recording (record --max-size 50M -o OUT.jsonl -- python3 app.py); a scenario's run is bounded by --max-iterations")
            }
            if live {
                throw ValidationError("--max-size and --live cannot be combined yet: the live view follows one growing file")
            }
            if RecordCommand.traceBound(size) == nil {
                throw ValidationError("--max-size: '\(size)' is not a size of at least 4K (a number of bytes, or with K, M or G: 50M)")
            }
        }
        if live && command.isEmpty && python == nil {
            throw ValidationError("--live records a real program (record --live -o OUT.jsonl -- python3 app.py); a scenario opens live with `loopscope FILE.py`")
        }
    }

    /// `--max-size`'s bytes (the forms of --max-memory: 50M, 2G, bytes); at least 4 KiB, so a
    /// segment holds a few events.
    static func traceBound(_ text: String) -> Int? {
        LimitOptions.bytes(text, minimum: 4096)
    }

    func run() throws {
        if !command.isEmpty || python != nil {
            let words = command.isEmpty ? [file!] : command
            var program = try ProgramRecording.parse(words, python: python, output: output)
            program.maxSize = maxSize.flatMap(RecordCommand.traceBound)
            if live { try recordLive(program) }
            switch try program.run() {
            case .exited(0): return
            case .exited(let code): throw ExitCode(code)
            case let status: try ChildProcess.exit(like: status)
            }
        }
        try recordScenario(file!)
    }

    /// `--live`: the program runs in the background while the explorer follows the trace
    /// it writes (OUT.part); see the discussion above.
    private func recordLive(_ program: ProgramRecording) throws -> Never {
        guard TerminalInfo.isInteractive else {
            Console.err("loopscope: record --live shows the timeline and needs a terminal; record without --live, then `loopscope render \(output)`\n")
            throw ExitCode(2)
        }
        let log = output + ".log"
        // A stale trace-so-far from an earlier recording must not be shown as this one.
        try? FileManager.default.removeItem(atPath: output + ".part")
        let pid = try program.start(log: log)
        let feed = FollowedTrace(path: output + ".part", finishedPath: output)
        feed.start()
        Console.flush()
        let uiStatus = ExplorerApp.run(feed, mode: "recording", glyphs: display.glyphs, useColor: display.useColor)
        let written = feed.isComplete
        feed.stop()
        var status = try ChildProcess.poll(pid, program.python, blocking: false)
        // The view says `recorded` once the writer has exited; the program exits right
        // after it (it waits for its writer) and is not interrupted meanwhile.
        for _ in 0..<200 where written && status == nil {
            usleep(50_000)
            status = try ChildProcess.poll(pid, program.python, blocking: false)
        }
        if status == nil {
            Console.err("loopscope: interrupting the program (SIGINT) and waiting for its trace...\n")
            kill(-pid, SIGINT)
            for _ in 0..<200 where status == nil {
                usleep(50_000)
                status = try ChildProcess.poll(pid, program.python, blocking: false)
            }
            if status == nil {
                Console.err("loopscope: the program did not stop in 10 s; killing it\n")
                kill(-pid, SIGKILL)
                status = try ChildProcess.wait(pid, program.python)
            }
        }
        Console.err("loopscope: trace in \(output), the program's output in \(log)\n")
        if uiStatus != 0 { throw ExitCode(uiStatus) }
        try ChildProcess.exit(like: status ?? .exited(0))
    }

    private func recordScenario(_ file: String) throws {
        let source = try loadScenario(file, settings: whatIf.parsedSettings())
        let options = try whatIf.apply(to: limits.simulationOptions)
        // The trace is written as the run goes (no store is kept), into a file opened
        // first, so an unwritable path fails before a long simulation, not after it. It
        // replaces OUTPUT only once complete (see OutputStream); the scenario itself is
        // never overwritten.
        let trace = try OutputStream(path: output, inputs: [file])
        let writer = TraceStreamWriter(header: traceHeader(source, path: file, options: options), write: trace.write)
        let result = try simulate(source, path: file, options: options, sink: writer, verb: "recording",
                                  stdout: Console.out, onRejected: trace.discard)
        guard writer.finish(), trace.commit() else {
            trace.reportFailure()
            trace.discard()
            throw ExitCode(2)
        }
        if result.exitStatus != 0 { throw ExitCode(result.exitStatus) }
    }
}
