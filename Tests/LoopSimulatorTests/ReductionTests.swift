import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// `object.__reduce_ex__(protocol)` and `object.__reduce__()` as typeobject.c's
/// `_common_reduce`: `copyreg.__newobj__` with the state for protocols 2 and up,
/// `copyreg._reconstructor` (Lib/copyreg.py, CPython's) for 0 and 1, a class's own
/// `__reduce__` first; `copy.copy`/`deepcopy` go through it as CPython's copy does.
/// Expected output from CPython 3.11.
@Suite("Object reduction and copy")
struct ReductionTests {
    @Test("__reduce_ex__ shapes for every protocol, __getstate__/__setstate__, __getnewargs__, list subclasses, exceptions, uncopyable objects, __flags__")
    func reduceAndCopy() {
        let out = simulate(#"""
        import copy
        class P:
            def __init__(self, x): self.x = x; self.l = [1, 2]
            def __repr__(self): return f'P({self.x}, {self.l})'
        p = P(1)
        r = p.__reduce_ex__(4)
        print(r[0].__name__, r[1][0] is P, r[2], r[3:], len(r))
        print(p.__reduce_ex__(2)[0].__name__, len(p.__reduce_ex__(2)))
        r1 = p.__reduce_ex__(1); print(r1[0].__name__, r1[1], r1[2])
        r0 = p.__reduce__(); print(r0[0].__name__, r0[1], r0[2])
        q = copy.copy(p); d = copy.deepcopy(p)
        print(q, d, q.l is p.l, d.l is p.l)
        class S:
            def __init__(self): self.a = 1; self.secret = 2
            def __getstate__(self): return {'a': self.a}
            def __setstate__(self, st): print('setstate', st); self.__dict__.update(st); self.secret = 0
        s2 = copy.deepcopy(S()); print(vars(s2))
        print(S().__reduce_ex__(4)[2])
        class E: pass
        print(E().__reduce_ex__(4)[2], copy.copy(E()).__class__.__name__)
        class N:
            def __new__(cls, v):
                o = object.__new__(cls); o.v = v; return o
            def __getnewargs__(self): return (self.v,)
        n = copy.deepcopy(N(5)); print(n.v, N(5).__reduce_ex__(4)[1][1:])
        class L(list): pass
        l = L([1,2]); l.tag = 't'
        c = copy.deepcopy(l); print(c, type(c).__name__, c.tag, L([3]).__reduce_ex__(4)[1:3])
        print(object().__reduce_ex__(4)[0].__name__, object().__reduce_ex__(4)[1:])
        import copyreg; print(copyreg.__newobj__.__name__, copyreg._reconstructor.__module__)
        class D(dict): pass
        dd = D(a=1); print(copy.copy(dd), type(copy.copy(dd)).__name__)
        try: print((1).__reduce_ex__(4)[1:], (1).__reduce_ex__(4)[0] is copyreg.__newobj__)
        except Exception as e: print(type(e).__name__, e)
        class Ex(Exception):
            def __init__(self, code): super().__init__(code); self.code = code
        e = copy.deepcopy(Ex(3)); print(type(e).__name__, e.args, e.code)
        import asyncio
        for v in [(i for i in range(1)), asyncio.Future]:
            try: print(copy.copy(v))
            except TypeError as err: print('TypeError', err)
        class R:
            def __reduce__(self): return (R, ())
        print(R().__reduce_ex__(4), R().__reduce_ex__(0))
        print(P.__flags__ & 512, object.__flags__ & 512, bool(int.__flags__ & (1 << 24)), bool(L.__flags__ & (1 << 25)))
        """#)
        #expect(out.stdout == """
        __newobj__ True {'x': 1, 'l': [1, 2]} (None, None) 5
        __newobj__ 5
        _reconstructor (<class '__main__.P'>, <class 'object'>, None) {'x': 1, 'l': [1, 2]}
        _reconstructor (<class '__main__.P'>, <class 'object'>, None) {'x': 1, 'l': [1, 2]}
        P(1, [1, 2]) P(1, [1, 2]) True False
        setstate {'a': 1}
        {'a': 1, 'secret': 0}
        {'a': 1}
        None E
        5 (5,)
        [1, 2] L t ((<class '__main__.L'>,), None)
        __newobj__ ((<class 'object'>,), None, None, None)
        __newobj__ copyreg
        {'a': 1} D
        ((<class 'int'>, 1), None, None, None) True
        Ex (3,) 3
        TypeError cannot pickle 'generator' object
        <class '_asyncio.Future'>
        (<class '__main__.R'>, ()) (<class '__main__.R'>, ())
        512 0 True True

        """, "\(out)")
    }
}
