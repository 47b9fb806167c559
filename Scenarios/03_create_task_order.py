# Tasks start in creation order, but only at the loop's next iteration: create_task
# schedules the first step with call_soon, and the creator keeps running until it
# awaits. Notice "main continues" prints before any task's first line, and the
# tasks' first steps run in the order t1, t2, t3.
import asyncio


async def worker(n):
    print(f"worker {n} step 1")
    await asyncio.sleep(0)
    print(f"worker {n} step 2")


async def main():
    tasks = []
    for n in range(1, 4):
        tasks.append(asyncio.create_task(worker(n)))
        print(f"created t{n}")
    print("main continues")
    await asyncio.sleep(0)
    print("main after one yield")
    for t in tasks:
        await t
    print("all done")


asyncio.run(main())
