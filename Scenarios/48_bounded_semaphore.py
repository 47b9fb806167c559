# BoundedSemaphore raises ValueError when released more times than acquired; a plain
# Semaphore silently grows. Notice the exact ValueError message and that locked()
# follows the counter.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    bs = asyncio.BoundedSemaphore(1)
    await bs.acquire()
    print(f"{loop.time():.2f} bounded acquired, locked={bs.locked()}")
    bs.release()
    print(f"{loop.time():.2f} bounded released, locked={bs.locked()}")
    try:
        bs.release()
        print("no error?")
    except ValueError as e:
        print(f"{loop.time():.2f} over-release: {type(e).__name__}: {e}")
    s = asyncio.Semaphore(1)
    s.release()
    s.release()
    n = 0
    while not s.locked():
        await s.acquire()
        n += 1
    print(f"{loop.time():.2f} plain semaphore acquired {n} times before locking")
    try:
        await asyncio.wait_for(s.acquire(), timeout=0.25)
    except asyncio.TimeoutError:
        print(f"{loop.time():.2f} acquire timed out")


asyncio.run(main())
