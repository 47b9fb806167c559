# Exception chaining: `raise X from e` sets __cause__, raising inside an except block
# sets __context__ implicitly, `from None` suppresses it. Chains survive crossing a task
# boundary (awaiting a failed task). Notice the reprs printed for each link.
import asyncio


def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError(f"cannot parse {s!r}") from e


def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise LookupError(f"missing {k}")


def quiet(d, k):
    try:
        return d[k]
    except KeyError:
        raise ValueError("quiet") from None


async def failing():
    await asyncio.sleep(0.1)
    parse("x1")


async def main():
    loop = asyncio.get_running_loop()
    try:
        parse("abc")
    except RuntimeError as e:
        print(f"{loop.time():.2f} {e!r} cause={e.__cause__!r}")
        print(f"   suppress_context={e.__suppress_context__}")
    try:
        lookup({"a": 1}, "b")
    except LookupError as e:
        print(f"{loop.time():.2f} {e!r} cause={e.__cause__!r} context={e.__context__!r}")
    try:
        quiet({}, "z")
    except ValueError as e:
        print(f"{loop.time():.2f} {e!r} cause={e.__cause__!r} context={e.__context__!r} suppress={e.__suppress_context__}")
    t = asyncio.create_task(failing(), name="failing")
    try:
        await t
    except RuntimeError as e:
        print(f"{loop.time():.2f} from task: {e!r}, cause is {type(e.__cause__).__name__}: {e.__cause__}")
        print(f"   same object as t.exception(): {t.exception() is e}")


asyncio.run(main())
