import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// Functions as CPython 3.11 runs them: parameter kinds, binding errors, closures,
/// `global`/`nonlocal`, and function attributes. Expected output taken from CPython.
@Suite("Functions")
struct FunctionTests {
    private func output(_ source: String) -> String { simulate(source).stdout }

    @Test("a lambda or generator expression inside a comprehension closes over its variable, as CPython 3.11's <listcomp> cells")
    func closuresOverComprehensionVariables() {
        let src = """
        import asyncio
        rows = [[1, 2], [3, 4, 5], []]
        print([sum(x for x in row) for row in rows])
        fs = [lambda: i for i in range(3)]
        print([f() for f in fs])
        print({k: (lambda: k * 2)() for k in 'ab'})
        print({(lambda v=i: v)() for i in range(4)})
        print([[(lambda: (i, j))() for j in range(2)] for i in range(2)])
        print([list(y * k for y in range(3)) for k in range(3)])
        n = 10
        print([g() for g in [lambda: n + i for i in range(2)]])
        def f():
            m = 5
            return [(lambda: m + i)() for i in range(3) if (lambda: i % 2)()]
        print(f())
        class C:
            base = 7
            vals = [i * 2 for i in range(3)]
            ws = [(lambda: i)() for i in range(3)]
        print(C.vals, C.ws)
        async def main():
            async def agen():
                for i in range(3):
                    yield i
            print([(lambda: i)() async for i in agen()])
            async def val(x):
                return x
            print([await val(i) + (lambda: i)() for i in range(3)])
        asyncio.run(main())
        try:
            [(lambda: 1 / i)() for i in range(2)]
        except ZeroDivisionError as e:
            print(e)
        """
        #expect(output(src) == """
        [3, 12, 0]
        [2, 2, 2]
        {'a': 'aa', 'b': 'bb'}
        {0, 1, 2, 3}
        [[(0, 0), (0, 1)], [(1, 0), (1, 1)]]
        [[0, 0, 0], [0, 1, 2], [0, 2, 4]]
        [11, 11]
        [6]
        [0, 2, 4] [0, 1, 2]
        [0, 1, 2]
        [0, 2, 4]
        division by zero

        """)
    }

    @Test func lambdasAndDefaultsEvaluatedOnce() {
        let src = """
        def make(acc=[]):
            acc.append(len(acc))
            return acc
        make(); make()
        f = lambda a, *r, k=3, **kw: (a, r, k, kw)
        print(make(), f(1, 2, z=5), (lambda: 0).__name__, f.__defaults__, f.__kwdefaults__)
        """
        #expect(output(src) == "[0, 1, 2] (1, (2,), 3, {'z': 5}) <lambda> None {'k': 3}\n")
    }

    @Test func globalAndNonlocal() {
        let src = """
        n = 0
        def outer():
            x = 1
            def inner():
                global n
                nonlocal x
                n += 10
                x += 1
            inner(); inner()
            return x
        print(outer(), n)
        """
        #expect(output(src) == "3 20\n")
    }

    @Test func bindingErrorsUseCPythonWords() {
        let src = """
        def f(a, b, c, /, d, *, e): pass
        for args, kw in [((), {}), ((1, 2, 3, 4, 5), {'e': 1}), ((1, 2, 3, 4), {'a': 1}), ((1, 2, 3), {'d': 4, 'e': 5, 'd2': 0})]:
            try:
                f(*args, **kw)
            except TypeError as e:
                print(e)
        """
        #expect(output(src) == """
        f() missing 4 required positional arguments: 'a', 'b', 'c', and 'd'
        f() takes 4 positional arguments but 5 positional arguments (and 1 keyword-only argument) were given
        f() got some positional-only arguments passed as keyword arguments: 'a'
        f() got an unexpected keyword argument 'd2'

        """)
    }

    @Test func annotationsAreEvaluatedAtDefinition() {
        let src = """
        def note(x):
            print("evaluating", x)
            return x
        def f(a: note("a"), /, b: note("b") = 1, *c: note("c"), d: note("d"), **e: note("e")) -> note("r"):
            pass
        print(f.__annotations__)
        """
        #expect(output(src) == """
        evaluating b
        evaluating a
        evaluating c
        evaluating d
        evaluating e
        evaluating r
        {'b': 'b', 'a': 'a', 'c': 'c', 'd': 'd', 'e': 'e', 'return': 'r'}

        """)
    }

    @Test func functionAttributesAreWritable() {
        let src = """
        def f(x=1):
            "doc"
        f.__name__ = "g"
        f.__qualname__ = "Outer.g"
        f.extra = [1]
        f.__defaults__ = (5,)
        print(f.__name__, f.__doc__, f.__dict__, f.__module__, repr(f).split(" at ")[0])
        try:
            f(1, 2)
        except TypeError as e:
            print(e)
        """
        #expect(output(src) == "g doc {'extra': [1]} __main__ <function Outer.g\nOuter.g() takes from 0 to 1 positional arguments but 2 were given\n")
    }
}
