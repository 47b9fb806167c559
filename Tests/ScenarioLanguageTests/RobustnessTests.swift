import Foundation
import Testing
import TestSupport
@testable import ScenarioLanguage


/// Sample scenarios: every `Scenarios/*.py` in the repository plus three embedded ones, so
/// the tests work while the Scenarios folder is still being written.
enum Samples {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var scenarioFiles: [URL] {
        let dir = repoRoot.appendingPathComponent("Scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".py") }.sorted().map { dir.appendingPathComponent($0) }
    }

    static let embedded = [
        """
        import asyncio
        import time
        from loopscope import cpu


        async def worker(name, delay, results):
            await asyncio.sleep(delay)
            cpu(0.01)
            results.append(f"{name} done after {delay:.2f}s")
            return len(results)


        async def main():
            results = []
            tasks = [asyncio.create_task(worker(f"w{i}", 0.1 * i, results), name=f"w{i}") for i in range(3)]
            counts = await asyncio.gather(*tasks, return_exceptions=True)
            for i, count in enumerate(counts):
                print(i, count, results[i] if i < len(results) else None)
            print(f"{sum(counts)=}", time.monotonic() > 0)


        asyncio.run(main())
        """,
        """
        import asyncio


        async def fail(n):
            await asyncio.sleep(0)
            if n % 2 == 0 and not n < 0:
                raise ValueError(f"bad {n!r}")
            return n ** 2


        async def main():
            try:
                async with asyncio.TaskGroup() as tg:
                    for n in [1, 2, 3]:
                        tg.create_task(fail(n))
            except ExceptionGroup as eg:
                for exc in eg.exceptions:
                    print(type(exc).__name__, exc)
            else:
                print("no errors")
            finally:
                print("cleanup")
            async with asyncio.timeout(1.5):
                x, y = 1, 2
                x, y = y, x
                assert x == 2, "swap"
            lock = asyncio.Lock()
            async with lock:
                print({"a": [1, 2][0:1], "b": (3,)}["a"][-1])


        if __name__ == "__main__":
            asyncio.run(main(), debug=True)
        """,
        """
        import asyncio


        def fib(n):
            a, b = 0, 1
            while n > 0:
                a, b = b, a + b
                n -= 1
            return a


        async def producer(queue, count=3, *, delay=0.1):
            for i in range(count):
                await queue.put(fib(i))
                await asyncio.sleep(delay)
            await queue.put(None)


        async def consumer(queue):
            total = 0
            while True:
                item = await queue.get()
                if item is None:
                    break
                elif item == 0:
                    continue
                total += item
            return total


        async def main():
            queue = asyncio.Queue(maxsize=2)
            prod = asyncio.create_task(producer(queue, delay=0.05))
            result = await asyncio.wait_for(consumer(queue), timeout=10)
            await prod
            print("total", result, "even" if result % 2 == 0 else "odd")


        asyncio.run(main())
        """,
    ]

    static var all: [String] {
        embedded + scenarioFiles.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }
}

struct RobustnessTests {
    @Test func embeddedSamplesAreValidScenarios() {
        for (n, sample) in Samples.embedded.enumerated() {
            let result = FrontEnd.analyze(sample)
            #expect(result.diagnostics.isEmpty, "sample \(n): \(result.diagnostics.map(\.message))")
        }
        #expect(FrontEnd.analyze(Samples.embedded[0]).summary?.description == "2 coroutines, 0 functions, asyncio.run(main)")
        #expect(FrontEnd.analyze(Samples.embedded[1]).summary?.description == "2 coroutines, 0 functions, asyncio.run(main, debug=True)")
        #expect(FrontEnd.analyze(Samples.embedded[2]).summary?.description == "3 coroutines, 1 function, asyncio.run(main)")
        #expect(FrontEnd.analyze("x = 1\n").summary?.description == "0 coroutines, 0 functions, no asyncio.run")
    }

