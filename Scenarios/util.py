# Helpers shared by scenarios, in the style of the asyncio book's util module:
# `from util import delay` finds this file beside the scenario.
import asyncio


async def delay(delay_seconds):
    print(f"sleeping for {delay_seconds} second(s)")
    await asyncio.sleep(delay_seconds)
    print(f"finished sleeping for {delay_seconds} second(s)")
    return delay_seconds
