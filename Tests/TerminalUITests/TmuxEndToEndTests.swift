import Foundation
import Testing

/// The real binary in a real pseudo-terminal: tmux runs `loopscope` in a detached session of
/// a fixed size, the test sends keys and reads the screen with `capture-pane`. Every wait
/// polls the screen until the expected text appears (with a deadline), never a fixed sleep.
/// Skipped, with a message, only when tmux is not installed (scripts/setup.sh installs it).
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed: run scripts/setup.sh to run the end-to-end UI tests"))
struct TmuxEndToEndTests {
    @Test func demoLanesStepsAxisAndQuit() throws {
        let t = try Tmux(width: 120, height: 40, command: [Tmux.binary])
        defer { t.kill() }
        // The first frame may come before the simulation has created every task.
        let names = ["LOOP", "main", "ticker", "cruncher", "download", "query"]
        let first = try t.waitUntil { s in s.contains("iteration 0 of") && names.allSatisfy { s.contains($0) } }
        for name in names { #expect(first.contains(name), "lane \(name)") }
        let readyAt0 = t.panel(after: "ready when it began", in: first)
        t.send("n", "n", "n")
        let third = try t.waitFor("iteration 3 of")
        #expect(t.panel(after: "ready when it began", in: third) != readyAt0)
        #expect(third.contains("timers ("))
        t.send("a")
        #expect(try t.waitFor("time axis").contains("time axis"))
        t.send("a")
        _ = try t.waitFor("steps axis")
        t.send("q")
        let after = try t.waitFor("EXIT=")
        #expect(after.contains("EXIT=0"))
        try t.expectSaneTerminal(after)
    }

    /// `record --live`: the timeline of a real program while it runs, following its newest
    /// iteration; then the whole run, the trace and the program's output in their files.
    @Test func recordLiveFollowsTheProgramWhileItRuns() throws {
        let dir = NSTemporaryDirectory() + "live-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
            import asyncio

            async def ticker(n):
                for i in range(12):
                    await asyncio.sleep(0.25)
                    print(f"ticker {n} tick {i}")

            async def main():
                await asyncio.gather(ticker(0), ticker(1))

            asyncio.run(main())
            """.write(toFile: dir + "/app.py", atomically: true, encoding: .utf8)
        let trace = dir + "/run.jsonl"
        let t = try Tmux(width: 120, height: 40, command: [Tmux.binary, "record", "--live", "-o", trace, "--", "python3", dir + "/app.py"])
        defer { t.kill() }
        // While it runs: the header counts events, and the lanes are there.
        let during = try t.waitUntil(timeout: 30) { s in s.contains("events so far") && s.contains("ticker") }
        #expect(during.contains("recording"))
        // At the end the view stays open on the whole run.
        let done = try t.waitFor("recorded", timeout: 60)
        #expect(!done.contains("events so far"))
        t.send("q")
        let after = try t.waitFor("EXIT=", timeout: 10)
        #expect(after.contains("EXIT=0"))
        #expect(after.contains("trace in \(trace)"))
        try t.expectSaneTerminal(after)
        let log = try String(contentsOfFile: trace + ".log", encoding: .utf8)
        #expect(log.contains("ticker 1 tick 11"))
        #expect(FileManager.default.fileExists(atPath: trace))
        #expect(!FileManager.default.fileExists(atPath: trace + ".part"))
    }

    @Test func firstFrameComesBeforeTheSimulationEndsAndQuitIsImmediate() throws {
        let t = try Tmux(width: 120, height: 40, command: [Tmux.binary, Tmux.root + "/bench/many_tasks.py"])
        defer { t.kill() }
        // The header reports the background simulation while it runs: the frame came first.
        let during = try t.waitFor("simulating: iteration", timeout: 5)
        #expect(during.contains("iteration 0 of ≥"))
        // Keys work meanwhile.
        t.send("n")
        _ = try t.waitFor("iteration 1 of ≥", timeout: 5)
        t.send("q")
        let after = try t.waitFor("EXIT=", timeout: 3)
        #expect(after.contains("EXIT=0"))
        try t.expectSaneTerminal(after)
    }

    /// Ten thousand tasks (`bench/many_tasks.py`) at three screen sizes: the lanes scroll,
    /// the filter counts its matches, grouping collapses the workers into one lane, sorting
    /// is named under the lanes, and the task table shows its columns. All of it works
    /// while the simulation is still running in the background.
    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func tenThousandTasks(size: (Int, Int)) throws {
        let (w, h) = size
        let t = try Tmux(width: w, height: h, command: [Tmux.binary, Tmux.root + "/bench/many_tasks.py"])
        defer { t.kill() }
        // Iteration 1 (main's first step) creates the 10,000 workers.
        _ = try t.waitUntil(timeout: 60) { $0.contains("Task-3 worker") }
        t.send("PageDown")
        _ = try t.waitUntil(timeout: 10) { s in s.contains(" of 1000") && s.contains("(PgUp PgDn)") }
        t.send("/", "T", "a", "s", "k", "-", "9", "9", "9", "9")
        let filtering = try t.waitUntil(timeout: 20) { $0.contains(" 1 of 1000") && $0.contains("Task-9999") }
        #expect(filtering.contains("Task-9999"))
        t.send("Enter")
        _ = try t.waitFor("filter \"Task-9999\"", timeout: 10)
        t.send("Escape")
        // All lanes again, the selection (Task-9999) still on screen.
        _ = try t.waitUntil(timeout: 10) { s in !s.contains("filter \"Task-9999\"") && s.contains(" of 1000") && s.contains("Task-9999") }
        t.send("G")
        let grouped = try t.waitFor("worker ×10000", timeout: 10)
        #expect(grouped.contains("grouped by coroutine"))
        t.send("G", "o")
        _ = try t.waitFor("sorted: most time running", timeout: 10)
        t.send("t")
        let table = try t.waitUntil(timeout: 10) { s in s.contains("Task") && s.contains("State") && s.contains("Steps") }
        #expect(table.contains("sort column"))
        if w >= 120 { #expect(table.contains("Waits on")) }
        t.send("Right", "Right")
        _ = try t.waitFor(w >= 120 ? "Steps ▼" : "Steps", timeout: 10)
        t.send("q")
        let after = try t.waitFor("EXIT=", timeout: 5)
        #expect(after.contains("EXIT=0"))
        try t.expectSaneTerminal(after)
    }

    /// TERM unknown to terminfo (or unset): ncurses' initscr would exit with "Error opening
    /// terminal"; the UI falls back to a known description, says so, and draws.
    @Test(arguments: [["TERM=no-such-terminal-here"], ["-u", "TERM"]])
    func unknownOrMissingTermFallsBack(env: [String]) throws {
        let t = try Tmux(width: 100, height: 30,
                         command: ["env"] + env + [Tmux.binary, Tmux.root + "/Scenarios/01_hello.py"])
        defer { t.kill() }
        _ = try t.waitFor("iteration 0 of")
        t.send("q")
        let after = try t.waitFor("EXIT=")
        #expect(after.contains("EXIT=0"))
        #expect(after.contains("drawing for xterm-256color"))
        try t.expectSaneTerminal(after)
    }

    @Test func resizeRedrawsWithoutGarbage() throws {
        let t = try Tmux(width: 120, height: 40, command: [Tmux.binary, Tmux.root + "/Scenarios/06_cpu_burst.py"])
        defer { t.kill() }
        _ = try t.waitFor("iteration 0 of")
        for (w, h) in [(80, 24), (160, 50)] {
            t.resize(w, h)
            let screen = try t.waitUntil { s in
                let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
                return lines.count >= h && lines.last { !$0.isEmpty }?.contains("quit") == true && s.contains("cruncher")
                    && lines[0].contains(" 0 of 16")
            }
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(h)
            #expect(lines.allSatisfy { $0.count <= w }, "no line wider than \(w)")
            // (A panel row may hold both words too: "from loopscope import cpu" beside "run iteration 1".)
            // (At 80 columns the header is the compact one, without the "loopscope" brand.)
            #expect(lines.filter { $0.contains("06_cpu_burst.py") && $0.contains(" 0 of 16") }.count == 1, "one header")
            #expect(lines.filter { $0.hasPrefix("LOOP") }.count == 1, "one LOOP lane")
        }
        t.send("q")
        try t.expectSaneTerminal(try t.waitFor("EXIT=0"))
    }

    @Test func replayOfARecordedTrace() throws {
        let trace = NSTemporaryDirectory() + "loopscope-e2e-\(getpid()).jsonl"
        defer { try? FileManager.default.removeItem(atPath: trace) }
        let record = Process()
        record.executableURL = URL(fileURLWithPath: Tmux.binary)
        record.arguments = ["record", Tmux.root + "/Scenarios/05_wait_for_timeout.py", "-o", trace]
        record.standardOutput = FileHandle.nullDevice
        try record.run()
        record.waitUntilExit()
        #expect(record.terminationStatus == 0)

        let t = try Tmux(width: 100, height: 30, command: [Tmux.binary, "replay", trace])
        defer { t.kill() }
        // The first frame may come before the trace has been read.
        let first = try t.waitFor("slow_query")
        #expect(first.contains("replay"))
        t.send("n", "n", "n")
        _ = try t.waitFor("iteration 3 of")
        t.send("q")
        try t.expectSaneTerminal(try t.waitFor("EXIT=0"))
    }

    @Test func cRunsTheScenarioAgainWithTheOtherCostModel() throws {
        // The scenario turns the model on with its comment; `c` switches it off and back.
        let t = try Tmux(width: 160, height: 40, command: [Tmux.binary, Tmux.root + "/Scenarios/106_cpu_bound_pitfall.py"])
        defer { t.kill() }
        #expect(try t.waitFor("iteration 0 of").contains("cpu-cost realistic"))
        t.send("n", "n", "n")
        _ = try t.waitFor("iteration 3 of")
        t.send("c")
        let off = try t.waitFor("cost model off")
        #expect(off.contains("iteration 3 of") && !off.contains("cpu-cost realistic"))
        t.send("c")
        let on = try t.waitFor("cost model on (realistic)")
        #expect(on.contains("iteration 3 of") && on.contains("cpu-cost realistic"))
        t.send("q")
        try t.expectSaneTerminal(try t.waitFor("EXIT=0"))
    }

    @Test func sigtermDuringPlaybackRestoresTheTerminal() throws {
        let t = try Tmux(width: 100, height: 30, command: [Tmux.binary, Tmux.root + "/Scenarios/06_cpu_burst.py"])
        defer { t.kill() }
        _ = try t.waitFor("iteration 0 of")
        t.send("r")
        _ = try t.waitFor("playing")
        try t.signal(SIGTERM)
        let after = try t.waitFor("EXIT=")
        #expect(after.contains("EXIT=143"))
        try t.expectSaneTerminal(after)
    }

    @Test func promptAndHelpSwallowCommandKeys() throws {
        let t = try Tmux(width: 100, height: 30, command: [Tmux.binary, "--ascii", Tmux.root + "/Scenarios/04_cancel_sleeping.py"])
        defer { t.kill() }
        _ = try t.waitFor("iteration 0 of")
        t.send("g", "q", "BSpace", "5", "Enter")
        _ = try t.waitFor("iteration 5 of")
        t.send("?")
        _ = try t.waitFor("any key closes")
        t.send("q")
        _ = try t.waitUntil { !$0.contains("any key closes") }
        t.send("C-c")
        let after = try t.waitFor("EXIT=")
        #expect(after.contains("EXIT=130"))
        try t.expectSaneTerminal(after)
    }

    @Test func longRecordingShowsProgressThenErasesIt() throws {
        let out = NSTemporaryDirectory() + "loopscope-e2e-progress-\(UUID().uuidString.prefix(8)).jsonl"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let t = try Tmux(width: 100, height: 10, command: [Tmux.binary, "record", Tmux.root + "/bench/many_tasks.py", "-o", out])
        defer { t.kill() }
        let during = try t.waitFor("recording… loop iteration", timeout: 30)
        #expect(during.contains("loopscope: recording… loop iteration"))
        let after = try t.waitFor("EXIT=", timeout: 120)
        #expect(after.contains("EXIT=0"))
        #expect(after.contains("10000 49500000"))
        #expect(!after.contains("recording…"))
    }

    /// What-if as a user does it: `w`, pick the fetch's sleep, type a shorter one, Enter;
    /// the new run replaces the old, the task whose outcome changed is marked, the first
    /// divergent iteration is named (and marked on the LOOP lane) and the changed output
    /// shown; `u` undoes it.
    @Test func whatIfEditsASleepAndShowsWhatChanged() throws {
        let t = try Tmux(width: 120, height: 40, command: [Tmux.binary, Tmux.root + "/Scenarios/103_race_timeout_vs_reply.py"])
        defer { t.kill() }
        _ = try t.waitFor("Task-2 fetch")
        t.send("w")
        let panel = try t.waitFor("What if: 2 parameters")
        #expect(panel.contains("asyncio.sleep(delay)"))
        #expect(panel.contains("asyncio.wait_for(timeout)"))
        t.send("Enter", "0", ".", "3", "Enter")
        let changed = try t.waitFor("first divergence: iteration")
        #expect(changed.contains("ΔTask-2 fetch"))
        #expect(changed.contains("cancelled → done: 'reply'"))
        #expect(changed.contains("+ got reply"))
        #expect(changed.contains("0.3  (file: 0.5)"))
        #expect(changed.split(separator: "\n").first { $0.hasPrefix("LOOP") }?.contains("▼") == true)
        t.send("u")
        let undone = try t.waitFor("run 1")
        #expect(!undone.contains("ΔTask-2"))
        t.send("Escape", "q")
        let after = try t.waitFor("EXIT=")
        #expect(after.contains("EXIT=0"))
    }

    @Test func notATerminalPointsToRender() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Tmux.binary)
        p.arguments = [Tmux.root + "/Scenarios/01_hello.py"]
        let err = Pipe()
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(p.terminationStatus == 2)
        #expect(text.contains("loopscope render"))
        #expect(text.split(separator: "\n").count == 1)
    }
}

/// One detached tmux session running a command under a wrapper that reports its exit status
/// and the terminal's modes afterwards.
final class Tmux {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static let tmuxPath: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var available: Bool { tmuxPath != nil }

    /// The binary `swift build` made, next to this test bundle.
    static let binary: String = {
        let candidates = [Bundle.main.bundlePath, Bundle.main.bundlePath + "/..", root + "/.build/debug"]
            .map { $0 + "/loopscope" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? root + "/.build/debug/loopscope"
    }()

    let session: String
    let pidFile: String
    let scriptFile: String

    init(width: Int, height: Int, command: [String]) throws {
        session = "loopscope-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        pidFile = NSTemporaryDirectory() + session + ".pid"
        let quoted = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        // The subshell writes its pid, then becomes loopscope (same pid); the script then
        // reports how it ended and whether the terminal is sane again.
        let script = """
            export TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8
            trap 'true' INT
            sh -c 'echo $$ > \(pidFile); exec "$@"' loopscope \(quoted)
            echo EXIT=$?
            stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo -e icanon -e -icanon | tr '\\n' ' '; echo
            sleep 600
            """
        scriptFile = NSTemporaryDirectory() + session + ".sh"
        try script.write(toFile: scriptFile, atomically: true, encoding: .utf8)
        try Tmux.run(["new-session", "-d", "-s", session, "-x", String(width), "-y", String(height), "sh " + scriptFile])
        _ = try? Tmux.run(["set-option", "-t", session, "status", "off"])
    }

    /// Runs tmux and returns its stdout. Not through Foundation's `Process`: on Linux it
    /// notices the child's exit through a socket the child inherits, and the tmux server that
    /// `new-session` forks keeps that socket open, so `waitUntilExit` would never return.
    @discardableResult
    static func run(_ arguments: [String]) throws -> String {
        let output = NSTemporaryDirectory() + "loopscope-e2e-out-\(getpid())-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([tmuxPath!] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, tmuxPath!, &actions, nil, argv, environ) == 0 else { throw TmuxError.timeout("spawn failed") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    func send(_ keys: String...) {
        for k in keys { _ = try? Tmux.run(["send-keys", "-t", session, k]) }
    }

    func resize(_ w: Int, _ h: Int) {
        _ = try? Tmux.run(["resize-window", "-t", session, "-x", String(w), "-y", String(h)])
    }

    func capture() -> String {
        (try? Tmux.run(["capture-pane", "-p", "-t", session])) ?? ""
    }

    func signal(_ sig: Int32) throws {
        let pid = try waitForPid()
        Glibc.kill(pid, sig)
    }

    private func waitForPid() throws -> pid_t {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
               let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) { return pid }
            usleep(20_000)
        }
        throw TmuxError.timeout("no pid file")
    }

    func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        try waitUntil(timeout: timeout) { $0.contains(text) }
    }

    /// Polls the screen every 50 ms until `ready` holds (and the screen is stable), or fails.
    func waitUntil(timeout: Double = 10, _ ready: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            let screen = capture()
            if ready(screen), screen == last { return screen }
            last = screen
            usleep(50_000)
        }
        Issue.record("timed out; the screen was:\n\(last)")
        throw TmuxError.timeout(last)
    }

    /// The panel text after a heading line (up to the next blank-ish line), for comparisons.
    func panel(after heading: String, in screen: String) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let i = lines.firstIndex(where: { $0.contains(heading) }) else { return "" }
        return lines[i..<min(lines.count, i + 8)].map { String($0.prefix(40)) }.joined(separator: "\n")
    }

    func expectSaneTerminal(_ screen: String) throws {
        // `EXIT=` is printed just before the stty line: on a busy machine a capture can fall between.
        let screen = screen.contains("icanon") ? screen : (try? waitUntil(timeout: 5) { $0.contains("icanon") }) ?? screen
        let line = screen.split(separator: "\n").first { $0.contains("icanon") || $0.contains("echo") } ?? ""
        let words = Set(line.split(separator: " ").map(String.init))
        #expect(words.contains("echo") && words.contains("icanon"), "stty after exit: \(line)")
        #expect(!words.contains("-echo") && !words.contains("-icanon"), "stty after exit: \(line)")
    }

    func kill() {
        _ = try? Tmux.run(["kill-session", "-t", session])
        try? FileManager.default.removeItem(atPath: pidFile)
        try? FileManager.default.removeItem(atPath: scriptFile)
    }
}

enum TmuxError: Error { case timeout(String) }
