import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// `Task.get_stack` and `Task.print_stack` (asyncio/base_tasks.py 3.11). Expected outputs
/// are CPython 3.11's (tools/vtrun.py).
@Suite("Task stacks")
struct TaskStackTests {
    @Test("a suspended task's stack is its coroutine's frame at the await; an unstarted one is at its def; a failed one's is its traceback's frames")
    func frames() {
        let out = simulate("""
        import asyncio, sys
        async def inner():
            await asyncio.sleep(1)
        async def outer():
            await inner()
        def helper():
            raise ValueError("bad")
        async def boom():
            await asyncio.sleep(0.1)
            helper()
        async def main():
            t = asyncio.create_task(outer(), name="outer")
            b = asyncio.create_task(boom(), name="boom")
            print([(f.f_code.co_name, f.f_lineno, f.f_back) for f in t.get_stack()])
            await asyncio.sleep(0.5)
            print([(f.f_code.co_name, f.f_code.co_filename, f.f_lineno) for f in t.get_stack()])
            print([(f.f_code.co_name, f.f_lineno) for f in b.get_stack()], len(b.get_stack(limit=1)), b.get_stack(limit=0))
            try:
                t.get_stack(limit="x")
            except TypeError as e:
                print(e)
            b.print_stack(file=sys.stdout)
            b.print_stack(limit=1, file=sys.stdout)
            t.print_stack(file=sys.stdout)
            await t
            t.print_stack(file=sys.stdout)
        asyncio.run(main())
        """)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == """
        [('outer', 4, None)]
        [('outer', 'test.py', 5)]
        [('boom', 10), ('helper', 7)] 1 []
        '<=' not supported between instances of 'str' and 'int'
        Traceback for <Task finished name='boom' coro=<boom() done, defined at test.py:8> exception=ValueError('bad')> (most recent call last):
          File "test.py", line 10, in boom
            helper()
          File "test.py", line 7, in helper
            raise ValueError("bad")
        ValueError: bad
        Traceback for <Task finished name='boom' coro=<boom() done, defined at test.py:8> exception=ValueError('bad')> (most recent call last):
          File "test.py", line 10, in boom
            helper()
        ValueError: bad
        Stack for <Task pending name='outer' coro=<outer() running at test.py:5> wait_for=<Future pending cb=[Task.task_wakeup()]>> (most recent call last):
          File "test.py", line 5, in outer
            await inner()
        No stack for <Task finished name='outer' coro=<outer() done, defined at test.py:4> result=None>

        """)
    }

    @Test("a running task's stack is its coroutine's frame and the frames below it that run the loop (the program's own: <module>, a function calling asyncio.run), innermost kept by limit")
    func runningTask() {
        let out = simulate("""
        import asyncio, sys
        def show(task):
            print([(f.f_code.co_name, f.f_lineno) for f in task.get_stack()], [f.f_code.co_name for f in task.get_stack(limit=1)])
        async def child():
            show(asyncio.current_task())
        async def main():
            show(asyncio.current_task())
            await asyncio.create_task(child(), name="child")
        def start():
            asyncio.run(main())
        start()
        """)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == """
        [('<module>', 11), ('start', 10), ('main', 7)] ['main']
        [('<module>', 11), ('start', 10), ('child', 5)] ['child']

        """)
    }

    @Test("print_stack with no file prints as CPython's (header to stdout, frames to stderr)")
    func printStackDefaults() {
        let out = simulate("""
        import asyncio
        async def boom():
            raise KeyError("k")
        async def main():
            b = asyncio.create_task(boom(), name="boom")
            await asyncio.sleep(0)
            b.print_stack()
            print("printed")
            b.exception()
        asyncio.run(main())
        """)
        // `print(file=None)` writes to stdout, `traceback.print_list(file=None)` to stderr.
        #expect(out.stdout == """
        Traceback for <Task finished name='boom' coro=<boom() done, defined at test.py:2> exception=KeyError('k')> (most recent call last):
        KeyError: 'k'
        printed

        """, "\(out)")
        #expect(out.stderr.hasPrefix("""
          File "test.py", line 3, in boom
            raise KeyError("k")

        """), "\(out)")
    }
}
