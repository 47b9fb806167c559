import Testing
@testable import LoopSimulator

/// The standard-library modules under Lib/ and the native ones beside them behave as
/// CPython 3.11's: expected outputs are CPython's.
@Suite("standard library")
struct StandardLibraryTests {
    private func expectRun(_ source: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let out = simulate(source)
        #expect(out.stdout == expected, sourceLocation: sourceLocation)
        #expect(out.status == 0, "\(out)", sourceLocation: sourceLocation)
    }

    @Test("enumerate, zip, map and filter are lazy: they work over endless iterators and call functions per item")
    func lazyBuiltinIterators() {
        expectRun("""
        def naturals():
            n = 0
            while True:
                yield n
                n += 1
        def show(x):
            print('map', x)
            return x * 10
        m = map(show, [1, 2])
        print('made')
        print(next(m))
        for i, n in enumerate(naturals(), 1):
            if i > 2: break
            print(i, n)
        print(list(zip('ab', naturals())), next(filter(lambda n: n > 5, naturals())))
        try:
            list(zip([1], [2, 3], strict=True))
        except ValueError as e:
            print(e)
        it = iter([1, 2])
        print(it.__next__(), next(it))
        """, """
        made
        map 1
        10
        1 0
        2 1
        [('a', 0), ('b', 1)] 6
        zip() argument 2 is longer than argument 1
        1 2

        """)
    }

    @Test("type(name, bases, dict) makes a class as a class statement does; Class[x] calls __class_getitem__")
    func typeWithThreeArguments() {
        expectRun("""
        B = type('B', (object,), {'y': 2, '__module__': 'shapes', 'f': lambda self: self.y + 1})
        C = type('C', (B,), {})
        print(B, B().f(), B.__qualname__, C().f(), C.__mro__)
        class Box:
            def __class_getitem__(cls, item):
                return f'{cls.__name__}[{item.__name__}]'
        print(Box[int])
        """, """
        <class 'shapes.B'> 3 B 3 (<class '__main__.C'>, <class 'shapes.B'>, <class 'object'>)
        Box[int]

        """)
    }

    @Test("functools: wraps, partial, reduce, lru_cache statistics, total_ordering, cmp_to_key, cached_property")
    func functools() {
        expectRun("""
        from functools import wraps, partial, reduce, lru_cache, total_ordering, cmp_to_key, cached_property
        def deco(f):
            @wraps(f)
            def wrapper(*a):
                return f(*a)
            return wrapper
        @deco
        def hello(n):
            "Say hi."
            return n * 2
        print(hello.__name__, hello.__doc__, hello.__wrapped__(2))
        p = partial(pow, 2)
        print(p(10), p, reduce(lambda a, b: a * b, range(1, 6)))
        @lru_cache(maxsize=2)
        def sq(n):
            return n * n
        print([sq(n) for n in (2, 2, 3, 4, 2)], sq.cache_info())
        @total_ordering
        class V:
            def __init__(self, v): self.v = v
            def __eq__(self, o): return self.v == o.v
            def __lt__(self, o): return self.v < o.v
        print(V(1) <= V(2), V(3) >= V(4), sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
        class C:
            @cached_property
            def val(self):
                print('computed')
                return 42
        c = C()
        print(c.val, c.val)
        """, """
        hello Say hi. 4
        1024 functools.partial(<built-in function pow>, 2) 120
        [4, 4, 9, 16, 4] CacheInfo(hits=1, misses=4, maxsize=2, currsize=2)
        True False [3, 2, 1]
        computed
        42 42

        """)
    }

