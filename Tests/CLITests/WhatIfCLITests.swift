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
