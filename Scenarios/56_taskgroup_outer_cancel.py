# A TaskGroup cancelled from outside: the task running `async with TaskGroup()` is
# cancelled, the group cancels its children, waits for them and re-raises
# CancelledError (not an ExceptionGroup). Notice the children's cleanups finish
# before the runner sees CancelledError, and what the outer task's cancelled() says.
import asyncio


async def child(name, delay, cleanup):
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(delay)
        print(f"{loop.time():.2f} {name}: finished")
    except asyncio.CancelledError:
        await asyncio.sleep(cleanup)
        print(f"{loop.time():.2f} {name}: cleanup done")
        raise


async def runner():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.TaskGroup() as tg:
            for i, d in enumerate([0.1, 0.5, 0.7]):
                tg.create_task(child(f"c{i}", d, 0.05 * (i + 1)), name=f"c{i}")
            await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} runner: CancelledError out of the group")
        raise
    finally:
        print(f"{loop.time():.2f} runner: finally, cancelling={asyncio.current_task().cancelling()}")


async def main():
    loop = asyncio.get_running_loop()
    r = asyncio.create_task(runner(), name="runner")
    await asyncio.sleep(0.3)
    print(f"{loop.time():.2f} main: cancelling runner -> {r.cancel()}")
    try:
        await r
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} main: runner cancelled={r.cancelled()}")


asyncio.run(main())
