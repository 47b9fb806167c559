# The helper module of tasks_in_module.py: it creates, cancels and times out tasks.
import asyncio


async def sleeper():
    await asyncio.sleep(10)


async def start_and_cancel():
    task = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    task.cancel("enough")
    try:
        await task
    except asyncio.CancelledError:
        return "cancelled"


async def wait_too_long():
    try:
        await asyncio.wait_for(sleeper(), 0.01)
    except TimeoutError:
        return "timed out"
