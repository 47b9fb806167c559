import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// The VM on plain Python: each program's expected output was taken from CPython 3.11.
@Suite("Interpreter")
struct InterpreterTests {
    private func output(_ source: String) -> String { simulate(source).stdout }

    @Test func closuresAndNonlocalState() {
        let src = """
        def counter(start):
            total = [start]
            def bump(by=1):
                total[0] += by
                return total[0]
            return bump
        c = counter(10)
        c(); c(5)
        print(c(), [x * x for x in range(4) if x != 2])
        """
        #expect(output(src) == "17 [0, 1, 9]\n")
    }

    @Test func tryExceptElseFinallyOrder() {
        let src = """
        def f(fail):
            try:
                if fail:
                    raise ValueError("bad")
                print("body")
            except ValueError as e:
                print("caught", e)
                return "from except"
            else:
                print("else")
            finally:
                print("finally")
            return "end"
        print(f(False))
        print(f(True))
        """
        #expect(output(src) == "body\nelse\nfinally\nend\ncaught bad\nfinally\nfrom except\n")
    }

    @Test func breakAndContinueRunFinally() {
        let src = """
        for i in range(5):
            try:
                if i == 1:
                    continue
                if i == 3:
                    break
                print("i", i)
            finally:
                print("f", i)
        else:
            print("no break")
        """
        #expect(output(src) == "i 0\nf 0\nf 1\ni 2\nf 2\nf 3\n")
    }

    @Test func exceptionContextAndCause() {
        let src = """
        try:
            try:
                {}["k"]
            except KeyError as e:
                raise RuntimeError("wrapped") from e
        except RuntimeError as r:
            print(repr(r), repr(r.__cause__), type(r.__context__).__name__)
        """
        #expect(output(src) == "RuntimeError('wrapped') KeyError('k') KeyError\n")
    }

