# try/finally with return, break and continue inside loops: finally always runs, a
# return in finally overrides the try's return and swallows an exception, and a
# finally containing an await suspends the task mid-unwind. Notice the order of lines.
import asyncio


def first_even(xs):
    for x in xs:
        try:
            if x % 2 == 0:
                return x
            print(f"   {x} is odd")
        finally:
            print(f"   finally for {x}")
    return None


def override():
    try:
        return "try"
    finally:
        return "finally"


def swallow():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            if i == 0:
                continue
            return f"swallowed at {i}"


async def unwinding(n):
    loop = asyncio.get_running_loop()
    for i in range(n):
        try:
            if i == 2:
                return f"returned at {i}"
            print(f"{loop.time():.2f} body {i}")
        finally:
            await asyncio.sleep(0.1)
            print(f"{loop.time():.2f} finally {i} after await")
    return "loop ended"


async def main():
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} first_even -> {first_even([3, 5, 8, 9])}")
    print(f"{loop.time():.2f} override -> {override()}")
    print(f"{loop.time():.2f} swallow -> {swallow()}")
    r = await unwinding(5)
    print(f"{loop.time():.2f} unwinding -> {r}")
    i = 0
    while i < 5:
        i += 1
        try:
            if i == 2:
                continue
            if i == 4:
                break
            print(f"{loop.time():.2f} while body {i}")
        finally:
            print(f"{loop.time():.2f} while finally {i}")
    print(f"{loop.time():.2f} while left with i={i}")


asyncio.run(main())
