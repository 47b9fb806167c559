# as_completed yields awaitables in completion order; with timeout= the next await
# raises TimeoutError once the deadline passes, and the leftover tasks keep running.
# Notice ties at the same deadline come out in the order the tasks finished (tasks are
# created first: with bare coroutines CPython's order of ties depends on a set).
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return f"{name}@{delay}"


async def main():
    loop = asyncio.get_running_loop()
    first = [asyncio.create_task(job(n, d), name=n) for n, d in [("a", 0.3), ("b", 0.1), ("c", 0.2), ("d", 0.1)]]
    for i, aw in enumerate(asyncio.as_completed(first), start=1):
        r = await aw
        print(f"{loop.time():.2f} #{i}: {r}")
    tasks = [asyncio.create_task(job(n, d), name=n) for n, d in [("x", 0.5), ("y", 0.05), ("z", 1.0)]]
    got = []
    try:
        for aw in asyncio.as_completed(tasks, timeout=0.6):
            r = await aw
            got.append(r)
            print(f"{loop.time():.2f} got {r}")
    except asyncio.TimeoutError as e:
        print(f"{loop.time():.2f} TimeoutError after {got}: {type(e).__name__}")
    print(f"{loop.time():.2f} z done? {tasks[2].done()}")
    r = await tasks[2]
    print(f"{loop.time():.2f} z finished anyway: {r}")


asyncio.run(main())
