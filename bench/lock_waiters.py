# Benchmark: 100,000 tasks queue on one asyncio.Lock (robustness issue: 40,000 waiters
# once took 30 s and grew quadratically; CPython takes about 2 s for 100,000).
import asyncio

N = 100_000


async def worker(lock, counter):
    async with lock:
        counter[0] += 1


async def main():
    lock = asyncio.Lock()
    counter = [0]
    await asyncio.gather(*(worker(lock, counter) for _ in range(N)))
    print(counter[0])


asyncio.run(main())
