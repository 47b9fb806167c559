# Integer arithmetic with negatives: // floors toward minus infinity, % takes the
# sign of the divisor, ** with a negative exponent gives a float. Notice
# -7 // 2 == -4 and -7 % 2 == 1. (Ints grow past 64 bits as CPython's do: see the
# big-int scenario.)
import asyncio


async def main():
    for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2)]:
        print(f"{a} // {b} = {a // b}, {a} % {b} = {a % b}, {a} / {b} = {a / b}")
    print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2, (-8) ** 2)
    print(2 ** 62, -(2 ** 62) * 2)
    print(10 ** 18 + 1, -(10 ** 18) // 7)
    print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2)
    total = 0
    for i in range(1, 11):
        total += i * i
    total -= 5
    total *= 2
    print(f"total {total}, abs-like {total if total > 0 else -total}")
    print(17 // 5 * 5 + 17 % 5 == 17, True + True, 3 * True)


asyncio.run(main())
