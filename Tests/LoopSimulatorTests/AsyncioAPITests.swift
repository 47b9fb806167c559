import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// asyncio's public API beyond `asyncio.run`: the loop's life cycle, the policy's current
/// loop, Runner, Barrier, the queues and the submodules. Expected outputs are CPython
/// 3.11's (`tools/vtrun.py`).
@Suite("asyncio API")
struct AsyncioAPITests {
    @Test("The synchronization primitives' and queues' reprs are CPython's: object's repr with the address and the subclass's name, then the state; a queue's str has no address")
    func primitiveReprs() {
        let out = simulate("""
        import asyncio, re
        class MyLock(asyncio.Lock): pass
        async def main():
            cond = asyncio.Condition()
            async def wait():
                async with cond:
                    await cond.wait()
            waiter = asyncio.create_task(wait())
            await asyncio.sleep(0)
            for o in (asyncio.Lock(), MyLock(), asyncio.Event(), cond, asyncio.Semaphore(2),
                      asyncio.BoundedSemaphore(), asyncio.Barrier(2), asyncio.PriorityQueue(3)):
                r = repr(o)
                print(re.sub(r'0x[0-9a-f]+', 'ADDR', r), r == str(o), f'at {id(o):#x}' in r)
            q = asyncio.LifoQueue()
            print(re.sub(r'0x[0-9a-f]+', 'ADDR', repr(q)), str(q))
            waiter.cancel()
        asyncio.run(main())
        """)
        #expect(out.stdout == """
        <asyncio.locks.Lock object at ADDR [unlocked]> True True
        <__main__.MyLock object at ADDR [unlocked]> True True
        <asyncio.locks.Event object at ADDR [unset]> True True
        <asyncio.locks.Condition object at ADDR [unlocked, waiters:1]> True True
        <asyncio.locks.Semaphore object at ADDR [unlocked, value:2]> True True
        <asyncio.locks.BoundedSemaphore object at ADDR [unlocked, value:1]> True True
        <asyncio.locks.Barrier object at ADDR [filling, waiters:0/2]> True True
        <PriorityQueue at ADDR maxsize=3> False True
        <LifoQueue at ADDR maxsize=0> <LifoQueue maxsize=0>

        """, "\(out)")
    }

    @Test("new_event_loop, run_until_complete and close; get_event_loop makes and sets a loop; the errors of closed and running loops")
    func loopLifeCycle() {
        let out = simulate("""
        import asyncio
        loop = asyncio.get_event_loop()
        print(loop is asyncio.get_event_loop(), loop.is_running())
        async def main(x):
            print(asyncio.get_running_loop() is loop, loop.is_running())
            return x
        print(loop.run_until_complete(main(1)))
        loop.close()
        try:
            loop.run_until_complete(asyncio.sleep(0))
        except RuntimeError as e:
            print(e)
        asyncio.set_event_loop(None)
        try:
            asyncio.get_event_loop()
        except RuntimeError as e:
            print(e)
        try:
            asyncio.set_event_loop(1)
        except TypeError as e:
            print(e)
        other = asyncio.new_event_loop()
        async def nested():
            try:
                other.run_until_complete(asyncio.sleep(0))
            except RuntimeError as e:
                print(e)
            try:
                asyncio.get_running_loop().close()
            except RuntimeError as e:
                print(e)
            try:
                asyncio.run(main(0))
            except RuntimeError as e:
                print(e)
        other.run_until_complete(nested())
        other.close()
        """)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == """
        True False
        True True
        1
        Event loop is closed
        There is no current event loop in thread 'MainThread'.
        loop must be an instance of AbstractEventLoop or None, not 'int'
        This event loop is already running
        Cannot close a running event loop
        asyncio.run() cannot be called from a running event loop

        """)
    }

    @Test("Runner runs coroutines on one loop and refuses after close; Barrier releases the last arrival's group; PriorityQueue and as_completed")
    func runnerBarrierQueues() {
        let out = simulate("""
        import asyncio
        async def arrive(b, d):
            await asyncio.sleep(d)
            return await b.wait(), asyncio.get_running_loop().time()
        async def main():
            b = asyncio.Barrier(2)
            print(await asyncio.gather(arrive(b, 1), arrive(b, 2)))
            q = asyncio.PriorityQueue()
            for x in (3, 1, 2):
                q.put_nowait(x)
            print([q.get_nowait() for _ in range(3)])
            it = asyncio.as_completed([asyncio.sleep(2, 'slow'), asyncio.sleep(1, 'fast')])
            print(type(it).__name__, [await c for c in it])
        with asyncio.Runner() as r:
            r.run(main())
            print(r.get_loop().time())
        try:
            r.run(main())
        except RuntimeError as e:
            print(e)
        """)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == """
        [(0, 2.0), (1, 2.0)]
        [1, 2, 3]
        generator ['fast', 'slow']
        4.0
        Runner is closed

        """)
    }

    @Test("asyncio's submodules are importable and attributes; check rejects names asyncio, time and loopscope do not have")
    func submodulesAndMissingNames() {
        let ok = simulate("""
        import asyncio.exceptions
        from asyncio.tasks import sleep
        from asyncio.locks import Barrier
        print(asyncio.exceptions.TimeoutError is TimeoutError, sleep is asyncio.sleep, Barrier.__module__)
        """)
        #expect(ok.stdout == "True True asyncio.locks\n", "\(ok)")
        let bad = simulate("""
        from asyncio import nothing_here
        from time import nosuch
        from loopscope import cpu, gpu
        from asyncio import open_connection
        """)
        #expect(bad.status == 2)
        #expect(bad.stderr == """
        test.py:1:21: error: cannot import name 'nothing_here' from 'asyncio' (unknown location)
        test.py:2:18: error: cannot import name 'nosuch' from 'time' (unknown location)
        test.py:3:28: error: cannot import name 'gpu' from 'loopscope' (unknown location)
        test.py:4:21: error: 'open_connection' from 'asyncio' cannot be simulated: loopscope runs no real network I/O, processes or threads, and has no event loop policies; simulate the latency with 'await asyncio.sleep(...)', or record the real program under CPython
        """)
    }
}
