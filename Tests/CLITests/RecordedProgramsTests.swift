import Foundation
import Testing

/// Real programs on loopback, recorded under every CPython (3.11, 3.12, 3.13) found on the
/// machine: each must print, fail and exit exactly as it does without the recorder, and its
/// trace must hold the events that tell its story. A missing Python version is skipped
/// with a message.
@Suite("Recorded programs")
struct RecordedProgramsTests {
    static let versions = ["3.11", "3.12", "3.13"]
    static let programs = ["echo_server", "subprocess_pipe", "taskgroup_cancel", "blocking_call", "eager_tasks", "tasks_in_module", "introspection"]
    /// The modules of its own a program imports, copied beside it.
    static let modules = ["tasks_in_module": ["tasks_helper.py"]]

    typealias Event = [String: Any]

    @Test(arguments: programs, versions)
    func recordedProgramIsUnchangedAndTold(program: String, version: String) throws {
        guard let python = Pythons.find(version) else {
            print("skipped: no CPython \(version) on this machine (PATH, ~/.pyenv/versions) for \(program).py")
            return
        }
        let cli = CLITests()
        let source = CLITests.root.appendingPathComponent("tests-data/recorder/\(program).py")
        let app = try cli.temporaryFile(Array(try Data(contentsOf: source)), name: "\(program).py")
        let dir = (app as NSString).deletingLastPathComponent
        for module in Self.modules[program] ?? [] {
            let from = CLITests.root.appendingPathComponent("tests-data/recorder/\(module)")
            try Data(contentsOf: from).write(to: URL(fileURLWithPath: dir + "/" + module))
        }
        let trace = dir + "/run.jsonl"

        let direct = try CLITests.run([python, app], in: dir)
        let recorded = try cli.loopscope(["record", "-o", trace, "--", python, app])
        #expect(recorded.stdout == direct.stdout, "\(program) under \(version): stdout changed")
        #expect(recorded.stderr == direct.stderr, "\(program) under \(version): stderr changed")
        #expect(recorded.status == direct.status)

        let lines = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? Event ?? [:] }
        let header = objects.first ?? [:]
        #expect(header["clock"] as? String == "real")
        #expect((header["python"] as? String)?.hasPrefix(version + ".") == true)
        #expect(objects.last?["kind"] as? String == "end")
        let events = Array(objects.dropFirst().dropLast())
        #expect(events.contains { $0["kind"] as? String == "iterationStart" })
        try check(program, version: version, events, files: (header["files"] as? [Event] ?? []).map { text($0, "path") })

