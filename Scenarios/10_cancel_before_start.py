# Cancelling a task before its first step. The task's coroutine never starts: at its
# first step CancelledError is thrown into it before line 1 runs, so not even the
# try/finally executes. Notice no "worker" line at all, and cancelled() is True.
import asyncio


async def worker():
    try:
        print("worker: started")
        await asyncio.sleep(1)
    finally:
        print("worker: finally")


async def main():
    t = asyncio.create_task(worker(), name="worker")
    print(f"cancel before start: {t.cancel()}")
    try:
        await t
    except asyncio.CancelledError:
        print("main: CancelledError from awaiting the task")
    print(f"done={t.done()} cancelled={t.cancelled()}")


asyncio.run(main())
