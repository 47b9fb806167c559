import Foundation
import LoopSimulator
import PythonRuntime
import LoopTrace
import Testing
import TestSupport
@testable import WhatIf

@Suite("Schedule exploration")
struct ScheduleExplorerTests {
    static func source(_ relativePath: String) throws -> String {
        try String(contentsOfFile: TestSupport.root + "/" + relativePath, encoding: .utf8)
    }

    static func outcome(_ path: String, seed: UInt64?, jitter: Double = 0) throws -> RunOutcome {
        var options = SimulationOptions(maxIterations: 100_000)
        options.schedule = seed.map { ScheduleSpec(seed: $0, jitter: jitter) }
        var out = "", err = ""
        let r = try Simulation(source: source(path), path: path, options: options)
            .run(stdout: { out += $0 }, stderr: { err += $0 }).get()
        return RunOutcome(stdout: out, stderr: err, exitStatus: r.exitStatus, halt: r.halt)
    }

    static func explore(_ path: String, runs: Int = 200, jitter: Double = 0) throws -> ScheduleExplorer.Report {
        let explorer = ScheduleExplorer(source: try source(path), path: path, options: SimulationOptions(maxIterations: 100_000),
                                        runs: runs, jitter: jitter)
        return try #require(explorer.explore())
    }

    @Test(arguments: ["Scenarios/102_race_lost_update.py", "Scenarios/103_race_timeout_vs_reply.py"])
    func exploreFindsTheRaceAndItsSeedReplaysIt(path: String) throws {
        let report = try Self.explore(path)
        #expect(report.groups.count == 2)
        #expect(report.exhaustive)
        let cpython = try #require(report.groups.first)
        #expect(cpython.firstSeed == 0)
        #expect(cpython.outcome == (try Self.outcome(path, seed: nil)))
        let race = try #require(report.groups.last)
        #expect(race.firstSeed != 0)
        #expect(race.outcome != cpython.outcome)
        // The printed seed replays exactly that outcome, every time.
        #expect(try Self.outcome(path, seed: race.firstSeed) == race.outcome)
        #expect(try Self.outcome(path, seed: race.firstSeed) == race.outcome)
    }

    @Test func theLostUpdateIsAFailedAssert() throws {
        let report = try Self.explore("Scenarios/102_race_lost_update.py")
        let race = try #require(report.groups.last)
        #expect(race.outcome.summary == "assert failed (exit 1): AssertionError: an update was lost")
        #expect(race.outcome.stdout.hasSuffix("final stock: 13\n"))
        let reply = try #require(try Self.explore("Scenarios/103_race_timeout_vs_reply.py").groups.last)
        #expect(reply.outcome.stdout == "got reply\n")
    }

    @Test(arguments: ["Scenarios/01_hello.py", "Scenarios/00_demo.py", "Scenarios/03_create_task_order.py"])
    func aRaceFreeScenarioHasOneOutcome(path: String) throws {
        let report = try Self.explore(path)
        #expect(report.groups.count == 1)
        #expect(report.groups.first?.firstSeed == 0)
    }

    @Test func seedZeroIsCPythonsScheduleEvenWithJitter() throws {
        for path in ["Scenarios/00_demo.py", "Scenarios/102_race_lost_update.py", "Scenarios/06_cpu_burst.py"] {
            #expect(try Self.outcome(path, seed: 0, jitter: 0.2) == (try Self.outcome(path, seed: nil)))
        }
    }

    @Test func jitterStretchesDurationsWithinItsBound() throws {
        // The demo prints loop.time() at each tick: jittered runs print other times, and
        // explore with jitter draws random seeds.
        let report = try Self.explore("Scenarios/00_demo.py", runs: 20, jitter: 0.05)
        #expect(!report.enumerated)
        #expect(report.runs == 20)
        #expect(report.groups.count > 1)
        #expect(report.groups.dropFirst().allSatisfy { $0.firstSeed >= ScheduleSpec.randomSeedBase })
    }

    @Test func parallelAndSequentialExplorationAgree() throws {
        let path = "Scenarios/102_race_lost_update.py"
        func run(_ workers: Int) throws -> [String] {
            let e = ScheduleExplorer(source: try Self.source(path), path: path, options: SimulationOptions(), runs: 40,
                                     baseSeed: 7, jitter: 0.1, workers: workers)
            return try #require(e.explore()).groups.map { "\($0.count) \($0.firstSeed) \($0.outcome.stdout)" }
        }
        #expect(try run(1) == run(2))
    }

    @Test func treeCompletenessNeedsEveryAlternative() {
        let c = { (chosen: Int, arity: Int) in ScheduleChoice(chosen: chosen, arity: arity) }
        #expect(ScheduleExplorer.complete([[]]))
        #expect(!ScheduleExplorer.complete([[c(0, 2)]]))
        #expect(ScheduleExplorer.complete([[c(0, 2)], [c(1, 2)]]))
        // The second branch meets a choice of its own, with one alternative not yet run.
        #expect(!ScheduleExplorer.complete([[c(0, 2)], [c(1, 2), c(0, 3)], [c(1, 2), c(2, 3)]]))
        #expect(ScheduleExplorer.complete([[c(0, 2)], [c(1, 2), c(0, 3)], [c(1, 2), c(2, 3)], [c(1, 2), c(1, 3)]]))
    }

    @Test func aReplayedScheduleRecordsWhereItDeparted() throws {
        let path = "Scenarios/102_race_lost_update.py"
        var options = SimulationOptions(maxIterations: 10_000)
        options.schedule = ScheduleSpec(seed: 1)
        let source = try Self.source(path)
        let store = TraceStore(header: TraceHeader(loopscopeVersion: "test", path: path, source: source, options: options))
        _ = Simulation(source: source, path: path, options: options).run(sink: store, stdout: { _ in }, stderr: { _ in })
        let departures = store.departures
        #expect(departures.count == 1)
        #expect(departures.first?.kind == "tie")
        #expect(departures.first?.detail.contains("runs before") == true)
        // CPython's own schedule departs nowhere.
        #expect(TestSupport.record(path).departures.isEmpty)
        // A trace file keeps the schedule (a 64-bit seed) and the departures.
        var random = options
        random.schedule = ScheduleSpec(seed: UInt64.max - 3, jitter: 0.25)
        let jittered = TraceStore(header: TraceHeader(loopscopeVersion: "test", path: path, source: source, options: random))
        _ = Simulation(source: source, path: path, options: random).run(sink: jittered, stdout: { _ in }, stderr: { _ in })
        #expect(jittered.departures.contains { $0.kind == "jitter" })
        let loaded = try TraceReader.read(TraceWriter.encode(jittered), path: "t.jsonl").get()
        #expect(loaded.header.options.schedule == ScheduleSpec(seed: UInt64.max - 3, jitter: 0.25))
        #expect(loaded.departures.map(\.detail) == jittered.departures.map(\.detail))
    }
}
