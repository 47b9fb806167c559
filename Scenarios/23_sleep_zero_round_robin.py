# sleep(0) yields to the loop without a timer: the task goes to the back of the ready
# queue. Three tasks doing sleep(0) in a loop interleave round-robin, all at 0.00.
# Notice the strict a, b, c, a, b, c... order.
import asyncio


async def spinner(name, rounds):
    loop = asyncio.get_running_loop()
    for i in range(rounds):
        print(f"{loop.time():.2f} {name} round {i}")
        await asyncio.sleep(0)
    print(f"{name} done")


async def main():
    a = asyncio.create_task(spinner("a", 3))
    b = asyncio.create_task(spinner("b", 3))
    c = asyncio.create_task(spinner("c", 2))
    await a
    await b
    await c


asyncio.run(main())
