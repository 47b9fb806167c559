# asyncio.TaskGroup: the async with block waits for all its tasks. When one fails,
# the group cancels the others and raises an ExceptionGroup.
# Notice e finished before the failure, d is cancelled, and the exceptions list.
import asyncio


async def job(name, delay, fail):
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} {name}: cancelled by the group")
        raise
    if fail:
        print(f"{loop.time():.2f} {name}: failing")
        raise ValueError(f"{name} failed")
    print(f"{loop.time():.2f} {name}: ok")
    return name


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job("a", 0.2, False))
        t2 = tg.create_task(job("b", 0.1, False))
    print(f"{loop.time():.2f} group 1 done: {t1.result()} {t2.result()}")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("c", 0.3, True))
            tg.create_task(job("d", 1.0, False))
            tg.create_task(job("e", 0.1, False))
    except ExceptionGroup as eg:
        print(f"{loop.time():.2f} ExceptionGroup with {len(eg.exceptions)} exception(s)")
        for e in eg.exceptions:
            print(f"  {type(e).__name__}: {e}")


asyncio.run(main())
