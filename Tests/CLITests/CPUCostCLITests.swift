import Foundation
import Testing

/// `--cpu-cost` and `bench cpu-cost` from the command line.
extension CLITests {
    @Test func cpuCostOptionChargesTimeAndIsRecorded() throws {
        let file = try temporaryFile(Array("""
        import asyncio, time
        async def main():
            start = time.perf_counter()
            total = 0
            for i in range(1000):
                total += i
            print(time.perf_counter() - start > 0)
        asyncio.run(main())
        """.utf8))
        #expect(try loopscope(["run", file]).stdout == "False\n")
        #expect(try loopscope(["run", file, "--cpu-cost", "50"]).stdout == "True\n")
        #expect(try loopscope(["run", file, "--cpu-cost", "realistic"]).stdout == "True\n")
        let trace = file + ".jsonl"
        #expect(try loopscope(["record", file, "--cpu-cost", "realistic", "-o", trace]).status == 0)
        let header = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").first ?? ""
        #expect(header.contains("\"cpuCost\":\"realistic\""))
        // A trace is a finished run: the option cannot change it.
        let onTrace = try loopscope(["render", trace, "--cpu-cost", "50"])
        #expect(onTrace.status == 2)
        #expect(onTrace.stderr.contains("--cpu-cost change how a scenario runs; a trace is a finished run"))
        let bad = try loopscope(["run", file, "--cpu-cost", "fast"])
        #expect(bad.status == 64 || bad.status == 2)
        #expect(bad.stderr.contains("--cpu-cost takes 'realistic', 'off' or a number of nanoseconds per instruction, not 'fast'"))
    }

    @Test func benchCPUCostComparesEachSnippetWithCPython() throws {
        let snippet = try temporaryFile(Array("""
        import time
        def work():
            total = 0
            for i in range(20000):
                total += i
            return total
        if __name__ == "__main__":
            start = time.perf_counter()
            work()
            print(time.perf_counter() - start)
        """.utf8), name: "loop.py")
        let directory = URL(fileURLWithPath: snippet).deletingLastPathComponent().path
        let r = try loopscope(["bench", "cpu-cost", "--directory", directory, "--runs", "1"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("cost model: realistic = ") == true)
        #expect(lines.contains { $0.hasPrefix(directory + "/loop.py") && $0.contains(" ms ") })
        #expect(lines.last?.hasPrefix("largest departure: ") == true)
    }
}
