# Tasks created, cancelled and timed out in a helper module of the program: the trace's
# events name the helper's file and its lines.
import asyncio

import tasks_helper


async def main():
    print(await tasks_helper.start_and_cancel())
    print(await tasks_helper.wait_too_long())


asyncio.run(main())