        let render = try cli.loopscope(["render", trace])
        #expect(render.status == 0, "render: \(render.stderr)")
    }

    /// `--max-size`: a run of thousands of iterations recorded into 64 KiB keeps its most
    /// recent part, which loads (the reader checks its consistency) because the tasks alive
    /// and the timers pending at the cut are restated before it.
    @Test(arguments: versions)
    func aBoundedRecordingKeepsTheMostRecentPart(version: String) throws {
        guard let python = Pythons.find(version) else {
            print("skipped: no CPython \(version) on this machine (PATH, ~/.pyenv/versions) for bounded_loop.py")
            return
        }
        let cli = CLITests()
        let source = CLITests.root.appendingPathComponent("tests-data/recorder/bounded_loop.py")
        let app = try cli.temporaryFile(Array(try Data(contentsOf: source)), name: "bounded_loop.py")
        let trace = (app as NSString).deletingLastPathComponent + "/run.jsonl"
        let bound = 64 * 1024

        let recorded = try cli.loopscope(["record", "--max-size", "64K", "-o", trace, "--", python, app])
        #expect(recorded.stdout == "spun [3000, 1500]\n")
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: trace))
        #expect(bytes.count <= bound)

        let objects = try String(decoding: bytes, as: UTF8.self).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? Event ?? [:]
        }
        let truncated = objects.first?["truncated"] as? Event
        #expect((truncated?["events"] as? Int ?? 0) > 1000 && (truncated?["iterations"] as? Int ?? 0) > 100)
        #expect(objects.last?["kind"] as? String == "end")
        // Before the first kept iteration: the state at the cut, restated in iteration 0.
        let events = Array(objects.dropFirst().dropLast())
        let restated = events.prefix { text($0, "kind") != "iterationStart" }
        #expect(restated.allSatisfy { $0["iteration"] as? Int == 0 })
        #expect(Set(restated.map { text($0, "kind") }).isSubset(of: ["taskCreated", "futureCreated", "timerScheduled", "timerCancelled"]))
        #expect(restated.contains { text($0, "kind") == "taskCreated" && text($0, "coroutine") == "main" })
        #expect(restated.contains { text($0, "kind") == "taskCreated" && text($0, "coroutine") == "sleep" })
        #expect(restated.contains { text($0, "kind") == "timerScheduled" && text($0, "description") == "print" })
        #expect(events[restated.count...].first?["iteration"] as? Int == 1)
        // The run's last events are there: main finished after printing.
        #expect(events.contains { text($0, "kind") == "print" && text($0, "text") == "spun [3000, 1500]\n" })

        let render = try cli.loopscope(["render", trace, "--width", "250"])
        #expect(render.status == 0, "render: \(render.stderr)")
        #expect(render.stdout.contains("iterations dropped)"))
    }

    func text(_ e: Event, _ key: String) -> String { e[key] as? String ?? "" }

    func check(_ program: String, version: String, _ events: [Event], files: [String]) throws {
        func kind(_ k: String) -> [Event] { events.filter { $0["kind"] as? String == k } }
        func place(_ e: Event) -> [Int] { [e["line"] as? Int ?? -1, e["file"] as? Int ?? -1] }
        switch program {
        case "echo_server":
            // main, three clients, three connection handlers started by the server.
            #expect(kind("taskCreated").filter { text($0, "coroutine") == "handle" }.count == 3)
            #expect(kind("taskCreated").filter { text($0, "coroutine") == "client" }.count == 3)
            #expect(kind("callbackStart").contains { text($0, "description").hasSuffix("._read_ready") })
            #expect(kind("taskStepEnd").contains { text($0, "on").contains("readline") && ($0["line"] as? Int) == 6 })
            #expect(!kind("clockAdvance").isEmpty)
        case "subprocess_pipe":
            #expect(kind("callbackStart").contains { text($0, "description").contains("_read_ready") })
            #expect(kind("taskStepEnd").contains { text($0, "outcome") == "parked" && ($0["line"] as? Int) == 10 })
        case "taskgroup_cancel":
            #expect(kind("taskStepEnd").filter { text($0, "outcome") == "cancelled" }.count == 2)
            #expect(kind("taskStepEnd").contains { text($0, "outcome") == "failed" && text($0, "exception") == "ValueError('boom')" })
            // The group cancels the sleepers from its done callback, not from a task.
            let cancels = kind("cancelRequested")
            #expect(cancels.filter { $0["by"] is NSNull }.count >= 2)
            #expect(kind("print").contains { text($0, "text") == "['sleeper 1 cancelled', 'sleeper 2 cancelled']\n" })
            // The name given to TaskGroup.create_task (3.11 sets it after the constructor).
            #expect(kind("taskCreated").filter { text($0, "coroutine") == "failer" }.map { text($0, "name") } == ["failer"])
        case "blocking_call":
            // No bound on how long anything took (the machine may be busy): only what the
            // program itself implies. The sleep holds the callback that made it for at least
            // its 0.2 s, and the ticker's timer, due during the sleep, fires only after it.
            let sleeps = kind("blockingSleepStart")
            #expect(sleeps.count == 1 && (sleeps.first?["seconds"] as? Double) == 0.2 && (sleeps.first?["line"] as? Int) == 15)
            guard let start = events.firstIndex(where: { text($0, "kind") == "blockingSleepStart" }),
                  let end = events.firstIndex(where: { text($0, "kind") == "blockingSleepEnd" }),
                  let slept = events[end]["time"] as? Double else {
                Issue.record("no blocking sleep")
                return
            }
            let held = events[..<start].last { text($0, "kind") == "callbackStart" }
            let ended = events[end...].first { text($0, "kind") == "callbackEnd" }
            #expect(held?["handle"] as? Int == ended?["handle"] as? Int)
            #expect(((ended?["duration"] as? Double) ?? 0) >= 0.2)
            // The warning of the callback that slept (emitted right after its end; on a busy
            // machine another step may also run long enough for a warning of its own).
            let warning = events[end...].first { text($0, "kind") == "warning" && text($0, "text").contains("took") }
                .map { text($0, "text") } ?? ""
            #expect(warning.hasPrefix("Executing Task-3.step took ") && warning.hasSuffix("(the loop was held at blocking_call.py:15)"),
                    "\(warning)")
            // The ticker (Task-2) parked on sleep(0.01) before the block; its wake-up was due
            // while the loop was held, and ran after.
            let timers = kind("timerScheduled").filter { ($0["when"] as? Double ?? .infinity) < slept }
            #expect(!timers.isEmpty)
            let wakeup = events[end...].first { text($0, "kind") == "callbackStart" && text($0, "description") == "Task-2.wakeup" }
            #expect(((wakeup?["time"] as? Double) ?? 0) >= slept)
        case "eager_tasks":
            guard version != "3.11" else { return }  // no eager tasks before 3.12 (the program fails there)
            // quick() finished inside create_task: created, stepped and done within main's step.
            guard let created = events.firstIndex(where: { text($0, "kind") == "taskCreated" && text($0, "coroutine") == "quick" }) else {
                Issue.record("no task for quick()")
                return
            }
            let task = events[created]["task"] as? Int
            #expect(text(events[created + 1], "kind") == "taskStepStart" && events[created + 1]["task"] as? Int == task)
            let end = events[(created + 1)...].first { text($0, "kind") == "taskStepEnd" && $0["task"] as? Int == task }
            #expect(end.map { text($0, "outcome") } == "finished")
            #expect(!events[created...].prefix { text($0, "kind") != "callbackEnd" }.isEmpty)
        case "tasks_in_module":
            // The helper is file 1; the sleepers are created there (line 10, and line 21 by
            // 3.11's wait_for, which wraps the coroutine in a task), the first is cancelled
            // there (line 12). Under 3.11 wait_for's deadline is told in main at the
            // wait_for line (21), just before main cancels the sleeper's task; from 3.12 on
            // (wait_for under a timeout, no task) the deadline finds main awaiting
            // sleeper() at its line 6.
            #expect(files == ["tasks_helper.py"])
            let sleepers = kind("taskCreated").filter { text($0, "coroutine") == "sleeper" }
            #expect(sleepers.map(place) == (version == "3.11" ? [[10, 1], [21, 1]] : [[10, 1]]))
            #expect(kind("taskCreated").first.map(place) == [13, 0])
            #expect(kind("cancelRequested").filter { text($0, "message") == "enough" }.map(place) == [[12, 1]])
            #expect(kind("timeoutFired").map(place) == (version == "3.11" ? [[21, 1]] : [[6, 1]]))
            if let fired = events.firstIndex(where: { text($0, "kind") == "timeoutFired" }) {
                #expect(text(events[fired + 1], "kind") == "cancelRequested")
            }
        case "introspection":
            // (Its unchanged output is the check on what it sees.) The timeout fires, then
            // cancels main from its callback: no line of the program asked (not the
            // asyncio.run line under the loop).
            guard let fired = events.firstIndex(where: { text($0, "kind") == "timeoutFired" }) else {
                Issue.record("no timeoutFired")
                return
            }
            #expect(place(events[fired]) == [33, 0])
            // `loop.call_soon(sleeper.cancel)`: a callback of its own, not a step of the
            // sleeper, and no task asked for the cancellation.
            let sleeper = kind("taskCreated").first { text($0, "name") == "sleeper" }?["task"] as? Int
            let scheduledCancel = kind("callbackStart").filter { text($0, "description") == "Task.cancel" }
            #expect(scheduledCancel.count == 1 && scheduledCancel.first?["task"] is NSNull)
            #expect(!kind("callbackStart").contains { text($0, "description") == "sleeper.step" && $0["iteration"] as? Int == scheduledCancel.first?["iteration"] as? Int })
            let sleeperCancel = kind("cancelRequested").first { $0["task"] as? Int == sleeper }
            #expect(sleeperCancel != nil && sleeperCancel?["by"] is NSNull)
            let cancel = events[fired...].first { text($0, "kind") == "cancelRequested" }
            #expect(cancel?["task"] as? Int == events[fired]["task"] as? Int)
            #expect(cancel.map(place) == [0, 0] && cancel?["by"] is NSNull)
            #expect(!events[..<fired].contains { text($0, "kind") == "cancelRequested" && $0["task"] as? Int == events[fired]["task"] as? Int })
        default:
            Issue.record("no checks for \(program)")
        }
    }
}

/// The CPython interpreters of each version this machine has.
enum Pythons {
    static func find(_ version: String) -> String? {
        var candidates: [String] = []
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            candidates.append("\(dir)/python\(version)")
        }
        let pyenv = ProcessInfo.processInfo.environment["PYENV_ROOT"] ?? (NSHomeDirectory() + "/.pyenv")
        if let installed = try? FileManager.default.contentsOfDirectory(atPath: pyenv + "/versions") {
            for name in installed.sorted() where name.hasPrefix(version + ".") {
                candidates.append("\(pyenv)/versions/\(name)/bin/python3")
            }
        }
        for path in candidates where FileManager.default.isExecutableFile(atPath: path) {
            if let out = try? CLITests.run([path, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"], in: "/"),
               out.status == 0, out.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == version {
                return path
            }
        }
        return nil
    }
}
