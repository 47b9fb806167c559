# asyncio.wait(return_when=FIRST_COMPLETED) and asyncio.as_completed. wait returns
# sets, so the scenario sorts names before printing them; as_completed yields results
# in completion order. Notice the timeout= of wait leaves unfinished tasks running.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(n, d), name=n) for n, d in [("x", 0.3), ("y", 0.1), ("z", 0.2)]]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(f"{loop.time():.2f} first completed: {sorted([t.get_name() for t in done])}")
    print(f"{loop.time():.2f} still pending: {sorted([t.get_name() for t in pending])}")
    done, pending = await asyncio.wait(tasks, timeout=0.15)
    print(f"{loop.time():.2f} after timeout: done {len(done)}, pending {len(pending)}")
    more = [job("p", 0.5), job("q", 0.25), job("r", 0.75)]
    for fut in asyncio.as_completed(more):
        r = await fut
        print(f"{loop.time():.2f} as_completed gave {r}")


asyncio.run(main())
