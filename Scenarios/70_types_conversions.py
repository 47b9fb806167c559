# isinstance with tuples of types, type(x).__name__, int()/float()/str() conversions
# (and their ValueErrors), chained comparisons, and `in` on dict/list/str/tuple.
# Notice bool is an int, int("0x1f") fails while int(" 42 ") works, and float
# printing of integral values keeps ".0".
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    values = [1, 2.5, "s", True, None, [1], (1,), {"k": 1}, ValueError("v"), asyncio.sleep]
    for v in values[:-1]:
        print(f"{type(v).__name__:>10} int-ish={isinstance(v, int)} num={isinstance(v, (int, float))} seq={isinstance(v, (list, tuple, str))}")
    t = asyncio.create_task(asyncio.sleep(0.1))
    print(type(t).__name__, type(loop.create_future()).__name__, isinstance(ValueError(), Exception), isinstance(KeyError(), (ValueError, LookupError)))
    await t
    print(int("42"), int(" 42 "), int("-7"), int(3.99), int(-3.99), int(True), int("1_000"))
    print(float("1.5"), float("  -2 "), float(3), float("1e3"), float("inf"), float("-inf"))
    print(str(1.0), str(10 / 2), str(2 ** 10), str(1e16), str(1e-5), str(0.1), str(-0.0), str(None), str(False))
    for bad in ["0x1f", "1.5", "", "abc"]:
        try:
            int(bad)
        except ValueError as e:
            print(f"ValueError: {e}")
    try:
        float("nope")
    except ValueError as e:
        print(f"ValueError: {e}")
    x = 5
    print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, x == 5 == 5.0, 1 < 2 < 3 < 2, "a" < "b" < "c")
    d = {"a": 1, "b": 2}
    print("a" in d, 1 in d, 2 in [1, 2], "ll" in "hello", (1, 2) in [(1, 2)], 3 not in (1, 2), None in [0, False])
    print(True + True, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 2 ** -1, 10 / 4, 1 == 1.0, 0.1 + 0.2 == 0.3)
    print(bool(0), bool(""), bool([]), bool([0]), bool("0"), not None, None is None, [] is not None)


asyncio.run(main())
