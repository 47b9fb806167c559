# A tour of asyncio coordination: wait(FIRST_EXCEPTION), as_completed with a timeout,
# timeout() rescheduled and nested, a TaskGroup with two failing children, a Semaphore
# queue with a cancelled waiter, Condition notify and notify_all, call_at, Handle.cancel,
# gather(return_exceptions=True) with a cancelled child, and shield passing errors on.
import asyncio

async def job(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(name)
    return name

async def main():
    loop = asyncio.get_running_loop()
    ts = [asyncio.create_task(job("a", 0.3)), asyncio.create_task(job("b", 0.1, True)), asyncio.create_task(job("c", 0.5))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending), loop.time())
    for t in pending:
        t.cancel()
    await asyncio.sleep(0)
    try:
        for c in asyncio.as_completed([job("x", 0.2), job("y", 1)], timeout=0.5):
            print("as_completed", await c, loop.time())
    except TimeoutError:
        print("as_completed timeout", loop.time())
    try:
        async with asyncio.timeout(1) as cm:
            cm.reschedule(loop.time() + 0.2)
            await asyncio.sleep(0.5)
    except TimeoutError:
        print("rescheduled timeout", loop.time(), cm.when() is not None)
    try:
        async with asyncio.timeout(2):
            try:
                async with asyncio.timeout(0.1):
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner timeout", loop.time())
            await asyncio.sleep(0.1)
            print("outer still fine", loop.time())
    except TimeoutError:
        print("outer timeout?!")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("p", 0.1, True))
            tg.create_task(job("q", 0.1, True))
            tg.create_task(job("r", 1))
    except ExceptionGroup as eg:
        print('eg', [repr(e) for e in eg.exceptions])
    print("after tg")
    sem = asyncio.Semaphore(1)
    order = []
    async def user(n):
        async with sem:
            order.append(n)
            await asyncio.sleep(0.1)
    us = [asyncio.create_task(user(i)) for i in range(4)]
    await asyncio.sleep(0.05)
    us[2].cancel()
    await asyncio.gather(*us, return_exceptions=True)
    print("sem order", order)
    cond = asyncio.Condition()
    async def cwaiter(n):
        async with cond:
            await cond.wait()
            print("notified", n)
    cws = [asyncio.create_task(cwaiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*cws)
    h = loop.call_soon(print, "never")
    h.cancel()
    loop.call_at(loop.time() + 0.1, print, "call_at fired")
    await asyncio.sleep(0.2)
    f = loop.create_future()
    f.set_exception(KeyError)
    print("exception", repr(f.exception()))
    c = asyncio.create_task(job("z", 1))
    await asyncio.sleep(0)
    c.cancel("why")
    res = await asyncio.gather(c, job("w", 0.1), return_exceptions=True)
    print("results", [repr(r) for r in res])
    try:
        await asyncio.shield(job("s", 0.1, True))
    except ValueError as e:
        print("shield passes exception", e)

asyncio.run(main())
