# Task.get_stack and print_stack while the task runs: CPython gives the coroutine's frame
# and its f_back chain down to the code that runs the event loop (here the frames of this
# file: <module> and run_app); the stack of a suspended task is its frame at the await, a
# failed task's is its traceback, a finished one has none. Only frames of this file are
# printed, since the event loop's own frames (and main's repr) differ between Pythons.
import asyncio
import sys


def own_frames(task, limit=None):
    return [(f.f_code.co_name, f.f_lineno) for f in task.get_stack(limit=limit)
            if f.f_code.co_filename == __file__]


def report(label, dump=True):
    task = asyncio.current_task()
    print(label, own_frames(task), own_frames(task, limit=1))
    if dump:
        task.print_stack(limit=1, file=sys.stdout)


async def step(n):
    await asyncio.sleep(0.1)
    report(f"step {n}")
    return n


async def worker():
    report("worker starts")
    total = await step(1) + await step(2)
    report("worker ends")
    return total


async def broken():
    await asyncio.sleep(0.05)
    raise RuntimeError("broken on purpose")


async def main():
    report("main", dump=False)
    job = asyncio.create_task(worker(), name="worker")
    bad = asyncio.create_task(broken(), name="broken")
    await asyncio.sleep(0.15)
    print("suspended:", own_frames(job))
    job.print_stack(file=sys.stdout)
    bad.print_stack(file=sys.stdout)
    print("broken:", bad.exception())
    print("result:", await job, own_frames(job))
    job.print_stack(file=sys.stdout)


def run_app():
    asyncio.run(main())


run_app()
