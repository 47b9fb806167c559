# Parameters: defaults, keyword-only parameters after *args, **-free calls with
# keywords, and *args unpacking at the call site, for plain and async functions.
# Notice a TypeError message for a missing keyword-only argument and for an
# unexpected keyword.
import asyncio


def describe(a, b=2, *rest, sep="-", upper=False):
    parts = [str(a), str(b)] + [str(r) for r in rest]
    s = sep.join(parts)
    return s.upper() if upper else s


async def delayed(name, *delays, scale=1.0, tag):
    loop = asyncio.get_running_loop()
    for d in delays:
        await asyncio.sleep(d * scale)
        print(f"{loop.time():.2f} {tag}/{name} slept {d * scale:.2f}")
    return len(delays)


def kwonly(*, x, y=5):
    return x + y


async def main():
    loop = asyncio.get_running_loop()
    print(describe(1))
    print(describe(1, 3, 5, 7))
    print(describe("a", "b", "c", sep="+", upper=True))
    args = (10, 20, 30)
    print(describe(*args, sep=":"))
    print(describe(*[0], *args))
    print(kwonly(x=1), kwonly(y=2, x=3))
    n = await asyncio.gather(delayed("p", 0.1, 0.2, tag="T"), delayed("q", *[0.15, 0.1], scale=2, tag="U"))
    print(f"{loop.time():.2f} counts {n}")
    try:
        kwonly(1)
    except TypeError as e:
        print(f"TypeError: {e}")
    try:
        describe(1, colour="red")
    except TypeError as e:
        print(f"TypeError: {e}")
    try:
        await delayed("r", 0.1)
    except TypeError as e:
        print(f"TypeError: {e}")


asyncio.run(main())
