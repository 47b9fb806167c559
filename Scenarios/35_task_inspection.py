# Inspecting tasks after they complete: done(), cancelled(), result(), exception()
# for a task that returned, one that raised, and one that was cancelled. Notice
# result() re-raises the stored exception, and exception() of a cancelled task
# raises CancelledError.
import asyncio


async def ok():
    await asyncio.sleep(0.1)
    return 7


async def boom():
    await asyncio.sleep(0.1)
    raise ValueError("boom")


async def forever():
    await asyncio.sleep(100)


async def main():
    t1 = asyncio.create_task(ok(), name="ok")
    t2 = asyncio.create_task(boom(), name="boom")
    t3 = asyncio.create_task(forever(), name="forever")
    print(f"before: done={t1.done()} cancelled={t1.cancelled()}")
    await asyncio.sleep(0.5)
    t3.cancel()
    await asyncio.sleep(0)
    for t in [t1, t2, t3]:
        print(f"{t.get_name()}: done={t.done()} cancelled={t.cancelled()}")
    print(f"ok: result={t1.result()} exception={t1.exception()}")
    print(f"boom: exception={t2.exception()!r}")
    try:
        t2.result()
    except ValueError as e:
        print(f"boom: result() raised ValueError({e})")
    try:
        t3.exception()
    except asyncio.CancelledError:
        print("forever: exception() raised CancelledError")
    try:
        t3.result()
    except asyncio.CancelledError:
        print("forever: result() raised CancelledError")


asyncio.run(main())
