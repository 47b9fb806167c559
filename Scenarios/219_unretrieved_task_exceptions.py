# "Task exception was never retrieved" is logged when the failed task is freed: a task
# kept only in a local goes when its coroutine finishes, or, if the coroutine raised, when
# the exception (whose traceback holds the locals) is dropped. asyncio's logger writes to
# stdout, so each message shows where it happens; an async generator left open in a local
# is closed by the loop's finalizer hook at shutdown.
import asyncio
import logging
import sys

logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(name)s: %(message)s")


async def fetch(item):
    await asyncio.sleep(0.01)
    raise ValueError(f"bad item {item!r}")


async def fire_and_forget(item):
    task = asyncio.create_task(fetch(item))
    await asyncio.sleep(0.1)
    print(f"fire_and_forget({item!r}) returns")


async def worker(item):
    task = asyncio.create_task(fetch(item))
    await asyncio.sleep(0.1)
    raise KeyError(item)


def schedule(item):
    asyncio.ensure_future(fetch(item))
    return "scheduled"


async def ticks():
    try:
        for n in range(10):
            await asyncio.sleep(0)
            yield n
    finally:
        print("ticks closed")


async def main():
    numbers = ticks()
    print("first tick", await numbers.__anext__())
    await fire_and_forget("a")
    print("after fire_and_forget")

    runner = asyncio.create_task(fire_and_forget("b"))
    await runner
    print("after the task running fire_and_forget")

    try:
        await worker("c")
    except KeyError as e:
        error = e
        print("worker raised", repr(error))
    print("the KeyError still holds worker's locals")
    del error
    print("after del error")

    print(schedule("d"))
    await asyncio.sleep(0.1)
    print("after schedule")

    kept = asyncio.create_task(fetch("e"))
    await asyncio.sleep(0.1)
    print("main returns")


asyncio.run(main())
print("after asyncio.run")
