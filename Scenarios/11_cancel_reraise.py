# Catching and re-raising CancelledError: the right way to clean up on cancellation.
# The task logs, does an async cleanup step (an await inside the handler), then
# re-raises, so it ends up cancelled. Notice the cleanup takes 0.5 s of virtual time.
import asyncio


async def download():
    loop = asyncio.get_running_loop()
    try:
        print(f"{loop.time():.2f} download: started")
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} download: cancelled, cleaning up")
        await asyncio.sleep(0.5)
        print(f"{loop.time():.2f} download: cleanup done, re-raising")
        raise


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(download())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} main: task was cancelled: {t.cancelled()}")


asyncio.run(main())
