import Foundation
import Testing

/// Outputs never lose or damage a file: they replace their target only when complete,
/// refuse to overwrite their input, follow symbolic links, and leave no debris.
extension CLITests {
    func scratchDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("loopscope-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    func contents(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map(Array.init)
    }

    @Test func recordRefusesToOverwriteItsScenario() throws {
        let dir = try scratchDirectory()
        let program = dir.appendingPathComponent("mywork.py").path
        let source = Array(try String(contentsOf: Self.root.appendingPathComponent("Scenarios/01_hello.py"), encoding: .utf8).utf8)
        try Data(source).write(to: URL(fileURLWithPath: program))
        let r = try loopscope(["record", program, "-o", program])
        #expect(r.status == 2)
        #expect(r.stderr.contains("it is the input file"))
        #expect(contents(program) == source)
        // The same file under another name (a hard link) is the input too.
        let alias = dir.appendingPathComponent("alias.py").path
        try FileManager.default.linkItem(atPath: program, toPath: alias)
        #expect(try loopscope(["record", program, "-o", alias]).status == 2)
        #expect(contents(program) == source)
    }

    @Test func exportRefusesToOverwriteItsTrace() throws {
        let dir = try scratchDirectory()
        let trace = dir.appendingPathComponent("t.jsonl").path
        #expect(try loopscope(["record", "Scenarios/04_cancel_sleeping.py", "-o", trace]).status == 0)
        let before = contents(trace)
        let r = try loopscope(["export", trace, "--format", "chrome", "-o", trace])
        #expect(r.status == 2)
        #expect(r.stderr.contains("it is the input file"))
        #expect(contents(trace) == before)
    }

    @Test func aRejectedScenarioLeavesTheExistingOutputAlone() throws {
        let dir = try scratchDirectory()
        let existing = dir.appendingPathComponent("existing.jsonl").path
        try Data("precious\n".utf8).write(to: URL(fileURLWithPath: existing))
        let bad = try temporaryFile(Array("import asyncio\nasync def main(:\n".utf8))
        let r = try loopscope(["record", bad, "-o", existing])
        #expect(r.status == 2)
        #expect(contents(existing) == Array("precious\n".utf8))
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["existing.jsonl"])
    }

    @Test func aWriteKilledHalfwayLeavesTheExistingOutputAndNoDebris() throws {
        // A file-size limit of 1 KB kills the writer (SIGXFSZ) in the middle of the trace.
        let dir = try scratchDirectory()
        let existing = dir.appendingPathComponent("t.jsonl").path
        try Data("precious\n".utf8).write(to: URL(fileURLWithPath: existing))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -f 1; exec \"$0\" record Scenarios/04_cancel_sleeping.py -o \"$1\"",
                             Self.binary.path, existing]
        process.currentDirectoryURL = Self.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(contents(existing) == Array("precious\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["t.jsonl"])
    }

    @Test func aSymlinkedOutputReplacesItsTargetAndKeepsTheLink() throws {
        let dir = try scratchDirectory()
        let target = dir.appendingPathComponent("real.jsonl").path
        let link = dir.appendingPathComponent("link.jsonl").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.jsonl")
        #expect(try loopscope(["record", "Scenarios/04_cancel_sleeping.py", "-o", link]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.jsonl")
        #expect(String(decoding: contents(target) ?? [], as: UTF8.self).hasPrefix("{\"format\":\"loopscope-trace\""))
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)) == ["real.jsonl", "link.jsonl"])
    }

    @Test func outputsThatCannotBeFilesGetAccurateMessages() throws {
        let dir = try scratchDirectory()
        let a = dir.appendingPathComponent("a").path, b = dir.appendingPathComponent("b").path
        try FileManager.default.createSymbolicLink(atPath: a, withDestinationPath: b)
        try FileManager.default.createSymbolicLink(atPath: b, withDestinationPath: a)
        let loop = try loopscope(["record", "Scenarios/01_hello.py", "-o", a])
        #expect(loop.status == 2)
        #expect(loop.stderr.contains("too many levels of symbolic links"))
        let directory = dir.appendingPathComponent("x.jsonl").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        let r = try loopscope(["record", "Scenarios/01_hello.py", "-o", directory])
        #expect(r.status == 2)
        #expect(r.stderr.contains("is a directory"))
        // A device is written in place, never replaced.
        #expect(try loopscope(["record", "Scenarios/01_hello.py", "-o", "/dev/null"]).status == 0)
    }

    @Test func aTraceWithoutItsEndLineReadsAsInterrupted() throws {
        let dir = try scratchDirectory()
        let trace = dir.appendingPathComponent("t.jsonl").path
        #expect(try loopscope(["record", "Scenarios/04_cancel_sleeping.py", "-o", trace]).status == 0)
        var lines = String(decoding: contents(trace) ?? [], as: UTF8.self).split(separator: "\n")
        #expect(lines.last?.hasPrefix("{\"kind\":\"end\",\"events\":") == true)
        lines.removeLast(3)
        let cut = dir.appendingPathComponent("cut.jsonl").path
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: cut))
        let r = try loopscope(["render", cut, "--width", "120", "--color", "never"])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").first?.contains("(interrupted)") == true)
        #expect(r.stderr.contains("the recording was interrupted"))
        let complete = try loopscope(["render", trace, "--width", "120", "--color", "never"])
        #expect(!complete.stdout.contains("interrupted"))
    }
}

