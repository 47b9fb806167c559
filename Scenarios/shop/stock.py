# Part of the shop package (scenario 89): module state shared by every
# importer (the module runs once, so COUNTS is one dictionary).
import asyncio

COUNTS = {"apple": 4, "pear": 1}


async def restock(item, amount):
    await asyncio.sleep(0.5)
    COUNTS[item] = COUNTS.get(item, 0) + amount
    return COUNTS[item]
