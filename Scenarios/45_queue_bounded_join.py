# Producer/consumer on a Queue(maxsize=2): the producer blocks in put() when the
# queue is full and resumes only when a consumer get()s. main awaits q.join(), which
# returns once every item got a task_done(). Notice when "put blocked" lines appear
# and that join() wakes main in the iteration after the last task_done().
import asyncio


async def producer(q, n):
    loop = asyncio.get_running_loop()
    for i in range(n):
        print(f"{loop.time():.2f} producer: putting {i} (qsize={q.qsize()}, full={q.full()})")
        await q.put(i)
        print(f"{loop.time():.2f} producer: put {i} done")
    print(f"{loop.time():.2f} producer: finished")


async def consumer(name, q, delay):
    loop = asyncio.get_running_loop()
    while True:
        item = await q.get()
        print(f"{loop.time():.2f} {name}: got {item}")
        await asyncio.sleep(delay)
        print(f"{loop.time():.2f} {name}: done {item}")
        q.task_done()


async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue(maxsize=2)
    prod = asyncio.create_task(producer(q, 6), name="producer")
    c1 = asyncio.create_task(consumer("c1", q, 0.3), name="c1")
    c2 = asyncio.create_task(consumer("c2", q, 0.5), name="c2")
    await prod
    print(f"{loop.time():.2f} main: producer done, joining")
    await q.join()
    print(f"{loop.time():.2f} main: join returned, empty={q.empty()}")
    c1.cancel()
    c2.cancel()
    res = await asyncio.gather(c1, c2, return_exceptions=True)
    print(f"{loop.time():.2f} main: consumers -> {[type(r).__name__ for r in res]}")


asyncio.run(main())
