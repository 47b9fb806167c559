import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// Generators and async generators; each expected output is CPython 3.11's (the async
/// ones under tools/vtrun.py's virtual clock).
@Suite("Generators")
struct GeneratorTests {
    @Test func sendThrowCloseEdgeCases() {
        let src = #"""
        def echo():
            received = []
            try:
                while True:
                    try:
                        x = yield len(received)
                        received.append(x)
                    except KeyError as e:
                        print("handled", repr(e))
            finally:
                print("closing with", received)

        g = echo()
        try:
            g.send(1)
        except TypeError as e:
            print(e)
        print(next(g), g.send("a"), g.send("b"))
        print(g.throw(KeyError("k")))
        print(g.close(), g.close())
        try:
            next(g)
        except StopIteration as e:
            print("exhausted", e.args)
        g2 = echo()
        g2.close()
        try:
            g2.throw(ValueError("late"))
        except ValueError as e:
            print("closed generator re-raises", e)
        def stubborn():
            while True:
                try:
                    yield 1
                except GeneratorExit:
                    print("ignoring")
        def close_stubborn():
            s = stubborn()
            next(s)
            try:
                s.close()
            except RuntimeError as e:
                print(e)
            s = None
            print("dropped")
        close_stubborn()
        def ret():
            yield 1
            return 42
        r = ret()
        next(r)
        try:
            r.send(None)
        except StopIteration as e:
            print("value", e.value, e.args)
        def running():
            yield g3.send(None)
        g3 = running()
        try:
            next(g3)
        except ValueError as e:
            print(e)
        """#
        let expected = #"""
        can't send non-None value to a just-started generator
        0 1 2
        handled KeyError('k')
        2
        closing with ['a', 'b']
        None None
        exhausted ()
        closed generator re-raises late
        ignoring
        generator ignored GeneratorExit
        ignoring
        dropped
        value 42 (42,)
        generator already executing
        """#
        #expect(simulate(src).stdout == expected + "\n")
    }

    @Test func pep479StopIterationBecomesRuntimeError() {
        let src = #"""
        def inner():
            yield 1
            next(iter([]))
            yield 2
        try:
            print(list(inner()))
        except RuntimeError as e:
            print(type(e).__name__, e, type(e.__cause__).__name__, e.__suppress_context__)
        def uses_return():
            yield 1
            return
        print(list(uses_return()))
        print(next(uses_return()), next((x for x in []), "default"))
        """#
        let expected = #"""
        RuntimeError generator raised StopIteration StopIteration True
        [1]
        1 default
        """#
        #expect(simulate(src).stdout == expected + "\n")
    }

    @Test func yieldFromDelegatesSendThrowCloseAndReturn() {
        let src = #"""
        def sub():
            try:
                x = yield "s1"
                print("sub got", x)
                yield "s2"
            except ValueError as e:
                print("sub caught", e)
                return "sub-recovered"
            finally:
                print("sub finally")
            return "sub-done"

        def outer():
            r = yield from sub()
            print("outer got", r)
            r2 = yield from [10, 20]
            print("list gives", r2)
            yield "end"

        g = outer()
        print(next(g), g.send("hi"))
        print(g.throw(ValueError("v")))
        print(list(g))
        g = outer()
        next(g)
        g.close()
        print(g.gi_yieldfrom)
        def chain(*its):
            for it in its:
                yield from it
        print(list(chain("ab", range(2), (x * 2 for x in [5]))))
        """#
        let expected = #"""
        sub got hi
        s1 s2
        sub caught v
        sub finally
        outer got sub-recovered
        10
        list gives None
        [20, 'end']
        sub finally
        None
        ['a', 'b', 0, 1, 10]
        """#
        #expect(simulate(src).stdout == expected + "\n")
    }

    @Test func generatorExpressionsHaveTheirOwnScope() {
        let src = #"""
        def outer():
            base = 10
            g = (base + x for x in range(3) if x != 1)
            base = 100
            return list(g)
        print(outer())
        it = (x for x in [1, 2])
        print(type(it).__name__, it.__name__, it.__qualname__, next(it), list(it), list(it))
        def eager():
            try:
                (x for x in 5)
            except TypeError as e:
                print("eager", e)
        eager()
        print(sorted(x % 3 for x in range(7)), max(len(w) for w in ["a", "abc"]), tuple(c for c in "hi"))
        print(dict((k, v) for k, v in [("a", 1)]), sum(i * j for i in range(3) for j in range(3) if i != j))
        """#
        let expected = #"""
        [100, 102]
        generator <genexpr> <genexpr> 1 [2] []
        eager 'int' object is not iterable
        [0, 0, 0, 1, 1, 2, 2] 3 ('h', 'i')
        {'a': 1} 4
        """#
        #expect(simulate(src).stdout == expected + "\n")
    }

    @Test func asyncGeneratorsAsyncForAndComprehensions() {
        let src = #"""
        import asyncio

        async def ticker(n, delay):
            try:
                for i in range(n):
                    await asyncio.sleep(delay)
                    yield i
            finally:
                print("ticker finally")

        async def doubled(source):
            async for x in source:
                yield x * 2

        async def main():
            async for v in ticker(3, 0.1):
                print("tick", v, asyncio.get_running_loop().time())
            print([x async for x in doubled(ticker(3, 0))])
            print([await asyncio.sleep(0, result=i) for i in range(2)])
            agen = ticker(5, 0)
            print(await agen.__anext__(), await agen.asend(None))
            await agen.aclose()
            try:
                await agen.__anext__()
            except StopAsyncIteration:
                print("closed")
            ag2 = ticker(5, 0)
            print(await ag2.__anext__())
            try:
                await ag2.athrow(ValueError("x"))
            except ValueError as e:
                print("athrow propagated", e)
            async def catcher():
                while True:
                    try:
                        yield "ok"
                    except KeyError:
                        yield "caught"
            c = catcher()
            print(await c.asend(None), await c.athrow(KeyError), await c.__anext__())
            async def stubborn():
                try:
                    yield 1
                except GeneratorExit:
                    yield 2
            s = stubborn()
            await s.__anext__()
            try:
                await s.aclose()
            except RuntimeError as e:
                print(e)
            print(type(c).__name__, c.__name__)
            left = ticker(10, 0)
            print("left", await left.__anext__())
            print("main done")

        asyncio.run(main())
        print("after run")
        """#
        let expected = #"""
        tick 0 0.1
        tick 1 0.2
        tick 2 0.30000000000000004
        ticker finally
        ticker finally
        [0, 2, 4]
        [0, 1]
        0 1
        ticker finally
        closed
        0
        ticker finally
        athrow propagated x
        ok caught ok
        async generator ignored GeneratorExit
        async_generator catcher
        left 0
        main done
        ticker finally
        after run
        """#
        #expect(simulate(src).stdout == expected + "\n")
    }

    @Test func generatorSyntaxErrorsAreCPythons() {
        let asyncReturn = simulate("async def f():\n    yield 1\n    return 2\n")
        #expect(asyncReturn.status == 2)
        #expect(asyncReturn.stderr.contains("'return' with value in async generator"))
        let inComprehension = simulate("def f():\n    return [(yield x) for x in range(3)]\n")
        #expect(inComprehension.stderr.contains("'yield' inside list comprehension"))
        let yieldFromAsync = simulate("async def f():\n    yield from [1]\n")
        #expect(yieldFromAsync.stderr.contains("'yield from' inside async function"))
        let outside = simulate("def f():\n    return [x async for x in g()]\n")
        #expect(outside.stderr.contains("asynchronous comprehension outside of an asynchronous function"))
    }
}
