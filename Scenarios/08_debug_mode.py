# Debug mode: asyncio.run(main(), debug=True) makes the loop time every callback and
# warn about slow ones (>= 0.1 s). The 0.5 s CPU burst in one task step triggers
# "Executing <Task ...> took 0.500 seconds" on stderr. Notice stdout is unchanged;
# loop.get_debug() reports True.
import asyncio
from loopscope import cpu


async def crunch():
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} crunch: start")
    cpu(0.5)
    print(f"{loop.time():.2f} crunch: end")


async def main():
    loop = asyncio.get_running_loop()
    print(f"debug mode: {loop.get_debug()}")
    await asyncio.create_task(crunch(), name="cruncher")
    await asyncio.sleep(0.1)
    print(f"{loop.time():.2f} main: done")


asyncio.run(main(), debug=True)
