#!/usr/bin/env python3
"""genprog.py - seeded random Python 3.11 asyncio programs for differential testing.

Usage::

    python3 tools/genprog.py SEED                    # print the program of SEED
    python3 tools/genprog.py --emit DIR --count N --seed S
        # write DIR/gen_<seed>.py for seeds S..S+N-1 with CPython's stdout and exit
        # status beside each (gen_<seed>.out, gen_<seed>.status), as tools/vtrun.py
        # gives them (the Swift test GeneratedProgramTests reads these)
    python3 tools/genprog.py --count N --seed S --binary PATH [--keep DIR] [--timeout T]
        # a campaign: run each program with `PATH run` and with vtrun, compare stdout
        # and exit status, report progress every 50 programs and keep every mismatch
        # (program, both outputs) in --keep (default /tmp/loopscope-genprog-failures)

A program is written as people write asyncio code: a few classes (inheritance,
properties, dunder methods, custom exceptions), generators and generator expressions,
closures with ``nonlocal``, decorators, comprehensions, exceptions (try/except/else/
finally, ``raise from``), big ints, string formatting, dict and set operations, bytes
and bytearrays (codecs, to_bytes/from_bytes), ranges with big-int bounds, and tasks
(gather, create_task, sleep, queues, locks, events, semaphores, wait_for, timeouts,
cancellation).  Each part is a function ``main`` calls inside ``try``/``except`` that prints
any exception, so one failing part does not hide the rest.  Everything printed is
deterministic under CPython: no addresses, no ``id``, no iteration over sets of strings.
The same seed always gives the same program.

The reference runs fork one CPython process per program from a parent that imported
vtrun once (a fresh interpreter per program costs ~0.25 s; a fork a few ms), with the
same patches and the same semantics as ``python3 tools/vtrun.py FILE``.
"""

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

DELAYS = ["0", "0", "0.01", "0.01", "0.02", "0.05", "0.1", "0.25"]
WORDS = ["alpha", "beta", "gamma", "delta", "omega", "kappa", "sigma", "tau", "zeta", "eta", "rho", "phi"]


