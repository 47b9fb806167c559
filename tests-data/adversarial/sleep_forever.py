# Sleeps 1 s at a time forever; `--until 100` must stop it (exit 3).
# Without limits the default --max-iterations stops it.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    while True:
        await asyncio.sleep(1)
        if loop.time() % 20 == 0:
            print(f"{loop.time():.0f}")


asyncio.run(main())
