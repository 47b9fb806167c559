import Foundation
import Testing

/// The command line as a user meets it: exit statuses, one-line errors for bad files,
/// compiler-style diagnostics, help text.
@Suite("Command line")
struct CLITests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Output {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The binary `swift build` made for this test run.
    static var binary: URL {
        root.appendingPathComponent(".build/debug/loopscope")
    }

    func loopscope(_ arguments: [String]) throws -> Output {
        try Self.run([Self.binary.path] + arguments, in: Self.root.path)
    }

    /// Runs a program with no input and collects what it printed and its exit status.
    static func run(_ argv: [String], in dir: String) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: argv[0])
        process.arguments = Array(argv.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(stdout: String(decoding: outData, as: UTF8.self),
                               stderr: String(decoding: errData, as: UTF8.self), status: process.terminationStatus)
    }

    func temporaryFile(_ bytes: [UInt8], name: String = "scenario.py") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("loopscope-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func benchComparesWithTheReferencesOwnTiming() throws {
        let r = try loopscope(["bench", "simulate", "Scenarios/03_create_task_order.py", "--runs", "1"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("loopscope: ") == true)
        #expect(lines.dropFirst().first?.contains(" s with interpreter start-up)") == true)
        #expect(lines.last?.hasPrefix("ratio: loopscope is ") == true)
        // Both sides also report CPU time, steadier than wall time on a busy machine.
        #expect(lines.first?.contains(", CPU ") == true)
        #expect(lines.dropFirst().first?.contains(", CPU ") == true)
        #expect(lines.last?.contains("; in CPU time ") == true)
    }

    @Test func recordWritesTheTraceOrSaysWhyNot() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("loopscope-rec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let out = dir.appendingPathComponent("t.jsonl").path
        let ok = try loopscope(["record", "Scenarios/04_cancel_sleeping.py", "-o", out])
        #expect(ok.status == 0)
        let replayed = try loopscope(["render", out, "--width", "80", "--color", "never"])
        #expect(replayed.status == 0)
        #expect(replayed.stdout.contains("sleeper"))
        let full = try loopscope(["record", "Scenarios/04_cancel_sleeping.py", "-o", "/dev/full"])
        #expect(full.status == 2)
        #expect(full.stderr == "loopscope: cannot write /dev/full: No space left on device\n")
        let bad = try temporaryFile(Array("import asyncio\nclass A(asyncio.Task):\n    pass\n".utf8))
        let refused = try loopscope(["record", bad, "-o", out + ".bad"])
        #expect(refused.status == 2)
        #expect(!FileManager.default.fileExists(atPath: out + ".bad"))
    }

    @Test func checkPrintsASummaryPerFile() throws {
        let r = try loopscope(["check", "Scenarios/01_hello.py", "Scenarios/03_create_task_order.py"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Scenarios/01_hello.py: ok (1 coroutine, 0 functions, asyncio.run(main))\n"))
        #expect(r.stdout.split(separator: "\n").count == 2)
    }

    @Test func checkReportsUnsupportedConstructsWithACaret() throws {
        let path = try temporaryFile(Array("import asyncio\n\nclass Worker(*bases):\n    pass\n".utf8))
        let r = try loopscope(["check", path])
        #expect(r.status == 2)
        #expect(r.stderr == """
        \(path):3:14: error: '*' and '**' in a class's arguments are not supported in scenarios
            class Worker(*bases):
                         ^~~~~~

        """)
    }

    @Test func badFilesGetOneClearLine() throws {
        let missing = try loopscope(["check", "no/such/file.py"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "loopscope: no/such/file.py: no such file\n")

        let directory = try loopscope(["run", "Scenarios"])
        #expect(directory.status == 2)
        #expect(directory.stderr == "loopscope: Scenarios: is a directory, not a scenario file\n")

        let latin1 = try temporaryFile([0x70, 0x72, 0x69, 0x6e, 0x74, 0x28, 0x27, 0xe9, 0x27, 0x29, 0x0a])
        let notUTF8 = try loopscope(["check", latin1])
        #expect(notUTF8.status == 2)
        #expect(notUTF8.stderr == "loopscope: \(latin1): not valid UTF-8 (first bad byte at line 1, column 8)\n")

        let nul = try temporaryFile(Array("x = 1\ny = \u{0}2\n".utf8))
        let withNul = try loopscope(["run", nul])
        #expect(withNul.status == 2)
        #expect(withNul.stderr == "loopscope: \(nul):2:5: error: source contains a NUL byte\n")
    }

    @Test func runPrintsWhatCPythonPrintsAndItsExitStatus() throws {
        let ok = try loopscope(["run", "Scenarios/03_create_task_order.py"])
        #expect(ok.status == 0)
        #expect(ok.stdout == (try String(contentsOf: Self.root.appendingPathComponent("Scenarios/expected/03_create_task_order.out"), encoding: .utf8)))

        let failing = try loopscope(["run", "Scenarios/21_uncaught_exception.py"])
        #expect(failing.status == 1)
        #expect(failing.stderr.hasPrefix("Traceback (most recent call last):\n"))
    }

    @Test func runawayAndDeadlockedScenariosStopWithStatusThree() throws {
        let deadlock = try loopscope(["run", "tests-data/deadlock.py"])
        #expect(deadlock.status == 3)
        #expect(deadlock.stderr.contains("deadlock"))

        let forever = try loopscope(["run", "--max-iterations", "100", "tests-data/adversarial/sleep_forever.py"])
        #expect(forever.status == 3)
        #expect(forever.stderr.contains("stopped after 100 loop iterations"))

        // A task stopped by the limit is not reported as an exception nobody retrieved.
        let busy = try loopscope(["run", "--max-instructions", "100000", "tests-data/adversarial/busy_loop.py"])
        #expect(busy.status == 3)
        #expect(busy.stdout == "spinning\n")
        #expect(busy.stderr == "loopscope: stopped after 100000 bytecode instructions without finishing; a callback may loop forever without awaiting (raise the limit with --max-instructions N)\n")

        let bad = try loopscope(["run", "--max-iterations", "0", "Scenarios/01_hello.py"])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--max-iterations must be positive"))

        let tooSmall = try loopscope(["run", "--max-memory", "12", "Scenarios/01_hello.py"])
        #expect(tooSmall.status == 2)
        #expect(tooSmall.stderr.contains("--max-memory takes a size such as 512M"))
        let sized = try loopscope(["run", "--max-memory", "1.5G", "Scenarios/01_hello.py"])
        #expect(sized.status == 0)
    }

    @Test("every command has help", arguments: ["check", "run", "record", "render", "export"])
    func help(_ command: String) throws {
        let r = try loopscope([command, "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE: loopscope \(command)"))
        #expect(r.stdout.count > 200)
    }
}
