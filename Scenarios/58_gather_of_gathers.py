# gather of gathers: results nest as lists; an exception in an inner gather propagates
# out of the outer gather while the other children keep running; cancelling the outer
# gather cancels every inner child. Notice what each level reports.
import asyncio


async def val(x, d, fail=False):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(d)
    print(f"{loop.time():.2f} val {x}")
    if fail:
        raise RuntimeError(f"bad {x}")
    return x


async def main():
    loop = asyncio.get_running_loop()
    g = asyncio.gather(asyncio.gather(val(1, 0.1), val(2, 0.2)), asyncio.gather(val(3, 0.1)), val(4, 0.05))
    r = await g
    print(f"{loop.time():.2f} nested result: {r}")
    inner = asyncio.gather(val(5, 0.1, True), val(6, 0.3))
    outer = asyncio.gather(inner, val(7, 0.2), return_exceptions=True)
    r = await outer
    print(f"{loop.time():.2f} with return_exceptions: {[repr(x) for x in r]}")
    await asyncio.sleep(0.2)
    a = asyncio.gather(val(8, 1), val(9, 1))
    b = asyncio.gather(a, val(10, 1))
    await asyncio.sleep(0.1)
    print(f"{loop.time():.2f} cancel outer -> {b.cancel()}")
    try:
        await b
    except asyncio.CancelledError:
        print(f"{loop.time():.2f} outer cancelled={b.cancelled()} inner cancelled={a.cancelled()}")


asyncio.run(main())
