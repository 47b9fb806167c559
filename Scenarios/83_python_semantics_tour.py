# A tour of the Python the simulator runs: mutable default arguments, *args and
# keyword-only parameters, return in finally, closures binding late, truthiness,
# slicing, dict order, format specs, float printing, exception hierarchies, int/float
# conversions and %-formatting. Every line must match CPython byte for byte.
import asyncio
import time

def append_to(x, acc=[]):
    acc.append(x)
    return acc

def kw(a, *rest, sep="-"):
    return sep.join([str(a)] + [str(r) for r in rest])

def finally_return():
    try:
        return "try"
    finally:
        print("finally runs")

def finally_override():
    try:
        return "try"
    finally:
        return "finally"

def late_binding():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    return [f() for f in fs]

def default_binding():
    fs = []
    for i in range(3):
        def f(i=i):
            return i
        fs.append(f)
    return [f() for f in fs]

async def main():
    print(append_to(1), append_to(2))
    print(kw(1, 2, 3), kw(1, 2, sep="+"))
    print(finally_return(), finally_override())
    print(late_binding(), default_binding())
    x = 0 or "" or None or [] or "last"
    y = 1 and "a" and 0 and "b"
    print(repr(x), repr(y), not [], not [0])
    xs = list(range(10))
    print(xs[::-3], xs[-3:], xs[2:8:2], xs[::-1][:2], "hello"[1:-1], "hello"[::-1])
    d = {"b": 2, "a": 1}
    d["c"] = 3
    d.pop("b")
    d["b"] = 4
    print(d, list(d.items()), sorted(d), sorted(d.values(), reverse=True))
    print([(i, c) for i, c in enumerate("abc", start=1)], list(zip("ab", [1, 2, 3])))
    print(min([3, 1, 2]), max("hello"), min(["bb", "a", "ccc"], key=len), sum([0.1] * 10), sum(range(5)))
    print(round(0.5), round(1.5), round(2.5), round(-0.5), round(2.675, 2), round(1234.5678, -2), round(5, -1))
    print(7 // -2, -7 % 3, 2 ** -2, 10 / 4, 1e300 * 1e10, -1e300 * 1e10, 0.1 + 0.2 == 0.3)
    print(f"{3.14159:.2f}|{42:>6}|{42:<6}|{42:^6}|{'s':*^5}|{1234567:,}|{0.25:.1%}|{255:x}|{255:#X}|{7:08.3f}|{-3:+d}")
    print(f"{'nested':>{10}}|{3.0}|{1e16}|{1e-5}|{123456789.0}|{float('inf')}|{-0.0}")
    print(str(1.0), repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\there"), str(None), str(True))
    print([1, [2, (3, "x")], {"k": None}], (1,), (), {})
    try:
        raise asyncio.TimeoutError("t")
    except OSError as e:
        print("OSError caught", type(e).__name__, isinstance(e, TimeoutError))
    try:
        [][0]
    except (KeyError, IndexError) as e:
        print("tuple caught", type(e).__name__, e.args)
    try:
        {}["missing"]
    except LookupError as e:
        print("lookup", repr(e), str(e))
    e = ValueError("a", 2)
    print(str(e), repr(e), e.args, repr(ValueError()), str(ValueError()))
    n = 0
    while n < 3:
        n += 1
    else:
        print("while else", n)
    for i in range(3):
        if i == 5:
            break
    else:
        print("for else")
    a, (b, c) = 1, (2, 3)
    print(a, b, c, 1 < 2 < 3, 3 > 2 > 2, 1 == 1.0, "a" in "abc", 2 in {2: 3}, None is None)
    print(int("42"), int(3.9), int(-3.9), float("1e3"), str(12), int(True), type(3 / 1).__name__, type([]).__name__)
    print(isinstance(True, int), isinstance(1, (str, float)), len("héllo"), "é".upper(), "ß".upper())
    print(time.time() == time.monotonic(), time.perf_counter())
    await asyncio.sleep(1.5)
    print(time.time(), asyncio.get_running_loop().time())
    print("%s is %d years, %.2f%%" % ("x", 5, 12.345), "{} {:>4} {name}".format(1, "b", name="n"))

asyncio.run(main())
