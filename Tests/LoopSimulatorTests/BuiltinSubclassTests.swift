import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// What a run printed, stdout then stderr.
private func output(_ source: String) -> String {
    let r = simulate(source)
    return r.stdout + r.stderr
}

/// Classes deriving from built-in types. Each expected output was taken from CPython 3.11.
@Suite("Built-in subclasses")
struct BuiltinSubclassTests {
    @Test func dictUpdateAndDictCopyBypassAnOverriddenSetitem() {
        // dict.__init__, update, setdefault, dict(sub), {**sub} and f(**sub) use the
        // dict's own storage; only `d[k] = v` and `d[k]` reach the overrides.
        let src = """
        class D(dict):
            def __setitem__(self, k, v):
                print("setitem", k)
                super().__setitem__(k, v)
            def __getitem__(self, k):
                print("getitem", k)
                return super().__getitem__(k)
        d = D({"a": 1}, b=2)
        d.update({"c": 3}, e=5)
        d.setdefault("f", 6)
        plain = dict(d)
        merged = {**d}
        def kw(**k): return sorted(k)
        print(sorted(d), sorted(plain), sorted(merged), kw(**d), d.get("a"), d.pop("b"))
        d["g"] = 7
        print(d["g"])
        """
        #expect(output(src) == """
            ['a', 'b', 'c', 'e', 'f'] ['a', 'b', 'c', 'e', 'f'] ['a', 'b', 'c', 'e', 'f'] ['a', 'b', 'c', 'e', 'f'] 1 2
            setitem g
            getitem g
            7

            """)
    }

    @Test func listExtendDoesNotCallAppendButListOfSubclassCallsIter() {
        let src = """
        class L(list):
            def append(self, x):
                print("append", x)
                super().append(x)
            def __iter__(self):
                print("iter")
                return super().__iter__()
        l = L([1])
        l.extend([2, 3])
        l += [4]
        l.insert(0, 0)
        print(len(l), l[1:3], list.__len__(l))
        print(list(l))
        print(sorted(l))
        print(l == [0, 1, 2, 3, 4])
        """
        #expect(output(src) == "5 [1, 2] 5\niter\n[0, 1, 2, 3, 4]\niter\n[0, 1, 2, 3, 4]\nTrue\n")
    }

    @Test func missingRunsForSubscriptsOnlyAndInstancesKeepAttributes() {
        let src = """
        class Reg(dict):
            def __missing__(self, key):
                self[key] = len(key)
                return self[key]
        r = Reg()
        r.owner = "me"
        print(r["abc"], r.get("zz"), r, len(r), "abc" in r, r.owner, vars(r), isinstance(r, dict), type(r).__name__)
        print(dict.__getitem__(r, "q"), r)
        """
        #expect(output(src) == "3 None {'abc': 3} 1 True me {'owner': 'me'} True Reg\n1 {'abc': 3, 'q': 1}\n")
    }

    @Test func intAndStrSubclassesAreTheirValues() {
        let src = """
        class Money(int):
            def __repr__(self):
                return f"Money({int(self)})"
        class Tag(str):
            pass
        m = Money(5)
        t = Tag("hi")
        print(m, m + 1, type(m + 1).__name__, m == 5, {5: "five"}[m], f"{m:>3}", [1, 2, 3, 4, 5, 6][m], "%d" % m)
        print(t.upper(), len(t), t + "!", "-".join([t, t]), {"hi": 1}[t], t[1], "i" in t, repr(t), type(t).__name__)
        print(int.__new__(Money, 7), str.__new__(Tag, "x") == "x", isinstance(m, int), hash(t) == hash("hi"))
        """
        #expect(output(src) == """
            Money(5) 6 int True five   5 6 5
            HI 2 hi! hi-hi 1 i True 'hi' Tag
            Money(7) True True True

            """)
    }

    @Test func tupleSubclassWithNewAndTypeAttributes() {
        let src = """
        class Point(tuple):
            def __new__(cls, x, y):
                return super().__new__(cls, (x, y))
            @property
            def x(self):
                return self[0]
        p = Point(1, 2)
        a, b = p
        print(p, p.x, a + b, p == (1, 2), p + (3,), type(p).__name__)
        print(list.__hash__, list.copy([1]), dict.__getitem__({"k": 2}, "k"), str.upper("a"), [].__len__())
        """
        #expect(output(src) == "(1, 2) 1 3 True (1, 2, 3) Point\nNone [1] 2 A 0\n")
    }

    @Test func layoutConflictsAndFinalTypesAreTypeErrors() {
        let src = """
        for bases in [(list, dict), (int, str)]:
            try:
                type("X", bases, {})
            except TypeError as e:
                print(e)
        try:
            type("B", (bool,), {})
        except TypeError as e:
            print(e)
        for base in (range, slice, memoryview, type(None), type(NotImplemented), type(iter([])), type({}.keys())):
            try:
                class C(base):
                    pass
            except TypeError as e:
                print(e)
        """
        #expect(output(src) == """
            multiple bases have instance lay-out conflict
            multiple bases have instance lay-out conflict
            type 'bool' is not an acceptable base type
            type 'range' is not an acceptable base type
            type 'slice' is not an acceptable base type
            type 'memoryview' is not an acceptable base type
            type 'NoneType' is not an acceptable base type
            type 'NotImplementedType' is not an acceptable base type
            type 'list_iterator' is not an acceptable base type
            type 'dict_keys' is not an acceptable base type

            """)
    }

    @Test("check accepts class B(bool); run raises CPython's TypeError at the class statement")
    func finalBaseInAClassStatement() {
        let out = simulate("print('before')\nclass B(bool):\n    pass\n")
        #expect(out == RunOutput(stdout: "before\n", stderr: """
            Traceback (most recent call last):
              File "test.py", line 2, in <module>
                class B(bool):
            TypeError: type 'bool' is not an acceptable base type

            """, status: 1))
    }
}

/// CPython 3.11's Lib/enum.py, which runs unchanged on the subclassing above. Each
/// expected output was taken from CPython 3.11.
@Suite("enum")
struct EnumTests {
    @Test func enumIntEnumStrEnumAndFlagMembers() {
        let src = """
        from enum import Enum, IntEnum, StrEnum, Flag, auto
        class Color(Enum):
            RED = 1
            GREEN = 2
        class Prio(IntEnum):
            LOW = 1
            HIGH = auto()
        class Mode(StrEnum):
            FAST = auto()
        class Perm(Flag):
            R = auto()
            W = auto()
        print(Color.RED, repr(Color.GREEN), Color(2), Color["RED"], list(Color), Color.RED in Color, len(Color))
        print(Prio.HIGH, repr(Prio.HIGH), Prio.HIGH + 1, sorted([Prio.HIGH, Prio.LOW]), f"{Prio.LOW:>3}", [0, 1, 2][Prio.HIGH])
        print(Mode.FAST, repr(Mode.FAST), Mode.FAST == "fast", Mode.FAST.upper())
        print(Perm.R | Perm.W, repr(Perm.R | Perm.W), ~Perm.R, Perm(0), {Color.RED: 1}[Color.RED])
        try:
            Color(5)
        except ValueError as e:
            print(e)
        """
        #expect(output(src) == """
            Color.RED <Color.GREEN: 2> Color.GREEN Color.RED [<Color.RED: 1>, <Color.GREEN: 2>] True 2
            2 <Prio.HIGH: 2> 3 [<Prio.LOW: 1>, <Prio.HIGH: 2>]   1 2
            fast <Mode.FAST: 'fast'> True FAST
            Perm.R|W <Perm.R|W: 3> Perm.W Perm(0) 1
            5 is not a valid Color

            """)
    }

    @Test func functionalAPIMissingAndMatch() {
        let src = """
        from enum import Enum
        Animal = Enum("Animal", "ANT BEE")
        class Lax(Enum):
            X = 1
            @classmethod
            def _missing_(cls, value):
                return cls.X
        def kind(a):
            match a:
                case Animal.ANT:
                    return "small"
                case _:
                    return "other"
        print(Animal.BEE, Animal.ANT.value, Animal.__module__, Lax(42), [kind(a) for a in Animal])
        """
        #expect(output(src) == "Animal.BEE 1 __main__ Lax.X ['small', 'other']\n")
    }
}
