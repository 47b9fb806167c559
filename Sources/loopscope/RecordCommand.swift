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
        if live && command.isEmpty && python == nil {
            throw ValidationError("--live records a real program (record --live -o OUT.jsonl -- python3 app.py); a scenario opens live with `loopscope FILE.py`")
        }
    }

    func run() throws {
        if !command.isEmpty || python != nil {
            let words = command.isEmpty ? [file!] : command
            let program = try ProgramRecording.parse(words, python: python, output: output)
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
        feed.stop()
        var status = try ChildProcess.poll(pid, program.python, blocking: false)
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