/// Inputs and usage: every bad invocation is one accurate line and exit status 2.
extension CLITests {
    @Test func usageErrorsExitTwo() throws {
        let r = try loopscope(["render", "--width", "5", "Scenarios/01_hello.py"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--width must be between 20 and 10000"))
        // A huge width is refused at once rather than rendered for minutes.
        let huge = try loopscope(["render", "--width", "100000000", "Scenarios/01_hello.py"])
        #expect(huge.status == 2)
        #expect(huge.stderr.contains("(got 100000000)"))
        #expect(try loopscope(["check"]).status == 2)
        #expect(try loopscope(["run", "--no-such-option", "Scenarios/01_hello.py"]).status == 2)
    }

    @Test func aFileNamedLikeAnOptionIsExplained() throws {
        let dir = try scratchDirectory()
        let weird = dir.appendingPathComponent("--weird.py")
        try Data("import asyncio\n".utf8).write(to: weird)
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["check", "--weird.py"]
        process.currentDirectoryURL = dir
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message.contains("put it after `--`: loopscope check -- --weird.py"))
    }

    @Test func specialInputsGetAccurateMessagesAndNeverBlock() throws {
        let dir = try scratchDirectory()
        let fifo = dir.appendingPathComponent("x.jsonl").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let r = try loopscope(["render", fifo])  // would block forever if the FIFO were opened for a writer
        #expect(r.status == 2)
        #expect(r.stderr.contains("is a FIFO (named pipe), not a regular file"))
        let null = try loopscope(["check", "/dev/null"])
        #expect(null.status == 2)
        #expect(null.stderr == "loopscope: /dev/null: cannot be read: is a character device, not a regular file\n")
        let directory = dir.appendingPathComponent("d.jsonl").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        let d = try loopscope(["render", directory])
        #expect(d.status == 2)
        #expect(d.stderr.contains("is a directory"))
        let a = dir.appendingPathComponent("a.py").path, b = dir.appendingPathComponent("b.py").path
        try FileManager.default.createSymbolicLink(atPath: a, withDestinationPath: b)
        try FileManager.default.createSymbolicLink(atPath: b, withDestinationPath: a)
        let loop = try loopscope(["run", a])
        #expect(loop.status == 2)
        #expect(loop.stderr.contains("too many levels of symbolic links"))
        let broken = dir.appendingPathComponent("broken.py").path
        try FileManager.default.createSymbolicLink(atPath: broken, withDestinationPath: "nothing.py")
        #expect(try loopscope(["run", broken]).stderr.contains("a symbolic link to a file that does not exist"))
    }
}
