# Dicts under churn: many insertions and deletions (the index is rebuilt and compacted
# along the way), keys that are equal across types (1 == 1.0 == True, 2**70 == float(2**70)),
# tuples, strings and objects, and insertion order kept through all of it.
import asyncio
import random


class Key:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"Key({self.n})"


async def churn(rng, rounds):
    d = {}
    keys = [Key(i) for i in range(50)]
    for step in range(rounds):
        op = rng.random()
        kind = rng.randrange(5)
        n = rng.randrange(200)
        key = (n, n % 3) if kind == 0 else str(n) if kind == 1 else keys[n % 50] if kind == 2 else float(n) if kind == 3 else n
        if op < 0.6:
            d[key] = step
        elif key in d:
            del d[key]
        if step % 97 == 0:
            await asyncio.sleep(0)
    return d


async def main():
    rng = random.Random(2024)
    d = await churn(rng, 20000)
    print(len(d), sum(v for v in d.values()))
    print(list(d.items())[:8])
    print(list(d)[-5:])
    # Equal keys of different types are one key, and the first key object stays.
    e = {1: "int", True: "bool", 1.0: "float", 2**70: "big", float(2**70): "bigfloat", -1: "minus one", -2: "minus two"}
    print(e)
    for k in list(e):
        del e[k]
    e["again"] = 1
    print(e, len(e))
    # Pops down to empty and back up keep order.
    f = {i: i * i for i in range(1000)}
    for i in range(0, 1000, 2):
        f.pop(i)
    f.update((i, -i) for i in range(2000, 2010))
    print(len(f), list(f)[:5], list(f)[-3:])


asyncio.run(main())
