# try/except/else/finally across awaits. Each block can await; the order of the
# blocks is the same as in synchronous code, only spread over virtual time.
# Notice else runs only when no exception was raised, finally always runs last.
import asyncio


async def step(loop, label, delay):
    await asyncio.sleep(delay)
    print(f"{loop.time():.2f} {label}")


async def attempt(loop, fail):
    try:
        await step(loop, f"try (fail={fail})", 0.1)
        if fail:
            raise KeyError("k")
    except KeyError as e:
        await step(loop, f"except KeyError {e}", 0.1)
        return "from except"
    else:
        await step(loop, "else", 0.1)
        return "from else"
    finally:
        await step(loop, "finally", 0.1)


async def main():
    loop = asyncio.get_running_loop()
    print(await attempt(loop, False))
    print(await attempt(loop, True))
    try:
        try:
            await step(loop, "inner try", 0.1)
            raise ValueError("inner")
        finally:
            print(f"{loop.time():.2f} inner finally (exception still propagating)")
    except ValueError as e:
        print(f"{loop.time():.2f} outer caught {e!r}")


asyncio.run(main())
