# asyncio.shield protects the inner work from cancellation: wait_for times out and
# the awaiting side gets TimeoutError, but the shielded task keeps running.
# Notice "save finished" after main has already given up.
import asyncio


async def save():
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} save started")
    await asyncio.sleep(2)
    print(f"{loop.time():.2f} save finished")
    return "saved"


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(save())
    try:
        await asyncio.wait_for(asyncio.shield(t), timeout=0.5)
    except asyncio.TimeoutError:
        print(f"{loop.time():.2f} main: gave up waiting, task cancelled={t.cancelled()}")
    r = await t
    print(f"{loop.time():.2f} main: result later: {r}")


asyncio.run(main())
