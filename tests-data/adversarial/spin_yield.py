# A coroutine that yields forever with sleep(0) and one that sleeps 1 s forever: the
# default --max-iterations (or --until) must stop them with exit 3 and a message.
import asyncio


async def main():
    n = 0
    while True:
        await asyncio.sleep(0)
        n += 1


asyncio.run(main())
