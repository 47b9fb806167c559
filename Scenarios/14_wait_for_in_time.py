# wait_for finishing in time vs timing out. The first call's coroutine needs 0.5 s
# of a 2 s budget and returns its value; the second needs 3 s of a 1 s budget.
# Notice the first returns at 0.50, not at the timeout.
import asyncio


async def fetch(name, delay):
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} fetch {name}: start")
    await asyncio.sleep(delay)
    print(f"{loop.time():.2f} fetch {name}: done")
    return name.upper()


async def main():
    loop = asyncio.get_running_loop()
    r = await asyncio.wait_for(fetch("fast", 0.5), timeout=2)
    print(f"{loop.time():.2f} main: got {r}")
    try:
        r = await asyncio.wait_for(fetch("slow", 3), timeout=1)
        print(f"{loop.time():.2f} main: got {r}")
    except asyncio.TimeoutError:
        print(f"{loop.time():.2f} main: slow fetch timed out")
    r = await asyncio.wait_for(fetch("no-limit", 0.25), timeout=None)
    print(f"{loop.time():.2f} main: got {r}")


asyncio.run(main())
