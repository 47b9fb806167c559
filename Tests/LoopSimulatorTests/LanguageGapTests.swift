import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// Small language gaps closed against CPython 3.11 (`tools/vtrun.py` gave the expected
/// outputs): `reversed()` over any range and the sequence protocol, `dir()` of the
/// caller, built-in functions' attributes, a module's `__dict__` in binding order, and
/// `except ... as name` unbinding the name, subclass comparisons falling back to the
/// base type, and classes deriving from bytes, bytearray and deque.
@Suite("Language gaps")
struct LanguageGapTests {
    @Test("reversed() of big ranges, lists, dicts and sequences; dir() of the caller; len.__call__ and friends; except-as unbinds")
    func reversedDirAndCallables() {
        let out = simulate(#"""
        print(list(reversed(range(2**70, 2**70 + 5, 2))), list(reversed(range(10, 0, -3))), list(reversed(range(0))))
        r = reversed(range(2**64 - 3, 2**64 + 2))
        print(next(r), next(r), list(r))
        print(list(reversed(range(-2**63, -2**63 + 3))), list(reversed(range(2**63 - 3, 2**63 - 1))))
        print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed('abc')), list(reversed({'a': 1, 'b': 2})), list(reversed({'a': 1}.items())), list(reversed(b'ab')))
        class S:
            def __len__(self): return 3
            def __getitem__(self, i): return i * 10
        class R:
            def __reversed__(self): return iter('zyx')
        print(list(reversed(S())), list(reversed(R())))
        for x in [{1, 2}, (i for i in range(2)), 5]:
            try: reversed(x)
            except TypeError as e: print(e)
        l = [1, 2, 3]
        it = reversed(l)
        print(next(it)); l.clear(); print(list(it))
        print(hasattr(len, '__call__'), len.__call__([1, 2]), len.__name__, len.__qualname__, len.__module__, len.__self__, print.__self__ is len.__self__)
        print(hasattr(print, '__call__'), callable(len), hasattr(lambda: 0, '__call__'), hasattr([].append, '__call__'))
        def f(a, b=2):
            c = 3
            def g(): return c
            return dir()
        print(f(1))
        class K:
            x = 1
            def m(self): pass
            print(dir())
        x = 5
        print([n for n in dir() if not n.startswith('_')])
        try:
            1 / 0
        except ZeroDivisionError as err:
            pass
        print('err' in dir())
        def h():
            try:
                raise KeyError('k')
            except KeyError as err:
                pass
            try:
                return err
            except UnboundLocalError as e2:
                return type(e2).__name__
        print(h())
        """#)
        #expect(out.stdout == #"""
        [1180591620717411303428, 1180591620717411303426, 1180591620717411303424] [1, 4, 7, 10] []
        18446744073709551617 18446744073709551616 [18446744073709551615, 18446744073709551614, 18446744073709551613]
        [-9223372036854775806, -9223372036854775807, -9223372036854775808] [9223372036854775806, 9223372036854775805]
        [3, 2, 1] [2, 1] ['c', 'b', 'a'] ['b', 'a'] [('a', 1)] [98, 97]
        [20, 10, 0] ['z', 'y', 'x']
        'set' object is not reversible
        'generator' object is not reversible
        'int' object is not reversible
        3
        []
        True 2 len len builtins <module 'builtins' (built-in)> True
        True True True True
        ['a', 'b', 'c', 'g']
        ['__module__', '__qualname__', 'm', 'x']
        ['K', 'R', 'S', 'f', 'it', 'l', 'r', 'x']
        False
        UnboundLocalError

        """#, "\(out)")
    }

    @Test("a module's __dict__ lists names in the order they were first bound")
    func moduleDictOrder() {
        let out = simulate(#"""
        import sys
        zeta = 1
        alpha = 2
        def mid(): pass
        class Beta: pass
        del alpha
        alpha = 3
        m = sys.modules[__name__]
        print([k for k in m.__dict__ if not k.startswith('__')])
        print([k for k in vars(m) if not k.startswith('__')])
        g = 7
        print([k for k in m.__dict__ if not k.startswith('__')])
        """#)
        #expect(out.stdout == #"""
        ['sys', 'zeta', 'mid', 'Beta', 'alpha', 'm']
        ['sys', 'zeta', 'mid', 'Beta', 'alpha', 'm']
        ['sys', 'zeta', 'mid', 'Beta', 'alpha', 'm', 'g']

