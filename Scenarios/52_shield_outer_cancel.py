# shield() protects the inner task when the task awaiting it is cancelled: the awaiting
# task gets CancelledError, the shielded task carries on and its result can still be
# awaited later. Notice the cancel message and the inner task's timestamps.
import asyncio


async def important():
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} important: start")
    await asyncio.sleep(0.5)
    print(f"{loop.time():.2f} important: finished")
    return 42


async def caller(inner):
    loop = asyncio.get_running_loop()
    try:
        r = await asyncio.shield(inner)
        print(f"{loop.time():.2f} caller got {r}")
    except asyncio.CancelledError as e:
        print(f"{loop.time():.2f} caller cancelled: args={e.args}")
        raise


async def main():
    loop = asyncio.get_running_loop()
    inner = asyncio.create_task(important(), name="important")
    c = asyncio.create_task(caller(inner), name="caller")
    await asyncio.sleep(0.2)
    c.cancel("stop waiting")
    try:
        await c
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} main: caller cancelled={c.cancelled()}, inner done={inner.done()}")
    r = await inner
    print(f"{loop.time():.2f} main: inner result {r}, cancelled={inner.cancelled()}")


asyncio.run(main())
