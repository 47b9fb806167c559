import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// `weakref` (a native `_weakref` on Swift's reference counting, CPython 3.11's
/// weakref.py and _weakrefset.py) and `atexit`. Expected outputs are CPython 3.11's.
@Suite("weakref and atexit")
struct WeakrefTests {
    @Test("ref reuse, the references' order, callbacks newest first, proxy, the types and CPython's errors")
    func referencesAndErrors() {
        let out = simulate(#"""
        import weakref
        class C: pass
        o = C()
        r1 = weakref.ref(o, lambda r: print('cb1'))
        r0 = weakref.ref(o)
        r2 = weakref.ref(o, lambda r: print('cb2'))
        p = weakref.proxy(o)
        class K(weakref.ref): pass
        k = K(o)
        print(weakref.getweakrefcount(o), [type(x).__name__ + ('0' if x is r0 else '1' if x is r1 else '2' if x is r2 else '') for x in weakref.getweakrefs(o)])
        print(weakref.ref(o) is r0, K(o) is k, weakref.proxy(o) is p)
        del o
        print('after', r0(), r1 == r2, r0 == r1)
        print(weakref.ref, weakref.ProxyType, weakref.CallableProxyType, type(r0).__name__, type(r0).__module__)
        try: weakref.ref([])
        except TypeError as e: print(e)
        try: weakref.ref(3)
        except TypeError as e: print(e)
        try: p.x
        except ReferenceError as e: print(type(e).__name__, e)
        try: hash(r0)
        except TypeError as e: print(e)
        o2 = C(); q = weakref.ref(o2); h = hash(q); del o2; print(hash(q) == h)
        print(weakref.getweakrefcount(3))
        """#)
        #expect(out.stdout == #"""
        5 ['ReferenceType0', 'ProxyType', 'K', 'ReferenceType2', 'ReferenceType1']
        True False True
        cb2
        cb1
        after None False False
        <class 'weakref.ReferenceType'> <class 'weakref.ProxyType'> <class 'weakref.CallableProxyType'> ReferenceType weakref
        cannot create weak reference to 'list' object
        cannot create weak reference to 'int' object
        ReferenceError weakly-referenced object no longer exists
        weak object has gone away
        True
        0

        """#, "\(out)")
    }

    @Test("WeakValueDictionary, WeakKeyDictionary and WeakSet lose entries as their objects die; finalize, WeakMethod, proxy, callbacks")
    func containers() {
        let out = simulate(#"""
        import weakref
        class Node:
            def __init__(self, name): self.name = name
            def __repr__(self): return f'Node({self.name})'
            def greet(self): return 'hi ' + self.name
        nodes = [Node(c) for c in 'abcd']
        wv = weakref.WeakValueDictionary({n.name: n for n in nodes})
        wk = weakref.WeakKeyDictionary({n: i for i, n in enumerate(nodes)})
        ws = weakref.WeakSet(nodes)
        print(len(wv), len(wk), len(ws), sorted(wv.keys()), wk[nodes[1]], nodes[2] in ws, Node('z') in ws)
        del nodes[1]
        print(len(wv), len(wk), len(ws), sorted(wv), 'b' in wv, wv.get('b', 'gone'))
        nodes.pop()
        print(len(wv), len(wk), len(ws), sorted(n.name for n in ws), sorted(v for v in wk.values()))
        f = weakref.finalize(nodes[0], print, 'finalized', 'a')
        print(f.alive, f.atexit)
        del nodes[0]
        print(f.alive, len(wv))
        m = Node('m')
        wm = weakref.WeakMethod(m.greet)
        print(wm()(), wm == weakref.WeakMethod(m.greet))
        del m
        print(wm())
        x = Node('x')
        p = weakref.proxy(x)
        print(p.name, p.greet(), str(p) == str(x))
        p.name = 'y'
        print(x.name, weakref.getweakrefcount(x))
        del x
        try:
            p.name
        except ReferenceError as e:
            print('ReferenceError', e)
        def cb(r):
            print('callback got', type(r).__name__, r())
        o = Node('o')
        r = weakref.ref(o, cb)
        print(r.__callback__ is cb, r() is o)
        o = None
        print('rebound', r())
        def scope():
            t = Node('t')
            return weakref.ref(t)
        print(scope()())
        s = weakref.WeakValueDictionary()
        s['k'] = Node('temp')
        print(list(s.items()))
        fn = lambda: 1
        print(weakref.ref(fn)() is fn, weakref.ref(print)() is print, weakref.ref(Node)() is Node, weakref.ref({1}) is not None)
        for bad in (1, 'str', (1,), [1], {}, None, b'x'):
            try:
                weakref.ref(bad)
            except TypeError as e:
                print(e)
        """#)
        #expect(out.stdout == #"""
        4 4 4 ['a', 'b', 'c', 'd'] 1 True False
        3 3 3 ['a', 'c', 'd'] False gone
        2 2 2 ['a', 'c'] [0, 2]
        True True
        finalized a
        False 1
        hi m True
        None
        x hi x True
        y 1
        ReferenceError weakly-referenced object no longer exists
        True True
        callback got ReferenceType None
        rebound None
        None
        []
        True True True True
        cannot create weak reference to 'int' object
        cannot create weak reference to 'str' object
        cannot create weak reference to 'tuple' object
        cannot create weak reference to 'list' object
        cannot create weak reference to 'dict' object
        cannot create weak reference to 'NoneType' object
        cannot create weak reference to 'bytes' object

        """#, "\(out)")
    }

    /// A reference dies when CPython's reference count would drop to zero: after `del`
    /// or a rebinding of a global, and after a comprehension's variables go; an object
    /// in a cycle stays (CPython's would wait for its cycle collector too).
    @Test("referents die at CPython's moment: del, rebinding, comprehension variables; cycles stay")
    func deathMoments() {
        let out = simulate(#"""
        import weakref
        class N: pass
        def comprehension():
            a = [N(), N()]
            r = weakref.ref(a[1])
            x = [1 for n in a]
            y = {k: v for k, v in enumerate(a)}
            del y
            del a[1]
            print('comprehension', r())
        comprehension()
        o = N()
        r = weakref.ref(o, lambda ref: print('callback', ref is r, ref()))
        print(r() is o)
        del o
        print('module global', r())
        o = N()
        r = weakref.ref(o)
        o = 'rebound'
        print('rebound', r())
        a = N()
        b = N()
        a.other, b.other = b, a
        r = weakref.ref(a)
        del a, b
        print('cycle kept', r() is not None)
        """#)
        #expect(out.stdout == #"""
        comprehension None
        True
        callback True None
        module global None
        rebound None
        cycle kept True

        """#, "\(out)")
    }

    @Test("tasks in a WeakSet; atexit functions newest first, finalize at exit; failing callbacks reported as unraisable")
    func tasksAndExit() {
        let out = simulate(#"""
        import asyncio, weakref, atexit
        class Resource:
            def __init__(self, name): self.name = name
        atexit.register(print, 'atexit one')
        @atexit.register
        def bye():
            print('atexit two')
        def boom():
            raise ValueError('bad')
        atexit.register(boom)
        keep = Resource('kept')
        weakref.finalize(keep, print, 'finalize at exit', keep.name)
        tmp = Resource('tmp')
        fin = weakref.finalize(tmp, print, 'finalize tmp')
        print(fin(), fin(), fin.alive)
        async def work(n):
            await asyncio.sleep(n / 10)
            return n
        async def main():
            live = weakref.WeakSet()
            tasks = [asyncio.create_task(work(i)) for i in range(3)]
            for t in tasks: live.add(t)
            print(len(live))
            await asyncio.gather(*tasks)
            del t
            tasks.clear()
            print(len(live))
            r = weakref.ref(Resource('x'), lambda r: 1 / 0)
            print('end of main')
        asyncio.run(main())
        """#)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == #"""
        finalize tmp
        None None False
        3
        3
        end of main
        finalize at exit kept
        atexit two
        atexit one

        """#, "\(out)")
        #expect(out.stderr.hasPrefix("Exception ignored in: <function main.<locals>.<lambda> at 0x"), "\(out)")
        #expect(out.stderr.contains("    r = weakref.ref(Resource('x'), lambda r: 1 / 0)\n"), "\(out)")
        #expect(out.stderr.contains("ZeroDivisionError: division by zero\nException ignored in atexit callback: <function boom at 0x"), "\(out)")
        #expect(out.stderr.hasSuffix("ValueError: bad\n"), "\(out)")
    }

    @Test("which objects take weak references, as CPython's types decide (__slots__ without __weakref__, int and tuple subclasses, dict, defaultdict)")
    func referenceableTypes() {
        let out = simulate(#"""
        import weakref, functools, re, collections, sys
        class I(int): pass
        class S(str): pass
        class T(tuple): pass
        class L(list): pass
        class D(dict): pass
        class E(Exception): pass
        class Slots:
            __slots__ = ('a',)
        class K:
            def m(self): pass
        def gen(): yield 1
        async def coro(): pass
        c = coro()
        cases = [I(1), S('s'), T(), L(), D(), E(), Exception(), set(), frozenset(), K().m, len, sys, gen(), c, range(3),
                 functools.partial(len), re.compile('a'), collections.deque(), K, int, 1.5, 2**80, 3j, bytearray(), object(), Slots(),
                 weakref.ref(K), property(), staticmethod(len), iter([])]
        for v in cases:
            try:
                weakref.ref(v)
                print(type(v).__name__, 'ok')
            except TypeError as e:
                print(e)
        c.close()
        for v in [collections.OrderedDict(), collections.defaultdict(), collections.Counter(), 1.5]:
          try: weakref.ref(v); print('ok')
          except TypeError as e: print(e)
        class F(float): pass
        class B(bytes): pass
        class C(complex): pass
        class FS(frozenset): pass
        class LS(list): __slots__ = ()
        class W:
          __slots__ = ('__weakref__',)
        class Sub(W): pass
        for v in [F(1), B(), C(), FS(), LS(), W(), Sub()]:
          try: weakref.ref(v); print('ok')
          except TypeError as e: print(e)
        """#)
        #expect(out.stdout == #"""
        cannot create weak reference to 'I' object
        S ok
        cannot create weak reference to 'T' object
        L ok
        D ok
        E ok
        cannot create weak reference to 'Exception' object
        set ok
        frozenset ok
        method ok
        builtin_function_or_method ok
        module ok
        generator ok
        coroutine ok
        cannot create weak reference to 'range' object
        partial ok
        Pattern ok
        deque ok
        type ok
        type ok
        cannot create weak reference to 'float' object
        cannot create weak reference to 'int' object
        cannot create weak reference to 'complex' object
        cannot create weak reference to 'bytearray' object
        cannot create weak reference to 'object' object
        cannot create weak reference to 'Slots' object
        cannot create weak reference to 'weakref.ReferenceType' object
        cannot create weak reference to 'property' object
        cannot create weak reference to 'staticmethod' object
        cannot create weak reference to 'list_iterator' object
        ok
        cannot create weak reference to 'collections.defaultdict' object
        ok
        cannot create weak reference to 'float' object
        ok
        cannot create weak reference to 'B' object
        ok
        ok
        cannot create weak reference to 'LS' object
        ok
        ok

        """#, "\(out)")
    }
}
