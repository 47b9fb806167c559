# Syntax a worker pool's bookkeeping uses: dict and set comprehensions, set displays,
# {**d} merges, [*a, *b], starred targets (first, *rest = ...), the walrus, del of names,
# items, slices and attributes, chained comparisons, assert messages, Ellipsis, annotated
# assignments (module level records them; functions never evaluate them) and `with` errors.
import asyncio

limit: int = 3
pending: "list of names"
log = []


async def work(name, delay):
    await asyncio.sleep(delay)
    return name, delay


async def main():
    jobs = {f"job{i}": 0.1 * (i % 3 + 1) for i in range(6)}
    results = await asyncio.gather(*[work(n, d) for n, d in jobs.items()])
    by_delay = {round(d, 1): [] for _, d in results}
    for name, d in results:
        by_delay[round(d, 1)].append(name)
    print(by_delay)
    seen = {len(n) for n in jobs} | {0}
    print(seen, {1, 2, 3} == {3, 2, 1}, {*"ab", *"bc"} == {"a", "b", "c"}, set() == set())
    defaults = {"retries": 3, "timeout": 1.0}
    cfg = {**defaults, "timeout": 2.5, **{"name": "pool"}}
    print(cfg, {**{}}, [*range(3), *"xy", *(7,)])
    first, *rest = results
    *init, last = [1, 2, 3, 4]
    a, *mid, b = "xyz"
    (p, q), *_ = [(1, 2), (3, 4)]
    print(first, len(rest), init, last, a, mid, b, p, q)
    if (n := len(results)) > limit:
        print(f"{n} results exceed limit {limit}")
    print([y for x in range(5) if (y := x * x) % 2], y)
    loop = asyncio.get_running_loop()
    while (now := loop.time()) < 0.65:
        await asyncio.sleep(0.2)
    print(f"{now:.1f}", 0 < now < 1 <= limit, 1 < 2 > 3, 1 == 1.0 != 2)
    xs = list(range(10))
    del xs[0], xs[-1]
    del xs[::2]
    scratch = 5
    del scratch
    try:
        print(scratch)
    except NameError as e:
        print("NameError:", e)
    del defaults["retries"]
    print(xs, defaults)
    work.note = "tagged"
    del work.note
    print(hasattr(work, "note"), ..., Ellipsis is ..., type(...).__name__)
    local: int = 5
    unset: undefined_name_never_evaluated
    print(local, __annotations__)
    try:
        assert limit > 5, f"limit {limit} too small"
    except AssertionError as e:
        print("AssertionError:", e)
    for bad in [lambda: {[1]: 2}, lambda: {[]}, lambda: {**[1]}, lambda: [*5]]:
        try:
            bad()
        except TypeError as e:
            print("TypeError:", e)
    try:
        a, *b, c = [1]
    except ValueError as e:
        print("ValueError:", e)
    try:
        with 5:
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        async with 5:
            pass
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
