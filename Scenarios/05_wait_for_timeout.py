# wait_for with a timeout. The inner coroutine would take 5 s; after 1 s wait_for
# cancels it and raises TimeoutError. Notice the inner task sees CancelledError
# first (its except block prints), and only then does main get TimeoutError.
import asyncio


async def slow_query():
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} query: started")
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} query: cancelled by wait_for")
        raise
    return "rows"


async def main():
    loop = asyncio.get_running_loop()
    try:
        rows = await asyncio.wait_for(slow_query(), timeout=1)
        print(f"got {rows}")
    except asyncio.TimeoutError:
        print(f"{loop.time():.2f} main: TimeoutError")


asyncio.run(main())
