# A reply races its deadline. fetch() takes exactly as long as wait_for allows (0.5 s),
# so the reply's timer and the timeout's timer share a deadline, and asyncio does not
# define which of the two runs first. CPython runs the timeout first and the fetch
# times out; the other legal order delivers the reply. `loopscope explore` shows both
# outcomes, each with a seed that replays it.
import asyncio


async def fetch():
    await asyncio.sleep(0.5)
    return "reply"


async def main():
    try:
        result = await asyncio.wait_for(fetch(), timeout=0.5)
        print(f"got {result}")
    except asyncio.TimeoutError:
        print("timed out")


asyncio.run(main())
