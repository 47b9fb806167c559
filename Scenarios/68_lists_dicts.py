# List slicing (negative indices, steps, copies, slice assignment) and dict use:
# insertion-ordered iteration, get with default, items/keys/values, pop with default,
# `in` on keys, update by assignment. Notice dicts keep insertion order even after a
# key is reassigned, and pop() of a missing key without a default raises KeyError.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    xs = list(range(10))
    print(xs[2:5], xs[:3], xs[7:], xs[-3:], xs[::3], xs[::-2], xs[5:2], xs[-100:2])
    ys = xs[:]
    ys[1:4] = ["a", "b"]
    print(ys, len(ys), xs == ys, xs[:] == xs)
    print(xs.index(4), [1, 2, 2, 3].count(2), xs[-1], (1, 2, 3)[1:])
    stats = {}
    for name, d in [("b", 0.2), ("a", 0.1), ("c", 0.3), ("a", 0.05)]:
        await asyncio.sleep(d)
        stats[name] = stats.get(name, 0) + 1
        print(f"{loop.time():.2f} {name} -> {stats}")
    for k in stats:
        print(f"   key {k}")
    for k, v in stats.items():
        print(f"   {k}={v}")
    print(list(stats.keys()), list(stats.values()), "a" in stats, "z" in stats, 1 in stats.values())
    print(stats.pop("b"), stats.pop("zz", "default"), stats)
    try:
        stats.pop("zz")
    except KeyError as e:
        print(f"KeyError: {e} / {e!r}")
    try:
        print(stats["nope"])
    except KeyError as e:
        print(f"KeyError args={e.args}")
    nested = {"tasks": [{"n": "t1", "d": 0.1}, {"n": "t2", "d": 0.2}], "ok": True}
    print(nested["tasks"][1]["n"], nested.get("missing"), len(nested), nested)
    pairs = [[k, v] for k, v in nested.items() if k != "tasks"]
    print(pairs, [x * x for x in range(6) if x % 2], [[i, j] for i in range(2) for j in range(2)])


asyncio.run(main())