class Gen:
    """One program: a list of top-level definitions and the parts main() calls."""

    def __init__(self, seed):
        self.seed = seed
        self.r = random.Random(seed)
        self.defs = []      # top-level source chunks
        self.calls = []     # (name, is_async)
        self.n = 0

    # ----------------------------------------------------------------- values

    def name(self, kind):
        self.n += 1
        return f"{kind}{self.n}"

    def small(self):
        return self.r.choice([self.r.randint(-20, 20), self.r.randint(0, 300)])

    def big(self):
        digits = self.r.randint(19, 45)
        v = self.r.randint(10 ** (digits - 1), 10 ** digits - 1)
        return -v if self.r.random() < 0.3 else v

    def literal(self):
        x = self.r.random()
        if x < 0.65:
            return str(self.small())
        if x < 0.85:
            return str(self.big())
        return self.r.choice(["2 ** 64", "2 ** 63 - 1", "-(2 ** 63)", "10 ** 20", "(1 << 100) + 7", "0x7fffffffffffffff"])

    def int_expr(self, names, depth=3):
        """An integer expression over `names` (ints); may raise ZeroDivisionError or
        ValueError as CPython would: the part's try/except prints it."""
        r = self.r
        if depth <= 0 or r.random() < 0.25:
            if names and r.random() < 0.6:
                return r.choice(names)
            v = self.literal()
            return f"({v})" if v.startswith("-") else v
        a = self.int_expr(names, depth - 1)
        b = self.int_expr(names, depth - 1)
        k = r.randint(0, 21)
        if k <= 2:
            return f"({a} {r.choice('+-*')} {b})"
        if k == 3:
            return f"({a} // ({b} or {r.randint(1, 9)}))"
        if k == 4:
            return f"({a} % ({b} or {r.choice([-7, 3, 10, 97])}))"
        if k == 5:
            return f"({a} ** {r.randint(0, 3)})"
        if k == 6:
            return f"({a} << {r.randint(0, 70)})"
        if k == 7:
            return f"({a} >> {r.randint(0, 70)})"
        if k == 8:
            return f"({a} {r.choice(['&', '|', '^'])} {b})"
        if k == 9:
            return f"abs({a})"
        if k == 10:
            return f"(-{a})"
        if k == 11:
            return f"{r.choice(['min', 'max'])}({a}, {b})"
        if k == 12:
            return f"pow({a}, {r.randint(0, 40)}, {r.choice([7, 97, 1000003, 2 ** 61 - 1, -13])})"
        if k == 13:
            return f"int(str({a}))"
        if k == 14:
            return f"len(str({a}))"
        if k == 15:
            return f"({a}).bit_length()"
        if k == 16:
            return f"divmod({a}, ({b} or 3))[{r.randint(0, 1)}]"
        if k == 17:
            return f"({a} if {a} {r.choice(['<', '>=', '==', '!='])} {b} else {b})"
        if k == 18:
            return f"sum([{a}, {b}, {self.literal()}])"
        if k == 19:
            return f"int({a} / ({b} or 1))" if r.random() < 0.2 else f"({a} * {r.randint(2, 9)})"
        if k == 20:
            return f"round({a}, {r.randint(-3, 0)})"
        return r.choice(["int('ff', 16)", "int('zz', 36)", "int('1010', 2)", "int('-7f', 16)", "int(' 12_345 ')", "int('0x1f', 0)", "int('z', 16)"])

    def fmt(self, expr, kind="int"):
        """A formatted rendering of `expr` as people write one."""
        r = self.r
        if kind == "int":
            spec = r.choice(["", ">12", "<8", "^10", ",", "_", "x", "X", "o", "b", "+d", "08d", "#x", "=+10", "e", ".3e", "n"])
        elif kind == "float":
            spec = r.choice(["", ".2f", ".3f", "10.4f", "e", ".1%", "g", ".5g", "+.1f", ",.2f", "08.2f"])
        else:
            spec = r.choice(["", ">10", "<10", "^11", ".3", "*^12", "!r", "!s"])
        if spec.startswith("!"):
            return r.choice([f"f'{{{expr}{spec}}}'", f"'{{{spec}}}'.format({expr})"])
        form = r.randint(0, 3)
        if form == 0:
            return f"f'{{{expr}:{spec}}}'" if spec else f"f'{{{expr}}}'"
        if form == 1:
            return f"'{{:{spec}}}'.format({expr})" if spec else f"'{{}}'.format({expr})"
        if form == 2:
            return f"format({expr}, '{spec}')"
        pct = {"int": r.choice(["%d", "%5d", "%-6d|", "%x", "%o", "%+d", "%05d"]),
               "float": r.choice(["%.2f", "%8.3f", "%e", "%g", "%.1f%%"]),
               "str": r.choice(["%s", "%r", "%10s", "%-8s|", "%.3s"])}[kind]
        return f"'{pct}' % ({expr},)"

    # ------------------------------------------------------------------ parts

    def part(self, name, body, is_async=False):
        head = "async def" if is_async else "def"
        self.defs.append(f"{head} {name}():\n" + "".join("    " + line + "\n" for line in body.splitlines()))
        self.calls.append((name, is_async))

    def p_bigints(self):
        names = ["a", "b", "c"]
        lines = [f"a = {self.literal()}", f"b = {self.literal()}", f"c = {self.int_expr([], 2)}"]
        for i in range(self.r.randint(3, 7)):
            e = self.int_expr(names)
            lines.append(f"v{i} = {e}")
            lines.append(f"print('v{i}', {self.fmt(f'v{i}')})")
            if self.r.random() < 0.3:
                lines.append(f"print(hex(v{i}), oct(v{i})[:20], bin(v{i})[-12:], v{i} == int(str(v{i})), v{i} < a, -v{i} // 7)")
        k = self.r.randint(15, 40)
        lines.append(f"f = 1\nfor i in range(1, {k}):\n    f *= i\nprint('fact', f, f % 1000007, str(f)[:10], len(str(f)))")
        lines.append(f"x, y = divmod(f, {self.r.choice([7, -13, 2 ** 70 + 1, 10 ** 9 + 7])})\nprint(x, y, x * y + y)")
        self.part(self.name("bigints"), "\n".join(lines))

    def p_class_hierarchy(self):
        r = self.r
        base, sub, exc = self.name("Shape"), self.name("Square"), self.name("ShapeError")
        scale = r.randint(2, 9)
        self.defs.append(f"""class {exc}(ValueError):
    def __init__(self, shape, why):
        super().__init__(f'{{shape!r}}: {{why}}')
        self.shape = shape
        self.why = why


class {base}:
    count = 0

    def __init__(self, name, size):
        self.name = name
        self._size = size
        {base}.count += 1

    @property
    def size(self):
        return self._size

    @size.setter
    def size(self, value):
        if value < 0:
            raise {exc}(self, 'negative size')
        self._size = value

    def area(self):
        return self._size * {scale}

    @classmethod
    def unit(cls, name):
        return cls(name, 1)

    @staticmethod
    def describe(x):
        return f'<{{x}}>'

    def __repr__(self):
        return f'{{type(self).__name__}}({{self.name!r}}, {{self._size}})'

    def __eq__(self, other):
        if not isinstance(other, {base}):
            return NotImplemented
        return self.area() == other.area()

    def __lt__(self, other):
        return self.area() < other.area()

    def __hash__(self):
        return hash(self.area())

    def __add__(self, other):
        if isinstance(other, int):
            return type(self)(self.name, self._size + other)
        return type(self)(self.name + '+' + other.name, self._size + other._size)

    __radd__ = __add__

    def __len__(self):
        return abs(self._size) % 50

    def __bool__(self):
        return self._size != 0

    def __iter__(self):
        yield self.name
        yield self._size


class {sub}({base}):
    def area(self):
        return super().area() * self._size

    def __str__(self):
        return f'{sub.lower()} {{self.name}} of {{self._size}}'
""")
        sizes = [r.randint(-3, 12) for _ in range(r.randint(3, 6))]
        body = f"""items = []
for i, s in enumerate({sizes}):
    cls = {sub} if i % {r.randint(2, 3)} == 0 else {base}
    items.append(cls({r.choice(WORDS)!r} + str(i), abs(s)))
print(items)
print(sorted(items), max(items), min(items, key=lambda s: (s.size, s.name)))
print([s.area() for s in items], sum(s.area() for s in items))
print(str(items[0]), repr(items[-1]), {base}.describe(len(items)), {base}.unit('u'), {sub}.unit('v').area())
total = sum(items, {base}('zero', 0))
print(total, bool(total), len(total), list(total))
print(len({{s for s in items}}), items[0] == items[0] + 0, items[0] in items, {base}.count >= {len(sizes)})
d = {{s: s.name for s in items}}
print(len(d), isinstance(items[0], {base}), issubclass({sub}, {base}), type(items[0]).__name__)
try:
    items[{r.randint(0, len(sizes) - 1)}].size = {r.choice([-1, 5])}
    print('resized', items)
except {exc} as e:
    print('error', type(e).__name__, e, e.why, isinstance(e, ValueError))
print(items[0] == 3, items[0] != 'x', sorted(items, reverse=True)[:2])"""
        self.part(self.name("classes"), body)

    def p_generators(self):
        r = self.r
        g, h = self.name("gen"), self.name("relay")
        n = r.randint(3, 12)
        self.defs.append(f"""def {g}(n):
    total = 0
    for i in range(n):
        got = yield i * {r.randint(1, 5)} + total
        if got is not None:
            total += got
    return total


def {h}(n):
    result = yield from {g}(n)
    yield ('done', result)
""")
        body = f"""print(list({g}({n})))
print([x for x in {h}({n}) if not isinstance(x, int) or x % {r.randint(2, 4)}])
it = {g}({n})
first = next(it)
sent = []
try:
    while True:
        sent.append(it.send({r.randint(1, 9)}))
except StopIteration as stop:
    print('returned', stop.value, first, sent)
squares = (i * i for i in range({r.randint(5, 30)}) if i % {r.randint(2, 5)})
print(sum(squares), sum(squares), any(x > {r.randint(0, 50)} for x in range({n})), all(x for x in []))
evens = (x for x in {h}({n}) if isinstance(x, int) and x % 2 == 0)
print(next(evens, None), list(evens))
pairs = list(zip({g}({n}), ({r.choice(WORDS)!r} * k for k in range(1, 4))))
print(pairs, max(({g}({n})), default=-1))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
for i, v in enumerate(fib()):
    if i == {r.randint(50, 150)}:
        print('fib', i, v)
        break
gen = {g}(3)
print(next(gen), gen.close(), list(gen))
gen = {g}(5)
next(gen)
try:
    gen.throw(KeyError('{r.choice(WORDS)}'))
except KeyError as e:
    print('thrown', repr(e))"""
        self.part(self.name("generators"), body)

    def p_closures(self):
        r = self.r
        start, step = r.randint(-5, 5), r.randint(1, 7)
        body = f"""def counter(start={start}):
    count = start
    def bump(step={step}):
        nonlocal count
        count += step
        return count
    def peek():
        return count
    return bump, peek
bump, peek = counter()
print([bump() for _ in range({r.randint(2, 6)})], peek(), bump({r.randint(-9, 9)}), peek())
adders = [lambda x, k=k: x + k for k in range({r.randint(2, 5)})]
print([f({r.randint(0, 9)}) for f in adders])
def make_acc():
    items = []
    def add(*args, **kw):
        items.extend(args)
        items.extend(sorted(kw.items()))
        return len(items)
    return add
acc = make_acc()
print(acc(1, 2), acc(x={r.randint(0, 9)}, y='{r.choice(WORDS)}'), acc(*[3, 4], **{{'z': 0}}))
x = {r.randint(0, 100)}
def outer():
    x = 'outer'
    def inner():
        return x * {r.randint(1, 3)}
    return inner
print(outer()(), x)
compose = lambda f, g: lambda v: f(g(v))
inc = lambda v: v + {step}
dbl = lambda v: v * 2
print(compose(inc, dbl)({start}), compose(dbl, inc)({start}), (lambda *a: sum(a))(1, 2, 3))"""
        self.part(self.name("closures"), body)

    def p_decorators(self):
        r = self.r
        deco, tag = self.name("logged"), self.name("tagged")
        self.defs.append(f"""import functools


def {deco}(label):
    def wrap(fn):
        calls = 0
        @functools.wraps(fn)
        async def inner(*args, **kwargs):
            nonlocal calls
            calls += 1
            print(label, fn.__name__, 'call', calls, args, kwargs)
            try:
                return await fn(*args, **kwargs)
            finally:
                print(label, fn.__name__, 'done', calls)
        return inner
    return wrap


def {tag}(fn):
    @functools.wraps(fn)
    def inner(*args):
        return ('{tag}', fn(*args))
    inner.tagged = True
    return inner
""")
        f, s = self.name("fetch"), self.name("shout")
        self.defs.append(f"""@{deco}('[{r.choice(WORDS)}]')
async def {f}(key, delay={r.choice(DELAYS)}, *, retries={r.randint(0, 3)}):
    \"\"\"Fetch a key after a delay.\"\"\"
    await asyncio.sleep(delay)
    if retries > {r.randint(1, 3)}:
        raise RuntimeError(f'too many retries for {{key}}')
    return key * 2


@{tag}
@{tag}
def {s}(word):
    return word.upper()
""")
        body = f"""print({f}.__name__, {f}.__doc__, {f}.__wrapped__.__name__, {s}.__name__, {s}.tagged)
print({s}('{r.choice(WORDS)}'))
results = await asyncio.gather({f}('a'), {f}('b', {r.choice(DELAYS)}), {f}('c', retries={r.randint(0, 4)}), return_exceptions=True)
print([type(x).__name__ if isinstance(x, Exception) else x for x in results])
try:
    print(await {f}({r.randint(1, 50)}, retries={r.randint(2, 5)}))
except RuntimeError as e:
    print('failed:', e)"""
        self.part(self.name("decorated"), body, is_async=True)

    def p_comprehensions(self):
        r = self.r
        nums = [r.randint(-30, 60) for _ in range(r.randint(4, 12))]
        words = r.sample(WORDS, r.randint(3, 8))
        body = f"""nums = {nums}
words = {words}
print([n * n for n in nums if n % {r.randint(2, 5)} == {r.randint(0, 1)}])
print({{w: len(w) for w in words}}, {{w[0]: w for w in words}})
print(sorted({{n % {r.randint(3, 11)} for n in nums}}), {{n % 7 for n in nums if n > 0}})
print([(i, j) for i in range({r.randint(1, 4)}) for j in range(i, {r.randint(2, 5)}) if (i + j) % 2])
matrix = [[i * {r.randint(1, 4)} + j for j in range({r.randint(1, 4)})] for i in range({r.randint(1, 4)})]
print(matrix, [list(col) for col in zip(*matrix)], [x for row in matrix for x in row][::-1])
by_len = {{}}
for w in words:
    by_len.setdefault(len(w), []).append(w)
print(by_len, sorted(by_len.items(), key=lambda kv: (-len(kv[1]), kv[0])))
print(sorted(words, key=lambda w: (w[-1], w)), sorted(nums, key=abs)[:5], list(reversed(nums))[:3])
print(dict(zip(words, nums)), list(enumerate(words, {r.randint(0, 3)}))[:3], list(map(str.upper, words))[:2])
print(list(filter(None, [n % 3 for n in nums])), [w for w in words if 'a' in w], max(words, key=len))
print({{k: v for k, v in sorted(zip(nums, words))}}, [n if n > 0 else -n for n in nums][:{r.randint(1, 6)}])
print([sum(x * k for x in row) for k, row in enumerate(matrix)], [f() for f in [lambda: w.upper() for w in words]][:2])
print([(lambda n=n: n + {r.randint(0, 5)})() for n in nums][:3], {{w: [c for c in w if c in 'aeiou'] for w in words}})"""
        self.part(self.name("comprehensions"), body)

    def p_exceptions(self):
        r = self.r
        app, nf, retry = self.name("AppError"), self.name("NotFound"), self.name("RetryLater")
        self.defs.append(f"""class {app}(Exception):
    code = {r.randint(1, 99)}


class {nf}({app}, KeyError):
    def __init__(self, key):
        super().__init__(key)
        self.key = key

    def __str__(self):
        return f'not found: {{self.key!r}}'


class {retry}({app}):
    def __init__(self, after, *rest):
        super().__init__(after, *rest)
        self.after = after
""")
        keys = r.sample(WORDS, 4)
        store = {k: r.randint(0, 99) for k in keys[:2]}
        body = f"""store = {store!r}
def lookup(key):
    try:
        return store[key]
    except KeyError as e:
        raise {nf}(key) from e
log = []
for key in {keys!r}:
    try:
        value = lookup(key)
        if value % {r.randint(2, 5)} == 0:
            raise {retry}(value / 4, 'later')
    except {nf} as e:
        log.append(('missing', str(e), repr(e.__cause__), e.code, isinstance(e, KeyError)))
    except {app} as e:
        log.append(('app', e.args, e.after))
    else:
        log.append(('ok', value))
    finally:
        log.append('checked ' + key)
for entry in log:
    print(entry)
def risky(n):
    try:
        if n == 0:
            return 1 // n
        return [1, 2, 3][n]
    except ZeroDivisionError as e:
        raise ValueError('bad n') from e
    finally:
        print('risky', n)
for n in ({r.randint(0, 5)}, 0, {r.randint(0, 5)}):
    try:
        print(risky(n))
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e, type(e.__cause__).__name__, e.__context__ is not None)
try:
    try:
        raise {app}('inner')
    except {app}:
        raise TypeError('outer')
except TypeError as e:
    print(repr(e), repr(e.__context__), e.__suppress_context__)
try:
    {r.choice(["int('x1')", "[].pop()", "{}['k']", "None.attr", "'a' + 1", "(1, 2)[5]", "float('nan') > 1 or 1 / 0", "len(5)", "int(None)", "'abc'.index('z')"])}
except Exception as e:
    print(type(e).__name__, e)
print(issubclass({nf}, LookupError), {nf}.__mro__[1].__name__, [c.__name__ for c in {retry}.__mro__])"""
        self.part(self.name("exceptions"), body)

    def p_strings(self):
        r = self.r
        lines = ["n = %s" % self.literal(), f"x = {r.choice(['3.14159', '2.5', '-0.125', '1e10', '1/3', '0.1 + 0.2', '2 ** 0.5', '-7.0'])}",
                 f"s = {r.choice(WORDS)!r}"]
        for _ in range(r.randint(4, 9)):
            kind = r.choice(["int", "float", "str"])
            expr = {"int": "n", "float": "x", "str": "s"}[kind]
            lines.append(f"print({self.fmt(expr, kind)})")
        lines.append(f"print(s.center({r.randint(5, 15)}, '*'), s.title(), s[::-1], s.replace('a', '@'), s.split('a'), s.find('t'), s.count('a'))")
        lines.append(f"print(' | '.join(f'{{w:>{r.randint(3, 8)}}}' for w in {r.sample(WORDS, 3)!r}), '-' * {r.randint(1, 9)}, repr(s + '\\n'), s.zfill(9))")
        lines.append("print(f'{n=}', f'{x!r:>12}', f'{s!r}', f'{len(s):03}', f'{n % 7:{\"<\"}5}|', str(x), repr(x), round(x, 2), int(x))")
        lines.append(f"print('%s has %d chars, %.2f%%' % (s, len(s), 100 * len(s) / {r.randint(5, 20)}), '{{0}}-{{1}}-{{0}}'.format(s, n), '{{k}}'.format(k=s))")
        lines.append("print(s.startswith(s[:2]), s.endswith('a'), s.isalpha(), s.upper().lower() == s, ord(s[0]), chr(ord(s[0]) + 1), s.partition('e'), s.strip('ae'))")
        self.part(self.name("strings"), "\n".join(lines))

    def p_dicts_sets(self):
        r = self.r
        a = sorted(r.sample(range(-10, 40), r.randint(3, 10)))
        b = sorted(r.sample(range(-10, 40), r.randint(3, 10)))
        r.shuffle(a)
        words = r.sample(WORDS, 5)
        body = f"""a = set({a})
b = {{{', '.join(map(str, b))}}}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b) == b | a, a.issubset(a | b), a.isdisjoint({{1000}}), len(a), sorted(a)[:3])
a.add({r.randint(-10, 50)})
a.discard({r.randint(-10, 50)})
b -= {{{r.randint(-10, 40)}, {r.randint(-10, 40)}}}
print(a, b, frozenset(a) == a, {{x for x in a if x in b}})
counts = {{}}
for w in {[r.choice(words) for _ in range(r.randint(4, 12))]!r}:
    counts[w] = counts.get(w, 0) + 1
print(counts, sorted(counts, key=counts.get, reverse=True), list(counts.values()))
d = dict.fromkeys({words[:3]!r}, 0)
d.update({{{words[3]!r}: {r.randint(0, 9)}}}, extra=1)
d.setdefault({words[4]!r}, [])
print(d, d.pop({words[0]!r}), d.pop('missing', 'dflt'), d.popitem(), {words[1]!r} in d, len(d))
merged = {{**counts, **d}}
print(merged, list(merged.items())[:2], sorted(merged.keys()) == sorted(set(merged)))
inv = {{v: k for k, v in counts.items()}}
print(inv, max(counts.items(), key=lambda kv: (kv[1], kv[0])))
print({{1: 'a', True: 'b', 1.0: 'c'}}, {{(1, 2): 'tuple'}}[(1, 2)], {{i: i ** 2 for i in range({r.randint(0, 6)})}})
del counts[next(iter(counts))]
print(counts, counts == dict(counts), {{**counts}} is counts)"""
        self.part(self.name("dicts_sets"), body)

    def p_iterator_class(self):
        r = self.r
        cls = self.name("Countdown")
        self.defs.append(f"""class {cls}:
    def __init__(self, start, step={r.randint(1, 3)}):
        self.start = start
        self.step = step

    def __iter__(self):
        return {cls}Iter(self.start, self.step)

    def __contains__(self, x):
        return 0 <= x <= self.start and (self.start - x) % self.step == 0

    def __getitem__(self, i):
        if not 0 <= i < len(self):
            raise IndexError('countdown index out of range')
        return self.start - i * self.step

    def __len__(self):
        return self.start // self.step + 1

    def __repr__(self):
        return f'{cls}({{self.start}}, {{self.step}})'


class {cls}Iter:
    def __init__(self, n, step):
        self.n = n
        self.step = step

    def __iter__(self):
        return self

    def __next__(self):
        if self.n < 0:
            raise StopIteration
        n = self.n
        self.n -= self.step
        return n
""")
        n = r.randint(0, 15)
        body = f"""c = {cls}({n})
print(c, list(c), len(c), {r.randint(0, 15)} in c, c[0], c[len(c) - 1], list(reversed(list(c)))[:3])
print(sum(c), sorted(c)[:4], [x for x in c if x % 2], dict(enumerate(c)) if len(c) < 5 else len(c))
it = iter(c)
print(next(it), next(it, 'end'), list(it), next(it, 'end'))
try:
    c[len(c)]
except IndexError as e:
    print('IndexError', e)
a, *rest = c
print(a, rest[:2], *rest[-2:], sep=', ')"""
        self.part(self.name("iterators"), body)

    def p_match(self):
        r = self.r
        cmds = [r.choice(["('move', 1, 2)", "('quit',)", "{'op': 'add', 'args': [1, 2]}", "[1, 2, 3, 4]", "42", "'hello'",
                          "None", "{'op': 'mul'}", "('move', 'x', 3)", "[]", "3.5", "('say', 'hi', 'there')"])
                for _ in range(r.randint(3, 7))]
        body = f"""def dispatch(cmd):
    match cmd:
        case ('move', int(x), int(y)):
            return f'move {{x}},{{y}}'
        case ('quit',):
            return 'quit'
        case ('say', *words):
            return ' '.join(words)
        case {{'op': 'add', 'args': [a, b]}}:
            return a + b
        case {{'op': op, **rest}}:
            return f'op {{op}} {{rest}}'
        case [first, *others] if len(others) > {r.randint(0, 3)}:
            return (first, others)
        case int(n) | float(n) if n > {r.randint(0, 50)}:
            return n * 2
        case str() as s:
            return s.upper()
        case None:
            return 'nothing'
        case _:
            return 'unknown'
for cmd in [{', '.join(cmds)}]:
    print(repr(cmd), '->', dispatch(cmd))"""
        self.part(self.name("match"), body)

    def p_bytes(self):
        r = self.r
        words = r.sample(WORDS, 3)
        text = r.choice(["héllo", "naïve", "plain", "€uro", "tab\\there", "quote'd"])
        body = f"""data = {' + '.join(repr(w.encode()) for w in words)}
text = {text!r}
encoded = text.encode({r.choice(["'utf-8'", "'latin-1'", "'ascii'"])}, errors={r.choice(["'replace'", "'ignore'", "'backslashreplace'"])})
print(data, len(data), data[{r.randint(0, 4)}], data[{r.randint(0, 3)}:{r.randint(4, 12)}], data[::-{r.randint(1, 3)}], encoded)
print(encoded.decode('latin-1'), text.encode().hex(), bytes.fromhex(data.hex()) == data, list(data[:3]), data.upper())
print(data.split(b'{r.choice('aeiou')}'), data.find(b'{r.choice('aet')}'), data.count(b'a'), b'{r.choice('ab')}' in data, {r.randint(97, 122)} in data)
buf = bytearray(data[:{r.randint(1, 6)}])
buf.append({r.randint(0, 255)})
buf.extend(range({r.randint(0, 4)}))
buf[0] = {r.randint(0, 255)}
print(buf, bytes(buf), buf.pop(), len(buf), buf + b'!', bytes({r.randint(0, 4)}), bytes([{r.randint(0, 255)}, {r.randint(0, 255)}]))
n = {self.int_expr([], 2)}
size = max(1, (abs(n).bit_length() + 8) // 8)
raw = n.to_bytes(size, {r.choice(["'big'", "'little'"])}, signed=True)
print(raw, int.from_bytes(raw, {r.choice(["'big'", "'little'"])}, signed={r.random() < 0.5}), {{raw: size}}[raw])
lo = {r.choice(["2 ** 64", "-(2 ** 70)", "10 ** 20", "0", "-5"])}
rg = range(lo, lo + {r.randint(0, 50)}, {r.choice([1, 2, 7, -3])})
print(rg, len(rg), list(rg)[:3], lo + 7 in rg, rg[:2], rg == range(lo, lo + 1))
try:
    print(b'\\xff{r.choice(['', 'ok'])}'.decode({r.choice(["'utf-8'", "'ascii'"])}))
except UnicodeDecodeError as e:
    print('decode error:', e)"""
        self.part(self.name("bytes"), body)

    def p_binary(self):
        """bytes % formatting, memoryview, the bytes methods shared with str, reversed(),
        and classes deriving from bytes, bytearray, deque and str."""
        r = self.r
        words = r.sample(WORDS, 3)
        seq = r.randint(0, 999)
        level = r.choice(WORDS + ["caf\u00e9"])
        body = f"""import collections
rec = b'%-{r.randint(3, 9)}s|%0{r.randint(1, 6)}d|%{r.choice(['', '#'])}x|%a|%{r.choice(['', '+', ' '])}.{r.randint(0, 4)}f' % ({words[0].encode()!r}, {seq}, {r.randint(0, 10 ** 6)}, {level!r}, {r.choice(['3.14159', '-2.5', '1e6', '0.125'])})
print(rec, len(rec), rec.partition(b'|'), rec.rpartition(b'|')[2], rec.rsplit(b'|', {r.randint(-1, 3)}))
print(rec.center({r.randint(5, 40)}, b'{r.choice('*-.')}'), rec[:{r.randint(1, 8)}].ljust({r.randint(0, 12)}, b'_'), b'{seq}'.zfill({r.randint(1, 8)}), rec.title(), rec.swapcase()[:{r.randint(2, 9)}])
print(rec.count(b'{r.choice('a|e')}', {r.randint(0, 5)}), rec.rfind(b'|'), rec.startswith(b'{words[0][:2]}', 0, {r.randint(1, 9)}), rec.hex(':', {r.choice([1, 2, -3])})[:{r.randint(5, 20)}], rec.splitlines(), b'a\\tb\\nc'.expandtabs({r.randint(0, 8)}).splitlines(True))
table = bytes.maketrans(b'{r.choice(['ae', 'st', 'lo'])}', b'{r.choice(['AE', 'XY', '01'])}')
print(rec.translate(table), rec.translate(None, b'{r.choice(['aeiou', '|', '0123'])}'), rec.removeprefix(b'{words[0][:r.randint(0, 3)]}')[:6], rec.istitle(), rec.isascii())
buf = bytearray(rec)
view = memoryview(buf)
part = view[{r.randint(0, 3)}:{r.randint(4, 12)}]
part[0] = {r.randint(0, 255)}
print(len(part), part.tobytes(), part[-1], part.nbytes, part.readonly, bytes(part[::{r.randint(1, 3)}]), buf[:{r.randint(3, 10)}], part == buf[{r.randint(0, 3)}:{r.randint(4, 12)}])
with memoryview(b'{words[1]}') as mv:
    print(mv.tolist()[:4], mv.hex(), mv[1:].tobytes(), hash(mv) == hash(b'{words[1]}'), b'%s!' % mv, sum(mv.cast('B')))
view.release()
print(list(reversed(range({r.choice(['2 ** 64', '-(2 ** 70)', '10', '0'])}, {r.choice(['2 ** 64 + 9', '-(2 ** 70) - 5', '0', '3'])}, {r.choice([1, -1, 3, -2])})))[:4], list(reversed({words!r})), list(reversed({{'k': 1, 'j': 2}})))

class Packet(bytes):
    def __new__(cls, body, tag={r.randint(0, 9)}):
        self = super().__new__(cls, body)
        self.tag = tag
        return self
    def checksum(self):
        return sum(self) % 256

class Ring(collections.deque):
    def __init__(self, items=(), limit={r.randint(1, 5)}):
        super().__init__(items, maxlen=limit)
        self.pushed = 0
    def append(self, item):
        self.pushed += 1
        super().append(item)

class Loose(str):
    def __eq__(self, other):
        return NotImplemented
    __hash__ = str.__hash__

pkt = Packet({words[2].encode()!r})
ring = Ring(range({r.randint(0, 6)}))
for i in range({r.randint(0, 6)}):
    ring.append(i * {r.randint(1, 9)})
print(pkt, pkt.tag, pkt.checksum(), pkt.upper(), pkt == {words[2].encode()!r}, type(pkt + b'x').__name__, ring, ring.pushed, list(reversed(ring)), ring == collections.deque(ring))
print(Loose({words[0]!r}) == {r.choice(words)!r}, {words[1]!r} == Loose({words[1]!r}), Loose('x') != 'x', int(b'{seq}') + 1, float(b'{r.choice(['2.5', '1e3', '-0.5'])}'))"""
        self.part(self.name("binary"), body)

    # ------------------------------------------------------------------ tasks

    def p_gather(self):
        r = self.r
        n = r.randint(2, 6)
        delays = [r.choice(DELAYS) for _ in range(n)]
        fail = r.randint(-1, n - 1)
        body = f"""order = []
async def worker(i, delay):
    order.append(('start', i))
    await asyncio.sleep(delay)
    if i == {fail}:
        raise LookupError(f'worker {{i}} failed')
    order.append(('end', i))
    return i * {r.randint(2, 9)}
delays = [{', '.join(delays)}]
results = await asyncio.gather(*(worker(i, d) for i, d in enumerate(delays)), return_exceptions=True)
print([r if isinstance(r, int) else repr(r) for r in results])
print(order)
loop = asyncio.get_running_loop()
print('t', round(loop.time(), 4))
try:
    print(await asyncio.gather(worker(0, {r.choice(DELAYS)}), worker({fail}, {r.choice(DELAYS)})))
except LookupError as e:
    print('gather raised', e)
await asyncio.sleep(0.3)
print(len(order), 't', round(loop.time(), 4))"""
        self.part(self.name("gather"), body, is_async=True)

    def p_queue(self):
        r = self.r
        body = f"""q = asyncio.Queue(maxsize={r.randint(0, 3)})
seen = []
async def producer(name, n):
    for i in range(n):
        await q.put((name, i))
        await asyncio.sleep({r.choice(DELAYS)})
    print('producer', name, 'done')
async def consumer(cid):
    while True:
        item = await q.get()
        try:
            if item is None:
                return cid
            await asyncio.sleep({r.choice(DELAYS)})
            seen.append((cid, item))
        finally:
            q.task_done()
consumers = [asyncio.create_task(consumer(c), name=f'consumer-{{c}}') for c in range({r.randint(1, 3)})]
await asyncio.gather(*(producer(p, {r.randint(1, 4)}) for p in {r.sample(WORDS, r.randint(1, 3))!r}))
await q.join()
for _ in consumers:
    await q.put(None)
print(await asyncio.gather(*consumers), [t.get_name() for t in consumers])
print(seen, q.qsize(), q.empty())"""
        self.part(self.name("queue"), body, is_async=True)

    def p_lock(self):
        r = self.r
        body = f"""lock = asyncio.Lock()
counter = 0
trace = []
async def bump(i):
    global_before = counter
    async with lock:
        value = counter
        await asyncio.sleep({r.choice(DELAYS)})
        trace.append((i, lock.locked()))
        return_value = value + {r.randint(1, 4)}
    return return_value
async def update(i):
    nonlocal counter
    counter = await bump(i)
await asyncio.gather(*(update(i) for i in range({r.randint(2, 5)})))
print(counter, trace, lock.locked())
sem = asyncio.Semaphore({r.randint(1, 3)})
active = 0
peak = 0
async def limited(i):
    nonlocal active, peak
    async with sem:
        active += 1
        peak = max(peak, active)
        await asyncio.sleep({r.choice(DELAYS)} * (i % 3))
        active -= 1
    return i
print(await asyncio.gather(*(limited(i) for i in range({r.randint(2, 7)}))), peak)
ev = asyncio.Event()
async def waiter(i):
    await ev.wait()
    return f'woke {{i}}'
tasks = [asyncio.create_task(waiter(i)) for i in range({r.randint(1, 4)})]
await asyncio.sleep({r.choice(DELAYS)})
print(ev.is_set(), [t.done() for t in tasks])
ev.set()
print(await asyncio.gather(*tasks))"""
        self.part(self.name("locks"), body, is_async=True)

    def p_timeouts(self):
        r = self.r
        body = f"""async def slow(x, delay):
    try:
        await asyncio.sleep(delay)
        return x
    except asyncio.CancelledError:
        print('slow', x, 'cancelled')
        raise
    finally:
        print('slow', x, 'cleanup')
for timeout, delay in [({r.choice(DELAYS)}, {r.choice(DELAYS)}), ({r.choice(['0.05', '0.1', '0.2'])}, {r.choice(['0.05', '0.15', '0.3'])})]:
    try:
        print('got', await asyncio.wait_for(slow(timeout, delay), timeout=timeout))
    except asyncio.TimeoutError:
        print('timed out', timeout, delay)
task = asyncio.create_task(slow('bg', {r.choice(['0.1', '0.5', '1'])}))
await asyncio.sleep({r.choice(DELAYS)})
print(task.cancel({r.choice(["", "'stop now'"])}), task.cancelled(), task.done())
try:
    await task
except asyncio.CancelledError as e:
    print('caught cancel', e.args, task.cancelled())
try:
    async with asyncio.timeout({r.choice(['0.05', '0.1', '0.2'])}):
        await asyncio.sleep({r.choice(['0.01', '0.1', '0.3'])})
        print('inside timeout block')
except TimeoutError:
    print('timeout block expired')
done, pending = await asyncio.wait([asyncio.create_task(slow(i, d)) for i, d in enumerate([{', '.join(r.choice(DELAYS) for _ in range(3))}])], timeout={r.choice(['0.01', '0.05', '0.2'])})
print(sorted(t.result() for t in done), len(pending))
for t in pending:
    t.cancel()
await asyncio.sleep(0)
print('t', round(asyncio.get_running_loop().time(), 4))"""
        self.part(self.name("timeouts"), body, is_async=True)

    def p_task_callbacks(self):
        r = self.r
        body = f"""results = []
async def job(n):
    await asyncio.sleep({r.choice(DELAYS)} * n)
    if n == {r.randint(0, 4)}:
        raise ValueError(n)
    return n ** {r.randint(2, 40)}
def on_done(task):
    if task.cancelled():
        results.append((task.get_name(), 'cancelled'))
    elif task.exception() is not None:
        results.append((task.get_name(), repr(task.exception())))
    else:
        results.append((task.get_name(), task.result() % 1000))
tasks = []
for n in range({r.randint(1, 5)}):
    t = asyncio.create_task(job(n), name=f'job{{n}}')
    t.add_done_callback(on_done)
    tasks.append(t)
if {r.random() < 0.5}:
    tasks[-1].cancel()
for coro in asyncio.as_completed(tasks):
    try:
        print('as_completed', await coro)
    except (ValueError, asyncio.CancelledError) as e:
        print('as_completed error', type(e).__name__)
await asyncio.sleep(0)
print(results)
async with asyncio.TaskGroup() as tg:
    group = [tg.create_task(job(n + 5)) for n in range({r.randint(1, 3)})]
print([t.result() % 97 for t in group])"""
        self.part(self.name("callbacks"), body, is_async=True)

    PARTS = ["p_bigints", "p_class_hierarchy", "p_generators", "p_closures", "p_decorators", "p_comprehensions",
             "p_exceptions", "p_strings", "p_dicts_sets", "p_iterator_class", "p_match", "p_gather", "p_queue",
             "p_lock", "p_timeouts", "p_task_callbacks", "p_bytes", "p_binary"]

    def program(self):
        chosen = self.r.sample(self.PARTS, self.r.randint(4, 8))
        for p in chosen:
            getattr(self, p)()
        main = ["async def main():"]
        for name, is_async in self.calls:
            call = f"await {name}()" if is_async else f"{name}()"
            main += [f"    print('== {name}')", "    try:", f"        {call}", "    except Exception as e:",
                     f"        print('{name} raised', type(e).__name__, e)"]
        main.append("    print('end', round(asyncio.get_running_loop().time(), 4))")
        return (f"# Generated by tools/genprog.py {self.seed}\nimport asyncio\n\n\n" + "\n\n".join(self.defs) +
                "\n\n" + "\n".join(main) + "\n\n\nasyncio.run(main())\n")


