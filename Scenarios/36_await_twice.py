# Awaiting the same task twice (and from two tasks). A task is a future: once done,
# every await returns the same result immediately; the work runs only once.
# Notice "working" prints once, and the second await does not advance the clock.
import asyncio


async def work():
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} working")
    await asyncio.sleep(1)
    return [1, 2, 3]


async def watcher(t):
    loop = asyncio.get_running_loop()
    r = await t
    print(f"{loop.time():.2f} watcher got {r}")
    return len(r)


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(work())
    w = asyncio.create_task(watcher(t))
    r1 = await t
    print(f"{loop.time():.2f} first await: {r1}")
    r2 = await t
    print(f"{loop.time():.2f} second await: {r2}, same object: {r1 is r2}")
    print(f"{loop.time():.2f} watcher returned {await w}")


asyncio.run(main())
