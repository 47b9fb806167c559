# Classes whose __iter__ is a generator, generator expressions over them, and an async
# generator consumed by an async comprehension: iteration protocols meeting.
import asyncio
class Bag:
    def __init__(self, xs): self.xs = xs
    def __iter__(self):
        for x in self.xs:
            yield x * 2
async def ticks(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i
async def main():
    print(list(Bag([1, 2, 3])), sum(x for x in Bag([1, 2])), 3 in Bag([1, 2]))
    print([t async for t in ticks(3)])
    g = (i * i for i in range(4))
    print(next(g), list(g))
asyncio.run(main())
