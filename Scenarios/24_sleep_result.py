# asyncio.sleep(delay, result=...) returns result when the delay is over, also with
# delay 0. Notice the value of each await and the virtual time it took. This file
# also uses the `if __name__ == "__main__":` guard, which runners must honour.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    v = await asyncio.sleep(0.25, result="quarter")
    print(f"{loop.time():.2f} {v}")
    v = await asyncio.sleep(0, result=[1, 2])
    print(f"{loop.time():.2f} {v}")
    v = await asyncio.sleep(1)
    print(f"{loop.time():.2f} {v}")
    v = await asyncio.sleep(0.5, result=None)
    print(f"{loop.time():.2f} {v}")


if __name__ == "__main__":
    asyncio.run(main())
