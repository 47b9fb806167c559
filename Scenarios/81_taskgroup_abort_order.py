# When one child of a TaskGroup fails, the group cancels every other child, in the
# order the group holds them. CPython keeps them in a set (memory-address order); the
# reference runner and loopscope both use creation order. asyncio.wait's done/pending
# sets come back in the same order as the tasks passed in.
import asyncio

async def child(name, d):
    try:
        await asyncio.sleep(d)
        if name == "bad":
            raise ValueError("bad")
    except asyncio.CancelledError:
        print("cancelled", name)
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for n in ["a", "b", "c", "bad", "d", "e"]:
                tg.create_task(child(n, 1 if n == "bad" else 5))
    except ExceptionGroup as eg:
        print("group", eg)
    ts = [asyncio.create_task(asyncio.sleep(i / 10, result=i)) for i in range(5)]
    done, pending = await asyncio.wait(ts, timeout=0.25)
    print([t.result() for t in done], len(pending))
    for t in pending:
        t.cancel()

asyncio.run(main())
