# gather(..., return_exceptions=True) collects exceptions as results instead of
# raising. Notice the list holds values and exception objects in argument order.
import asyncio


async def value(x):
    await asyncio.sleep(0.1 * x)
    return x * 10


async def fail(kind):
    await asyncio.sleep(0.05)
    if kind == "key":
        raise KeyError("missing")
    raise RuntimeError("broken")


async def main():
    results = await asyncio.gather(value(1), fail("key"), value(2), fail("rt"),
                                   return_exceptions=True)
    for i, r in enumerate(results):
        if isinstance(r, Exception):
            print(f"{i}: {type(r).__name__}: {str(r)}")
        else:
            print(f"{i}: value {r}")


asyncio.run(main())
