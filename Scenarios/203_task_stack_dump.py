# A watchdog dumps the stacks of the tasks that are still waiting (Task.get_stack and
# Task.print_stack, as asyncio/base_tasks.py prints them): a suspended task shows its
# coroutine's frame at the await it is parked on; a task that failed shows the frames of
# its exception's traceback, and the exception; a task that finished shows no stack.
import asyncio
import sys


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} fetched"


async def slow_client(name):
    reply = await fetch(name, 5)
    return reply


def parse(record):
    fields = record.split(",")
    return int(fields[2])


async def parser(record):
    await asyncio.sleep(0.1)
    return parse(record)


async def watchdog(tasks, after):
    await asyncio.sleep(after)
    for task in tasks:
        frames = task.get_stack()
        where = [(f.f_code.co_name, f.f_lineno) for f in frames]
        print(f"{task.get_name()}: {len(frames)} frame(s) {where}")
    for task in tasks:
        task.print_stack(file=sys.stdout)
    print("limit=1:", [(f.f_code.co_name, f.f_lineno) for f in tasks[2].get_stack(limit=1)])
    tasks[2].print_stack(limit=1, file=sys.stdout)
    tasks[0].print_stack(limit=0, file=sys.stdout)


async def main():
    tasks = [
        asyncio.create_task(slow_client("alpha"), name="client-alpha"),
        asyncio.create_task(fetch("beta", 0.2), name="fetch-beta"),
        asyncio.create_task(parser("a,b,c"), name="parser"),
    ]
    await watchdog(tasks, 1)
    tasks[0].cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    for task in tasks:
        print(task.get_name(), "cancelled" if task.cancelled() else "done", len(task.get_stack()))


asyncio.run(main())
