# Event set/clear/wait: waiters woken by set() run in the next iteration, even if the
# event was cleared again in between (wait() has already been released). A waiter
# arriving after clear() blocks until the next set().
import asyncio


async def waiter(name, ev):
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} {name}: waiting (is_set={ev.is_set()})")
    r = await ev.wait()
    print(f"{loop.time():.2f} {name}: woke, wait returned {r}, is_set={ev.is_set()}")


async def main():
    loop = asyncio.get_running_loop()
    ev = asyncio.Event()
    a = asyncio.create_task(waiter("a", ev), name="a")
    b = asyncio.create_task(waiter("b", ev), name="b")
    await asyncio.sleep(0.1)
    ev.set()
    ev.clear()
    print(f"{loop.time():.2f} main: set then clear, is_set={ev.is_set()}")
    c = asyncio.create_task(waiter("c", ev), name="c")
    await asyncio.sleep(0.2)
    print(f"{loop.time():.2f} main: c done? {c.done()}")
    ev.set()
    print(f"{loop.time():.2f} main: set again")
    await asyncio.gather(a, b, c)
    r = await ev.wait()
    print(f"{loop.time():.2f} main: wait on set event returns {r} immediately")


asyncio.run(main())
