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

    @Test("asyncio's records carry the place of CPython's logger call (filename, module, funcName, lineno), not the simulator's")
    func recordsCarryCPythonsCallSite() {
        let out = simulate("""
        import asyncio, logging, time, sys
        logging.basicConfig(level=logging.DEBUG, stream=sys.stdout,
                            format="%(levelname)s %(name)s %(filename)s %(module)s %(funcName)s:%(lineno)d %(message)s")
        async def boom():
            raise ValueError("x")
        async def slow():
            time.sleep(0.2)
        async def main():
            loop = asyncio.get_running_loop()
            loop.slow_callback_duration = 0.1
            t = asyncio.create_task(boom())
            await asyncio.sleep(0)
            del t
            await slow()
            def bad_handler(loop, ctx):
                raise RuntimeError("handler broke")
            loop.set_exception_handler(bad_handler)
            loop.call_exception_handler({"message": "custom"})
        asyncio.run(main(), debug=True)
        """)
        let records = out.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { ["DEBUG", "INFO", "WARNING", "ERROR"].contains($0.split(separator: " ").first.map(String.init) ?? "") }
            .joined(separator: "\n") + "\n"
        #expect(records == """
        DEBUG asyncio selector_events.py selector_events __init__:54 Using selector: EpollSelector
        ERROR asyncio base_events.py base_events default_exception_handler:1771 Task exception was never retrieved
        ERROR asyncio base_events.py base_events default_exception_handler:1771 Unhandled error in exception handler
        WARNING asyncio base_events.py base_events _run_once:1917 Executing <Task finished name='Task-1' coro=<main() done, defined at test.py:8> result=None created at asyncio/runners.py:100> took 0.200 seconds
        DEBUG asyncio base_events.py base_events close:676 Close <_UnixSelectorEventLoop running=False closed=False debug=True>

        """, "\(out)")
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
