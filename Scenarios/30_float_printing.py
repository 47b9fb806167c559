# Float and string formatting, exactly as CPython prints them: shortest repr for
# floats, round-half-even on the real binary value, format specs and repr quoting.
# Notice 0.1+0.2, round(2.675, 2) == 2.67 and repr's choice of quotes.
import asyncio


async def main():
    print(0.1 + 0.2)
    print(1 / 3)
    print(2.5)
    print(1e16, 1.5e-7, 100.0, -0.0)
    print(round(2.675, 2), round(0.5), round(1.5), round(2.5), round(-0.5))
    x = 2 / 3
    print(f"{x:.3f} {x:.0f} {x * 100:.1f}% {x:e}")
    n = 1234
    print(f"[{n:>8}] [{n:<8}] [{n:^8}] [{n:08d}] [{n:d}] [{n:,}]")
    print(f"[{'ab':>5}] [{'ab':<5}|] [{x:8.2f}]")
    print(repr("plain"), repr("it's"), repr('say "hi"'), repr("both ' and \""))
    print(repr("tab\there"), repr("new\nline"))
    words = ["x", 'y', "it's"]
    print(words, str(3.0), str(10 / 4), int(7.9), int(-7.9), float("1.25"))
    print(f"{x!r} {'q'!r} {n!r}")
    print(float(7), 7 / 7, 2 ** 0.5, 10 ** 18 / 3)


asyncio.run(main())
