# A blocking time.sleep freezes the loop; moved into asyncio.to_thread it blocks only a
# worker thread of the loop's default executor (named asyncio_0, asyncio_1, ...), and the
# ticker keeps ticking. The result comes back through call_soon_threadsafe, waking the
# loop's select as soon as the worker finishes.
import asyncio
import threading
import time


def blocking_io(n, seconds):
    name = threading.current_thread().name
    print(f"{name}: job {n} starts at {time.monotonic():.2f}")
    time.sleep(seconds)
    print(f"{name}: job {n} ends at {time.monotonic():.2f}")
    return n * 10


async def ticker(count):
    for i in range(count):
        await asyncio.sleep(0.3)
        print(f"tick {i} at {time.monotonic():.2f}")


async def later(delay, seconds):
    await asyncio.sleep(delay)
    return await asyncio.to_thread(blocking_io, 4, seconds)


async def main():
    print("blocking in the loop:")
    t = asyncio.create_task(ticker(3))
    await asyncio.sleep(0.05)
    print("result", blocking_io(1, 1.0), f"at {time.monotonic():.2f}")
    await t

    print("in a thread:")
    t = asyncio.create_task(ticker(6))
    await asyncio.sleep(0.05)
    r = await asyncio.to_thread(blocking_io, 2, 1.0)
    print(f"result {r} at {time.monotonic():.2f}")
    loop = asyncio.get_running_loop()
    a, b = await asyncio.gather(loop.run_in_executor(None, blocking_io, 3, 0.5),
                                later(0.1, 0.7))
    print(f"results {a} {b} at {time.monotonic():.2f}")
    await t
    print("threads alive:", sorted(t.name for t in threading.enumerate()))


asyncio.run(main())
print("after asyncio.run:", [t.name for t in threading.enumerate()])
