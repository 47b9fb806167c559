# cancel() called twice on a sleeping task: both calls return True and cancelling()
# counts 2, but only one CancelledError is delivered. The task swallows it, calls
# uncancel() to bring the count back down, and carries on. Notice cancel() on a done
# task returns False and the message of the first cancel() is the one delivered.
import asyncio


async def worker():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print(f"{loop.time():.2f} worker: cancelled args={e.args} cancelling={me.cancelling()}")
        n = me.uncancel()
        print(f"{loop.time():.2f} worker: uncancel -> {n}")
        n = me.uncancel()
        print(f"{loop.time():.2f} worker: uncancel -> {n}")
    await asyncio.sleep(0.1)
    print(f"{loop.time():.2f} worker: still alive, cancelling={me.cancelling()}")
    return "survived"


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(worker(), name="worker")
    await asyncio.sleep(0.2)
    print(f"{loop.time():.2f} main: first cancel -> {t.cancel('first')}")
    print(f"{loop.time():.2f} main: second cancel -> {t.cancel('second')}")
    print(f"{loop.time():.2f} main: cancelling() = {t.cancelling()}")
    r = await t
    print(f"{loop.time():.2f} main: result {r}, cancelled={t.cancelled()}")
    print(f"{loop.time():.2f} main: cancel on done task -> {t.cancel()}")
    t2 = asyncio.create_task(worker(), name="early")
    print(f"{loop.time():.2f} main: cancel before first step -> {t2.cancel('early bird')}")
    try:
        await t2
    except asyncio.CancelledError as e:
        print(f"{loop.time():.2f} main: early cancelled={t2.cancelled()} args={e.args}")


asyncio.run(main())
