import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// Small language gaps closed against CPython 3.11 (`tools/vtrun.py` gave the expected
/// outputs): `reversed()` over any range and the sequence protocol, `dir()` of the
/// caller, built-in functions' attributes, a module's `__dict__` in binding order, and
/// `except ... as name` unbinding the name.
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

}
