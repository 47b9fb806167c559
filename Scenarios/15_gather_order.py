# gather returns results in argument order, not completion order. The three jobs
# finish c, b, a, yet the result list is [a, b, c].
# Notice gather wraps the coroutines in tasks Task-2..Task-4.
import asyncio


async def job(name, delay):
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} {name} started as {asyncio.current_task().get_name()}")
    await asyncio.sleep(delay)
    print(f"{loop.time():.2f} {name} finished")
    return name * 2


async def main():
    loop = asyncio.get_running_loop()
    results = await asyncio.gather(job("a", 0.3), job("b", 0.2), job("c", 0.1))
    print(f"{loop.time():.2f} results {results}")


asyncio.run(main())
