# explore's speed benchmark: about 50 loop iterations, with a tie between two equal-
# deadline timers in nearly every one, so explore draws random schedules.
# `loopscope explore bench/explore_ties.py --runs 1000` reports runs per second.
import asyncio


async def worker(name, log):
    for i in range(25):
        await asyncio.sleep(0.1)
        log.append(name)


async def main():
    log = []
    await asyncio.gather(worker("a", log), worker("b", log))
    print("".join(log))


asyncio.run(main())