    /// Random mutations of the samples must never crash or hang: the result is either a
    /// clean module or at least one diagnostic with a real position.
    @Test func randomMutationsNeverCrash() {
        var rng = SplitMix64(seed: 0x5EED_1234)
        let samples = Samples.all
        let junk: [String] = ["(", ")", "[", "]", "{", "}", "'", "\"", "'''", "\t", "\\", "\\\n", ":", "\n", " ",
                              "f'{", "}", "#", "0x", "1e", "async ", "await ", "lambda", "**", ":=", "\0", "é", "$"]
        for iteration in 0..<3000 {
            var lines = samples[Int(rng.next() % UInt64(samples.count))]
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<(1 + Int(rng.next() % 4)) {
                guard !lines.isEmpty else { break }
                let i = Int(rng.next() % UInt64(lines.count))
                switch rng.next() % 9 {
                case 0: lines.remove(at: i)
                case 1: lines.insert(lines[i], at: i)
                case 2: lines.swapAt(i, Int(rng.next() % UInt64(lines.count)))
                case 3: lines = Array(lines.prefix(i))
                case 4, 5:
                    var scalars = Array(lines[i].unicodeScalars)
                    let at = scalars.isEmpty ? 0 : Int(rng.next() % UInt64(scalars.count + 1))
                    scalars.insert(contentsOf: junk[Int(rng.next() % UInt64(junk.count))].unicodeScalars, at: at)
                    lines[i] = String(String.UnicodeScalarView(scalars))
                case 6:
                    var words = lines[i].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                    if words.count > 1 {
                        let w = Int(rng.next() % UInt64(words.count))
                        if rng.next() % 2 == 0 { words.remove(at: w) } else { words.swapAt(w, Int(rng.next() % UInt64(words.count))) }
                    }
                    lines[i] = words.joined(separator: " ")
                case 7:
                    let depth = 290 + Int(rng.next() % 20)
                    lines[i] += String(repeating: ["(", "[", "{"][Int(rng.next() % 3)], count: depth)
                default:
                    var scalars = Array(lines[i].unicodeScalars)
                    if !scalars.isEmpty { scalars.remove(at: Int(rng.next() % UInt64(scalars.count))) }
                    lines[i] = String(String.UnicodeScalarView(scalars))
                }
            }
            let source = lines.joined(separator: "\n")
            let result = FrontEnd.analyze(source, mode: iteration % 2 == 0 ? .scenario : .library)
            if result.module == nil || !result.diagnostics.isEmpty {
                #expect(!result.diagnostics.isEmpty, "no diagnostic for iteration \(iteration)")
                #expect(result.diagnostics.allSatisfy { $0.range.start.line >= 1 && $0.range.start.column >= 1 },
                        "bad position in iteration \(iteration)")
                #expect(result.diagnostics.count <= Validator.limit)
            }
            if result.module != nil { #expect(result.summary != nil) }
        }
    }

    /// A thousand-line file analyzes cleanly (its speed is `bench`'s business, not a timed test's).
    @Test func largeFileAnalyzes() {
        let body = (0..<250).map { "async def f\($0)(a, b=1):\n    x = [i * 2 for i in range(a) if i % 3]\n    await asyncio.sleep(0.1)\n    return f\"{x!r} {b:>4}\"\n" }.joined()
        let source = "import asyncio\n" + body
        let result = FrontEnd.analyze(source)
        #expect(result.diagnostics.isEmpty)
        #expect(result.module != nil)
    }
}

struct ScenarioFolderTests {
    /// Every shipped scenario passes the front end, and CPython parses it too.
    @Test func scenariosAreValidAndParseInCPython() throws {
        for url in Samples.scenarioFiles {
            let source = try String(contentsOf: url, encoding: .utf8)
            let result = FrontEnd.analyze(source)
            #expect(result.diagnostics.isEmpty,
                    "\(url.lastPathComponent): \(result.diagnostics.map { $0.headline(path: url.lastPathComponent) })")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", "import ast,sys; ast.parse(open(sys.argv[1]).read())", url.path]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "CPython rejects \(url.lastPathComponent)")
        }
    }

    @Test func embeddedSamplesParseInCPython() throws {
        for (n, sample) in Samples.embedded.enumerated() {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("loopscope-sample-\(n)-\(getpid()).py")
            try sample.write(to: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: path) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", "import ast,sys; ast.parse(open(sys.argv[1]).read())", path.path]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "CPython rejects sample \(n)")
        }
    }
}
