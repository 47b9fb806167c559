# A while loop with break and continue, polling a shared list every 0.25 s.
# The producer appends values over time; the poller skips odd values (continue)
# and stops at the first value over 5 (break). Notice which values are handled.
import asyncio


async def producer(items):
    loop = asyncio.get_running_loop()
    for v in [2, 3, 4, 7, 8]:
        await asyncio.sleep(0.3)
        items.append(v)
        print(f"{loop.time():.2f} produced {v}")


async def poller(items):
    loop = asyncio.get_running_loop()
    seen = 0
    while True:
        await asyncio.sleep(0.25)
        if seen == len(items):
            print(f"{loop.time():.2f} poll: nothing new")
            continue
        v = items[seen]
        seen += 1
        if v % 2 == 1:
            print(f"{loop.time():.2f} poll: skip odd {v}")
            continue
        if v > 5:
            print(f"{loop.time():.2f} poll: {v} is over 5, stop")
            break
        print(f"{loop.time():.2f} poll: handled {v}")
    return seen


async def main():
    items = []
    p = asyncio.create_task(producer(items))
    seen = await poller(items)
    await p
    print(f"poller consumed {seen} of {len(items)} items: {items}")


asyncio.run(main())