    /// The context is the topmost exception being handled, also when it is a caller's:
    /// a function called from an `except` block, a context manager's `__exit__` and
    /// `asyncio.timeout`'s `__aexit__` (TimeoutError's context is the CancelledError).
    /// A re-raised exception already on the handled one's chain does not make a cycle.
    @Test func exceptionContextComesFromTheCallersHandledException() {
        let src = """
        import asyncio
        def f(): raise KeyError("k")
        try:
            try:
                raise ValueError("v")
            except ValueError:
                f()
        except KeyError as e:
            print(repr(e.__context__))
        class CM:
            def __enter__(self): return self
            def __exit__(self, *exc): raise KeyError("exit")
        try:
            with CM():
                raise ValueError("body")
        except KeyError as e:
            print(repr(e.__context__))
        try:
            try:
                raise ValueError("inner")
            except ValueError as inner:
                try:
                    raise TypeError("outer")
                except TypeError:
                    raise inner
        except ValueError as e:
            print(repr(e.__context__), e.__context__.__context__)
        async def main():
            try:
                async with asyncio.timeout(0.1):
                    await asyncio.sleep(1)
            except TimeoutError as e:
                print(repr(e.__context__), repr(e.__cause__))
        asyncio.run(main())
        """
        #expect(output(src) == """
        ValueError('v')
        ValueError('body')
        TypeError('outer') None
        CancelledError() CancelledError()

        """)
    }

    @Test func uncaughtExceptionPrintsTracebackAndExitsOne() {
        let result = simulate("def f():\n    raise ValueError('boom')\nf()\n", path: "x.py")
        #expect(result.status == 1)
        #expect(result.stderr == """
        Traceback (most recent call last):
          File "x.py", line 3, in <module>
            f()
          File "x.py", line 2, in f
            raise ValueError('boom')
        ValueError: boom

        """)
    }

    @Test func deepRecursionRaisesRecursionError() {
        let src = """
        def f(n):
            return f(n + 1)
        try:
            f(0)
        except RecursionError as e:
            print("caught", e)
        """
        #expect(output(src) == "caught maximum recursion depth exceeded\n")
    }

    @Test func argumentErrorsUseCPythonMessages() {
        let src = """
        def f(a, b=2, *, c):
            return a + b + c
        print(f(1, c=1) @ 2)
        """
        // The '@' operator is outside the subset: rejected before running.
        #expect(simulate(src).status == 2)
        let ok = """
        def f(a, b=2, *, c):
            return a + b + c
        try:
            f(1)
        except TypeError as e:
            print(e)
        try:
            f(1, 2, 3)
        except TypeError as e:
            print(e)
        print(f(1, c=3))
        """
        #expect(output(ok) == """
        f() missing 1 required keyword-only argument: 'c'
        f() takes from 1 to 2 positional arguments but 3 were given
        6

        """)
    }

    @Test func dictFromKeys() {
        // Expected: CPython 3.11.
        #expect(simulate("print(dict.fromkeys('ab', 0), dict.fromkeys([1, 2]))\n").stdout == "{'a': 0, 'b': 0} {1: None, 2: None}\n")
    }

    @Test func intsGrowPastSixtyFourBits() {
        // Expected: CPython 3.11.
        let result = simulate("x = 2 ** 63 - 1\nx += 1\nprint(x, 2 ** 64, x * x, -x - 1, type(x).__name__)\n")
        #expect(result.stdout == "9223372036854775808 18446744073709551616 85070591730234615865843651857942052864 -9223372036854775809 int\n")
        #expect(result.status == 0)
    }

    @Test func instructionLimitStopsRunawayLoops() {
        let result = simulate("while True:\n    pass\n", options: SimulationOptions(maxInstructions: 100_000))
        #expect(result.status == 3)
        #expect(result.stderr.contains("stopped after 100000 bytecode instructions"))
    }

    @Test func iterationLimitStopsEndlessLoops() {
        let src = """
        import asyncio
        async def main():
            while True:
                await asyncio.sleep(1)
        asyncio.run(main())
        """
        let result = simulate(src, options: SimulationOptions(maxIterations: 50))
        #expect(result.status == 3)
        #expect(result.stderr.contains("stopped after 50 loop iterations"))
    }

    @Test func timeHorizonStopsBeforeLaterTimers() {
        let src = """
        import asyncio
        async def main():
            for i in range(10):
                await asyncio.sleep(1)
                print(i)
        asyncio.run(main())
        """
        let result = simulate(src, options: SimulationOptions(timeHorizon: 3.5))
        #expect(result.stdout == "0\n1\n2\n")
        #expect(result.status == 3)
    }

    @Test func diagnosticsStopBeforeRunning() {
        let result = simulate("import asyncio\nprint('ran')\nclass A(asyncio.Task):\n    pass\n")
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("subclasses of 'asyncio.Task' (a native type in loopscope) are not supported"))
    }
}

@Suite("HeapQueue mirrors heapq")
struct HeapQueueTests {
    @Test func tiesComeOutInHeapqOrder() throws {
        // Deadlines with many ties; the tag records insertion order.
        let deadlines = [3, 1, 2, 1, 3, 2, 1, 1, 2, 3, 1, 2]
        let script = """
        import heapq
        h = []
        for i, d in enumerate(\(deadlines)):
            heapq.heappush(h, (d, i)) if False else None
        class E:
            def __init__(s, d, i): s.d, s.i = d, i
            def __lt__(s, o): return s.d < o.d
        h = []
        for i, d in enumerate(\(deadlines)):
            heapq.heappush(h, E(d, i))
        out = []
        while h:
            out.append(heapq.heappop(h).i)
        print(out)
        """
        let reference = try runProcess(["python3", "-c", script])
        var heap = HeapQueue<(Int, Int)> { Double($0.0) }
        for (i, d) in deadlines.enumerated() { heap.push((d, i)) }
        var order: [Int] = []
        while let e = heap.pop() { order.append(e.1) }
        #expect("\(order)\n" == reference.stdout)
    }
}
