import Testing
@testable import LoopSimulator
@testable import PythonRuntime
import ScenarioLanguage

/// CPython 3.11's `^^^^` position markers under traceback source lines: the compiler's
/// per-instruction positions, drawn by the native rule (uncaught) and traceback.py's
/// (`print_exc`, which counts trailing blanks as stripped). Expected texts are CPython's.
@Suite("traceback position markers")
struct TracebackMarkerTests {
    @Test("subscript, binary operator, multi-line, augmented assignment, assert and await markers")
    func markersMatchCPython() {
        let out = simulate("""
        import asyncio, traceback
        def total(prices, key):
            return prices[key] * 2   
        def ratio(a, b):
            return (a +
                    b) / (a - a)
        def check(n):
            n += "x"
        try:
            total({"a": 1}, "b")
        except KeyError:
            traceback.print_exc()
        try:
            ratio(1, 2)
        except ZeroDivisionError:
            traceback.print_exc()
        try:
            check(1)
        except TypeError:
            traceback.print_exc()
        try:
            n = 3; assert n < 2, "small"
        except AssertionError:
            traceback.print_exc()
        async def fetch(d):
            await asyncio.sleep(0.1)
            return d.missing
        async def main():
            result = await fetch({})
        asyncio.run(main())
        """)
        #expect(out.status == 1, "\(out)")
        #expect(out.stderr == """
        Traceback (most recent call last):
          File "test.py", line 10, in <module>
            total({"a": 1}, "b")
          File "test.py", line 3, in total
            return prices[key] * 2
                ~~~~~~^^^^^
        KeyError: 'b'
        Traceback (most recent call last):
          File "test.py", line 14, in <module>
            ratio(1, 2)
          File "test.py", line 5, in ratio
            return (a +
                   ^^^^
        ZeroDivisionError: division by zero
        Traceback (most recent call last):
          File "test.py", line 18, in <module>
            check(1)
          File "test.py", line 8, in check
            n += "x"
        TypeError: unsupported operand type(s) for +=: 'int' and 'str'
        Traceback (most recent call last):
          File "test.py", line 22, in <module>
            n = 3; assert n < 2, "small"
                          ^^^^^
        AssertionError: small
        Traceback (most recent call last):
          File "test.py", line 30, in <module>
            asyncio.run(main())
          File "test.py", line 29, in main
            result = await fetch({})
                     ^^^^^^^^^^^^^^^
          File "test.py", line 27, in fetch
            return d.missing
                   ^^^^^^^^^
        AttributeError: 'dict' object has no attribute 'missing'

        """)
    }

    @Test("positions are recorded per instruction: a method call's attribute and the await around it")
    func positionsPerInstruction() throws {
        let source = "async def f(obj):\n    x = await obj.meth(1)\n"
        let module = try #require(FrontEnd.analyze(source).module)
        let top = try Compiler.compile(module, filename: "t.py")
        let nested = top.constants.compactMap { value -> CodeObject? in
            if case .object(let o) = value { return (o as? CodeConstant)?.code }
            return nil
        }
        let code = try #require(nested.first)
        let positions = (0..<code.instructions.count).map { code.position(at: $0) }
        // `obj.meth` (columns 14-22) for LOAD_METHOD, the whole await (8-25) for the fused call.
        #expect(positions.contains(CodePosition(line: 2, endLine: 2, column: 14, endColumn: 22)))
        #expect(positions.contains(CodePosition(line: 2, endLine: 2, column: 8, endColumn: 25)))
    }
}
