# Debug mode: a plain callback scheduled with loop.call_soon that burns 0.2 s of CPU is
# a slow callback; asyncio logs "Executing <Handle ...> took 0.200 seconds" on stderr.
# A task step with a 0.15 s burst is reported too, a 0.05 s one is not. Notice stdout
# shows the clock jumping while stderr carries the warnings.
import asyncio
from loopscope import cpu


def heavy(tag):
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} heavy({tag}) start")
    cpu(0.2)
    print(f"{loop.time():.2f} heavy({tag}) end")


async def worker(name, burst):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0.1)
    cpu(burst)
    print(f"{loop.time():.2f} {name} burst {burst} done")


async def main():
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} debug={loop.get_debug()}")
    loop.call_soon(heavy, "soon")
    await asyncio.gather(worker("w1", 0.15), worker("w2", 0.05))
    print(f"{loop.time():.2f} main done")


asyncio.run(main(), debug=True)