        """#, "\(out)")
    }

    @Test("a str/int/float subclass whose __eq__ returns NotImplemented falls back to the base type's comparison, as in CPython")
    func subclassEqualityFallsBack() {
        let out = simulate(#"""
        class S(str):
            def __eq__(self, other):
                return NotImplemented
            __hash__ = str.__hash__
        class I(int):
            def __eq__(self, other):
                return NotImplemented
            def __lt__(self, other):
                return NotImplemented
            __hash__ = int.__hash__
        print(S('a') == 'a', 'a' == S('a'), S('a') == S('a'), S('a') != 'a', S('a') == 'b')
        print(I(1) == 1, 1 == I(1), I(1) == I(1), I(1) == 1.0, I(1) < 2, 2 < I(1), I(2) != 2)
        print(S('a') in ['a'], 'a' in [S('a')], [S('x')] == ['x'])
        class T(str):
            def __eq__(self, other):
                print('T.__eq__', type(other).__name__)
                return NotImplemented
        class U(T):
            def __eq__(self, other):
                print('U.__eq__', type(other).__name__)
                return str.__eq__(self, other)
        print(T('q') == U('q'))
        print(U('q') == T('q'))
        class F(float):
            def __eq__(self, other): return NotImplemented
            __hash__ = float.__hash__
        print(F(1.5) == 1.5, 1.5 == F(1.5), F(2.0) == 2)
        class P:
            pass
        print(I(1) == P(), P() == S('a'))
        try:
            I(1) < P()
        except TypeError as e:
            print(e)
        """#)
        #expect(out.stdout == #"""
        True True False False False
        True True False True True False False
        True True True
        U.__eq__ T
        True
        U.__eq__ T
        True
        True True False
        False False
        '<' not supported between instances of 'I' and 'P'

        """#, "\(out)")
    }

    @Test("classes deriving from bytes, bytearray and collections.deque; deques compare")
    func bytesBytearrayAndDequeSubclasses() {
        let out = simulate(#"""
        import collections
        class Packet(bytes):
            kind = 'pkt'
            def __new__(cls, payload, tag=0):
                self = super().__new__(cls, payload)
                self.tag = tag
                return self
            def checksum(self):
                return sum(self) % 256
        p = Packet(b'abc', tag=7)
        print(p, repr(p), type(p).__name__, p.tag, p.checksum(), len(p), p[0], p[1:], p.upper(), isinstance(p, bytes), p == b'abc', p + b'd', type(p + b'd').__name__)
        print(p.decode(), bytes(p), {p: 1}[b'abc'], hash(p) == hash(b'abc'), b'%s!' % p, p.hex(), p.split(b'b'))
        class Buf(bytearray):
            def push(self, data):
                self.extend(data)
                return len(self)
        b = Buf(b'xy')
        print(b.push(b'z'), b, type(b).__name__, b[0], bytes(b))
        b[0] = 65
        print(b, b.pop(), b)
        class History(collections.deque):
            def __init__(self, items=(), limit=3):
                super().__init__(items, maxlen=limit)
                self.pushes = 0
            def append(self, x):
                self.pushes += 1
                super().append(x)
        h = History([1, 2])
        h.append(3); h.append(4)
        print(h, h.maxlen, h.pushes, list(h), len(h), h[0], type(h).__name__, isinstance(h, collections.deque), 4 in h)
        h.appendleft(0); print(h, h.popleft(), h.pop())
        class D(collections.deque): pass
        d = D('ab')
        print(d, d == collections.deque('ab'), list(reversed(d)))
        """#)
        #expect(out.stdout == #"""
        b'abc' b'abc' Packet 7 38 3 97 b'bc' b'ABC' True True b'abcd' bytes
        abc b'abc' 1 True b'abc!' 616263 [b'a', b'c']
        3 Buf(b'xyz') Buf 120 b'xyz'
        Buf(b'Ay') 122 Buf(b'Ay')
        History([2, 3, 4], maxlen=3) 3 2 [2, 3, 4] 3 2 History True True
        History([2], maxlen=3) 0 3
        D(['a', 'b']) True ['b', 'a']

        """#, "\(out)")
    }

    @Test("list() of an iterator over a range past 64 bits checks its length hint first (OverflowError, not a hang)")
    func listOfALongRangeIterator() {
        let out = simulate(#"""
        for make in [lambda: reversed(range(2 ** 64, -(2 ** 70) - 5, -1)), lambda: iter(range(0, 2 ** 80, 3))]:
            it = make()
            print(next(it), next(it))
            try:
                print(len(list(it)))
            except OverflowError as e:
                print(type(e).__name__, e)
        it = iter(range(2 ** 64, 2 ** 64 + 5))
        next(it)
        print(list(it), list(reversed(range(2 ** 64, 2 ** 64 + 3))))
        """#)
        #expect(out.stdout == #"""
        -1180591620717411303428 -1180591620717411303427
        OverflowError Python int too large to convert to C ssize_t
        0 3
        OverflowError Python int too large to convert to C ssize_t
        [18446744073709551617, 18446744073709551618, 18446744073709551619, 18446744073709551620] [18446744073709551618, 18446744073709551617, 18446744073709551616]

        """#, "\(out)")
    }

}
