# Handle.cancel(): call_soon and call_later return handles; a cancelled handle is
# skipped when its turn comes (a cancelled timer stays in the heap until it reaches
# the head). Notice only the uncancelled callbacks print.
import asyncio


def ring(loop, name):
    print(f"{loop.time():.2f} {name}")


async def main():
    loop = asyncio.get_running_loop()
    h1 = loop.call_later(0.5, ring, loop, "alarm A (cancelled)")
    h2 = loop.call_later(1.0, ring, loop, "alarm B")
    h3 = loop.call_soon(ring, loop, "soon X (cancelled)")
    h4 = loop.call_soon(ring, loop, "soon Y")
    h1.cancel()
    h3.cancel()
    print(f"cancelled flags: {h1.cancelled()} {h2.cancelled()} {h3.cancelled()} {h4.cancelled()}")
    await asyncio.sleep(2)
    print(f"{loop.time():.2f} main: done")


asyncio.run(main())
