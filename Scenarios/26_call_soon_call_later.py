# loop.call_soon / loop.call_later with plain functions and bound methods. A future
# made by loop.create_future() is resolved by a timer: call_later(0.3, fut.set_result,
# 42). Notice call_soon callbacks run in FIFO order at the next iteration, and timers
# run in deadline order.
import asyncio


def say(loop, text):
    print(f"{loop.time():.2f} callback: {text}")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.3, fut.set_result, 42)
    loop.call_later(0.2, say, loop, "later 0.2")
    loop.call_soon(say, loop, "soon 1")
    loop.call_soon(say, loop, "soon 2")
    loop.call_later(0.1, say, loop, "later 0.1")
    print(f"{loop.time():.2f} main: scheduled everything, awaiting the future")
    value = await fut
    print(f"{loop.time():.2f} main: future gave {value}")
    box = []
    loop.call_later(0.5, box.append, "appended by a timer")
    await asyncio.sleep(1)
    print(f"{loop.time():.2f} main: box = {box}")


asyncio.run(main())
