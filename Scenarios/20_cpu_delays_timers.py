# CPU bursts delaying several timers. Three sleepers are due at 0.1, 0.2 and 0.3,
# but main burns 0.25 s first, and sleeper 1 burns 0.2 s when it wakes. Notice
# sleeper 2's timer fired at 0.25 together with sleeper 1's, so it runs right after
# sleeper 1's burst in the same iteration; the clock only jumps when the loop is idle.
import asyncio
from loopscope import cpu


async def sleeper(n, delay):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(delay)
    print(f"{loop.time():.2f} sleeper {n} woke (due {delay:.2f})")
    if n == 1:
        cpu(0.2)
        print(f"{loop.time():.2f} sleeper {n} finished its 0.2 s burst")


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(sleeper(n, 0.1 * n)) for n in range(1, 4)]
    await asyncio.sleep(0)
    print(f"{loop.time():.2f} main: burst of 0.25 s")
    cpu(0.25)
    print(f"{loop.time():.2f} main: burst over")
    for t in tasks:
        await t
    print(f"{loop.time():.2f} main: done")


asyncio.run(main())
