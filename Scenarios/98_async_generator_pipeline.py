# An async-generator pipeline: a sensor stream, a filtering stage and a windowing
# stage chained with `async for`, consumed by two tasks; a consumer that stops early
# (break) leaves its generator to the loop's finalizer, and a stream still open when
# main() returns is closed by asyncio.run's shutdown_asyncgens().
import asyncio

async def sensor(name, period, count):
    try:
        for i in range(count):
            await asyncio.sleep(period)
            yield name, i, (i * 7) % 5
    finally:
        print(f"{name} sensor closed at {asyncio.get_running_loop().time():.2f}")

async def above(threshold, readings):
    async for name, i, value in readings:
        if value >= threshold:
            yield name, i, value

async def windows(size, readings):
    window = []
    async for reading in readings:
        window.append(reading[2])
        if len(window) == size:
            yield sum(window) / size
            window = []

async def watch(name, period):
    async for avg in windows(2, above(2, sensor(name, period, 20))):
        print(f"{name}: average {avg} at {asyncio.get_running_loop().time():.2f}")
        if avg > 3:
            print(f"{name}: alarm, stop watching")
            break
    await asyncio.sleep(0.05)
    print(f"{name}: done")

open_streams = []

async def main():
    firsts = [v async for _, _, v in sensor("probe", 0.1, 3)]
    print("probe values", firsts)
    held = sensor("held", 0.2, 10)
    open_streams.append(held)
    print("held first", await held.__anext__())
    await asyncio.gather(watch("north", 0.1), watch("south", 0.15))
    print("main returns")

asyncio.run(main())
print("after run")
