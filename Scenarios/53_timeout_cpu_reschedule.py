# asyncio.timeout() around a CPU burst: the burst holds the loop past the deadline, yet
# the task's own wake-up (queued by sleep(0)) runs before the due timer, so the block
# ends cleanly and the timer is cancelled. reschedule() pushes a deadline later,
# expired() reports whether it fired. Notice the times printed around cpu().
import asyncio
from loopscope import cpu


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.2) as cm:
            print(f"{loop.time():.2f} start, burning 0.5s of CPU")
            cpu(0.5)
            print(f"{loop.time():.2f} burst over, now awaiting")
            await asyncio.sleep(0)
            print(f"{loop.time():.2f} after sleep(0): the step ran before the due timer")
    except TimeoutError:
        print(f"{loop.time():.2f} TimeoutError, expired={cm.expired()}")
    async with asyncio.timeout(0.2) as cm:
        await asyncio.sleep(0.1)
        cm.reschedule(loop.time() + 0.3)
        print(f"{loop.time():.2f} rescheduled to {cm.when():.2f}")
        await asyncio.sleep(0.25)
        print(f"{loop.time():.2f} survived past the old deadline")
    print(f"{loop.time():.2f} expired={cm.expired()}")
    async with asyncio.timeout(None) as cm:
        cm.reschedule(loop.time() + 0.1)
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print(f"{loop.time():.2f} inner saw CancelledError")
            raise
    print("not reached either")


try:
    asyncio.run(main())
except TimeoutError:
    print("main raised TimeoutError")
