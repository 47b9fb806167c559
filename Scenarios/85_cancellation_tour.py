# A tour of cancellation: a cancelled gather cancels its children, wait_for cancels
# its inner task when the waiter is cancelled, a TaskGroup cancelled from outside, a
# Lock waiter cancelled in line, a cancelled Queue.get, done callbacks (one raising),
# cancel() twice with cancelling()/uncancel(), and a finally that raises over a cancel.
import asyncio

async def work(n, d):
    try:
        await asyncio.sleep(d)
        return n
    except asyncio.CancelledError:
        print("work cancelled", n)
        raise

async def gatherer():
    return await asyncio.gather(work(1, 1), work(2, 2))

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(gatherer())
    await asyncio.sleep(0.5)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("gatherer cancelled", t.cancelled())
    inner = asyncio.create_task(work(3, 5))
    outer = asyncio.create_task(asyncio.wait_for(inner, 10))
    await asyncio.sleep(0.1)
    outer.cancel("bye")
    res = await asyncio.gather(outer, return_exceptions=True)
    print("outer", repr(res[0]), "inner cancelled", inner.cancelled())
    async def grouped():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work(4, 3))
            tg.create_task(work(5, 3))
    g = asyncio.create_task(grouped())
    await asyncio.sleep(0.2)
    g.cancel()
    r = await asyncio.gather(g, return_exceptions=True)
    print("group", type(r[0]).__name__)
    lock = asyncio.Lock()
    async def locker(n):
        async with lock:
            print("lock", n, loop.time())
            await asyncio.sleep(0.1)
    await lock.acquire()
    ls = [asyncio.create_task(locker(i)) for i in range(3)]
    await asyncio.sleep(0)
    ls[1].cancel()
    lock.release()
    await asyncio.gather(*ls, return_exceptions=True)
    q = asyncio.Queue()
    getter = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    getter.cancel()
    await asyncio.sleep(0)
    q.put_nowait("x")
    print("qsize", q.qsize(), getter.cancelled())
    f = loop.create_future()
    def cb1(fut): print("cb1", fut.result())
    def cb2(fut): print("cb2")
    def bad(fut): raise RuntimeError("in callback")
    f.add_done_callback(cb1); f.add_done_callback(bad); f.add_done_callback(cb2)
    print("removed", f.remove_done_callback(cb2))
    f.set_result(7)
    await asyncio.sleep(0)
    shared = asyncio.create_task(work(9, 0.1))
    async def reader(k):
        print("reader", k, await shared)
    await asyncio.gather(reader("a"), reader("b"))
    def spawn(fut):
        asyncio.create_task(work(10, 0))
        print("spawned from callback")
    f2 = loop.create_future(); f2.add_done_callback(spawn); f2.set_result(None)
    loop.call_soon(print, "call_soon first")
    asyncio.create_task(work(11, 0))
    print("sleep neg", await asyncio.sleep(-1, "neg"))
    await asyncio.sleep(0.01)
    try:
        await asyncio.sleep("x")
    except TypeError as e:
        print("TypeError", e)
    try:
        await 5
    except TypeError as e:
        print("TypeError", e)
    t = asyncio.create_task(work(12, 1))
    await asyncio.sleep(0)
    print(t.cancel(), t.cancel(), t.cancelling())
    print(t.uncancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError:
        print("t cancelled anyway")
    async def finally_raises():
        try:
            await asyncio.sleep(1)
        finally:
            raise ValueError("from finally")
    fr = asyncio.create_task(finally_raises())
    await asyncio.sleep(0)
    fr.cancel()
    r = await asyncio.gather(fr, return_exceptions=True)
    print("finally_raises", repr(r[0]), fr.cancelled())
    try:
        asyncio.run(work(0, 0))
    except RuntimeError as e:
        print("RuntimeError", e)

asyncio.run(main())
