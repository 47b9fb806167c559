# Recursion caught and the run continues; also recursion through async functions.
# The depth reached differs from CPython's, so only a fixed message is printed.
import asyncio


def f(n):
    return f(n + 1)


async def g(n):
    return await g(n + 1)


async def main():
    try:
        f(0)
    except RecursionError as e:
        print(f"caught {type(e).__name__}: {e}")
    try:
        await g(0)
    except RecursionError as e:
        print(f"caught async {type(e).__name__}: {e}")
    print("still running")


asyncio.run(main())
