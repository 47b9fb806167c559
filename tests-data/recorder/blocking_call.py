# A blocking call on the loop's thread: time.sleep stalls every other task.
import asyncio
import time


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0.01)


async def blocker():
    await asyncio.sleep(0.005)
    time.sleep(0.2)
    print("blocked for 0.2 s")


async def main():
    await asyncio.gather(ticker(), blocker())


asyncio.run(main())
