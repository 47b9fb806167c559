# Implicit exception chaining: raising inside an except block sets __context__ on the
# new exception (and __cause__ stays None); handling inside a finally too. The chain
# survives being raised out of a task and awaited. Notice the reprs of each link.
import asyncio


def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise LookupError(f"missing {k}")


async def worker():
    await asyncio.sleep(0.1)
    try:
        int("x")
    except ValueError:
        raise RuntimeError("worker failed")


async def main():
    loop = asyncio.get_running_loop()
    try:
        lookup({"a": 1}, "b")
    except LookupError as e:
        print(f"{loop.time():.2f} {e!r} cause={e.__cause__!r} context={e.__context__!r}")
    try:
        try:
            raise ValueError("first")
        finally:
            print(f"{loop.time():.2f} finally runs during unwinding")
    except ValueError as e:
        print(f"{loop.time():.2f} {e!r} context={e.__context__!r}")
    t = asyncio.create_task(worker(), name="worker")
    try:
        await t
    except RuntimeError as e:
        print(f"{loop.time():.2f} {e!r} context={e.__context__!r}")
        print(f"{loop.time():.2f} same object: {t.exception() is e}")
    try:
        try:
            1 / 0
        except ZeroDivisionError as e1:
            try:
                [][1]
            except IndexError as e2:
                raise KeyError("k")
    except KeyError as e3:
        print(f"{loop.time():.2f} {e3!r} <- {e3.__context__!r} <- {e3.__context__.__context__!r}")


asyncio.run(main())
