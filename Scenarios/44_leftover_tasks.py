# What asyncio.run does with tasks still running when main returns: it cancels them
# and runs the loop until they finish. A task can even await during its cleanup.
# Notice the cleanup lines come after "main returns", at the same virtual time.
import asyncio


async def background(name):
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(100)
    finally:
        print(f"{loop.time():.2f} {name}: cancelled at shutdown, cleaning up")
        await asyncio.sleep(0)
        print(f"{loop.time():.2f} {name}: cleanup done")


async def main():
    loop = asyncio.get_running_loop()
    asyncio.create_task(background("bg"))
    await asyncio.sleep(1)
    print(f"{loop.time():.2f} main returns")


asyncio.run(main())
print("after asyncio.run")
