# Swallowing CancelledError. The task catches it and returns normally, so the
# cancellation is "lost": awaiting the task returns its value and cancelled() is
# False. Notice main is not cancelled, and the task keeps sleeping after the catch.
import asyncio


async def stubborn():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} stubborn: ignoring the cancellation")
    await asyncio.sleep(1)
    print(f"{loop.time():.2f} stubborn: finishing anyway")
    return "survived"


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    t.cancel()
    result = await t
    print(f"{loop.time():.2f} main: result={result!r}")
    print(f"cancelled={t.cancelled()} done={t.done()}")


asyncio.run(main())
