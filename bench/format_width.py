# Benchmark: a format width of a hundred million (robustness issue: f'{1:100000000}'
# once took 25 s where CPython takes under a second).
import asyncio


async def main():
    s = f'{1:100000000}'
    t = f'{"x":^100000000}'
    print(len(s), len(t), s[-1], t.strip())


asyncio.run(main())
