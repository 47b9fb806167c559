# 5000 tasks sleeping various times, with a Semaphore and a Queue in the mix.
import asyncio


async def worker(i, sem, q):
    await asyncio.sleep((i % 7) * 0.01)
    async with sem:
        await asyncio.sleep(0.001)
    await q.put(i)


async def main():
    loop = asyncio.get_running_loop()
    sem = asyncio.Semaphore(50)
    q = asyncio.Queue()
    tasks = [asyncio.create_task(worker(i, sem, q)) for i in range(5000)]
    await asyncio.gather(*tasks)
    total = 0
    first = []
    while not q.empty():
        x = q.get_nowait()
        total += x
        if len(first) < 5:
            first.append(x)
    print(f"{loop.time():.3f} total={total} first={first} last={tasks[-1].get_name()}")


asyncio.run(main())
