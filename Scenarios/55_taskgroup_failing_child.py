# A TaskGroup whose child fails: the siblings are cancelled, the group waits for them,
# then raises an ExceptionGroup that main catches and inspects via eg.exceptions.
# Notice the sibling's finally block runs and a second failure joins the group. (Only
# one sibling prints on cancel: TaskGroup cancels its children in set order.)
import asyncio


async def child(name, delay, fail=None):
    loop = asyncio.get_running_loop()
    try:
        print(f"{loop.time():.2f} {name}: start")
        await asyncio.sleep(delay)
        if fail is not None:
            print(f"{loop.time():.2f} {name}: raising {fail}")
            raise fail
        print(f"{loop.time():.2f} {name}: ok")
        return name
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} {name}: cancelled")
        if name == "stubborn":
            raise KeyError("cleanup failed")
        raise
    finally:
        print(f"{loop.time():.2f} {name}: finally")


async def quiet(delay):
    await asyncio.sleep(delay)


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.TaskGroup() as tg:
            t1 = tg.create_task(child("fast", 0.1), name="fast")
            t2 = tg.create_task(child("bad", 0.2, ValueError("boom")), name="bad")
            t3 = tg.create_task(quiet(1.0), name="slow")
            t4 = tg.create_task(child("stubborn", 1.0), name="stubborn")
            print(f"{loop.time():.2f} main: body done")
        print("not reached")
    except ExceptionGroup as eg:
        print(f"{loop.time():.2f} caught: {eg!r}")
        print(f"{loop.time():.2f} exceptions: {[repr(e) for e in eg.exceptions]}")
    print(f"{loop.time():.2f} fast={t1.result()} slow cancelled={t3.cancelled()} stubborn exc={t4.exception()!r}")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("x", 0.1, RuntimeError("x failed")))
            tg.create_task(child("y", 0.1, RuntimeError("y failed")))
    except ExceptionGroup as eg:
        print(f"{loop.time():.2f} caught {type(eg).__name__}: {eg}")
        for i, e in enumerate(eg.exceptions, start=1):
            print(f"   {i}. {type(e).__name__}: {e}")


asyncio.run(main())
