import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// Classes, decorators and special methods. Each expected output was taken from CPython 3.11.
@Suite("Classes")
struct ClassTests {
    private func output(_ source: String) -> String {
        let r = simulate(source)
        return r.stdout + r.stderr
    }

    @Test("a subclass's reflected method goes first only when it overrides the base's")
    func reflectedMethodOfASubclass() {
        let src = """
        class A:
            def __init__(self, n): self.n = n
            def __add__(self, o): return ('A.add', self.n, o.n)
            def __radd__(self, o): return ('A.radd', self.n, o.n)
        class B(A):
            pass
        class C(A):
            def __radd__(self, o): return ('C.radd', self.n, o.n)
        print(A(1) + B(2), A(1) + C(3), B(2) + A(1))
        """
        #expect(output(src) == "('A.add', 1, 2) ('C.radd', 3, 1) ('A.add', 2, 1)\n")
    }

    @Test func zeroArgumentSuperInAClassMadeInsideAFunction() {
        // The methods close over `prefix` (a class body passes cells through) and read
        // `__class__` for super().
        let src = """
        def make(prefix):
            class Greeter:
                count = 0
                def __init__(self, name):
                    self.name = name
                def greet(self):
                    return prefix + self.name
            class Loud(Greeter):
                def greet(self):
                    Greeter.count += 1
                    return super().greet().upper() + "!" * Greeter.count
            return Loud
        L = make("hi ")
        print(L("ann").greet(), L("bob").greet(), L.__qualname__, L.greet.__qualname__)
        class Base:
            @classmethod
            def create(cls):
                return cls.__name__
        class Sub(Base):
            @classmethod
            def create(cls):
                return "sub of " + super().create()
        print(Sub.create(), super(Sub, Sub()).create())
        """
        #expect(output(src) == "HI ANN! HI BOB!! make.<locals>.Loud make.<locals>.Loud.greet\nsub of Sub Sub\n")
    }

