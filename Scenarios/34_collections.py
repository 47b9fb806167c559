# Lists and dicts: list comprehension, enumerate, sorted, min/max/sum, dict item
# assignment and iteration (insertion order). Tasks record finish times in a dict.
# Notice dict order is insertion order, i.e. the order the tasks finished.
import asyncio


async def job(name, delay, finished):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(delay)
    finished[name] = loop.time()


async def main():
    specs = [("fetch", 0.4), ("parse", 0.1), ("store", 0.3), ("index", 0.2)]
    finished = {}
    tasks = [asyncio.create_task(job(n, d, finished)) for n, d in specs]
    for t in tasks:
        await t
    for name in finished:
        print(f"{name} finished at {finished[name]:.2f}")
    delays = [d for n, d in specs]
    print(f"min {min(delays)} max {max(delays)} sum {sum(delays):.2f} sorted {sorted(delays)}")
    print(sorted([n for n, d in specs]), sorted(delays, reverse=True))
    squares = [i * i for i in range(6) if i % 2 == 0]
    print(squares, len(squares), sum(squares), list(range(3)), list((1, 2)))
    for i, name in enumerate(sorted(finished)):
        print(i, name, name in finished, "nope" in finished)
    counts = {}
    for ch in "abracadabra":
        if ch in counts:
            counts[ch] += 1
        else:
            counts[ch] = 1
    print(counts, counts["a"], len(counts))
    pair = (1, "two")
    a, b = pair
    print(a, b, pair, pair[1], [1, 2, 3][-1], "abc"[1], max(3, 9, 4), min([5, 2, 8]))


asyncio.run(main())
