# A TaskGroup: one child fails, so the group cancels its siblings and re-raises. The group
# cancels them in the order of a set of tasks, which follows their memory addresses, so
# the sleepers note their cancellation and main prints the notes sorted.
import asyncio

cancelled = []


async def sleeper(n):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        cancelled.append(f"sleeper {n} cancelled")
        raise


async def failer():
    await asyncio.sleep(0.01)
    raise ValueError("boom")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper(1))
            tg.create_task(sleeper(2))
            tg.create_task(failer(), name="failer")
    except* ValueError as group:
        print("caught", group.exceptions)
    print(sorted(cancelled))


asyncio.run(main())
