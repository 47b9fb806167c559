# An exception in a task is stored in the task until someone awaits it. The worker
# fails at 0.1 s, but main only awaits it at 1.0 s: that is when the exception is
# raised in main. Notice done() and exception() before the await.
import asyncio


async def worker():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0.1)
    print(f"{loop.time():.2f} worker: raising")
    raise RuntimeError("worker failed")


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    print(f"{loop.time():.2f} main: done={t.done()}")
    exc = t.exception()
    print(f"main: exception() = {type(exc).__name__}: {exc}")
    try:
        await t
    except RuntimeError as e:
        print(f"{loop.time():.2f} main: await raised RuntimeError: {e}")


asyncio.run(main())
