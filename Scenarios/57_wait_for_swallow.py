# wait_for on a task that swallows its cancellation: on timeout wait_for cancels the
# inner task and waits for it; the task catches CancelledError and returns a value
# instead. In 3.11 wait_for then returns that value rather than raising TimeoutError.
# Notice the second case, where the inner task swallows and sleeps some more.
import asyncio


async def stubborn(name, extra):
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(1)
        return f"{name}: normal"
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} {name}: swallowing cancel")
        if extra:
            await asyncio.sleep(extra)
            print(f"{loop.time():.2f} {name}: extra work done")
        return f"{name}: swallowed"


async def main():
    loop = asyncio.get_running_loop()
    for name, extra in [("s1", 0), ("s2", 0.4)]:
        t = asyncio.create_task(stubborn(name, extra), name=name)
        try:
            r = await asyncio.wait_for(t, timeout=0.2)
            print(f"{loop.time():.2f} wait_for returned {r!r}")
        except asyncio.TimeoutError:
            print(f"{loop.time():.2f} wait_for raised TimeoutError")
        print(f"{loop.time():.2f} {name} cancelled={t.cancelled()} done={t.done()}")
    try:
        r = await asyncio.wait_for(asyncio.sleep(0.5, result="slept"), timeout=0.2)
    except asyncio.TimeoutError as e:
        print(f"{loop.time():.2f} plain sleep timed out: {type(e).__name__} {e.args}")


asyncio.run(main())
