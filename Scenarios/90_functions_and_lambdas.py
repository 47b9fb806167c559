# Functions as programs write them: lambdas, *args/**kwargs forwarding, keyword-only and
# positional-only parameters, defaults evaluated once, global/nonlocal, and function
# attributes (__name__, __qualname__, __doc__, __defaults__, a __dict__) as a timing
# decorator would use them. Calls with wrong arguments raise CPython's TypeErrors.
import asyncio

calls = 0
log = []


def timed(fn):
    async def wrapper(*args, **kwargs):
        global calls
        calls += 1
        loop = asyncio.get_running_loop()
        start = loop.time()
        try:
            return await fn(*args, **kwargs)
        finally:
            log.append(f"{fn.__name__} took {loop.time() - start:.2f}s")
    for attr in ("__module__", "__name__", "__qualname__", "__doc__"):
        setattr(wrapper, attr, getattr(fn, attr))
    wrapper.__dict__.update(fn.__dict__)
    wrapper.__wrapped__ = fn
    return wrapper


async def fetch(url, /, delay=0.1, *, retries=2, **headers):
    "Fetch one url, slowly."
    await asyncio.sleep(delay)
    return f"{url} r={retries} h={sorted(headers.items())}"

fetch.tag = "net"
fetch = timed(fetch)


def counter(start=0):
    count = start

    def bump(by=1):
        nonlocal count
        count += by
        return count
    return bump


def append_to(x, acc=[]):
    acc.append(x)
    return acc


def describe(*args, sep=", ", **kw):
    return sep.join(map(str, args)) + (f" {kw}" if kw else "")


async def main():
    print(await fetch("a", 0.2, retries=3, accept="json"))
    opts = {"retries": 5, "user_agent": "x"}
    print(await fetch(*["b"], **opts))
    print(fetch.__name__, fetch.__qualname__, fetch.__doc__, fetch.tag, fetch.__wrapped__.__name__)
    print(fetch.__wrapped__.__defaults__, fetch.__wrapped__.__kwdefaults__, fetch.__module__)
    print(log, calls)
    bump = counter(10)
    print(bump(), bump(5), bump(by=-2))
    print(append_to(1), append_to(2), append_to(3, []))
    square = lambda x: x * x
    add = lambda a, b=10, *rest, **kw: a + b + sum(rest) + len(kw)
    print(square(7), add(1), add(1, 2, 3, 4, z=0), (lambda: "nullary")(), square.__name__, square.__qualname__)
    print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), list(map(lambda p: p[0], [(1, 2), (3, 4)])))
    print(describe(1, 2, 3), describe("x", sep="-", flag=True), describe(*range(3), **{"k": 1}))
    adders = [lambda y, n=n: y + n for n in range(3)]
    print([f(10) for f in adders])

    def kwonly(a, b=2, *, c, d=4):
        return (a, b, c, d)

    def posonly(a, b, /, c):
        return (a, b, c)

    def plain(a, b):
        return a + b
    attempts = [
        lambda: kwonly(1),
        lambda: kwonly(1, 2, 3, c=1),
        lambda: kwonly(1, 2, 3),
        lambda: kwonly(1, a=2, c=3),
        lambda: kwonly(1, c=2, e=5),
        lambda: posonly(1, 2, a=3),
        lambda: posonly(a=1, b=2, c=3),
        lambda: plain(),
        lambda: plain(1, 2, 3),
        lambda: plain(1, **{"b": 2, "c": 3}),
        lambda: plain(*5),
        lambda: plain(1, *5),
        lambda: plain(**5),
        lambda: plain(1, **{"b": 2}, **{"b": 3}),
        lambda: plain(**{1: 2}),
        lambda: (lambda x, y, z: 0)(),
        lambda: fetch.__wrapped__(),
    ]
    for attempt in attempts:
        try:
            print("ok", attempt())
        except TypeError as e:
            print("TypeError:", e)
    print(posonly(1, 2, c=3), kwonly(0, c=9), plain(*(1,), **{"b": 5}))


asyncio.run(main())
