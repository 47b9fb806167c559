# Blocking I/O: time.sleep() inside a coroutine freezes the loop just like a CPU
# burst. asyncio.sleep() would have let the other task run. Notice the heartbeat
# due at 0.30 only prints at 1.00, after the blocking call returns.
import asyncio
import time


async def heartbeat():
    loop = asyncio.get_running_loop()
    for i in range(3):
        await asyncio.sleep(0.3)
        print(f"{loop.time():.2f} heartbeat {i}")


async def legacy_client():
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} client: blocking call (time.sleep(1))")
    time.sleep(1)
    print(f"{loop.time():.2f} client: blocking call returned")


async def main():
    t1 = asyncio.create_task(heartbeat())
    t2 = asyncio.create_task(legacy_client())
    await t1
    await t2


asyncio.run(main())
