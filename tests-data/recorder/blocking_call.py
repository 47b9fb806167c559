# A blocking call on the loop's thread: time.sleep stalls every other task.
import asyncio
import time


async def ticker(ticked):
    for i in range(3):
        print("tick", i)
        ticked.set()
        await asyncio.sleep(0.01)


async def blocker(ticked):
    await ticked.wait()
    time.sleep(0.2)
    print("blocked for 0.2 s")


async def main():
    # The blocker starts once the ticker has ticked, whatever the machine's load: the
    # output's order does not depend on timing.
    ticked = asyncio.Event()
    await asyncio.gather(ticker(ticked), blocker(ticked))


asyncio.run(main())
