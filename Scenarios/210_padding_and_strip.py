# Padding and stripping as CPython does them: str.strip/lstrip/rstrip with and without
# characters, over ASCII runs that end in non-ASCII spaces or text, and format(),
# f-string, center, ljust, rjust and zfill fields, with ASCII and non-ASCII fills.
import asyncio


async def strip_cases():
    cases = ["  a b  ", "\u3000 x\u00a0 ", "\x1c\x1d\x1e\x1fz\x85", " é ", "", "   ", "xx",
             "\t\n\x0b\x0cq\r ", "ab\u2003", " " * 20 + "\u2003 y \u2003" + "\t" * 17]
    for c in cases:
        print(repr(c.strip()), repr(c.lstrip()), repr(c.rstrip()), repr(c.strip("a x")),
              repr(c.strip("\u3000 ")), len(c))
    big = " " * 1000 + "é" + "\u2003" * 70 + "z" + " " * 500
    print(len(big), len(big.strip()), big.strip()[:3], big[1000], big[1071], big[-1] == " ")
    print(repr(("x" * 200).strip("x")), repr(("yx" * 100 + "é").rstrip("é")[-3:]))
    print(repr(("ab" * 50 + "c" + "ba" * 50).strip("ab")), repr(("  " * 9 + "\u00e9").lstrip()))
    await asyncio.sleep(0)


async def field_cases():
    for v in ["x", "héllo", "", "ab\u3000c"]:
        for spec in ["", "10", "<10", ">10", "^10", "^11", "*^9", "é>8", ".2", "^8.3",
                     "\u3000^7", ".0", "5.10", ".1", "3"]:
            print(repr(format(v, spec)), repr(f"{v:{spec}}"))
    for n in [0, -5, 12345, 3.5, -2.25, 1 + 2j]:
        for spec in ["10", "<10", "^10", "=10", "*^12", "+010", "0=10", ",", "_^15", "é^9"]:
            try:
                print(repr(format(n, spec)))
            except ValueError as e:
                print("ValueError:", e)
    print(repr("ab".center(9, "é")), repr("ab".ljust(5, "\u3000")), repr("abc".rjust(2)),
          "é".center(4, "*"))
    print(repr("ab" * 3), repr("é" * 4), repr("" * 9), repr("ab" * 0), repr("x".zfill(5)),
          repr("-12".zfill(6)))
    wide = f'{"mid":^1000001}'
    print(len(wide), wide.index("mid"), len(wide.strip()), len(f"{7:*>999999}".lstrip("*")))


async def main():
    await asyncio.gather(strip_cases(), field_cases())


asyncio.run(main())
