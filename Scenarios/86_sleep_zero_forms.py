# Every way of sleeping for no time: sleep(0), sleep(0, result), a negative delay, a
# float, False; a task cancelled while it yields; awaiting sleep through another name;
# a sleep(0) coroutine made first and awaited later; and the order tasks take turns in.
import asyncio


async def turns(name, n):
    for i in range(n):
        got = await asyncio.sleep(0, f"{name}-{i}")
        print(f"{asyncio.get_running_loop().time():.2f} {got}")


async def yielder():
    try:
        while True:
            await asyncio.sleep(0)
            print("yielded once")
    except asyncio.CancelledError:
        print("cancelled while yielding")
        raise


async def main():
    print(await asyncio.sleep(0))
    print(await asyncio.sleep(-1, "negative"))
    print(await asyncio.sleep(0.0, "float zero"))
    print(await asyncio.sleep(False, "False"))
    print(await asyncio.sleep(0, result=7))
    nap = asyncio.sleep
    print(await nap(0, "renamed"))
    pending = asyncio.sleep(0, "made earlier")
    print(await pending)
    await asyncio.gather(turns("a", 3), turns("b", 2))
    t = asyncio.create_task(yielder())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("yielder done, cancelled:", t.cancelled())
    try:
        await asyncio.sleep("0")
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
