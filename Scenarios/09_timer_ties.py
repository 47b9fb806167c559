# Many tasks waking at the same deadline. Eight tasks sleep 0.3, 0.1, 0.2, ... so
# several deadlines collide exactly. Due timers leave the heap in heapq order
# (deadline only; equal deadlines come out in heap order, not creation order).
# Notice the order within each timestamp group: the simulator must copy heapq.
import asyncio


async def sleeper(n, delay):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(delay)
    print(f"{loop.time():.2f} sleeper {n} (slept {delay})")


async def main():
    delays = [0.3, 0.1, 0.2, 0.1, 0.3, 0.2, 0.1, 0.3]
    tasks = []
    for n, d in enumerate(delays):
        tasks.append(asyncio.create_task(sleeper(n, d)))
    for t in tasks:
        await t
    print("all awake")


asyncio.run(main())
