import Foundation
import Testing

/// `loopscope record -- python3 app.py`: a real program runs under CPython with the
/// recorder, unchanged, and the trace it leaves reads like a simulated one.
extension CLITests {
    static let program = """
        import asyncio, sys

        async def child(n):
            await asyncio.sleep(0.01 * n)
            print("child", n, flush=True)
            return n

        async def main():
            tasks = [asyncio.create_task(child(n)) for n in range(3)]
            print(await asyncio.gather(*tasks))
            print("args", sys.argv[1:], file=sys.stderr)
            raise SystemExit(3)

        asyncio.run(main())

        """

    func python(_ arguments: [String], in dir: String) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: dir)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                      status: process.terminationStatus)
    }

    @Test func recordRunsARealProgramUnchanged() throws {
        let app = try temporaryFile(Array(Self.program.utf8), name: "app.py")
        let dir = (app as NSString).deletingLastPathComponent
        let trace = dir + "/run.jsonl"
        let direct = try python([app, "x", "y z"], in: dir)
        let recorded = try loopscope(["record", "-o", trace, "--", "python3", app, "x", "y z"])
        #expect(recorded.stdout == direct.stdout)
        #expect(recorded.stderr == direct.stderr)
        #expect(recorded.status == 3 && direct.status == 3)

        let header = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains(#""clock":"real""#))
        #expect(header.contains(#""command":["python3","\#(app)","x","y z"]"#))
        let render = try loopscope(["render", trace])
        #expect(render.status == 0)
        #expect(render.stdout.contains("Task-1 main"))
        #expect(render.stdout.contains("Task-4 child"))
        let export = try loopscope(["export", trace, "--format", "chrome", "-o", dir + "/run.json"])
        #expect(export.status == 0)
    }

    @Test func recordNeedsAProgramOrAScenarioNotBoth() throws {
        let r = try loopscope(["record", "-o", "/tmp/x.jsonl"])
        #expect(r.status == 2)  // usage errors exit 2 (see LoopscopeCommand.main)
        let both = try loopscope(["record", "Scenarios/01_hello.py", "-o", "/tmp/x.jsonl", "--", "python3", "a.py"])
        #expect(both.status == 2)  // usage errors exit 2 (see LoopscopeCommand.main)
        let module = try loopscope(["record", "-o", "/tmp/x.jsonl", "--", "python3", "-m", "http.server"])
        #expect(module.status == 2)  // usage errors exit 2 (see LoopscopeCommand.main)
        #expect(module.stderr.contains("record runs a script file"))
    }
}

extension CLITests {
    @Test func recordLiveNeedsATerminalAndARealProgram() throws {
        let app = try temporaryFile(Array(Self.program.utf8), name: "app.py")
        let dir = (app as NSString).deletingLastPathComponent
        let trace = dir + "/live.jsonl"
        // No terminal here: refused before the program starts (no trace, no log).
        let noTerminal = try loopscope(["record", "--live", "-o", trace, "--", "python3", app])
        #expect(noTerminal.status == 2)
        #expect(noTerminal.stderr.contains("needs a terminal"))
        #expect(!FileManager.default.fileExists(atPath: trace + ".log"))
        #expect(!FileManager.default.fileExists(atPath: trace))
        // A scenario is shown live by `open`, not recorded live.
        let scenario = try loopscope(["record", "--live", "Scenarios/01_hello.py", "-o", trace])
        #expect(scenario.status != 0)
        #expect(scenario.stderr.contains("--live records a real program"))
    }
}
