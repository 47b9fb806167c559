# A deadlock: main awaits a worker that awaits a future nobody will ever resolve.
# Plain CPython would hang forever here; tools/vtrun.py (and loopscope) detect that
# nothing is ready and no timer is pending, report the waiting tasks on stderr and
# exit with status 3. Not in Scenarios/ because it would hang a real run.
import asyncio


async def worker(fut):
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} worker: waiting for a future nobody resolves")
    await fut
    print("never printed")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(worker(fut), name="worker")
    await asyncio.sleep(1)
    print(f"{loop.time():.2f} main: waiting for the worker")
    await t


asyncio.run(main())
