# A CPU burst blocks the whole loop. The ticker wants to wake every 0.2 s, but the
# cruncher holds the thread for 0.5 s with cpu(0.5): no other task can run meanwhile.
# Notice the tick at 0.20 is late (printed at 0.50) and later ticks drift.
import asyncio
from loopscope import cpu


async def ticker():
    loop = asyncio.get_running_loop()
    for i in range(4):
        await asyncio.sleep(0.2)
        print(f"{loop.time():.2f} tick {i}")


async def cruncher():
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} cruncher: start 0.5 s of CPU work")
    cpu(0.5)
    print(f"{loop.time():.2f} cruncher: done")


async def main():
    t1 = asyncio.create_task(ticker())
    t2 = asyncio.create_task(cruncher())
    await t1
    await t2


asyncio.run(main())
