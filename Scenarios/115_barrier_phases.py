# asyncio.Barrier (3.11) in phases: three workers meet at the barrier after each phase,
# each pass returns the arrival index, the last to arrive releases the others; abort()
# breaks it with BrokenBarrierError. PriorityQueue serves the lowest entry first,
# LifoQueue the newest; as_completed is an iterator over awaitables, in finishing order.
import asyncio
from asyncio import Barrier, BrokenBarrierError, LifoQueue, PriorityQueue


def shown(barrier):
    # The repr without the object's address, which differs from run to run.
    return "[" + repr(barrier).split(" [", 1)[1]


async def worker(name, barrier, durations):
    for phase, duration in enumerate(durations):
        await asyncio.sleep(duration)
        print(f"{name} reaches phase {phase} end at {asyncio.get_running_loop().time()}: {shown(barrier)}")
        index = await barrier.wait()
        print(f"{name} passes phase {phase} as arrival {index}")


async def stubborn(barrier):
    try:
        async with barrier as index:
            print("never", index)
    except BrokenBarrierError as e:
        print("stubborn:", type(e).__name__, e, isinstance(e, RuntimeError))


async def main():
    barrier = Barrier(3)
    print(shown(barrier), barrier.parties, barrier.n_waiting, barrier.broken)
    await asyncio.gather(
        worker("ann", barrier, [0.3, 0.1]),
        worker("bob", barrier, [0.1, 0.2]),
        worker("cid", barrier, [0.2, 0.3]),
    )
    print(shown(barrier))

    broken = Barrier(2)
    waiter = asyncio.create_task(stubborn(broken))
    await asyncio.sleep(0.1)
    print(shown(broken))
    await broken.abort()
    await waiter
    print(shown(broken), broken.broken)
    try:
        await broken.wait()
    except BrokenBarrierError as e:
        print("late:", e)
    try:
        Barrier(0)
    except ValueError as e:
        print("ValueError:", e)

    jobs = PriorityQueue()
    for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        await jobs.put(item)
    print(jobs.qsize(), [jobs.get_nowait() for _ in range(jobs.qsize())])
    stack = LifoQueue(maxsize=2)
    stack.put_nowait("first")
    stack.put_nowait("second")
    try:
        stack.put_nowait("third")
    except asyncio.QueueFull:
        print("full:", stack.full())
    print(await stack.get(), await stack.get(), stack.empty())

    coros = [asyncio.sleep(d, f"slept {d}") for d in (0.3, 0.1, 0.2)]
    finished = asyncio.as_completed(coros)
    print(type(finished).__name__)
    for next_one in finished:
        print(await next_one, asyncio.get_running_loop().time())
    try:
        for next_one in asyncio.as_completed([asyncio.sleep(1)], timeout=0.5):
            await next_one
    except TimeoutError:
        print("as_completed timed out at", asyncio.get_running_loop().time())


asyncio.run(main())
