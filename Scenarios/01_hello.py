# Hello, asyncio: one coroutine, run by asyncio.run().
# Notice: calling main() only creates a coroutine object; asyncio.run() wraps it in
# the task Task-1 and drives it. The sleep parks the task for 1 virtual second, and
# the loop has nothing else to do, so the clock jumps straight to the deadline.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} hello from {asyncio.current_task().get_name()}")
    await asyncio.sleep(1)
    print(f"{loop.time():.2f} world")


asyncio.run(main())