    @Test func decoratorsAreEvaluatedTopDownAndAppliedBottomUp() {
        let src = """
        def tag(name):
            print("evaluate", name)
            def apply(f):
                print("apply", name, "to", f.__name__)
                return f
            return apply
        @tag("outer")
        @tag("inner")
        def f():
            pass
        @tag("cls")
        class C:
            print("body")
        """
        #expect(output(src) == """
            evaluate outer
            evaluate inner
            apply inner to f
            apply outer to f
            evaluate cls
            body
            apply cls to C

            """)
    }

    @Test func reflectedMethodOfASubclassGoesFirst() {
        let src = """
        class A:
            def __add__(self, o): return "A.add"
            def __radd__(self, o): return "A.radd"
        class B(A):
            def __radd__(self, o): return "B.radd"
        print(A() + B(), B() + A(), 1 + A())
        class E:
            def __eq__(self, o): return NotImplemented
        e = E()
        print(e == e, e != e, e == 1)
        try:
            A() - 1
        except TypeError as x:
            print(x)
        a = A()
        try:
            a -= 1
        except TypeError as x:
            print(x)
        """
        #expect(output(src) == """
            B.radd A.add A.radd
            True False False
            unsupported operand type(s) for -: 'A' and 'int'
            unsupported operand type(s) for -=: 'A' and 'int'

            """)
    }

    @Test func eqWithoutHashMakesInstancesUnhashable() {
        let src = """
        class K:
            def __init__(self, k): self.k = k
            def __eq__(self, o): return isinstance(o, K) and self.k == o.k
        print(K(1) != K(1), K(1) != K(2), K.__hash__ is None)
        try:
            {K(1): 1}
        except TypeError as e:
            print(e)
        """
        #expect(output(src) == "False True True\nunhashable type: 'K'\n")
    }

    @Test func propertiesAndAttributeHooks() {
        let src = """
        class P:
            @property
            def x(self):
                return 1
        try:
            P().x = 2
        except AttributeError as e:
            print(e)
        class Proxy:
            def __init__(self, target):
                object.__setattr__(self, "target", target)
                object.__setattr__(self, "log", [])
            def __getattr__(self, name):
                self.log.append(name)
                return getattr(self.target, name)
            def __setattr__(self, name, value):
                self.log.append("set " + name)
                setattr(self.target, name, value)
        class T:
            pass
        t = T()
        p = Proxy(t)
        p.color = "red"
        print(p.color, t.color, p.log, vars(t))
        try:
            p.missing
        except AttributeError as e:
            print(e)
        delattr(t, "color")
        print(hasattr(t, "color"), callable(T), callable(t), callable(p))
        """
        #expect(output(src) == """
            property 'x' of 'P' object has no setter
            red red ['set color', 'color'] {'color': 'red'}
            'T' object has no attribute 'missing'
            False True False False

            """)
    }

    @Test func defaultReprHasTwelveHexDigitsLikeCPython() {
        let src = """
        class Meta:
            pass
        r = repr(Meta())
        print(r[:27], len(r), r[-1], len(repr(object())))
        """
        #expect(output(src) == "<__main__.Meta object at 0x 40 > 33\n")
    }

    @Test func customExceptionsPrintTheirTracebackAsCPython() {
        let src = """
        class AppError(Exception):
            def __init__(self, code):
                super().__init__(f"code {code}")
                self.code = code
        class Fatal(AppError):
            def __str__(self):
                return f"fatal {self.code}"
        def boom():
            raise Fatal(3)
        try:
            boom()
        except AppError as e:
            print(repr(e), e.args, e.code)
        boom()
        """
        let r = simulate(src)
        #expect(r.stdout == "Fatal('code 3') ('code 3',) 3\n")
        #expect(r.stderr == """
            Traceback (most recent call last):
              File "test.py", line 14, in <module>
                boom()
              File "test.py", line 9, in boom
                raise Fatal(3)
            Fatal: fatal 3

            """)
        #expect(r.status == 1)
    }

    @Test func userIteratorsAndSequences() {
        let src = """
        class Countdown:
            def __init__(self, n): self.n = n
            def __iter__(self): return self
            def __next__(self):
                if self.n == 0:
                    raise StopIteration
                self.n -= 1
                return self.n
        class Squares:
            def __getitem__(self, i):
                if i >= 4:
                    raise IndexError(i)
                return i * i
        print(list(Countdown(3)), [x for x in Squares()], 9 in Squares(), next(Countdown(5)))
        """
        #expect(output(src) == "[2, 1, 0] [0, 1, 4, 9] True 4\n")
    }

    @Test func callbackDescriptionsNameTheMethod() {
        let src = """
        import asyncio
        class Pool:
            def release(self):
                print("released")
        async def main():
            asyncio.get_running_loop().call_soon(Pool().release)
            await asyncio.sleep(0)
        asyncio.run(main())
        """
        let recorder = EventRecorder()
        _ = Simulation(source: src, path: "test.py").run(sink: recorder, stdout: { _ in }, stderr: { _ in })
        let described = recorder.events.compactMap { event -> String? in
            if case .callbackStart(_, let description, _) = event.kind { return description }
            return nil
        }
        #expect(described.contains("Pool.release"))
    }

    @Test func classesThatCannotBeBuiltRaiseAsCPython() {
        let src = """
        class X: pass
        class Y(X): pass
        try:
            class Z(X, Y): pass
        except TypeError as e:
            print(e)
        try:
            class W(X, X): pass
        except TypeError as e:
            print(e)
        """
        #expect(output(src) == "Cannot create a consistent method resolution\norder (MRO) for bases X, Y\nduplicate base class X\n")
    }

    @Test func hashAndEqDecideDictKeys() {
        let src = """
        class P:
            def __init__(self, x, y): self.x, self.y = x, y
            def __eq__(self, o): return isinstance(o, P) and (self.x, self.y) == (o.x, o.y)
            def __hash__(self): return hash((self.x, self.y))
            def __repr__(self): return f"P({self.x}, {self.y})"
        d = {P(1, 2): "a"}
        d[P(1, 2)] = "b"
        print(d, P(1, 2) in d, d.get(P(3, 4)), len(d))
        print(hash((1, 2)), hash(-1), hash(2**62), hash(1.5), hash(-2.25), hash(()), hash(P(1, 2)) == hash((1, 2)))
        class Five:
            def __eq__(self, o): return o == 5
            def __hash__(self): return 5
        print({5: "int"}[Five()])
        """
        #expect(output(src) == """
            {P(1, 2): 'b'} True None 1
            -3550055125485641917 -2 2 1152921504606846977 -576460752303423490 5740354900026072187 True
            int

            """)
    }

    @Test func metaclassEdgesMatchCPython() {
        // A metaclass dropping `__classcell__`, a `__prepare__` returning a non-mapping,
        // `type(name, bases, ns)` inheriting a metaclass with `__getattr__`, class
        // keywords reaching `Meta.__init__`, `type`'s own slots, and a metaclass property
        // (a data descriptor, so it wins over the class's own `label` for `Q.label`, while
        // instances see the class attribute).
        let src = """
        class N(type):
            def __new__(m, n, b, ns):
                ns.pop('__classcell__')
                return super().__new__(m, n, b, ns)
        try:
            class B(metaclass=N):
                def f(self): return __class__
        except RuntimeError as e:
            print("RuntimeError:", e)
        class M(type):
            @classmethod
            def __prepare__(m, n, b): return 5
        try:
            class C(metaclass=M): pass
        except TypeError as e:
            print("TypeError:", e)
        class Log(type):
            def __getattr__(cls, name):
                return f"missing {name}"
        Base = Log("Base", (), {"a": 1})
        Sub = type("Sub", (Base,), {})
        print(type(Sub).__name__, Sub.zzz, Sub.a, Base.__module__)
        class K(type):
            def __init__(cls, name, bases, ns, **kw):
                super().__init__(name, bases, ns, **kw)
                cls.seen = sorted(kw)
        class D(metaclass=K):
            def __init_subclass__(cls, **kw): pass
        class E(D, x=1, y=2): pass
        print(E.seen, D.seen)
        try:
            type.__init__(D, 1, x=2)
        except TypeError as e:
            print(e)
        print(D.mro(), type.__prepare__("a", ()))
        class P(type):
            @property
            def label(cls):
                return cls.__name__ + "!"
        class Q(metaclass=P):
            label = "own"
        print(Q.label, Q().label)
        """
        #expect(output(src) == "RuntimeError: __class__ not set defining 'B' as <class '__main__.B'>. Was __classcell__ propagated to type.__new__?\nTypeError: M.__prepare__() must return a mapping, not int\nLog missing zzz 1 __main__\n['x', 'y'] []\ntype.__init__() takes no keyword arguments\n[<class '__main__.D'>, <class 'object'>] {}\nQ! own\n")
    }

    @Test func indexAndGetattributeHooks() {
        // `__index__` where CPython asks for an integer (subscripts, slice bounds, range,
        // bin), and `__getattribute__` before `__getattr__`. Output from CPython 3.11.
        let src = """
        class N:
            def __init__(self, v): self.v = v
            def __index__(self): return self.v
        class G:
            def __getattribute__(self, name):
                if name == "boom":
                    raise AttributeError("no boom")
                return name * 2
        class H(G):
            def __getattr__(self, name):
                return "fallback " + name
        print([1, 2, 3][N(0)], "abcdef"[N(1):N(5):N(2)], bin(N(-3)), range(N(2), N(8), N(3))[N(1)])
        print(G().x, getattr(G(), "ab"), hasattr(G(), "boom"), H().boom, H().q)
        try:
            [1][float("1.5")]
        except TypeError as e:
            print(e)
        try:
            "abc"["a":]
        except TypeError as e:
            print(e)
        try:
            G().boom
        except AttributeError as e:
            print(e)
        """
        let r = simulate(src)
        #expect(r.stdout + r.stderr == "1 bd -0b11 5\nxx abab False fallback boom qq\nlist indices must be integers or slices, not float\nslice indices must be integers or None or have an __index__ method\nno boom\n")
    }
}
