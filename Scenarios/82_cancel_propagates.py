# Cancelling a task that is awaiting another task cancels that task too: Task.cancel
# cancels the future the task waits on (its _fut_waiter), and a Task's cancel throws
# CancelledError into its coroutine. Notice the inner task's except and finally run
# before the outer one's, and both end cancelled; the message travels with them.
import asyncio


async def inner():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        print(f"{loop.time():.2f} inner cancelled, args={e.args}")
        raise
    finally:
        print(f"{loop.time():.2f} inner finally")


async def outer():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(inner(), name="inner")
    try:
        await t
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} outer cancelled; inner cancelled={t.cancelled()}")
        raise


async def main():
    loop = asyncio.get_running_loop()
    o = asyncio.create_task(outer(), name="outer")
    await asyncio.sleep(0.1)
    print(f"{loop.time():.2f} main cancels outer: {o.cancel('stop')}")
    try:
        await o
    except asyncio.CancelledError as e:
        print(f"{loop.time():.2f} main saw {e!r}, outer cancelled={o.cancelled()}")
    shielded = asyncio.create_task(inner(), name="shielded")
    waiter = asyncio.create_task(asyncio.wait_for(asyncio.shield(shielded), 0.2))
    await asyncio.sleep(0.3)
    print(f"{loop.time():.2f} waiter: {type(waiter.exception()).__name__}, shielded still running={not shielded.done()}")
    shielded.cancel()
    await asyncio.gather(shielded, return_exceptions=True)
    print(f"{loop.time():.2f} done")


asyncio.run(main())
