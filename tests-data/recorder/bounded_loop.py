# A loop of many short iterations, for a recording bounded by --max-size: two tasks
# yielding in turn, while a task parked on a long sleep and a long timer wait the whole run
# (they must be restated where the trace is cut).
import asyncio
import sys

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 3000


async def spin(n):
    for _ in range(n):
        await asyncio.sleep(0)
    return n


async def main():
    loop = asyncio.get_running_loop()
    late = loop.call_later(3600, print, "never")
    sleeper = asyncio.create_task(asyncio.sleep(3600), name="sleeper")
    results = await asyncio.gather(spin(ROUNDS), spin(ROUNDS // 2))
    late.cancel()
    sleeper.cancel()
    print("spun", results)


asyncio.run(main())
