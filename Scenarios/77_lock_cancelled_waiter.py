# A Lock whose first waiter is cancelled after release() woke it: CPython's Lock then
# wakes the next waiter so the lock is not lost. Notice who gets the lock, and that
# the cancelled waiter never holds it.
import asyncio


async def user(name, lock, hold):
    loop = asyncio.get_running_loop()
    try:
        async with lock:
            print(f"{loop.time():.2f} {name} holds")
            await asyncio.sleep(hold)
        print(f"{loop.time():.2f} {name} released")
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} {name} cancelled while waiting, locked={lock.locked()}")


async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    a = asyncio.create_task(user("A", lock, 0.2), name="A")
    await asyncio.sleep(0)
    b = asyncio.create_task(user("B", lock, 0.1), name="B")
    c = asyncio.create_task(user("C", lock, 0.1), name="C")
    await asyncio.sleep(0.2)
    print(f"{loop.time():.2f} main: A released at this deadline? locked={lock.locked()}")
    b.cancel()
    print(f"{loop.time():.2f} main: cancelled B")
    await asyncio.gather(a, b, c)
    print(f"{loop.time():.2f} main: locked={lock.locked()}")


asyncio.run(main())
