# Semaphore(2) limits concurrency: of five jobs at most two run at once. Notice the
# running count never exceeds 2, and the order in which waiting jobs get in is FIFO.
import asyncio


async def job(i, sem, state):
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} job{i}: waiting (locked={sem.locked()})")
    async with sem:
        state["running"] += 1
        state["peak"] = max(state["peak"], state["running"])
        print(f"{loop.time():.2f} job{i}: start, running={state['running']}")
        await asyncio.sleep(0.1 * (i % 3 + 1))
        state["running"] -= 1
        print(f"{loop.time():.2f} job{i}: end, running={state['running']}")
    return i * 10


async def main():
    loop = asyncio.get_running_loop()
    sem = asyncio.Semaphore(2)
    state = {"running": 0, "peak": 0}
    results = await asyncio.gather(*[job(i, sem, state) for i in range(5)])
    print(f"{loop.time():.2f} results={results} peak={state['peak']}")


asyncio.run(main())
