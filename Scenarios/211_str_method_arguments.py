# str methods called wrongly, as CPython 3.11 words each complaint: argument counts
# (METH_O, METH_NOARGS, positional ranges), keywords unknown or given twice, the wrong
# types for a separator, a fill, a strip set or a startswith tuple; join over things that
# are not iterable, a list subclass with its own __iter__, a generator that fails midway.
# The methods are called as people call them (s.method(...)): no bound method is made.
import asyncio


class Listed(list):
    def __iter__(self):
        print("iter called")
        return iter(["p", "q"])


def failing():
    yield "a"
    raise ValueError("inside")


class BadIter:
    def __iter__(self):
        raise TypeError("mine")


CALLS = [
    lambda: 'x'.split(1,2,3),
    lambda: 'x'.split(bad=1),
    lambda: 'x'.expandtabs(bad=2),
    lambda: 'x'.splitlines(x=1),
    lambda: 'x'.split(sep=b'a'),
    lambda: 'x'.rsplit(None, 'a'),
    lambda: 'x'.split('x', maxsplit=1, sep='y'),
    lambda: 'x'.center(),
    lambda: 'x'.ljust(),
    lambda: 'x'.center(1,2,3),
    lambda: 'x'.zfill(),
    lambda: 'x'.endswith((1,)),
    lambda: 'x'.startswith(1),
    lambda: 'x'.split(sep=1),
    lambda: 'x'.rjust(),
    lambda: 'x'.partition(),
    lambda: 'x'.replace('a'),
    lambda: 'x'.replace(1, 'b'),
    lambda: 'x'.join(1),
    lambda: 'x'.translate(),
    lambda: 'x'.ljust(2, 'ab'),
    lambda: 'x'.encode(1),
    lambda: 'x'.encode(errors=1),
    lambda: 'x'.format_map(),
    lambda: 'x'.removeprefix(1),
    lambda: 'x'.center(1, 2),
    lambda: 'x'.center('a'),
    lambda: 'x'.zfill('a'),
    lambda: 'x'.expandtabs(tabsize='a'),lambda: 'x'.expandtabs(1,2),
    lambda: 'x'.splitlines(1,2),
    lambda: 'x'.partition(1),
    lambda: 'x'.encode(1),
    lambda: 'x'.translate(1),
    lambda: 'x'.join([1]),
    lambda: 'x'.count(1),
    lambda: 'x'.find(1),
    lambda: 'x'.split('a', 'b'),
    lambda: 'x'.replace('a','b','c'),
    lambda: 'x'.strip(1),
    lambda: 'x'.splitlines(keepends=2),
    lambda: '-'.join(x for x in 'abc'),
    lambda: '-'.join({'k': 1, 'j': 2}),
    lambda: 'a b'.expandtabs(tabsize=4),
    lambda: ",".join(Listed(["z"])),
    lambda: ",".join(failing()),
    lambda: ",".join(BadIter()),
    lambda: "x".startswith(("a", "x")),
    lambda: "x".endswith(("x", 3)),
]


async def main():
    for number, call in enumerate(CALLS):
        try:
            print(number, repr(call()))
        except Exception as e:
            print(number, type(e).__name__, e)
        await asyncio.sleep(0)
    u = "x".upper
    print(u(), str.upper("y"), str.center("ab", 6, "*"), str.split("a b"))


asyncio.run(main())
