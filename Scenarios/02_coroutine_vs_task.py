# Coroutines vs tasks. Awaiting a coroutine runs it inline, inside the caller's task:
# the two 1 s jobs run one after the other (2 s in total). Wrapping them in
# create_task makes them run concurrently: both finish after 1 s.
# Notice the task names: inline coroutines run as Task-1, tasks get their own names.
import asyncio


async def job(name, delay):
    loop = asyncio.get_running_loop()
    me = asyncio.current_task().get_name()
    print(f"{loop.time():.2f} {name} starts in {me}")
    await asyncio.sleep(delay)
    print(f"{loop.time():.2f} {name} done")
    return name


async def main():
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} -- awaiting coroutines (sequential)")
    await job("a", 1)
    await job("b", 1)
    print(f"{loop.time():.2f} -- create_task (concurrent)")
    ta = asyncio.create_task(job("c", 1))
    tb = asyncio.create_task(job("d", 1))
    print(f"{loop.time():.2f} tasks created, nothing has run yet")
    rc = await ta
    rd = await tb
    print(f"{loop.time():.2f} results {rc} {rd}")


asyncio.run(main())
