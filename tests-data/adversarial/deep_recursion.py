# Unbounded recursion in a plain function called from a coroutine: CPython raises
# RecursionError (exit 1); loopscope must do the same, not overflow the Swift stack.
import asyncio


def f(n):
    return f(n + 1)


async def main():
    print("start")
    f(0)


asyncio.run(main())
