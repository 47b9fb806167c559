# Cancelling a sleeping task. t.cancel() only *requests* cancellation: it cancels the
# future the task waits on, and CancelledError is raised inside the task at its next
# step (the following loop iteration). Notice the finally block runs, and awaiting
# the cancelled task raises CancelledError in main.
import asyncio


async def sleeper():
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} sleeper: going to sleep for 10 s")
    try:
        await asyncio.sleep(10)
        print("never printed")
    finally:
        print(f"{loop.time():.2f} sleeper: finally block")


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(1)
    print(f"{loop.time():.2f} main: cancel() returns {t.cancel()}")
    print(f"{loop.time():.2f} main: cancelled() right after cancel: {t.cancelled()}")
    try:
        await t
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} main: awaiting it raised CancelledError")
    print(f"{loop.time():.2f} main: cancelled() now: {t.cancelled()}")


asyncio.run(main())
