import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// SystemExit and KeyboardInterrupt leave the event loop as in CPython 3.11 (`Task.__step`
/// and `Handle._run` raise them again). Expected outputs were taken from
/// `python3 tools/vtrun.py`.
@Suite("SystemExit")
struct SystemExitTests {
    @Test("the builtins exit() and quit() raise SystemExit(code) as site.py's Quitter does")
    func exitAndQuitBuiltins() {
        let r = simulate("""
        import asyncio
        try:
            quit("msg")
        except SystemExit as e:
            print(e.args, e.code)
        async def main():
            print("bye")
            exit(3)
        asyncio.run(main())
        """)
        #expect(r.stdout == "('msg',) msg\nbye\n", "\(r)")
        #expect(r.status == 3)
        #expect(simulate("print(1)\nexit()\n").status == 0)
    }

    @Test func aCallbackCallingSysExitEndsTheRunWithItsStatus() {
        let r = simulate("""
        import asyncio, sys

        def cb():
            print("callback exits")
            sys.exit(3)

        async def main():
            asyncio.get_running_loop().call_later(0.2, cb)
            try:
                await asyncio.sleep(1)
            finally:
                print("main cleanup")

        asyncio.run(main())
        print("not reached")
        """)
        #expect(r == RunOutput(stdout: "callback exits\nmain cleanup\n", stderr: "", status: 3))
    }

    @Test("after SystemExit from main, only the other task's unretrieved exception is reported, as CPython reports it")
    func neverRetrievedAfterSystemExit() {
        let r = simulate("""
        import asyncio, sys

        async def bad():
            raise ValueError('lost')

        async def main():
            asyncio.create_task(bad())
            await asyncio.sleep(0.1)
            sys.exit(3)

        asyncio.run(main())
        """, path: "t9.py")
        #expect(r.status == 3)
        #expect(WarningTests.warningLines(r.stderr) == [
            "Task exception was never retrieved",
            "future: <Task finished name='Task-2' coro=<bad() done, defined at t9.py:3> exception=ValueError('lost')>",
        ])
    }

    @Test func sysExitWithAMessagePrintsItAndExitsWithOne() {
        // The second run_until_complete (asyncio.run cancelling `bg`) must not be stopped
        // by the first one's done callback (`_run_until_complete_cb`).
        let r = simulate("""
        import asyncio, sys

        async def bg():
            try:
                await asyncio.sleep(1)
            finally:
                print("bg cleanup")

        async def main():
            t = asyncio.create_task(bg())
            await asyncio.sleep(0.1)
            sys.exit("fatal: giving up")

        asyncio.run(main())
        """)
        #expect(r == RunOutput(stdout: "bg cleanup\n", stderr: "fatal: giving up\n", status: 1))
    }

    @Test func keyboardInterruptInATaskIsATraceback() {
        let r = simulate("""
        import asyncio

        async def child():
            await asyncio.sleep(0.1)
            raise KeyboardInterrupt

        async def main():
            t = asyncio.create_task(child())
            try:
                await asyncio.sleep(1)
            finally:
                print("main cleanup", t.done())

        asyncio.run(main())
        """)
        #expect(r.stdout == "main cleanup True\n")
        #expect(r.stderr.hasSuffix("  File \"test.py\", line 5, in child\n    raise KeyboardInterrupt\nKeyboardInterrupt\n"))
        #expect(r.status == 1)
    }

    @Test func exitCodes() {
        // `SystemExit.code`, and the status of each kind of code (`_Py_HandleSystemExit`).
        let codes = simulate("""
        import sys
        try:
            sys.exit(5)
        except SystemExit as e:
            print("caught", e.code, e.args)
        print(SystemExit().code, SystemExit(1, 2).code)
        raise SystemExit(None)
        """)
        #expect(codes == RunOutput(stdout: "caught 5 (5,)\nNone (1, 2)\n", stderr: "", status: 0))
        #expect(simulate("raise SystemExit(1, 2)\n") == RunOutput(stdout: "", stderr: "(1, 2)\n", status: 1))
        #expect(simulate("import sys\nsys.exit(True)\n").status == 1)
    }
}
