# Producer/consumer with asyncio.Queue(maxsize=2). put() blocks while the queue is
# full, get() blocks while it is empty; join() waits until every item was marked
# task_done(). Notice the producer stalling on the full queue.
import asyncio


async def producer(q):
    loop = asyncio.get_running_loop()
    for i in range(5):
        print(f"{loop.time():.2f} put {i} (size before {q.qsize()}, full={q.full()})")
        await q.put(i)
    print(f"{loop.time():.2f} producer done")


async def consumer(q, name):
    loop = asyncio.get_running_loop()
    while True:
        item = await q.get()
        print(f"{loop.time():.2f} {name} got {item}")
        await asyncio.sleep(0.5)
        q.task_done()


async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue(maxsize=2)
    c = asyncio.create_task(consumer(q, "consumer"))
    await producer(q)
    await q.join()
    print(f"{loop.time():.2f} all items processed, empty={q.empty()}")
    c.cancel()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("get_nowait on an empty queue: QueueEmpty")


asyncio.run(main())
