import Foundation
import Testing
import LoopSimulator
import PythonRuntime
import ScenarioLanguage
@testable import LoopTrace

@Suite struct RoundTripTests {
    @Test("record, load, write again gives identical bytes", arguments: try Fixtures.scenarioPaths())
    func roundTripIsLossless(_ path: String) throws {
        let live = Fixtures.record(path)
        let bytes = TraceWriter.encode(live)
        let loaded = try TraceReader.read(bytes, path: "t.jsonl").get()
        #expect(loaded.header == live.header)
        #expect(loaded.eventCount == live.eventCount)
        #expect(loaded.events(in: 0..<loaded.eventCount) == live.events(in: 0..<live.eventCount))
        #expect(TraceWriter.encode(loaded) == bytes)
    }

    @Test("the same run always gives the same trace", arguments: try Fixtures.scenarioPaths())
    func recordingIsDeterministic(_ path: String) throws {
        let first = TraceWriter.encode(Fixtures.record(path))
        _ = PyObjectChurn.allocate()  // move later objects to other addresses
        #expect(TraceWriter.encode(Fixtures.record(path)) == first)
    }

    @Test("a trace written as the run goes has the bytes of the finished store's", arguments: try Fixtures.scenarioPaths())
    func streamingEqualsEncodingTheStore(_ path: String) throws {
        let store = Fixtures.record(path)
        var streamed: [UInt8] = []
        var chunks = 0
        let writer = TraceStreamWriter(header: store.header) { chunks += 1; streamed += $0; return true }
        for i in 0..<store.eventCount { writer.receive(store.event(at: i)) }
        #expect(writer.finish())
        #expect(chunks >= 1)
        #expect(streamed == TraceWriter.encode(store))
    }

    @Test func aFailedWriteIsReportedAndEndsWriting() {
        let store = Fixtures.record("Scenarios/04_cancel_sleeping.py")
        var calls = 0
        let writer = TraceStreamWriter(header: store.header) { _ in calls += 1; return false }
        for i in 0..<store.eventCount { writer.receive(store.event(at: i)) }
        #expect(!writer.finish())
        #expect(calls == 1)
    }

    @Test func awkwardValuesSurvive() throws {
        let header = TraceHeader(loopscopeVersion: "x", path: "p\"q.py", source: "print('é\\t\u{1}')\n\u{1F600}\n",
                                 options: SimulationOptions(maxIterations: nil, timeHorizon: 0.1, maxInstructions: 5))
        let store = TraceStore(header: header)
        // Awkward but consistent (the reader checks consistency, see TraceConsistency).
        let events: [SimulationEvent] = [
            SimulationEvent(time: 5e-324, iteration: 0, kind: .print(task: nil, text: "a\nb\"c\\d\u{7f}")),
            SimulationEvent(time: 5e-324, iteration: 0, kind: .taskCreated(task: 1, name: "Task-1", coroutine: "main", creator: nil, line: 2, file: 0)),
            SimulationEvent(time: 0.1 + 0.2, iteration: 1, kind: .iterationStart(ready: 0, timers: 2, selectTimeout: nil)),
            SimulationEvent(time: 0.1 + 0.2, iteration: 1, kind: .cpuBurstStart(task: nil, seconds: 1e300, line: 3, file: 0)),
            SimulationEvent(time: 1e300, iteration: 1, kind: .cancelRequested(task: 1, by: nil, message: nil, line: 2, file: 0)),
            SimulationEvent(time: 1e300, iteration: 1, kind: .timerScheduled(handle: 4, when: .infinity, description: "f", future: nil)),
            SimulationEvent(time: 1e300, iteration: 1, kind: .timerCancelled(handle: 4)),
            SimulationEvent(time: 1e300, iteration: 2, kind: .iterationStart(ready: 1, timers: 1, selectTimeout: .infinity)),
            SimulationEvent(time: 1e300, iteration: 2, kind: .timerDropped(handle: 4)),
            SimulationEvent(time: 1e300, iteration: 2, kind: .callbackSkipped(handle: 5, description: "g", task: 1)),
        ]
        events.forEach(store.append)
        let bytes = TraceWriter.encode(store)
        let loaded = try TraceReader.read(bytes, path: "t.jsonl").get()
        #expect(loaded.header == header)
        #expect(loaded.events(in: 0..<events.count) == events)
        #expect(TraceWriter.encode(loaded) == bytes)
    }

