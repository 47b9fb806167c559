import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// asyncio's own messages go through the `asyncio` logger (Lib/logging) as in CPython;
/// with nothing configured they are logging's last-resort output. Outputs are CPython's.
@Suite("asyncio logger")
struct AsyncioLoggerTests {
    @Test("a filter on the asyncio logger sees asyncio's records (not the DEBUG ones below the level); the handler formats them")
    func recordsReachLogging() {
        let out = simulate("""
        import asyncio, logging, sys
        logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(levelname)s:%(name)s:%(message)s")
        class Show(logging.Filter):
            def filter(self, record):
                print("saw", record.levelname, repr(record.msg), record.args)
                return record.levelno >= logging.ERROR
        logging.getLogger("asyncio").addFilter(Show())
        async def main():
            asyncio.get_running_loop().call_soon(lambda: 1 / 0)
            await asyncio.sleep(0)
        asyncio.run(main())
        """)
        #expect(out.status == 0, "\(out)")
        #expect(out.stderr == "")
        #expect(out.stdout == """
        saw ERROR 'Exception in callback main.<locals>.<lambda>() at test.py:9\\nhandle: <Handle main.<locals>.<lambda>() at test.py:9>' ()
        ERROR:asyncio:Exception in callback main.<locals>.<lambda>() at test.py:9
        handle: <Handle main.<locals>.<lambda>() at test.py:9>
        Traceback (most recent call last):
          File "test.py", line 9, in <lambda>
            asyncio.get_running_loop().call_soon(lambda: 1 / 0)
                                                         ~~^~~

        """ + "ZeroDivisionError: division by zero\n")
    }

    @Test("without logging configured, a task's unretrieved exception prints as the last-resort handler does")
    func lastResortWithoutConfiguration() {
        for prefix in ["", "import logging\n"] {
            let out = simulate(prefix + """
            import asyncio
            async def bad():
                raise KeyError("k")
            async def main():
                asyncio.create_task(bad())
                await asyncio.sleep(0.1)
            asyncio.run(main())
            """)
            #expect(out.status == 0, "\(out)")
            #expect(out.stderr.hasPrefix("Task exception was never retrieved\nfuture: <Task finished name='Task-2' coro=<bad() done"), "\(out)")
            #expect(out.stderr.hasSuffix("    raise KeyError(\"k\")\nKeyError: 'k'\n"), "\(out)")
        }
    }
}
