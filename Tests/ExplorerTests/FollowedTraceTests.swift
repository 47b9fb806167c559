import Foundation
import Testing
import Explorer
import LoopSimulator
import LoopTrace
import TestSupport
import Timeline

/// A real program recorded by the recorder (python/loopscope_recorder) while the explorer's
/// feed follows the trace it writes (`OUT.part`): events arrive while the program still
/// runs, and the followed run ends as the finished trace reads.
@Suite(.enabled(if: Python3.path != nil, "python3 is not on PATH: the recorder cannot run"))
struct FollowedTraceTests {

    static let program = """
        import asyncio

        async def worker(n):
            for i in range(8):
                await asyncio.sleep(0.15)
                print(f"worker {n} tick {i}")

        async def main():
            await asyncio.gather(*(worker(n) for n in range(3)))

        asyncio.run(main())
        """

    @Test func eventsArriveWhileTheProgramRunsAndTheEndMatchesTheFinishedTrace() throws {
        let dir = NSTemporaryDirectory() + "followed-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.program.write(toFile: dir + "/app.py", atomically: true, encoding: .utf8)
        let output = dir + "/run.jsonl"
        let pid = try spawn([try #require(Python3.path), "-m", "loopscope_recorder", "-o", output, "--", dir + "/app.py"],
                            pythonPath: TestSupport.root + "/python", log: dir + "/app.log")
        let feed = FollowedTrace(path: output + ".part", finishedPath: output)
        feed.start()
        // Poll until events are in the store; the program must still be running then.
        var sawEventsWhileRunning = false
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !feed.withStore({ feed.isComplete }) {
            let events = feed.withStore { feed.store.eventCount }
            if events > 0, waitpid(pid, nil, WNOHANG) == 0 {
                sawEventsWhileRunning = true
                #expect(feed.withStore { feed.progress }?.contains("events so far") == true)
                break
            }
            usleep(20_000)
        }
        #expect(sawEventsWhileRunning, "no event was shown before the program ended")
        feed.waitUntilComplete()
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        #expect(status == 0)
        #expect(!FileManager.default.fileExists(atPath: output + ".part"), "the trace so far is removed at the end")
        let finished = try TraceReader.load(path: output).get()
        #expect(feed.store.eventCount == finished.eventCount)
        #expect(feed.store.taskCount == finished.taskCount)
        #expect(feed.store.header.files.map(\.path) == finished.header.files.map(\.path))
        #expect(feed.store.header.writerPID == nil)
        #expect(!feed.store.interrupted)
        #expect(feed.endNote.isEmpty)
    }

    /// posix_spawn: Foundation's Process would wait for the recorder's writer too.
    private func spawn(_ argv: [String], pythonPath: String, log: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONPATH"] = pythonPath
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, argv[0], &actions, nil, cArgs, cEnv)
        try #require(result == 0, "cannot run \(argv[0])")
        return pid
    }
}

enum Python3 {
    /// `python3` found on PATH.
    static let path: String? = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
        .map { $0 + "/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// A trace followed in polls much smaller than the trace: each poll after a full one is
/// decoded while the one before it is appended, and every event arrives, in order.
@Suite struct PolledAheadTraceTests {
    @Test func aTraceReadInManyPollsArrivesWholeAndInOrder() throws {
        let recorded = TestSupport.record(source: """
        import asyncio

        async def worker(k):
            for i in range(200):
                await asyncio.sleep(0.01 * (k + 1))
                if i % 9 == 0:
                    print(f"worker {k} round {i}")

        async def main():
            await asyncio.gather(*(worker(k) for k in range(12)))

        asyncio.run(main())

        """, path: "polls.py")
        let dir = NSTemporaryDirectory() + "polled-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let part = dir + "/run.jsonl.part"
        let bytes = TraceWriter.encode(recorded)
        try Data(bytes).write(to: URL(fileURLWithPath: part))
        // About 40 polls.
        let feed = FollowedTrace(path: part, patience: 10, chunkSize: bytes.count / 40)
        feed.start()
        feed.waitUntilComplete()
        #expect(feed.error == nil)
        #expect(feed.endNote.isEmpty)
        let n = recorded.eventCount
        #expect(n > 10_000)
        #expect(feed.store.eventCount == n)
        #expect(feed.store.events(in: 0..<n) == recorded.events(in: 0..<n))
        #expect(feed.stories.stories == RecordedTrace(recorded).stories.stories)
    }
}
