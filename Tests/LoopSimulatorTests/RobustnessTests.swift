import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// Inputs that once crashed or hung the simulator; each must end in a Python exception
/// (or a clear stop), never a trap.
@Suite("Robustness")
struct RobustnessTests {
    /// Expected values: CPython 3.11.
    @Test("past 64 bits ints grow, as Python's", arguments: [
        ("abs(-(2 ** 62) * 2)", "9223372036854775808"), ("round(-(2 ** 62) * 2, -1)", "-9223372036854775810"),
        ("2 ** 64", "18446744073709551616"), ("int('9223372036854775808')", "9223372036854775808"),
        ("-(2 ** 62) * 2 - 1", "-9223372036854775809"), ("(2 ** 62) * 4", "18446744073709551616"),
    ])
    func overflow(_ expression: String, _ expected: String) {
        let result = simulate("print(\(expression))\n")
        #expect(result.stdout == expected + "\n", "\(expression): \(result)")
    }

    @Test("a big int result the simulator will not build raises MemoryError", arguments: [
        "2 ** (2 ** 40)", "1 << (2 ** 40)", "(1 << 10000000) * (1 << 10000000)",
    ])
    func bigIntMemory(_ expression: String) {
        let result = simulate("try:\n    x = \(expression)\nexcept MemoryError:\n    print('memory')\n")
        #expect(result.stdout == "memory\n", "\(expression): \(result)")
    }

    /// CPython 3.11 raises MemoryError for each (its allocation fails); the simulator must
    /// raise it too, never abort on a failed allocation of its own.
    @Test("huge sequences and strings raise MemoryError", arguments: [
        "[0] * (2 ** 62)", "'ab' * (2 ** 62)", "list(range(10 ** 18))", "(1, 2) * (2 ** 40)",
        "'a'.ljust(10 ** 18)", "'a'.rjust(10 ** 18)", "'a'.center(10 ** 18)", "'1'.zfill(10 ** 18)",
        "f'{1:1000000000000000000}'", "format('x', '>1000000000000')", "'{:>1000000000000}'.format(2.5)",
    ])
    func memory(_ expression: String) {
        let result = simulate("try:\n    x = \(expression)\nexcept MemoryError:\n    print('memory')\n")
        #expect(result.stdout == "memory\n", "\(expression): \(result)")
    }

    /// A string doubled until memory runs out: MemoryError once the next string would take
    /// the process past its budget, and the program goes on.
    @Test func doublingStopsAtTheMemoryBudget() {
        var options = SimulationOptions()
        options.maxMemory = 256 << 20
        let source = "s = 'x'\ntry:\n    while True:\n        s = s + s\nexcept MemoryError:\n    print('stopped', len(s) < 2 ** 28)\n"
        let result = simulate(source, options: options)
        #expect(result.stdout == "stopped True\n", "\(result)")
    }

    /// Large values CPython builds are built too, within the budget: a fixed cap of 50
    /// million items used to raise MemoryError for `'ab' * 30_000_000`.
    @Test("large but affordable values are built", arguments: [
        ("len('ab' * 30_000_000)", "60000000"), ("len([0] * 60_000_000)", "60000000"),
        ("len(list(range(55_000_000)))", "55000000"), ("len('a'.center(60_000_001, '*'))", "60000001"),
    ])
    func largeValues(_ expression: String, _ expected: String) {
        // The budget counts what the whole process holds, and the test process holds the
        // other tests running beside this one (these four cases among them, a gigabyte
        // each): a budget well above them keeps the check about the value, not the neighbours.
        var options = SimulationOptions()
        options.maxMemory = 16 << 30
        let result = simulate("print(\(expression))\n", options: options)
        #expect(result.stdout == expected + "\n", "\(expression): \(result)")
    }

    @Test func tabSizeIsACInt() {
        let result = simulate("try:\n    '\\t'.expandtabs(10 ** 18)\nexcept OverflowError as e:\n    print(e)\n")
        #expect(result.stdout == "Python int too large to convert to C int\n", "\(result)")
    }

    @Test func deepRecursionTracebackIsCollapsed() {
        let result = simulate("def f(n):\n    return f(n + 1)\nf(0)\n", path: "r.py")
        #expect(result.status == 1)
        #expect(result.stderr.contains("[Previous line repeated"))
        #expect(result.stderr.hasSuffix("RecursionError: maximum recursion depth exceeded\n"))
        #expect(result.stderr.split(separator: "\n").count < 20)
    }

    @Test func deadlockOnALockNamesTheScenarioLine() throws {
        let path = "tests-data/adversarial/deadlock_lock.py"
        let result = simulate(try readRepositoryFile(path), path: path)
        #expect(result.status == 3)
        #expect(result.stderr.contains("waits on Lock.acquire() at \(path):8"))
    }

    @Test func manyWaitersOnASemaphore() {
        let src = """
        import asyncio
        async def worker(sem, i, done):
            async with sem:
                done.append(i)
        async def main():
            sem = asyncio.Semaphore(1)
            done = []
            await asyncio.gather(*[worker(sem, i, done) for i in range(3000)])
            print(len(done), done[:3], done[-1])
        asyncio.run(main())
        """
        #expect(simulate(src).stdout == "3000 [0, 1, 2] 2999\n")
    }
}
