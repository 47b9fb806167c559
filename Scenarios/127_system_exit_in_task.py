# SystemExit raised inside a task stops the event loop at once, as in CPython: the task
# keeps it as its exception and raises it again out of the loop, instead of leaving it
# for whoever awaits the task. asyncio.run then cancels what is still pending (main
# first, so its `except SystemExit` never runs; its `finally` does) and the program
# ends with the status SystemExit carries: 7 here, with nothing printed after it.
import asyncio
import sys


async def worker(n, delay):
    try:
        await asyncio.sleep(delay)
        print(f"worker {n} done at {asyncio.get_running_loop().time():.1f}")
        if n == 2:
            sys.exit(7)
    finally:
        print(f"worker {n} finally")


async def main():
    tasks = [asyncio.create_task(worker(n, 0.1 * (n % 3 + 1))) for n in range(5)]
    try:
        await asyncio.gather(*tasks)
    except SystemExit as exc:
        print("main never sees it here", exc)
    finally:
        print("main finally")


asyncio.run(main())
print("not reached")
