# Benchmark: a dict of ten million int keys, filled and read back in one task
# (robustness issue: it once took 12 s where CPython takes about 1.2 s).
import asyncio


async def main():
    d = {}
    for i in range(10_000_000):
        d[i] = i
    total = 0
    for i in range(0, 10_000_000, 1000):
        total += d[i]
    print(len(d), total)


asyncio.run(main())
