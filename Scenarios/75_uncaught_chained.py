# An uncaught exception with an implicit context, raised in a task and propagated out
# of asyncio.run: the traceback on stderr shows both exceptions joined by "During
# handling of the above exception, another exception occurred:", and the exit status
# is 1. stdout has the lines printed before the failure.
import asyncio


async def worker():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0.1)
    print(f"{loop.time():.2f} worker about to fail")
    try:
        {}["key"]
    except KeyError:
        raise RuntimeError("worker failed")


async def main():
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} main starts worker")
    await asyncio.create_task(worker())


asyncio.run(main())
