# Nested asyncio.timeout blocks: only the one that expires converts the cancellation
# into TimeoutError; the outer block, whose deadline has not passed, lets it through.
# Notice which block reports and the task's cancelling() count after each block.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    try:
        async with asyncio.timeout(1.0):
            try:
                async with asyncio.timeout(0.2):
                    await asyncio.sleep(0.5)
            except TimeoutError:
                print(f"{loop.time():.2f} inner expired, cancelling={me.cancelling()}")
            await asyncio.sleep(0.3)
            print(f"{loop.time():.2f} still inside outer")
    except TimeoutError:
        print("outer should not expire")
    try:
        async with asyncio.timeout(0.3) as outer:
            try:
                async with asyncio.timeout(0.6) as inner:
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner should not report")
    except TimeoutError:
        print(f"{loop.time():.2f} outer expired={outer.expired()} inner expired={inner.expired()}")
    print(f"{loop.time():.2f} done, cancelling={me.cancelling()}")


asyncio.run(main())