    @Test func theCostModelSettingSurvives() throws {
        for cost in [CPUCost.realistic, .off, .nanoseconds(12.5)] {
            let header = TraceHeader(loopscopeVersion: "x", path: "a.py", source: "", options: SimulationOptions(cpuCost: cost))
            let bytes = TraceWriter.encode(TraceStore(header: header))
            #expect(String(decoding: bytes, as: UTF8.self).contains("\"cpuCost\":\"\(cost)\""))
            #expect(try TraceReader.read(bytes, path: "t.jsonl").get().header == header)
        }
        let bad = #"{"format":"loopscope-trace","version":4,"loopscope":"0.1.0","path":"x.py","options":{"maxIterations":null,"until":null,"maxInstructions":null,"cpuCost":"fast"},"source":"s\n"}"# + "\n"
        guard case .failure(let error) = TraceReader.read(Array(bad.utf8), path: "t.jsonl") else {
            Issue.record("a bad cpuCost was accepted")
            return
        }
        #expect(error.message.contains("cpuCost"))
    }

    @Test func aRecordedProgramsHeaderSurvives() throws {
        let header = TraceHeader(loopscopeVersion: "x", path: "app.py", source: "import util\n",
                                 options: SimulationOptions(maxIterations: nil, timeHorizon: nil, maxInstructions: nil),
                                 clock: .real, python: "3.12.1", command: ["python3", "-X", "dev", "app.py", "a \"b\""],
                                 files: [.init(path: "util.py", source: "x = 1\n"), .init(path: "pkg/m.py", source: "")])
        let bytes = TraceWriter.encode(TraceStore(header: header))
        let loaded = try TraceReader.read(bytes, path: "t.jsonl").get()
        #expect(loaded.header == header)
        #expect(TraceWriter.encode(loaded) == bytes)
    }

    /// A recording bounded by --max-size: its header says what was dropped, and its events
    /// may name ids beyond the events the file holds (they count the dropped ones too).
    @Test func aTruncatedRecordingLoadsAndSurvives() throws {
        var header = TraceHeader(loopscopeVersion: "x", path: "app.py", source: "",
                                 options: SimulationOptions(maxIterations: nil, timeHorizon: nil, maxInstructions: nil),
                                 clock: .real, python: "3.12.1", command: ["python3", "app.py"])
        header.truncated = TraceHeader.Truncation(events: 500, iterations: 40)
        let store = TraceStore(header: header)
        let events: [SimulationEvent] = [
            SimulationEvent(time: 2, iteration: 0, kind: .taskCreated(task: 1, name: "Task-1", coroutine: "main", creator: nil, line: 3, file: 0)),
            SimulationEvent(time: 2, iteration: 0, kind: .taskCreated(task: 90, name: "Task-9", coroutine: "spin", creator: 1, line: 4, file: 0)),
            SimulationEvent(time: 2, iteration: 1, kind: .iterationStart(ready: 1, timers: 0, selectTimeout: 0)),
            SimulationEvent(time: 2, iteration: 1, kind: .callbackStart(handle: 300, description: "Task-9.step", task: 90)),
            SimulationEvent(time: 2, iteration: 1, kind: .taskStepStart(task: 90, resumedBy: "send")),
            SimulationEvent(time: 2, iteration: 1, kind: .taskStepEnd(task: 90, outcome: .yielded(line: 5, file: 0))),
            SimulationEvent(time: 2, iteration: 1, kind: .callbackEnd(handle: 300, duration: 0)),
            SimulationEvent(time: 2, iteration: 1, kind: .iterationEnd),
        ]
        events.forEach(store.append)
        let bytes = TraceWriter.encode(store)
        #expect(String(decoding: bytes, as: UTF8.self).contains(#""truncated":{"events":500,"iterations":40}"#))
        let loaded = try TraceReader.read(bytes, path: "t.jsonl").get()
        #expect(loaded.header == header)
        #expect(loaded.events(in: 0..<events.count) == events)
        #expect(TraceWriter.encode(loaded) == bytes)

        // Without the header's count, task 90 lies beyond the events read: refused.
        let untruncated = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: #","truncated":{"events":500,"iterations":40}"#, with: "")
        guard case .failure(let error) = TraceReader.read(Array(untruncated.utf8), path: "t.jsonl") else {
            Issue.record("an id beyond the events read was accepted")
            return
        }
        #expect(error.message.contains("task id 90 is out of range"))
    }

