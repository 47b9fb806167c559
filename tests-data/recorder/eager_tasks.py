# Eager tasks (3.12+): a task that never waits finishes inside create_task.
import asyncio


async def quick(n):
    return n * 2


async def slow(n):
    await asyncio.sleep(0.01)
    return n


async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    t = asyncio.create_task(quick(21))
    print("done right away:", t.done(), t.result())
    s = asyncio.create_task(slow(5))
    print("slow done:", s.done())
    print(await s)


asyncio.run(main())
