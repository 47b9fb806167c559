# What a timed sleep does, seen from outside: the result it returns, a task's repr while
# it sleeps, a cancel (with a message) that lands mid-sleep, a timeout around a sleep,
# wait_for over a sleep, int, float and bool delays, an infinite sleep cancelled, and
# tasks whose sleeps end at the same moment waking in the order they were scheduled.
import asyncio


async def sleeper(name, delay):
    try:
        got = await asyncio.sleep(delay, f"{name} rested")
        print(f"{asyncio.get_running_loop().time():.2f} {got}")
        return got
    except asyncio.CancelledError as e:
        print(f"{asyncio.get_running_loop().time():.2f} {name} cancelled {e.args}")
        raise


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.sleep(1, "one second"), f"{loop.time():.2f}")
    print(await asyncio.sleep(0.25), f"{loop.time():.2f}")
    print(await asyncio.sleep(True, "True is one second"), f"{loop.time():.2f}")
    t = asyncio.create_task(sleeper("t", 2))
    await asyncio.sleep(0)
    print(t)
    await asyncio.sleep(0.5)
    t.cancel("wake up")
    try:
        await t
    except asyncio.CancelledError:
        print("t cancelled:", t.cancelled())
    try:
        async with asyncio.timeout(0.3):
            await asyncio.sleep(1)
    except TimeoutError:
        print(f"{loop.time():.2f} timeout around a sleep")
    print(await asyncio.wait_for(asyncio.sleep(0.1, "in time"), 1))
    try:
        await asyncio.wait_for(asyncio.sleep(5), 0.2)
    except TimeoutError:
        print(f"{loop.time():.2f} wait_for gave up")
    forever = asyncio.create_task(sleeper("forever", float("inf")))
    same = [asyncio.create_task(sleeper(f"s{k}", 0.5)) for k in range(4)]
    await asyncio.sleep(0.1)
    forever.cancel()
    print(await asyncio.gather(*same))
    print(await asyncio.gather(forever, return_exceptions=True))
    print(f"{loop.time():.2f} done")


asyncio.run(main())