    @Test func aVersionTwoTraceReadsAsASimulation() throws {
        let line = #"{"format":"loopscope-trace","version":2,"loopscope":"0.1.0","path":"x.py","options":{"maxIterations":null,"until":null,"maxInstructions":null},"source":"s\n"}"# + "\n"
        let loaded = try TraceReader.read(Array(line.utf8), path: "t.jsonl").get()
        #expect(loaded.header.clock == .virtual)
        #expect(loaded.header.python == nil && loaded.header.command == nil && loaded.header.files.isEmpty)
    }

    @Test func aBadClockIsReported() {
        let line = #"{"format":"loopscope-trace","version":3,"loopscope":"0.1.0","path":"x.py","options":{"maxIterations":null,"until":null,"maxInstructions":null},"clock":"wall","python":null,"command":null,"source":"","files":[]}"# + "\n"
        guard case .failure(let error) = TraceReader.read(Array(line.utf8), path: "t.jsonl") else {
            Issue.record("a clock that is neither virtual nor real was accepted")
            return
        }
        #expect(error.description == "t.jsonl:1: error: field 'clock' of the header must be \"virtual\" or \"real\", not 'wall'")
    }
}

/// Allocations between two recordings, so that objects of the second land elsewhere and
/// any address leaking into a trace shows up as a difference.
enum PyObjectChurn {
    static func allocate() -> [[Int]] { (0..<1000).map { Array(repeating: $0, count: $0 % 7 + 1) } }
}

@Suite struct MultiFileTraceTests {
    static let scenario = "Scenarios/89_local_modules.py"

    @Test("a trace carries the source of every module the run loaded, and which file each parked line is in")
    func modulesAndFilesAreRecorded() throws {
        let store = Fixtures.record(Self.scenario)
        // In the order they were found: `import shop.stock` in the scenario comes before
        // the package's own `from .prices import ...` is followed.
        #expect(store.header.files.map(\.path) == ["util.py", "shop/__init__.py", "shop/stock.py", "shop/prices.py"])
        #expect(store.header.file(1)?.source.contains("async def delay(delay_seconds):") == true)
        var parkedIn: Set<Int> = []
        for i in 0..<store.eventCount {
            if case .taskStepEnd(_, .parked(_, _, _, let file)) = store.event(at: i).kind { parkedIn.insert(file) }
        }
        // main parks in the scenario, the delay tasks in util.py, restock in shop/stock.py.
        #expect(parkedIn == [0, 1, 3])
    }

    @Test("a task created and cancelled in a module names the module's file and lines")
    func tasksInAModule() throws {
        let store = Fixtures.record("tests-data/recorder/tasks_in_module.py")
        #expect(store.header.files.map(\.path) == ["tasks_helper.py"])
        var created: [String: (line: Int, file: Int)] = [:]
        var cancels: [(line: Int, file: Int)] = []
        for i in 0..<store.eventCount {
            switch store.event(at: i).kind {
            case let .taskCreated(_, _, coroutine, _, line, file): created[coroutine] = created[coroutine] ?? (line, file)
            case let .cancelRequested(_, _, "enough"?, line, file): cancels.append((line, file))
            default: break
            }
        }
        #expect(created["main"].map { [$0.line, $0.file] } == [13, 0])  // asyncio.run(main()), not Runner.run's line
        #expect(created["sleeper"].map { [$0.line, $0.file] } == [10, 1])
        #expect(cancels.map { [$0.line, $0.file] } == [[12, 1]])
        let loaded = try TraceReader.read(TraceWriter.encode(store), path: "t.jsonl").get()
        #expect(loaded.events(in: 0..<loaded.eventCount) == store.events(in: 0..<store.eventCount))
    }

    @Test("a version 3 or 4 trace (events without files) still loads, its lines all the main file's", arguments: [3, 4])
    func olderVersionsLoad(version: Int) throws {
        let bytes = TraceWriter.encode(Fixtures.record("Scenarios/03_create_task_order.py"))
        var text = String(decoding: bytes, as: UTF8.self)
            .replacingOccurrences(of: "\"version\":\(TraceHeader.currentVersion)", with: "\"version\":\(version)")
        while let r = text.range(of: #","file":\d+"#, options: .regularExpression) { text.removeSubrange(r) }
        #expect(!text.contains("\"file\""))
        let loaded = try TraceReader.read(Array(text.utf8), path: "old.jsonl").get()
        let current = try TraceReader.read(bytes, path: "new.jsonl").get()
        #expect(loaded.header.version == version)
        #expect(loaded.events(in: 0..<loaded.eventCount) == current.events(in: 0..<current.eventCount))
    }
}