    @Test("itertools gives CPython's items for the infinite, terminating and combinatoric iterators")
    func itertools() {
        expectRun("""
        from itertools import *
        print(list(islice(count(5, 2), 4)), list(islice('abcdefg', 2, None, 2)), list(islice(cycle('ab'), 5)))
        print([(k, list(g)) for k, g in groupby('aaabbc')], list(accumulate([1, 2, 3], initial=10)))
        print(list(product('ab', repeat=2)), list(permutations(range(3), 2)), list(combinations('abcd', 3)))
        a, b = tee([1, 2, 3])
        print(next(a), list(b), list(a), list(zip_longest('ab', 'xyz', fillvalue='-')), list(pairwise('abc')))
        """, """
        [5, 7, 9, 11] ['c', 'e', 'g'] ['a', 'b', 'a', 'b', 'a']
        [('a', ['a', 'a', 'a']), ('b', ['b', 'b']), ('c', ['c'])] [10, 11, 13, 16]
        [('a', 'a'), ('a', 'b'), ('b', 'a'), ('b', 'b')] [(0, 1), (0, 2), (1, 0), (1, 2), (2, 0), (2, 1)] [('a', 'b', 'c'), ('a', 'b', 'd'), ('a', 'c', 'd'), ('b', 'c', 'd')]
        1 [1, 2, 3] [2, 3] [('a', 'x'), ('b', 'y'), ('-', 'z')] [('a', 'b'), ('b', 'c')]

        """)
    }

    @Test("collections: deque with maxlen, indexing and rotation; namedtuple fields, defaults and messages")
    func collections() {
        expectRun("""
        from collections import deque, namedtuple
        d = deque([1, 2, 3], maxlen=3)
        d.append(4)
        d.appendleft(0)
        print(d, d[0], d[-1], len(d), d.maxlen, 2 in d)
        d.rotate(1)
        d[1] = 9
        del d[0]
        print(d, deque('ab'), d.index(9))
        P = namedtuple('P', 'x y z', defaults=[0])
        p = P(1, y=2)
        x, y, z = p
        print(p, p[1], p == (1, 2, 0), p._asdict(), p._replace(x=5), P._make([7, 8, 9]), P._fields, x + y)
        try:
            P()
        except TypeError as e:
            print(e)
        """, """
        deque([0, 2, 3], maxlen=3) 0 3 3 3 True
        deque([9, 2], maxlen=3) deque(['a', 'b']) 0
        P(x=1, y=2, z=0) 2 True {'x': 1, 'y': 2, 'z': 0} P(x=5, y=2, z=0) P(x=7, y=8, z=9) ('x', 'y', 'z') 3
        P.__new__() missing 2 required positional arguments: 'x' and 'y'

        """)
    }

    @Test("operator, heapq and bisect: the pure-Python modules CPython falls back to")
    func operatorHeapqBisect() {
        expectRun("""
        import heapq, bisect, operator
        from operator import itemgetter, attrgetter, methodcaller
        h = []
        for x in [5, 1, 4, 2, 3]:
            heapq.heappush(h, x)
        print(heapq.heappop(h), h, heapq.nlargest(2, [1, 5, 3]), list(heapq.merge([1, 3], [2, 4])))
        l = [1, 3, 5]
        bisect.insort(l, 4)
        print(l, bisect.bisect_left(l, 3), bisect.bisect(l, 3))
        print(itemgetter(1, 0)('ab'), methodcaller('split', ',')('a,b'), operator.index(5), attrgetter('real'))
        """, """
        1 [2, 3, 4, 5] [5, 3] [1, 2, 3, 4]
        [1, 3, 4, 5] 1 2
        ('b', 'a') ['a', 'b'] 5 operator.attrgetter('real')

        """)
    }

    @Test("check rejects, at the import line, a name a library module does not provide")
    func checkRejectsMissingNames() {
        let out = simulate("""
        from functools import wraps, singledispatch
        from math import sqrt, nope
        from collections import deque
        """)
        #expect(out.status == 2)
        #expect(out.stderr == """
        test.py:1:1: error: cannot import name 'singledispatch' from 'functools' (Lib/functools.py)
        test.py:2:1: error: cannot import name 'nope' from 'math' (unknown location)
        """)
    }
}
