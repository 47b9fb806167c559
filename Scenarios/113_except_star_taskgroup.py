# except* over a TaskGroup: when several tasks of a TaskGroup fail, the group raises an
# ExceptionGroup of all their errors, and each `except*` clause handles the part of it
# that its type matches (split off with the group's structure kept). Notice that both
# clauses run for one group, that what no clause matches is raised again, and that a
# clause raising a new error combines it with that rest in a new ExceptionGroup. The
# tasks all fail in the same loop iteration, before the group cancels any of them.
import asyncio


async def fetch(n, delay):
    await asyncio.sleep(delay)
    if n % 3 == 0:
        raise ValueError(f"bad reply {n}")
    if n % 3 == 1:
        raise KeyError(f"missing {n}")
    return n


async def gather_all(count):
    async with asyncio.TaskGroup() as tg:
        for n in range(count):
            tg.create_task(fetch(n, 0.1))


async def main():
    try:
        await gather_all(5)
    except* ValueError as group:
        print("values:", sorted(str(e) for e in group.exceptions))
    except* KeyError as group:
        print("keys:", sorted(str(e) for e in group.exceptions))

    try:
        try:
            await gather_all(4)
        except* KeyError:
            print("keys handled; the ValueErrors go on")
            raise RuntimeError("gave up")
    except ExceptionGroup as outer:
        print(repr(outer.message), [type(e).__name__ for e in outer.exceptions])
        rest = outer.exceptions[1]
        print("rest:", rest.message, sorted(str(e) for e in rest.exceptions))

    group = ExceptionGroup("batch", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
    matched, rest = group.split(ValueError)
    print("split:", repr(matched), "|", repr(rest))
    print("subgroup:", repr(group.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 1)))
    print("derive:", repr(group.derive([OSError("disk")])), group.split(OSError))

    try:
        raise TimeoutError("naked")
    except* TimeoutError as wrapped:
        print("a naked exception is wrapped:", repr(wrapped))


asyncio.run(main())
