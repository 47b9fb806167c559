# Ordering helpers on task results: sorted with key=len and reverse=True (stable for
# ties), enumerate(start=1), zip over unequal lengths, min/max with key= and default
# behaviour on ties (first wins), sum, round. Notice that sorted is stable, so equal
# keys keep their completion order.
import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    loop = asyncio.get_running_loop()
    names = ["delta", "io", "alpha", "be", "gamma", "zeta"]
    delays = [0.3, 0.1, 0.2, 0.1, 0.25, 0.05]
    done_order = []
    tasks = [asyncio.create_task(fetch(n, d)) for n, d in zip(names, delays)]
    for t in asyncio.as_completed(tasks):
        done_order.append(await t)
    print(f"{loop.time():.2f} completion order {done_order}")
    print(sorted(done_order), sorted(done_order, key=len), sorted(done_order, key=len, reverse=True))
    print(sorted(delays, reverse=True), sorted([3, 1, 2]) == [1, 2, 3])
    for i, (n, d) in enumerate(zip(names, delays), start=1):
        print(f"{i:>2}. {n:<6} {d:.2f}")
    print(list(zip([1, 2, 3], "ab")), list(zip()), list(enumerate("xy", 10)))
    print(min(names, key=len), max(names, key=len), min(delays), max(3, 7, 5), max([1, 5, 5.0]))
    print(min([[2, "b"], [1, "z"], [1, "a"]]), max("hello"), sum(delays), round(sum(delays), 2))
    print(round(2.675, 2), round(0.5), round(1.5), round(2.5), round(-0.5), round(7.0), round(1234, -2))
    print(sum([[1], [2]], []), sum(range(101)), sum([0.1] * 10))
    try:
        max([])
    except ValueError as e:
        print(f"ValueError: {e}")


asyncio.run(main())
