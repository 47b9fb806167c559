# f-string format specs on ints, floats and strings: alignment and width (>8 <6 ^7),
# sign (+.3f), grouping (, and _), hex (x, #x, 08x), zero padding (08.3f), percent (%),
# fill characters and nested width. Each line is wrapped in |..| to show padding.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(0.125)
    t = loop.time()
    print(f"|{'ab':>8}|{'ab':<6}|{'ab':^7}|{'abc':^7}|{'x':*^9}|{'left':.<10}|")
    print(f"|{42:>8}|{42:<6}|{42:^7}|{-42:^7}|{42:08}|{-42:08}|")
    print(f"|{t:+.3f}|{-t:+.3f}|{t:.1f}|{t:8.2f}|{t:08.3f}|{-t:08.3f}|")
    print(f"|{1234567:,}|{1234567:_}|{1234567.891:,.2f}|{-9876543:,}|{255:_x}|")
    print(f"|{255:x}|{255:X}|{255:#x}|{255:08x}|{255:o}|{5:b}|{255:#010b}|")
    print(f"|{0.4567:%}|{0.4567:.1%}|{1.5:.0%}|{-0.001:.2%}|")
    print(f"|{3.14159:e}|{1234.5:.2e}|{0.000123:g}|{1e20:g}|{123456789.0:g}|")
    print(f"|{2.5:.0f}|{3.5:.0f}|{0.125:.2f}|{0.375:.2f}|{1e16:.1f}|")
    w = 6
    print(f"|{'dyn':>{w}}|{t:{w}.{2}f}|{7:{'>'}{w}}|")
    print(f"|{True:>6}|{None!s:>6}|{'q'!r:>6}|{[1, 2]!s:>8}|")
    print(f"|{1e300 * 1e10}|{-1e300 * 1e10}|{0.1 + 0.2}|{1/3}|{2/3:.15f}|")


asyncio.run(main())
