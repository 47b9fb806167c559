# What a program sees of asyncio's own objects must not change under the recorder: timer
# handles, the timer heap's callbacks, task names and types, the loop's methods and ready
# queue, time.sleep, sys.stdout. The sleeper is cancelled from a callback of the loop's (a
# task's method scheduled is no step of it). Then a timeout: it fires, then cancels the task.
import asyncio
import sys
import time


def tick():
    pass


async def main():
    loop = asyncio.get_running_loop()
    timer = loop.call_later(10, tick)
    other = loop.call_at(loop.time() + 20, print, "never")
    sleeper = asyncio.create_task(asyncio.sleep(5), name="sleeper")
    await asyncio.sleep(0)
    print(repr(timer).split(" when=")[0], repr(timer).split(" ", 2)[2], timer._callback.__qualname__)
    print(sorted(getattr(h._callback, "__qualname__", "?") for h in loop._scheduled))
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    print(type(sleeper).__name__, type(sleeper) is asyncio.Task, repr(sleeper).split(" coro=")[0])
    print(loop.call_soon.__qualname__, loop.call_at.__qualname__, asyncio.Handle._run.__qualname__,
          type(loop._ready).__name__, asyncio.TimerHandle.cancel.__qualname__)
    print(time.sleep.__name__, type(sys.stdout).__name__)
    timer.cancel()
    other.cancel()
    loop.call_soon(sleeper.cancel)
    try:
        async with asyncio.timeout(0.01) as deadline:
            print(deadline._on_timeout.__qualname__)
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out")


asyncio.run(main())
