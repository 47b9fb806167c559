# call_soon ordering versus create_task: both append to the same ready queue, so a
# callback scheduled before a task is created runs before the task's first step.
# loop.call_at takes an absolute time; call_later a delay; equal deadlines keep the
# order in which they were scheduled. Notice the cancelled handle never runs.
import asyncio


def say(msg):
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} callback: {msg}")


async def task_body(name):
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} task {name}: first step")
    await asyncio.sleep(0)
    print(f"{loop.time():.2f} task {name}: second step")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(say, "soon-1")
    t1 = asyncio.create_task(task_body("T1"))
    loop.call_soon(say, "soon-2")
    t2 = asyncio.create_task(task_body("T2"))
    print(f"{loop.time():.2f} main: scheduled, yielding")
    await asyncio.sleep(0)
    print(f"{loop.time():.2f} main: back")
    now = loop.time()
    loop.call_at(now + 0.3, say, "call_at +0.3")
    loop.call_later(0.2, say, "call_later 0.2")
    loop.call_later(0.3, say, "call_later 0.3")
    h = loop.call_at(now + 0.25, say, "cancelled one")
    loop.call_at(now + 0.1, say, "call_at +0.1")
    h.cancel()
    print(f"{loop.time():.2f} main: handle cancelled={h.cancelled()}")
    await asyncio.sleep(0.5)
    await asyncio.gather(t1, t2)
    print(f"{loop.time():.2f} main: {t1.get_name()} {t2.get_name()} done")


asyncio.run(main())
