# Benchmark: 10,000 tasks that each yield 100 times, about 1,000,000 task steps in all.
import asyncio


async def worker(i):
    total = 0
    for step in range(100):
        total += step
        await asyncio.sleep(0)
    return total


async def main():
    results = await asyncio.gather(*[worker(i) for i in range(10000)])
    print(len(results), sum(results))


asyncio.run(main())
