# Nested coroutines: three levels of await inside ONE task. Each level prints on
# the way in and on the way out; the return value travels back up the chain.
# Notice everything runs in Task-1 and a sleep at the bottom parks the whole chain.
import asyncio


async def level3(x):
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f}     level3 enter x={x}")
    await asyncio.sleep(0.5)
    print(f"{loop.time():.2f}     level3 leave in {asyncio.current_task().get_name()}")
    return x * 2


async def level2(x):
    print("  level2 enter")
    y = await level3(x + 1)
    print(f"  level2 leave y={y}")
    return y + 1


async def level1():
    print("level1 enter")
    z = await level2(10)
    print(f"level1 leave z={z}")
    return z


async def main():
    result = await level1()
    print(f"main got {result}")


asyncio.run(main())
