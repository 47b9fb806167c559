# gather with an exception: the first exception propagates to the awaiting task
# immediately, but the other children are NOT cancelled and keep running.
# Notice "slow finished" prints after main has already caught the ValueError.
import asyncio


async def ok(name, delay):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(delay)
    print(f"{loop.time():.2f} {name} finished")
    return name


async def bad(delay):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(delay)
    print(f"{loop.time():.2f} bad raising")
    raise ValueError("bad input")


async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.gather(ok("fast", 0.1), bad(0.2), ok("slow", 1))
    except ValueError as e:
        print(f"{loop.time():.2f} main caught ValueError: {e}")
    await asyncio.sleep(2)
    print(f"{loop.time():.2f} main done")


asyncio.run(main())
