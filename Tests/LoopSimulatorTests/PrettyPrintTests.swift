import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// `pprint` (CPython 3.11's Lib file) and what it asks of the runtime: each built-in
/// type's own `__repr__` slot, and bound methods reading what they lack from their function.
@Suite("pprint")
struct PrettyPrintTests {
    @Test("Built-in types have their own __repr__ slot, stable and distinct, as CPython's tp_repr")
    func reprSlotsAreTheTypes() {
        let out = simulate("""
        import collections
        print(bytes.__repr__ is bytes.__repr__, bytes.__repr__ is collections.deque.__repr__,
              range.__repr__ is object.__repr__, dict.__repr__ is dict.__repr__)
        print(type(b"x").__repr__ is bytes.__repr__, bytes.__repr__(b"a"), range.__repr__(range(3)))
        class C: pass
        print(C.__repr__ is object.__repr__)
        """)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == """
        True False False True
        True b'a' range(0, 3)
        True

        """)
    }

    @Test("A bound method reads attributes it lacks from its function (CPython's method_getattro)")
    func boundMethodForwardsToFunction() {
        let out = simulate("""
        import functools
        class A:
            def f(self):
                "doc of f"
        A.f.tag = 7
        @functools.wraps(A.f)
        def g(self): pass
        A.g = g
        a = A()
        print(a.f.tag, a.f.__doc__, a.g.__wrapped__.__qualname__, a.f.__module__)
        try:
            a.f.nothing
        except AttributeError as e:
            print(e)
        """)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == """
        7 doc of f A.f __main__
        'function' object has no attribute 'nothing'

        """)
    }

    @Test("pformat's width, depth, compact and sort_dicts; a dataclass; bytes split by width")
    func pformatAgreesWithCPython() {
        let out = simulate("""
        import pprint, dataclasses
        @dataclasses.dataclass
        class P:
            name: str
            tags: list
        print(pprint.pformat({"b": [1, 2], "a": {"x": (1, 2)}}, depth=1))
        print(pprint.pformat(P("n", list(range(12))), width=30, compact=True))
        print(pprint.pformat({"z": 1, "a": 2}, sort_dicts=False), pprint.saferepr([b"x"]))
        print(pprint.pformat(b"0123456789" * 3, width=20))
        """)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == """
        {'a': {...}, 'b': [...]}
        P(name='n',
          tags=[0, 1, 2, 3, 4, 5, 6,
                7, 8, 9, 10, 11])
        {'z': 1, 'a': 2} [b'x']
        (b'0123456789012345'
         b'67890123456789')

        """)
    }
}
