# Cancelling a gather cancels every child that is still running. The child that
# already finished keeps its result; the others see CancelledError.
# Notice the children report in argument order, then main gets CancelledError; yet
# g.cancelled() is False in 3.11: the gather future holds a CancelledError exception.
import asyncio


async def child(name, delay):
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(delay)
        print(f"{loop.time():.2f} {name} finished")
        return name
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} {name} cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()
    g = asyncio.gather(child("a", 0.5), child("b", 2), child("c", 3))
    await asyncio.sleep(1)
    print(f"{loop.time():.2f} main: cancelling the gather")
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} main: gather raised CancelledError")
    print(f"gather cancelled: {g.cancelled()}")


asyncio.run(main())
