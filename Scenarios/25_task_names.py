# Task names. The main task is Task-1; unnamed tasks get Task-2, Task-3, ... in
# creation order. name= overrides the default, but the counter still advances for
# every task created. Notice "Task-4" after the named one, and gather's children.
import asyncio


async def who():
    return asyncio.current_task().get_name()


async def main():
    print(f"main runs as {asyncio.current_task().get_name()}")
    t2 = asyncio.create_task(who())
    t3 = asyncio.create_task(who(), name="fetcher")
    t4 = asyncio.create_task(who())
    print(f"names: {t2.get_name()} {t3.get_name()} {t4.get_name()}")
    print(f"each task reports: {await t2} {await t3} {await t4}")
    results = await asyncio.gather(who(), who())
    print(f"gather children: {results}")


asyncio.run(main())
