# Mistakes asyncio reports on stderr by itself: calling a coroutine function without
# awaiting it ("coroutine 'refresh' was never awaited"), and a task whose exception
# nobody retrieves ("Task exception was never retrieved", printed the moment the last
# reference to the task is dropped). Notice that stdout carries on as if nothing
# happened: both mistakes are silent except for these warnings.
import asyncio


async def refresh(name):
    print(f"refreshing {name}")


async def flaky():
    await asyncio.sleep(0.1)
    raise ValueError("flaky failed")


async def main():
    loop = asyncio.get_running_loop()
    refresh("cache")
    print(f"{loop.time():.2f} main: called refresh() but never awaited it")
    task = asyncio.create_task(flaky())
    await asyncio.sleep(0.5)
    print(f"{loop.time():.2f} main: flaky is done={task.done()}, dropping it")
    task = None
    await refresh("index")
    print(f"{loop.time():.2f} main: done")


asyncio.run(main())
