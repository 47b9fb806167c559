# A lost update only another legal schedule shows: two clerks restock one shelf, both
# waking at t=0.1 (equal deadlines, whose order asyncio leaves undefined). `careful`
# updates under the lock; `hasty` reads under it but writes after an await, outside it.
# CPython runs careful first and nothing is lost; if hasty goes first, careful's update
# is overwritten. `loopscope explore` finds it; `run --schedule SEED` replays it.
import asyncio


async def careful(stock, lock):
    await asyncio.sleep(0.1)
    async with lock:
        stock["count"] = stock["count"] + 5
        print(f"careful: stock is {stock['count']}")


async def hasty(stock, lock):
    await asyncio.sleep(0.1)
    async with lock:
        seen = stock["count"]
    await asyncio.sleep(0)  # say, logging the decision
    stock["count"] = seen + 3
    print(f"hasty: stock is {stock['count']}")


async def main():
    stock = {"count": 10}
    lock = asyncio.Lock()
    await asyncio.gather(careful(stock, lock), hasty(stock, lock))
    print(f"final stock: {stock['count']}")
    assert stock["count"] == 18, "an update was lost"


asyncio.run(main())
