import Foundation
import Testing

/// `params`, `--set` and `diff` without a terminal.
extension CLITests {
    @Test func paramsListsTheLiteralsAndSetChangesOne() throws {
        let params = try loopscope(["params", "Scenarios/00_demo.py"])
        #expect(params.status == 0)
        #expect(params.stdout.contains("Scenarios/00_demo.py:46:49  0.4   asyncio.wait_for(timeout)\n"))
        #expect(params.stdout.contains("Scenarios/00_demo.py:20:9   0.5   cpu(seconds)\n"))

        let base = try loopscope(["run", "Scenarios/00_demo.py"])
        #expect(base.stdout.contains("main: query timed out"))
        // A 6 s timeout outlives the 5 s query: it completes instead.
        let longer = try loopscope(["run", "Scenarios/00_demo.py", "--set", "46:49=6"])
        #expect(longer.status == 0)
        #expect(!longer.stdout.contains("timed out"))
        #expect(longer.stdout.contains("5.55 main: done"))
    }

    @Test func setRejectsAPlaceThatIsNoParameter() throws {
        for command in ["run", "record", "render"] {
            var args = [command, "Scenarios/00_demo.py", "--set", "46:48=6"]
            if command == "record" { args += ["-o", "/dev/null"] }
            let r = try loopscope(args)
            #expect(r.status == 2)
            #expect(r.stderr.hasPrefix("Scenarios/00_demo.py:46:48: error: --set 46:48: no duration, timeout or capacity literal starts here"))
            #expect(r.stderr.contains("\n                                                   ^"))
        }
        let unknown = try loopscope(["run", "Scenarios/00_demo.py", "--set", "DELAY=1"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no top-level constant DELAY"))
    }

    @Test func diffNamesTheDivergenceTheChangedTaskAndTheOutput() throws {
        let r = try loopscope(["diff", "Scenarios/00_demo.py", "Scenarios/00_demo.py", "--set-b", "46:49=6"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("first divergence: iteration 10\n"))
        #expect(r.stdout.contains("  Task-5 query  cancelled → done: 'rows'\n"))
        #expect(r.stdout.contains("  - 0.95 main: query timed out\n"))
        #expect(r.stdout.contains("  + 5.55 main: done, download cancelled: True\n"))

        let same = try loopscope(["diff", "Scenarios/00_demo.py", "Scenarios/00_demo.py"])
        #expect(same.status == 0)
        #expect(same.stdout.hasPrefix("no difference"))
    }

    @Test func diffComparesATraceWithAScenario() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("loopscope-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let trace = dir.appendingPathComponent("demo.jsonl").path
        let rec = try loopscope(["record", "Scenarios/00_demo.py", "--set", "12:29=0.25", "-o", trace])
        #expect(rec.status == 0)
        let r = try loopscope(["diff", trace, "Scenarios/00_demo.py", "--render", "--width", "80"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("A: \(trace)\n"))
        #expect(r.stdout.contains("════ first divergence at iteration 9 ════\n"))
        let drawn = try loopscope(["render", trace, "--diff", "Scenarios/00_demo.py", "--width", "80", "--color", "never"])
        #expect(drawn.status == 0)
        #expect(drawn.stdout.components(separatedBy: "\nLOOP ").count == 3)
    }
}

/// `sweep`, `explore` and `--schedule` without a terminal.
extension CLITests {
    @Test func sweepPrintsARowPerValue() throws {
        let r = try loopscope(["sweep", "Scenarios/103_race_timeout_vs_reply.py", "--set", "16:58=0.45..0.55 step 0.05"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Scenarios/103_race_timeout_vs_reply.py:16:58  asyncio.wait_for(timeout), 0.5 in the source")
        #expect(lines.count == 5)
        #expect(lines.dropFirst(2).map { String($0.prefix(5)) } == ["0.45 ", "0.5  ", "0.55 "])
        // Under 0.5 the fetch is cancelled by the timeout; past it, it finishes.
        #expect(lines[3].contains("Task-1 main  Task-2 fetch"))
        #expect(lines[4].contains("4/4   -"))
        #expect(lines[4].hasSuffix("0.5s"))

        let bad = try loopscope(["sweep", "Scenarios/103_race_timeout_vs_reply.py", "--set", "16:57=1,2"])
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("Scenarios/103_race_timeout_vs_reply.py:16:57: error:"))
        let range = try loopscope(["sweep", "Scenarios/103_race_timeout_vs_reply.py", "--set", "16:58=2..1 step 0.1"])
        #expect(range.status == 2)
    }

    @Test func exploreNamesASeedThatRunAndRecordReplay() throws {
        let r = try loopscope(["explore", "Scenarios/102_race_lost_update.py"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("2 distinct outcomes:\n"))
        #expect(r.stdout.contains("#1  1 run  seed 0 (CPython's schedule)  exit 0\n"))
        #expect(r.stdout.contains("#2  1 run  seed 1  assert failed (exit 1): AssertionError: an update was lost\n"))
        #expect(r.stdout.contains("replay: loopscope run Scenarios/102_race_lost_update.py --schedule 1 "))

        let replay = try loopscope(["run", "Scenarios/102_race_lost_update.py", "--schedule", "1"])
        #expect(replay.status == 1)
        #expect(replay.stdout.hasSuffix("final stock: 13\n"))
        #expect(replay.stderr.hasSuffix("AssertionError: an update was lost\n"))

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("loopscope-sched-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let trace = dir.appendingPathComponent("race.jsonl").path
        let rec = try loopscope(["record", "Scenarios/102_race_lost_update.py", "--schedule", "1", "-o", trace])
        #expect(rec.status == 1)
        let text = try String(contentsOfFile: trace, encoding: .utf8)
        #expect(text.contains("\"schedule\":\"1\""))
        #expect(text.contains("\"kind\":\"scheduleDeparture\""))
        let drawn = try loopscope(["render", trace, "--width", "120", "--color", "never"])
        #expect(drawn.stdout.contains("schedule 1: 1 departure"))
        #expect(drawn.stdout.contains("◆"))

        let free = try loopscope(["explore", "Scenarios/01_hello.py"])
        #expect(free.status == 0)
        #expect(free.stdout.contains("1 distinct outcome:\n"))
        // A trace is a finished run: no schedule applies to it.
        let rescheduled = try loopscope(["render", trace, "--schedule", "1"])
        #expect(rescheduled.status == 2)
        #expect(rescheduled.stderr.contains("a trace is a finished run"))
    }
}
