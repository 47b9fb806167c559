# A call_soon_threadsafe hand-off: a plain thread (threading.Thread) produces readings
# with blocking sleeps and hands each to the loop with call_soon_threadsafe, which puts it
# in an asyncio.Queue from the loop's own thread (asyncio.Queue is not thread-safe). A
# ThreadPoolExecutor of our own names its workers ThreadPoolExecutor-N_k.
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def producer(loop, queue, count):
    for i in range(count):
        time.sleep(0.4)
        print(f"producer: reading {i} at {time.monotonic():.2f}")
        loop.call_soon_threadsafe(queue.put_nowait, i * i)
    loop.call_soon_threadsafe(queue.put_nowait, None)


def square_root(x):
    time.sleep(0.1 * x ** 0.5)
    return threading.current_thread().name, x ** 0.5


async def main():
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()
    thread = threading.Thread(target=producer, args=(loop, queue, 3))
    thread.start()
    print("started", thread.name, thread.is_alive())
    while (item := await queue.get()) is not None:
        print(f"consumer: got {item} at {loop.time():.2f}")
    thread.join()
    print("joined", thread.name, thread.is_alive())

    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [loop.run_in_executor(pool, square_root, x) for x in (4, 9, 16)]
        for name, root in await asyncio.gather(*futures):
            print(f"{name}: {root}")
        print(f"pool done at {loop.time():.2f}")
    print("submit after shutdown:", end=" ")
    try:
        pool.submit(abs, -1)
    except RuntimeError as e:
        print(e)


asyncio.run(main())
