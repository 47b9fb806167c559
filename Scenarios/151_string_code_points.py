# Strings are sequences of code points: 'e' followed by a combining accent is two of them,
# '\r\n' is two, and every method finds, counts, replaces and translates them one by one.
import asyncio


async def main():
    s = 'a\r\nb\r\nc'
    t = 'cafe\u0301 e\u0301 x'
    checks = [
        s.split('\n'), s.splitlines(), s.splitlines(True), s.partition('\n'), s.rpartition('\r'),
        s.find('\n'), s.rfind('\r'), s.count('\r'), s.replace('\n', '|'), s.replace('\r', ''),
        s.strip('a\r'), s.rstrip('c\n'), s.startswith('a\r'), s.endswith('\nc'), s.split(),
        t.find('e'), t.count('e'), t.split('e'), t.replace('e', 'E'), t.replace('e', 'E', 1),
        t.index('\u0301'), t.upper(), t.title(), '\u0301' in t, t.rsplit(' ', 1), t[3:5], len(t),
        t.center(15, '\u0301'), list(t)[:6], t.swapcase(), '-'.join('e\u0301'), t.ljust(12, '*'),
        sorted(['e\u0301', '\u00e9', 'e']), max('e\u0301'), t[::-1],
        'abc'.replace('', '-'), 'abc'.replace('', '-', 2), ''.replace('', 'x'), 'abc'.replace('', '-', 0),
        t.translate({ord('e'): 'E', 0x301: None, ord(' '): '_'}),
        t.translate(str.maketrans('ex', 'EX', '\u0301')),
        'hello'.translate(str.maketrans({'l': 'L', 'o': None, 'h': 72})),
        str.maketrans('ab', 'cd'),
    ]
    for x in checks:
        print(repr(x))
    for bad in [lambda: str.maketrans('ab', 'c'), lambda: str.maketrans({'ab': 1}), lambda: str.maketrans([1]),
                lambda: 'x'.translate({120: 1.5}), lambda: 'x'.translate({120: -1})]:
        try:
            bad()
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    await asyncio.sleep(0)


asyncio.run(main())
