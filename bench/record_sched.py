# Recorder benchmark, scheduling-bound: tasks handing work to each other through a queue
# and yielding, with no I/O (python3 record_sched.py [TASKS [ROUNDS]]).
import asyncio
import sys

TASKS = int(sys.argv[1]) if len(sys.argv) > 1 else 100
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 200


async def worker(n, queue):
    total = 0
    for i in range(ROUNDS):
        await queue.put(i * n)
        total += await queue.get()
        await asyncio.sleep(0)
    return total


async def main():
    queue = asyncio.Queue()
    results = await asyncio.gather(*(worker(n, queue) for n in range(TASKS)))
    print(len(results), "workers,", TASKS * ROUNDS, "rounds")


asyncio.run(main())
