# A TaskGroup: one child fails, so the group cancels its siblings and re-raises.
import asyncio


async def sleeper(n):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("sleeper", n, "cancelled")
        raise


async def failer():
    await asyncio.sleep(0.01)
    raise ValueError("boom")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper(1))
            tg.create_task(sleeper(2))
            tg.create_task(failer())
    except* ValueError as group:
        print("caught", group.exceptions)


asyncio.run(main())
