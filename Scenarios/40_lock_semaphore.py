# Lock and Semaphore. The lock lets one task at a time into the critical section
# (FIFO among waiters); the semaphore lets two in at once.
# Notice the waiting tasks enter in the order they asked.
import asyncio


async def locked_worker(lock, name):
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} {name} wants the lock (locked={lock.locked()})")
    async with lock:
        print(f"{loop.time():.2f} {name} has the lock")
        await asyncio.sleep(0.2)
    print(f"{loop.time():.2f} {name} released it")


async def limited(sem, name):
    loop = asyncio.get_running_loop()
    async with sem:
        print(f"{loop.time():.2f} {name} in")
        await asyncio.sleep(0.3)
        print(f"{loop.time():.2f} {name} out")


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(locked_worker(lock, "w1"), locked_worker(lock, "w2"),
                         locked_worker(lock, "w3"))
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*[limited(sem, f"s{i}") for i in range(1, 5)])
    await lock.acquire()
    print(f"manual acquire: locked={lock.locked()}")
    lock.release()
    print(f"after release: locked={lock.locked()}")


asyncio.run(main())
