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
