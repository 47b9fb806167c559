# Deadlock: main holds a Lock and awaits a task that wants the same Lock.
# vtrun and loopscope must report the waiting tasks and exit 3.
import asyncio


async def worker(lock):
    print("worker: acquiring")
    async with lock:
        print("never")


async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    t = asyncio.create_task(worker(lock), name="worker")
    print("main: waiting for worker while holding the lock")
    await t


asyncio.run(main())