def generate(seed):
    return Gen(seed).program()


# ------------------------------------------------------------------ reference runs


def _load_vtrun():
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    import vtrun  # noqa: E402 - imported once, used in every forked child
    return vtrun


def reference(vtrun, path, out_path, err_path):
    """CPython's stdout (written to out_path) and exit status for the program at `path`,
    as `python3 tools/vtrun.py path` gives them, in a forked child."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            out = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            err = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(out, 1)
            os.dup2(err, 2)
            try:
                status = vtrun.main(["vtrun.py", path])
            except SystemExit as e:
                # As the interpreter turns SystemExit into an exit status.
                if e.code is None:
                    status = 0
                elif isinstance(e.code, int):
                    status = e.code & 0xFF
                else:
                    print(e.code, file=sys.stderr)
                    status = 1
            import threading
            threading._shutdown()
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(status)
    _, st = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(st)


def emit(directory, seed, count):
    vtrun = _load_vtrun()
    os.makedirs(directory, exist_ok=True)
    for s in range(seed, seed + count):
        base = os.path.join(directory, f"gen_{s}")
        with open(base + ".py", "w") as f:
            f.write(generate(s))
        status = reference(vtrun, base + ".py", base + ".out", base + ".err")
        with open(base + ".status", "w") as f:
            f.write(f"{status}\n")


def campaign(args):
    vtrun = _load_vtrun()
    work = tempfile.mkdtemp(prefix="loopscope-genprog-")
    failures = []
    started = time.time()
    binary = os.path.abspath(args.binary)
    for i in range(args.count):
        s = args.seed + i
        base = os.path.join(work, f"gen_{s}")
        with open(base + ".py", "w") as f:
            f.write(generate(s))
        ref_status = reference(vtrun, base + ".py", base + ".out", base + ".err")
        with open(base + ".out", "rb") as f:
            ref_out = f.read()
        try:
            run = subprocess.run([binary, "run", base + ".py"], capture_output=True, timeout=args.timeout)
            got_out, got_err, got_status = run.stdout, run.stderr, run.returncode
        except subprocess.TimeoutExpired as e:
            got_out, got_err, got_status = e.stdout or b"", b"timeout", "timeout"
        if got_out != ref_out or got_status != ref_status:
            failures.append(s)
            os.makedirs(args.keep, exist_ok=True)
            kept = os.path.join(args.keep, f"gen_{s}")
            shutil.copy(base + ".py", kept + ".py")
            with open(kept + ".cpython.out", "wb") as f:
                f.write(ref_out + f"\n[exit {ref_status}]\n".encode())
            with open(kept + ".loopscope.out", "wb") as f:
                f.write(got_out + f"\n[exit {got_status}]\n--- stderr\n".encode() + got_err)
        if (i + 1) % 50 == 0 or i + 1 == args.count:
            print(f"{i + 1}/{args.count} programs, {len(failures)} mismatches, {time.time() - started:.0f}s", flush=True)
    shutil.rmtree(work, ignore_errors=True)
    if failures:
        print(f"mismatches (kept in {args.keep}): seeds {' '.join(map(str, failures[:50]))}"
              + (" ..." if len(failures) > 50 else ""))
        return 1
    return 0


def main(argv):
    p = argparse.ArgumentParser(description="seeded random asyncio programs, compared with CPython")
    p.add_argument("program_seed", nargs="?", type=int, help="print the program of this seed")
    p.add_argument("--seed", type=int, default=0, help="first seed (default 0)")
    p.add_argument("--count", type=int, default=100, help="how many programs (default 100)")
    p.add_argument("--emit", metavar="DIR", help="write programs and CPython's outputs to DIR")
    p.add_argument("--binary", help="loopscope binary for a campaign")
    p.add_argument("--timeout", type=float, default=30, help="seconds per loopscope run (default 30)")
    p.add_argument("--keep", default="/tmp/loopscope-genprog-failures", help="where mismatches are kept")
    args = p.parse_args(argv[1:])
    if args.program_seed is not None:
        sys.stdout.write(generate(args.program_seed))
        return 0
    if args.emit:
        emit(args.emit, args.seed, args.count)
        return 0
    if args.binary:
        return campaign(args)
    p.print_usage(sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
