# asyncio.Event: tasks wait() until another task calls set(); all waiters wake in
# the order they started waiting. clear() resets it. Notice that set() itself does
# not switch tasks: the setter keeps running until its next await.
import asyncio


async def waiter(ev, name):
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} {name} waiting")
    await ev.wait()
    print(f"{loop.time():.2f} {name} released (is_set={ev.is_set()})")


async def main():
    loop = asyncio.get_running_loop()
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, f"w{i}")) for i in range(3)]
    await asyncio.sleep(1)
    print(f"{loop.time():.2f} main: set()")
    ev.set()
    print(f"{loop.time():.2f} main: still running after set()")
    for t in tasks:
        await t
    ev.clear()
    print(f"after clear: is_set={ev.is_set()}")
    if not ev.is_set():
        print("a cleared event would block wait() again")


asyncio.run(main())
