import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// `loop.set_exception_handler` and friends (base_events.py 3.11): the handler gets the
/// loop and CPython's context dicts. Expected outputs are CPython 3.11's (tools/vtrun.py).
@Suite("loop exception handler")
struct ExceptionHandlerTests {
    @Test("a handler sees callback errors, unretrieved task exceptions and custom contexts; None restores the default; a non-callable is refused")
    func handlerSeesContexts() {
        let out = simulate("""
        import asyncio
        def handler(loop, context):
            print("handler:", context["message"], repr(context.get("exception")), sorted(context))
        def bad_callback():
            raise ValueError("boom")
        async def fails():
            raise KeyError("never retrieved")
        async def main():
            loop = asyncio.get_running_loop()
            print(loop.get_exception_handler())
            loop.set_exception_handler(handler)
            print(loop.get_exception_handler() is handler)
            h = loop.call_soon(bad_callback)
            print(repr(h))
            await asyncio.sleep(0.1)
            t = asyncio.create_task(fails())
            await asyncio.sleep(0.1)
            del t
            print("after del")
            loop.call_exception_handler({"message": "custom", "answer": 42})
            try:
                loop.set_exception_handler(5)
            except TypeError as e:
                print("TypeError:", e)
            loop.set_exception_handler(None)
            print(loop.get_exception_handler())
        asyncio.run(main())
        """)
        #expect(out.status == 0, "\(out)")
        #expect(out.stderr == "", "\(out)")
        #expect(out.stdout == """
        None
        True
        <Handle bad_callback() at test.py:4>
        handler: Exception in callback bad_callback() at test.py:4 ValueError('boom') ['exception', 'handle', 'message']
        handler: Task exception was never retrieved KeyError('never retrieved') ['exception', 'future', 'message']
        after del
        handler: custom None ['answer', 'message']
        TypeError: A callable object or None is expected, got 5
        None

        """)
    }

    @Test("a task kept in a local of a coroutine that raised lives as long as the exception (its traceback holds the locals), even when it was created inside the failed task")
    func unretrievedTaskHeldByTracebackLocals() {
        let out = simulate("""
        import asyncio
        def handler(loop, context):
            print("handler:", context["message"], context["future"].get_name())
        async def boom():
            raise ValueError("x")
        async def failing():
            t = asyncio.create_task(boom(), name="inner")
            await asyncio.sleep(0.1)
            raise KeyError("k")
        async def main():
            asyncio.get_running_loop().set_exception_handler(handler)
            t = asyncio.create_task(failing())
            try:
                await t
            except KeyError:
                print("caught from task")
            del t
            print("after del t")
            await asyncio.sleep(0)
            print("after sleep")
        asyncio.run(main())
        """)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == """
        caught from task
        after del t
        handler: Task exception was never retrieved inner
        after sleep

        """)
    }

    @Test("the context's future is the finished future, which the handler can query; the handler runs when the last reference goes")
    func unretrievedFutureAtDel() {
        let out = simulate("""
        import asyncio
        def handler(loop, context):
            f = context["future"]
            print("handler:", f, f.done(), repr(f.exception()))
        async def main():
            loop = asyncio.get_running_loop()
            loop.set_exception_handler(handler)
            fut = loop.create_future()
            fut.set_exception(OSError("lost"))
            del fut
            print("after del")
        asyncio.run(main())
        """)
        #expect(out.stdout == """
        handler: <Future finished exception=OSError('lost')> True OSError('lost')
        after del

        """, "\(out)")
    }

    @Test("a handler that raises is logged as 'Unhandled error in exception handler' with the context, chained to the callback's exception")
    func raisingHandler() {
        let out = simulate("""
        import asyncio
        def raising(loop, context):
            raise RuntimeError("handler broke")
        async def main():
            loop = asyncio.get_running_loop()
            loop.set_exception_handler(raising)
            loop.call_soon(lambda: 1 / 0)
            await asyncio.sleep(0)
            print("still running")
        asyncio.run(main())
        """)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == "still running\n")
        #expect(out.stderr.hasPrefix("""
        Unhandled error in exception handler
        context: {'message': 'Exception in callback main.<locals>.<lambda>() at test.py:7', 'exception': ZeroDivisionError('division by zero'), 'handle': <Handle main.<locals>.<lambda>() at test.py:7>}
        Traceback (most recent call last):
        """), "\(out)")
        #expect(out.stderr.contains("During handling of the above exception, another exception occurred:"), "\(out)")
        #expect(out.stderr.hasSuffix("RuntimeError: handler broke\n"), "\(out)")
    }

    @Test("default_exception_handler: sorted keys with reprs, the default message for an empty one, the exception's traceback")
    func defaultHandler() {
        let out = simulate("""
        import asyncio
        async def main():
            loop = asyncio.get_running_loop()
            loop.default_exception_handler({"message": "", "zeta": [1], "alpha": "a"})
            loop.call_exception_handler({"message": "with exc", "exception": ZeroDivisionError("z")})
        asyncio.run(main())
        """)
        #expect(out.stderr == """
        Unhandled exception in event loop
        alpha: 'a'
        zeta: [1]
        with exc
        ZeroDivisionError: z

        """, "\(out)")
    }

    @Test("asyncio.run's shutdown reports a task that failed while cancelled to the handler, with the task in the context")
    func shutdownContext() {
        let out = simulate("""
        import asyncio
        def handler(loop, context):
            print("handler:", context["message"], sorted(context), repr(context["exception"]), context["task"].get_name())
        async def stubborn():
            try:
                await asyncio.sleep(10)
            finally:
                raise ValueError("cleanup failed")
        async def main():
            asyncio.get_running_loop().set_exception_handler(handler)
            asyncio.create_task(stubborn(), name="stubborn")
            await asyncio.sleep(0)
        asyncio.run(main())
        """)
        #expect(out.stdout == """
        handler: unhandled exception during asyncio.run() shutdown ['exception', 'message', 'task'] ValueError('cleanup failed') stubborn

        """, "\(out)")
    }

}
