# The same CPU-bound counting three ways, cost model on: in the loop each count holds it
# (the delay task starts after both); in asyncio.to_thread the threads take turns on the
# GIL every 5 ms, so the pair takes as long and the loop waits for the GIL too; in a
# ProcessPoolExecutor the counts run in parallel. The timeline shows it; the output is
# the same with the model on or off, as CPython's.
# loopscope: cpu-cost=realistic
import asyncio
from concurrent.futures import ProcessPoolExecutor


def count(limit):
    counter = 0
    while counter < limit:
        counter = counter + 1
    return counter


async def count_in_loop(limit):
    return count(limit)


async def delay(seconds):
    print(f"  sleeping for {seconds} second(s)")
    await asyncio.sleep(seconds)
    print(f"  finished sleeping for {seconds} second(s)")
    return seconds


async def main():
    limit = 300_000
    loop = asyncio.get_running_loop()

    print("in the loop:")
    print(" ", await asyncio.gather(count_in_loop(limit), count_in_loop(limit), delay(0.005)))

    print("in threads (asyncio.to_thread):")
    print(" ", await asyncio.gather(asyncio.to_thread(count, limit), asyncio.to_thread(count, limit),
                                    delay(0.005)))

    print("in processes (ProcessPoolExecutor):")
    with ProcessPoolExecutor(max_workers=2) as pool:
        print(" ", await asyncio.gather(loop.run_in_executor(pool, count, limit),
                                        loop.run_in_executor(pool, count, limit), delay(0.005)))


asyncio.run(main())
