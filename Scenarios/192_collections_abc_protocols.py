# collections.abc: isinstance of every built-in value against each ABC (registration and
# __subclasshook__), user classes built on Mapping, MutableSequence and Set mixins,
# abstract-method errors, and asyncio futures and tasks as Awaitables.
import asyncio
import collections.abc as cabc
from collections import abc

def gen():
    yield 1

async def coro():
    return 1

async def agen():
    yield 1

values = {
    'list': [1], 'tuple': (1,), 'dict': {1: 2}, 'set': {1}, 'frozenset': frozenset(), 'str': 'a',
    'bytes': b'a', 'bytearray': bytearray(b'a'), 'range': range(3), 'int': 1, 'float': 1.5,
    'None': None, 'gen': gen(), 'list_iter': iter([]), 'dict_keys': {}.keys(),
    'dict_values': {}.values(), 'dict_items': {}.items(), 'len': len, 'lambda': lambda: 0,
    'type': int, 'zip': zip(), 'map': map(str, []), 'memoryview': memoryview(b''),
}
c = coro()
values['coro'] = c
values['agen'] = agen()
names = ['Hashable', 'Iterable', 'Iterator', 'Reversible', 'Generator', 'Sized', 'Container',
         'Collection', 'Callable', 'Set', 'MutableSet', 'Mapping', 'MutableMapping', 'MappingView',
         'KeysView', 'ItemsView', 'ValuesView', 'Sequence', 'MutableSequence', 'ByteString',
         'Awaitable', 'Coroutine', 'AsyncIterable', 'AsyncIterator', 'AsyncGenerator']
for vname, v in values.items():
    print(vname, [n for n in names if isinstance(v, getattr(cabc, n))])
c.close()
print(issubclass(list, abc.Sequence), issubclass(dict, abc.Sequence), issubclass(str, abc.Iterable))
print(abc.__all__ == cabc.__all__, len(abc.__all__))

class MyMap(abc.Mapping):
    def __init__(self, d):
        self._d = d
    def __getitem__(self, k):
        return self._d[k]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)

m = MyMap({'a': 1, 'b': 2})
print(m.get('a'), m.get('z', 0), 'a' in m, list(m.keys()), list(m.values()), list(m.items()))
print(m == {'a': 1, 'b': 2}, m.keys() & {'a', 'c'}, isinstance(m, abc.Mapping), isinstance(m, dict))

class MySeq(abc.MutableSequence):
    def __init__(self):
        self._l = []
    def __getitem__(self, i):
        return self._l[i]
    def __setitem__(self, i, v):
        self._l[i] = v
    def __delitem__(self, i):
        del self._l[i]
    def __len__(self):
        return len(self._l)
    def insert(self, i, v):
        self._l.insert(i, v)

s = MySeq()
s.append(3); s.extend([1, 2]); s += [9]
print(list(s), s.index(1), s.count(9), list(reversed(s)), 2 in s, s.pop(), list(s))
s.reverse(); print(list(s))
s.remove(1); print(list(s))

try:
    abc.Sequence()
except TypeError as e:
    print(e)

class Incomplete(abc.Sized):
    pass
try:
    Incomplete()
except TypeError as e:
    print(e)

class S(abc.Set):
    def __init__(self, it):
        self._s = list(dict.fromkeys(it))
    def __contains__(self, x):
        return x in self._s
    def __iter__(self):
        return iter(self._s)
    def __len__(self):
        return len(self._s)
a = S([1, 2, 3]); b = S([2, 3, 4])
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b), a <= b, S([2]) < a, a.isdisjoint([7]))
print(S([1, 2])._hash() == S([2, 1])._hash())

class Seq:
    def __len__(self): return 0
    def __iter__(self): return iter([])
    def __contains__(self, x): return False
print(isinstance(Seq(), abc.Collection), isinstance(Seq(), abc.Sized), isinstance(Seq(), abc.Sequence))

class A:
    def __await__(self):
        yield
print(isinstance(A(), abc.Awaitable), isinstance(A(), abc.Coroutine), isinstance(asyncio.sleep(0).__class__, type))
print(abc.Callable[[int], str], abc.Mapping[str, int], abc.Iterable[int])

async def main():
    fut = asyncio.get_running_loop().create_future()
    t = asyncio.ensure_future(coro())
    print(isinstance(fut, abc.Awaitable), isinstance(t, abc.Awaitable), isinstance(t, abc.Coroutine))
    await t
    fut.cancel()
asyncio.run(main())
print(abc.MutableSequence.register, abc.Iterator.__abstractmethods__)
