# time.time(), time.monotonic() and time.perf_counter() read the same virtual clock
# as loop.time(). Blocking calls (time.sleep, cpu) move it; so do timers when the
# loop is idle. Notice measured durations come out as exact virtual seconds.
import asyncio
import time
from loopscope import cpu


async def main():
    loop = asyncio.get_running_loop()
    t0 = time.monotonic()
    p0 = time.perf_counter()
    w0 = time.time()
    await asyncio.sleep(1.5)
    print(f"asyncio.sleep(1.5) took {time.monotonic() - t0:.3f} s (monotonic)")
    cpu(0.25)
    print(f"plus cpu(0.25): {time.perf_counter() - p0:.3f} s (perf_counter)")
    time.sleep(0.25)
    print(f"plus time.sleep(0.25): {time.time() - w0:.3f} s (time)")
    print(f"loop.time() agrees: {loop.time() - t0:.3f}")


asyncio.run(main())
