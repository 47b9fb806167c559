# Two asyncio.run calls in one program: each gets a fresh loop, task names keep
# counting (Task-1 then Task-3 ... as CPython numbers them globally), clock continues.
import asyncio


async def main(tag):
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(asyncio.sleep(0.1))
    await t
    print(f"{loop.time():.2f} {tag}: {asyncio.current_task().get_name()} {t.get_name()}")
    return tag


print(asyncio.run(main("first")))
print(asyncio.run(main("second")))
