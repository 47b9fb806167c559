# Queue put_nowait/get_nowait raise QueueFull/QueueEmpty instead of waiting; a get()
# blocked on an empty queue is woken by put_nowait() in the next iteration. A cancelled
# getter does not lose an item: the item stays for the next getter. Notice qsize().
import asyncio


async def getter(name, q):
    loop = asyncio.get_running_loop()
    try:
        item = await q.get()
        print(f"{loop.time():.2f} {name} got {item}")
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} {name} cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue(2)
    q.put_nowait("a")
    q.put_nowait("b")
    try:
        q.put_nowait("c")
    except asyncio.QueueFull:
        print(f"{loop.time():.2f} QueueFull at qsize={q.qsize()} maxsize={q.maxsize}")
    print(q.get_nowait(), q.get_nowait(), q.empty())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print(f"{loop.time():.2f} QueueEmpty {e!r}")
    g1 = asyncio.create_task(getter("g1", q), name="g1")
    g2 = asyncio.create_task(getter("g2", q), name="g2")
    await asyncio.sleep(0.1)
    q.put_nowait("x")
    g1.cancel()
    print(f"{loop.time():.2f} put x, cancelled g1, qsize={q.qsize()}")
    await asyncio.sleep(0)
    print(f"{loop.time():.2f} after one yield qsize={q.qsize()}")
    await asyncio.gather(g1, g2, return_exceptions=True)
    print(f"{loop.time():.2f} end qsize={q.qsize()} g1 cancelled={g1.cancelled()}")


asyncio.run(main())
