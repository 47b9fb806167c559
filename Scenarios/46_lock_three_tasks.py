# A Lock contended by three tasks: waiters are served FIFO, in the order they called
# acquire(). Notice that release() does not hand the lock over directly: the next
# waiter is woken and takes it in a later iteration, and locked() reports it meanwhile.
import asyncio


async def worker(name, lock, hold):
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} {name}: wants lock (locked={lock.locked()})")
    async with lock:
        print(f"{loop.time():.2f} {name}: holds lock")
        await asyncio.sleep(hold)
        print(f"{loop.time():.2f} {name}: releasing")
    print(f"{loop.time():.2f} {name}: released (locked={lock.locked()})")


async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    await lock.acquire()
    print(f"{loop.time():.2f} main: acquired first")
    tasks = [asyncio.create_task(worker(n, lock, h), name=n) for n, h in [("A", 0.2), ("B", 0.1), ("C", 0.3)]]
    await asyncio.sleep(0.1)
    print(f"{loop.time():.2f} main: releasing")
    lock.release()
    print(f"{loop.time():.2f} main: locked right after release = {lock.locked()}")
    await asyncio.sleep(0)
    print(f"{loop.time():.2f} main: after one yield locked = {lock.locked()}")
    await asyncio.gather(*tasks)
    print(f"{loop.time():.2f} main: all done, locked = {lock.locked()}")


asyncio.run(main())
