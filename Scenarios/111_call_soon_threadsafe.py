# loop.call_soon_threadsafe from the loop's own thread queues a handle as call_soon does
# (in the same ready queue, in call order; a cancelled one is skipped); debug mode checks
# that the callback is callable, naming call_soon_threadsafe, and reports a slow one
# with the line that scheduled it.
import asyncio

from loopscope import cpu


def report(label):
    print(label, asyncio.get_running_loop().time())
    if label == "slow":
        cpu(0.2)


async def main():
    loop = asyncio.get_running_loop()
    h = loop.call_soon_threadsafe(report, "threadsafe")
    loop.call_soon(report, "soon")
    print(type(h).__name__, h.cancelled())
    try:
        loop.call_soon_threadsafe(42)
    except TypeError as e:
        print("TypeError", e)
    await asyncio.sleep(0.1)
    loop.call_soon_threadsafe(report, "slow")
    await asyncio.sleep(0)
    handle = loop.call_soon_threadsafe(report, "cancelled")
    handle.cancel()
    await asyncio.sleep(0)


asyncio.run(main(), debug=True)
