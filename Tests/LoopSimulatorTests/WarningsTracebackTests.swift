import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// `warnings`, `traceback`, `linecache` and `sys._getframe`: outputs are CPython 3.11's.
@Suite("warnings and traceback")
struct WarningsTracebackTests {
    @Test("warnings.warn prints CPython's line once per place, stacklevel blames the caller, filters ignore and raise")
    func warningsGoToStderr() {
        let out = simulate("""
        import warnings
        def old():
            warnings.warn("old() is deprecated", DeprecationWarning, stacklevel=2)
        for i in range(2):
            warnings.warn("odd")
        old()
        warnings.simplefilter("ignore", UserWarning)
        warnings.warn("hidden")
        warnings.filterwarnings("error", message="fa.al")
        try:
            warnings.warn("fatal", RuntimeWarning)
        except RuntimeWarning as e:
            print("raised", e)
        """)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == "raised fatal\n")
        #expect(out.stderr == """
        test.py:5: UserWarning: odd
          warnings.warn("odd")
        test.py:6: DeprecationWarning: old() is deprecated
          old()

        """)
    }

    @Test("traceback.format_exc from a function called in an except block; format_exception's pieces; sys._getframe")
    func tracebackFormats() {
        let out = simulate("""
        import sys, traceback
        def show():
            return traceback.format_exc()
        def fail():
            raise ValueError("bad")
        try:
            fail()
        except ValueError as e:
            print(show(), end="")
            print(len(traceback.format_exception(e)))
        print(repr(traceback.format_exc()))
        def where():
            f = sys._getframe(1)
            return f.f_code.co_name, f.f_lineno, f.f_back.f_code.co_name
        def caller():
            return where()
        print(caller())
        """)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == """
        Traceback (most recent call last):
          File "test.py", line 7, in <module>
            fail()
          File "test.py", line 5, in fail
            raise ValueError("bad")
        ValueError: bad
        4
        'NoneType: None\\n'
        ('caller', 16, '<module>')

        """)
    }
}

/// `logging`, `json`, `copy` and `time`'s calendar functions: outputs are CPython 3.11's.
@Suite("logging, json and copy")
struct LoggingJSONCopyTests {
    @Test("logging's basicConfig format with asctime on the virtual clock; json round trip; deepcopy of an instance; strftime of localtime")
    func modulesAgreeWithCPython() {
        let out = simulate("""
        import logging, sys, json, copy, time
        logging.basicConfig(format="%(asctime)s %(levelname)s:%(name)s:%(message)s", level=logging.INFO, stream=sys.stdout)
        logging.getLogger("a.b").info("x=%d", 3)
        logging.getLogger("a").debug("hidden")
        print(time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(86400 * 365.25 * 30)), time.gmtime(0).tm_year)
        print(json.dumps({"b": [1, 2.5, None], "a": "é"}, sort_keys=True), json.loads('[1, {"k": [true]}]'))
        class C:
            def __init__(self): self.v = [1]
        c = C(); d = copy.deepcopy(c)
        print(d.v == c.v, d.v is c.v, copy.copy(c).v is c.v)
        """)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == """
        1970-01-01 00:00:00,000 INFO:a.b:x=3
        2000-01-01 12:00:00 1970
        {"a": "\\u00e9", "b": [1, 2.5, null]} [1, {'k': [True]}]
        True False True

        """)
    }

    @Test("a built-in function stored in a class does not bind; int.__repr__ of a big int gives its digits")
    func builtinFunctionsDoNotBind() {
        let out = simulate("""
        import time
        class F:
            converter = time.gmtime
            def year(self):
                return self.converter(0).tm_year
        print(F().year(), int.__repr__(10**20))
        """)
        #expect(out.stdout == "1970 100000000000000000000\n", "\(out)")
    }
}

/// `dataclasses`, CPython 3.11's, on exec and the simulator's classes.
@Suite("dataclasses")
struct DataclassTests {
    @Test("generated __init__/__repr__/__eq__/order/frozen hash, field options, InitVar, KW_ONLY, asdict, replace, the generated __doc__ and the mutable-default error")
    func dataclassesAsCPython() {
        let out = simulate("""
        from dataclasses import dataclass, field, asdict, replace, InitVar, KW_ONLY, FrozenInstanceError
        @dataclass(order=True, frozen=True)
        class V:
            major: int
            minor: int = 0
        @dataclass
        class Job:
            name: str
            deps: list = field(default_factory=list)
            scale: InitVar[int] = 1
            cost: int = field(init=False, default=0)
            _: KW_ONLY
            retries: int = 3
            def __post_init__(self, scale):
                self.cost = len(self.name) * scale
        print(V(1, 2), V(1) < V(1, 1), sorted([V(2), V(1, 5)]), hash(V(1)) == hash(V(1, 0)))
        j = Job("build", scale=2, retries=1)
        print(j, asdict(j), replace(j, name="x").cost, Job.__doc__)
        try:
            V(1).major = 3
        except FrozenInstanceError as e:
            print(e)
        try:
            @dataclass
            class Bad:
                items: list = []
        except ValueError as e:
            print(e)
        """)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == """
        V(major=1, minor=2) True [V(major=1, minor=5), V(major=2, minor=0)] True
        Job(name='build', deps=[], cost=10, retries=1) {'name': 'build', 'deps': [], 'cost': 10, 'retries': 1} 1 Job(name: str, deps: list = <factory>, scale: dataclasses.InitVar[int] = 1, *, retries: int = 3)
        cannot assign to field 'major'
        mutable default <class 'list'> for field items is not allowed: use default_factory

        """)
    }
}

/// `string` and str's prefix tests with a window, as CPython 3.11's.
@Suite("string")
struct StringModuleTests {
    @Test("Template substitutes, escapes and reports invalid placeholders; startswith/endswith honour start and end")
    func templatesAndWindows() {
        let out = simulate("""
        from string import Template, capwords
        t = Template("$a costs $$${b}")
        print(t.substitute(a="tea", b=3), t.safe_substitute(a="x"), capwords(" a  bC "))
        try:
            Template("x\\n $1").substitute()
        except ValueError as e:
            print(e)
        print("$who".startswith("$", 1), "abc".endswith("b", 0, 2), "abc".startswith("", 4))
        """)
        #expect(out.stdout == "tea costs $3 x costs $${b} A Bc\nInvalid placeholder in string: line 2, col 2\nFalse True False\n", "\(out)")
    }
}
