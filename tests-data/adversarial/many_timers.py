# 5000 cancelled call_later timers (exercises the heap rebuild rule) and 5000 equal deadlines.
import asyncio


def cb(i, out):
    out.append(i)


async def main():
    loop = asyncio.get_running_loop()
    out = []
    hs = [loop.call_later(1 + (i % 13) * 0.1, cb, i, out) for i in range(5000)]
    for i, h in enumerate(hs):
        if i % 3:
            h.cancel()
    for i in range(5000):
        loop.call_later(0.5, cb, -i, out)
    await asyncio.sleep(3)
    print(len(out), out[:5], out[4998:5003], out[-3:])


asyncio.run(main())
