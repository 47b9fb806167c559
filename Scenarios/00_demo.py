# The built-in demo (`loopscope` with no file opens it). Four tasks share one loop:
# a ticker that wants to run every 0.2 s, a cruncher whose cpu(0.5) burst freezes the
# loop (the tick due at 0.20 runs late, at 0.55), a download that main cancels, and a
# query that wait_for times out. Step with n and watch the ready queue and the timers.
import asyncio
from loopscope import cpu


async def ticker():
    loop = asyncio.get_running_loop()
    for i in range(4):
        await asyncio.sleep(0.2)
        print(f"{loop.time():.2f} tick {i}")


async def cruncher():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0.05)
    print(f"{loop.time():.2f} cruncher: 0.5 s of CPU, nothing else can run")
    cpu(0.5)
    print(f"{loop.time():.2f} cruncher: done")


async def download():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} download: cancelled")
        raise


async def query():
    await asyncio.sleep(5)
    return "rows"


async def main():
    loop = asyncio.get_running_loop()
    tick = asyncio.create_task(ticker(), name="ticker")
    crunch = asyncio.create_task(cruncher(), name="cruncher")
    dl = asyncio.create_task(download(), name="download")
    await asyncio.sleep(0.3)
    dl.cancel("user pressed stop")
    try:
        await asyncio.wait_for(query(), timeout=0.4)
    except asyncio.TimeoutError:
        print(f"{loop.time():.2f} main: query timed out")
    await tick
    await crunch
    print(f"{loop.time():.2f} main: done, download cancelled: {dl.cancelled()}")


asyncio.run(main())
