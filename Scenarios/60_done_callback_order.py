# Future.add_done_callback ordering versus task wake-ups: set_result() schedules every
# callback (plain ones and the waiting tasks' wake-ups) with call_soon, in the order they
# were added. Notice the plain callback registered before the tasks started waiting runs
# first, and the one added after set_result() is scheduled immediately, at the end.
import asyncio


def cb(label):
    def inner(fut):
        loop = asyncio.get_running_loop()
        print(f"{loop.time():.2f} callback {label}: result={fut.result()}")
    return inner


async def waiter(name, fut):
    loop = asyncio.get_running_loop()
    r = await fut
    print(f"{loop.time():.2f} task {name} woke with {r}")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(cb("early"))
    a = asyncio.create_task(waiter("a", fut), name="a")
    b = asyncio.create_task(waiter("b", fut), name="b")
    await asyncio.sleep(0)
    fut.add_done_callback(cb("middle"))
    loop.call_later(0.1, fut.set_result, "ok")
    await asyncio.sleep(0.1)
    print(f"{loop.time():.2f} main: woke at the same deadline, done={fut.done()}")
    fut.add_done_callback(cb("late"))
    await asyncio.gather(a, b)
    print(f"{loop.time():.2f} main: end")


asyncio.run(main())
