# Cancelling with a message: t.cancel("stop") carries the message into the
# CancelledError raised inside the task (e.args) and into the one main gets.
# Notice e.args is a 1-tuple in both places.
import asyncio


async def service():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(f"service: cancelled with args {e.args!r}")
        raise


async def main():
    t = asyncio.create_task(service())
    await asyncio.sleep(0.5)
    t.cancel("stop")
    try:
        await t
    except asyncio.CancelledError as e:
        print(f"main: got args {e.args!r}")
        print(f"main: str is {str(e)!r}")


asyncio.run(main())
