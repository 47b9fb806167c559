# async with asyncio.timeout(d): a deadline for a whole block. When it expires the
# current await is cancelled and, on leaving the block, the CancelledError becomes
# TimeoutError. Notice the inner except sees CancelledError first, and a block that
# finishes in time is unaffected.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(1):
        await asyncio.sleep(0.5)
        print(f"{loop.time():.2f} first block finished in time")
    try:
        async with asyncio.timeout(1):
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                print(f"{loop.time():.2f} inner: CancelledError (the timeout fired)")
                raise
    except TimeoutError:
        print(f"{loop.time():.2f} outer: TimeoutError")
    await asyncio.sleep(0.25)
    print(f"{loop.time():.2f} main: not cancelled, still running")


asyncio.run(main())
