# A worker thread asks the loop to run a coroutine with asyncio.run_coroutine_threadsafe
# and blocks on the concurrent future it gets back, while the loop keeps ticking; the
# coroutine's exception reaches the thread too.
import asyncio
import threading
import time


async def fetch(key, seconds):
    await asyncio.sleep(seconds)
    if key == "missing":
        raise KeyError(key)
    return key.upper()


def worker(loop):
    name = threading.current_thread().name
    for key in ("alpha", "missing", "beta"):
        future = asyncio.run_coroutine_threadsafe(fetch(key, 0.3), loop)
        try:
            print(f"{name}: {key} -> {future.result()} at {time.monotonic():.2f}")
        except KeyError as e:
            print(f"{name}: {key} failed with KeyError {e} at {time.monotonic():.2f}")
        time.sleep(0.1)
    return "worker done"


async def ticker():
    for i in range(5):
        await asyncio.sleep(0.25)
        print(f"tick {i} at {time.monotonic():.2f}")


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    print(await asyncio.to_thread(worker, loop), f"at {time.monotonic():.2f}")
    await t


asyncio.run(main())
