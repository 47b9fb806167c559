# Benchmark: 10,000 tasks that each sleep 100 times on timers (7 different delays), about
# 1,000,000 timed sleeps and as many timer callbacks in all.
import asyncio


async def worker(i):
    total = 0
    for step in range(100):
        total += step
        await asyncio.sleep(0.001 * (i % 7 + 1))
    return total


async def main():
    results = await asyncio.gather(*[worker(i) for i in range(10000)])
    print(len(results), sum(results))


asyncio.run(main())
