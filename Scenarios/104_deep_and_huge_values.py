# Deep and huge values behave as in CPython instead of crashing: a list nested 50,000
# deep raises RecursionError in repr() and ==, a self-referential list or dict prints
# [...] / {...}, a range longer than an int holds still indexes and iterates (only len()
# raises OverflowError), and -1 << 63 is the smallest 64-bit int.
import asyncio


async def main():
    nested, twin = [], []
    for _ in range(50_000):
        nested, twin = [nested], [twin]
    try:
        repr(nested)
    except RecursionError as e:
        print("repr:", type(e).__name__, e)
    try:
        print(nested == [nested[0]], nested == [[nested[0][0]]], nested == [[[]]])
        nested == twin
    except RecursionError as e:
        print("==:", type(e).__name__, e)
    try:
        sorted([nested, twin])
    except RecursionError as e:
        print("sorted:", type(e).__name__, e)

    looped = [1, 2]
    looped.append(looped)
    table = {"self": None}
    table["self"] = table
    print(looped, table, (looped,))

    huge = range(-5 * 10**18, 5 * 10**18)
    try:
        print(len(huge))
    except OverflowError as e:
        print("len:", e)
    print(huge[0], huge[-1], huge[9 * 10**18], 4 * 10**18 in huge, 5 * 10**18 in huge)
    down = range(5 * 10**18, -5 * 10**18, -3)
    print(down[-1], -4999999999999999998 in down, -4999999999999999997 in down)
    print(-1 << 63, 0 << 100)
    await asyncio.sleep(0)


asyncio.run(main())
