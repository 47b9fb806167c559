# The asyncio book's first pitfall: CPU-bound code in a coroutine. The comment below turns
# loopscope's cost model on, so each counting loop takes the time CPython would take and
# holds the loop all along: the delay task starts only after both loops, and debug mode
# warns about each slow step (a lower slow_callback_duration keeps the loops short). The
# order is CPython's with or without the model; the model makes the time visible.
# loopscope: cpu-cost=realistic
import asyncio


async def delay(seconds):
    print(f"sleeping for {seconds} second(s)")
    await asyncio.sleep(seconds)
    print(f"finished sleeping for {seconds} second(s)")
    return seconds


async def cpu_bound_work(name):
    print(f"{name}: counting")
    counter = 0
    while counter < 1_000_000:
        counter = counter + 1
    print(f"{name}: done")
    return counter


async def main():
    asyncio.get_running_loop().slow_callback_duration = 0.01
    task_one = asyncio.create_task(cpu_bound_work("one"))
    task_two = asyncio.create_task(cpu_bound_work("two"))
    delay_task = asyncio.create_task(delay(0.01))
    print(await task_one, await task_two, await delay_task)


asyncio.run(main(), debug=True)
