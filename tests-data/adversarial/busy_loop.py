# `while True: pass` inside a coroutine: never yields, the loop never gets control.
# Run with --max-instructions 10000000: loopscope must stop with exit 3 and a message.
import asyncio


async def spin():
    print("spinning")
    while True:
        pass


async def main():
    asyncio.create_task(spin())
    await asyncio.sleep(1)
    print("never")


asyncio.run(main())
