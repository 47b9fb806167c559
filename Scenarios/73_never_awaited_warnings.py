# Warnings CPython prints by itself: a coroutine object that is created but never
# awaited ("RuntimeWarning: coroutine 'job' was never awaited") and a task whose
# exception nobody retrieves ("Task exception was never retrieved", at shutdown when
# the task is garbage-collected). stdout shows the run; stderr carries the warnings.
import asyncio


async def job(n):
    await asyncio.sleep(0.1)
    return n


async def failing():
    await asyncio.sleep(0.1)
    raise ValueError("nobody looks at me")


async def main():
    loop = asyncio.get_running_loop()
    c = job(1)
    print(f"{loop.time():.2f} made a coroutine object: {type(c).__name__}")
    c = None
    t = asyncio.create_task(failing(), name="failing")
    await asyncio.sleep(0.2)
    print(f"{loop.time():.2f} failing done={t.done()}")
    t = None
    await asyncio.sleep(0.1)
    print(f"{loop.time():.2f} main done")


asyncio.run(main())
