import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// `collections.abc` (CPython's `_collections_abc.py`) on built-in values and as mixins,
/// and `collections`' `ChainMap` and `User*` classes: expected outputs are CPython 3.11's.
@Suite("collections")
struct CollectionsTests {
    private func expectRun(_ source: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let out = simulate(source)
        #expect(out.stdout == expected, "\(out)", sourceLocation: sourceLocation)
        #expect(out.status == 0, "\(out)", sourceLocation: sourceLocation)
    }

    @Test("the built-in iterators have CPython's types, so registering them as Iterator registers no other class")
    func iteratorTypes() {
        expectRun("""
        print([type(x).__name__ for x in (iter([]), iter(()), iter(''), iter('é'), iter({}), iter(set()), iter(b''),
              iter(range(2)), reversed([]), zip(), map(str, []), filter(None, []), enumerate([]), iter({}.values()))])
        print('__next__' in type(iter([])).__dict__, '__hash__' in object.__dict__, '__call__' in type(len).__dict__)
        """, """
        ['list_iterator', 'tuple_iterator', 'str_ascii_iterator', 'str_iterator', 'dict_keyiterator', 'set_iterator', \
        'bytes_iterator', 'range_iterator', 'list_reverseiterator', 'zip', 'map', 'filter', 'enumerate', 'dict_valueiterator']
        True True True

        """)
    }

    @Test("collections.abc answers isinstance for built-in values through registration and __subclasshook__")
    func abcOnBuiltins() {
        expectRun("""
        import asyncio
        from collections import abc
        def gen(): yield 1
        async def coro(): pass
        names = ['Hashable', 'Iterable', 'Iterator', 'Reversible', 'Generator', 'Sized', 'Callable', 'Set',
                 'Mapping', 'MutableMapping', 'KeysView', 'Sequence', 'MutableSequence', 'Awaitable', 'Coroutine']
        c = coro()
        for v in ([1], (1,), {}, {1}, 'a', range(2), None, gen(), iter([]), {}.keys(), len, int, map(str, []), c):
            print(type(v).__name__, [n for n in names if isinstance(v, getattr(abc, n))])
        c.close()
        async def main():
            print(isinstance(asyncio.get_running_loop().create_future(), abc.Awaitable))
        asyncio.run(main())
        print(abc.Callable[[int], str], abc.Mapping[str, int])
        """, """
        list ['Iterable', 'Reversible', 'Sized', 'Sequence', 'MutableSequence']
        tuple ['Hashable', 'Iterable', 'Reversible', 'Sized', 'Sequence']
        dict ['Iterable', 'Reversible', 'Sized', 'Mapping', 'MutableMapping']
        set ['Iterable', 'Sized', 'Set']
        str ['Hashable', 'Iterable', 'Reversible', 'Sized', 'Sequence']
        range ['Hashable', 'Iterable', 'Reversible', 'Sized', 'Sequence']
        NoneType ['Hashable']
        generator ['Hashable', 'Iterable', 'Iterator', 'Generator']
        list_iterator ['Hashable', 'Iterable', 'Iterator']
        dict_keys ['Iterable', 'Reversible', 'Sized', 'Set', 'KeysView']
        builtin_function_or_method ['Hashable', 'Callable']
        type ['Hashable', 'Callable']
        map ['Hashable', 'Iterable', 'Iterator']
        coroutine ['Hashable', 'Awaitable', 'Coroutine']
        True
        collections.abc.Callable[[int], str] collections.abc.Mapping[str, int]

        """)
    }

    @Test("the collections.abc classes are mixins: a user Mapping or MutableSequence gets CPython's methods")
    func abcMixins() {
        expectRun("""
        from collections.abc import Mapping, MutableSequence, Sized
        class M(Mapping):
            def __init__(self, d): self._d = d
            def __getitem__(self, k): return self._d[k]
            def __iter__(self): return iter(self._d)
            def __len__(self): return len(self._d)
        m = M({'a': 1, 'b': 2})
        print(m.get('z', 0), list(m.items()), m == {'a': 1, 'b': 2}, m.keys() & {'a'})
        class L(MutableSequence):
            def __init__(self): self._l = []
            def __getitem__(self, i): return self._l[i]
            def __setitem__(self, i, v): self._l[i] = v
            def __delitem__(self, i): del self._l[i]
            def __len__(self): return len(self._l)
            def insert(self, i, v): self._l.insert(i, v)
        s = L(); s.extend([3, 1]); s += [2]; s.reverse()
        print(list(s), s.index(1), s.pop(), list(s))
        class Half(Sized): pass
        try:
            Half()
        except TypeError as e:
            print(e)
        """, """
        0 [('a', 1), ('b', 2)] True {'a'}
        [2, 1, 3] 1 3 [2, 1]
        Can't instantiate abstract class Half with abstract method __len__

        """)
    }

    @Test("ChainMap, UserDict, UserList and UserString are CPython's, and pprint prints them")
    func chainMapAndUserClasses() {
        expectRun("""
        import pprint
        from collections import ChainMap, UserDict, UserList, UserString
        cm = ChainMap({}, {'user': 'alice'}, {'user': 'guest', 'color': 'red'})
        cm['mode'] = 1
        print(cm['user'], len(cm), cm.new_child()['color'], cm.parents, cm.maps[0])
        class Upper(UserDict):
            def __setitem__(self, key, value): super().__setitem__(key.upper(), value)
        print(Upper({'a': 1}, b=2), UserList([3, 1]) + [2], UserString('ab').upper() * 2)
        pprint.pprint(UserList(['x' * 20] * 3), width=30)
        """, """
        alice 3 red ChainMap({'user': 'alice'}, {'user': 'guest', 'color': 'red'}) {'mode': 1}
        {'A': 1, 'B': 2} [3, 1, 2] ABAB
        ['xxxxxxxxxxxxxxxxxxxx',
         'xxxxxxxxxxxxxxxxxxxx',
         'xxxxxxxxxxxxxxxxxxxx']

        """)
    }
}
