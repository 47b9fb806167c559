import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// Builtins and operator errors with CPython's values and words.
@Suite("Builtins")
struct BuiltinTests {
    private func output(_ source: String) -> String { simulate(source).stdout }

    @Test func operatorErrorsNameWhatWasRefused() {
        let src = """
        for f in [lambda: "a" + 1, lambda: (1,) + [2], lambda: [0] * 2.5, lambda: [0] * [1], lambda: 1 + "a"]:
            try:
                f()
            except TypeError as e:
                print(e)
        """
        #expect(output(src) == """
        can only concatenate str (not "int") to str
        can only concatenate tuple (not "list") to tuple
        can't multiply sequence by non-int of type 'float'
        can't multiply sequence by non-int of type 'list'
        unsupported operand type(s) for +: 'int' and 'str'

        """)
    }

    @Test("print writes each argument in turn: a failing __str__ leaves what came before, a printing one comes after it")
    func printWritesEachArgumentInTurn() {
        let src = """
        import sys
        class Bad:
            def __str__(self): raise ValueError('no')
        class Loud:
            def __str__(self):
                print('inside')
                return 'loud'
        print(1, Loud(), 2)
        try:
            print('a', Bad(), 'c')
        except ValueError as e:
            print('|caught', e)
        try:
            print('b', Bad(), file=sys.stdout)
        except ValueError:
            print('|')
        print('x', Bad())
        """
        let run = simulate(src)
        #expect(run.stdout == "1 inside\nloud 2\na |caught no\nb |\nx ")
        #expect(run.status == 1)
    }

    @Test("dir() of a built-in value or type: CPython 3.11's names (the generated table) that loopscope answers; it lacks these")
    func dirOfBuiltinValues() {
        let values: [(String, String)] = [(#"1"#, "int"),
                                          (#"True"#, "bool"),
                                          (#"1.5"#, "float"),
                                          (#"'s'"#, "str"),
                                          (#"b'b'"#, "bytes"),
                                          (#"bytearray(b'a')"#, "bytearray"),
                                          (#"[1]"#, "list"),
                                          (#"(1,)"#, "tuple"),
                                          (#"{1: 2}"#, "dict"),
                                          (#"{1}"#, "set"),
                                          (#"frozenset({1})"#, "frozenset"),
                                          (#"None"#, "NoneType"),
                                          (#"range(3)"#, "range"),
                                          (#"slice(1)"#, "slice"),
                                          (#"memoryview(b'm')"#, "memoryview"),
                                          (#"int"#, "int"),
                                          (#"str"#, "str")]
        var src = ""
        for (value, type) in values {
            // The value's expression is written as Python source and shown as a str.
            let names = (BuiltinAttributeNames.byType[type] ?? []).map { "'\($0)'" }.joined(separator: ", ")
            src += "v = \(value)\nmine = dir(v)\n"
            src += "assert mine == sorted(mine) and all(hasattr(v, n) for n in mine), mine\n"
            src += "print(\(String(reflecting: value)), [n for n in [\(names)] if n not in mine])\n"
        }
        #expect(output(src) == """
        1 ['__sizeof__', 'from_bytes']
        True ['__sizeof__', 'from_bytes']
        1.5 ['__getformat__', '__sizeof__', 'fromhex', 'hex']
        's' ['__sizeof__']
        b'b' ['__bytes__', '__getnewargs__', '__rmod__', '__sizeof__']
        bytearray(b'a') ['__alloc__', '__iadd__', '__imul__', '__rmod__', '__sizeof__']
        [1] ['__reversed__', '__sizeof__']
        (1,) ['__sizeof__']
        {1: 2} ['__ior__', '__reversed__', '__ror__', '__sizeof__', 'fromkeys']
        {1} ['__rand__', '__ror__', '__rsub__', '__rxor__', '__sizeof__']
        frozenset({1}) ['__rand__', '__ror__', '__rsub__', '__rxor__', '__sizeof__']
        None ['__bool__', '__sizeof__']
        range(3) ['__bool__', '__contains__', '__getitem__', '__iter__', '__len__', '__reversed__', '__sizeof__']
        slice(1) ['__sizeof__', 'indices', 'start', 'step', 'stop']
        memoryview(b'm') ['__delitem__', '__getitem__', '__iter__', '__len__', '__setitem__', '__sizeof__']
        int ['__sizeof__', 'denominator', 'imag', 'numerator', 'real']
        str ['__sizeof__']

        """)
    }

    @Test("range's start, stop, step, count and index; int.bit_count; the rounding and divmod methods of int and float")
    func rangeAndNumberMethods() {
        let src = """
        r = range(2, 20, 3)
        print(r.start, r.stop, r.step, r.count(5), r.count(6), r.count(5.0), r.index(8), r.index(8.0), range(2**70).stop)
        print((13).bit_count(), (-(2**70 + 1)).bit_count(), (7).__divmod__(2), (1).__divmod__(1.5), (7.5).__rdivmod__(2))
        print((2.5).__floor__(), (2.5).__ceil__(), (-2.5).__trunc__(), (2.675).__round__(2), (5).__round__(-1), True.__floor__())
        for bad in (6, 'x'):
            try:
                r.index(bad)
            except ValueError as e:
                print(e)
        """
        #expect(output(src) == """
        2 20 3 1 0 1 2 2 1180591620717411303424
        3 2 (3, 1) NotImplemented (0.0, 2.0)
        2 3 -2 2.67 0 1
        6 is not in range
        sequence.index(x): x not in sequence

        """)
    }

    @Test("globals(), locals(), vars() and __import__ as in CPython 3.11")
    func namespaceBuiltins() {
        let src = """
        x = 1
        g = globals()
        g['y'] = 5
        print(g is globals(), g['x'], y, locals() is g, vars() is g)
        def f(a, b=2, *args, **kw):
            c = a + b
            def inner():
                return c
            d = [1]
            print(sorted(locals()), locals()['c'], vars()['a'])
            locals()['c'] = 99
            print(c, locals() is vars())
        f(1)
        class K:
            a = 1
            print(list(locals().items())[-1])
        m = __import__('json.decoder')
        print(m.__name__, __import__('json.decoder', fromlist=['x']).__name__)
        """
        #expect(output(src) == """
        True 1 5 True True
        ['a', 'args', 'b', 'c', 'd', 'inner', 'kw'] 3 1
        3 True
        ('a', 1)
        json json.decoder

        """)
    }

    @Test("a built-in type's method read from the type is a method descriptor (map(str.upper, ...))")
    func methodDescriptors() {
        let src = """
        words = ['b', 'A', 'c']
        print(sorted(words, key=str.lower), list(map(str.upper, words)), str.join('-', words), list.append, dict.get)
        try:
            str.upper(3)
        except TypeError as e:
            print(e)
        print(int.bit_length(255), tuple.count((1, 1, 2), 1), set.union({1}, {2}))
        """
        #expect(output(src) == """
        ['A', 'b', 'c'] ['B', 'A', 'C'] b-A-c <method 'append' of 'list' objects> <method 'get' of 'dict' objects>
        descriptor 'upper' for 'str' objects doesn't apply to a 'int' object
        8 2 {1, 2}

        """)
    }

    @Test("live instance and module __dict__, sys.modules, list[int] as types.GenericAlias, dict | dict and |=")
    func dictsOfObjectsGenericAliasesAndDictMerge() {
        let src = """
        import sys
        class P:
            def __init__(self): self.x = 1
        p = P()
        d = p.__dict__
        d['y'] = 2
        p.z = 3
        del d['x']
        print(p.y, d, vars(p) is d, hasattr(p, 'x'))
        d.update(w=4)
        print(p.w, sorted(vars(p)))
        m = sys.modules[__name__]
        m.__dict__['injected'] = 42
        print(injected, 'P' in m.__dict__, m.__dict__['P'] is P)
        print(type(list[int]), list[int] == list[int], dict[str, list[int]], tuple[()], list[int].__origin__, dict[str, int].__args__)
        a = {1: 'a'}
        a |= {2: 'b'}
        print(a, {1: 2} | {1: 3})
        import collections
        dd = collections.defaultdict(list, {'k': [1]})
        print(type(dd | {'z': 0}).__name__, type(collections.OrderedDict(a=1) | {'b': 2}).__name__)
        try:
            {1: 2} | [(3, 4)]
        except TypeError as e:
            print(e)
        """
        #expect(output(src) == """
        2 {'y': 2, 'z': 3} True False
        4 ['w', 'y', 'z']
        42 True True
        <class 'types.GenericAlias'> True dict[str, list[int]] tuple[()] <class 'list'> (<class 'str'>, <class 'int'>)
        {1: 'a', 2: 'b'} {1: 3}
        defaultdict OrderedDict
        unsupported operand type(s) for |: 'dict' and 'list'

        """)
    }

    @Test func modularPowerAndStrictZip() {
        let src = """
        print(pow(3, 200, 1000), pow(3, -1, 10), pow(5, 3, -7), pow(-2, 3, 5))
        try:
            list(zip("ab", "abc", "a", strict=True))
        except ValueError as e:
            print(e)
        """
        #expect(output(src) == "1 7 -1 2\nzip() argument 3 is shorter than arguments 1-2\n")
    }

    @Test func osErrorFamily() {
        let src = """
        e = ConnectionResetError(104, "reset")
        print(e, e.errno, isinstance(e, ConnectionError), issubclass(ResourceWarning, Warning), OSError("x").errno)
        """
        #expect(output(src) == "[Errno 104] reset 104 True True None\n")
    }

    @Test func percentFormatting() {
        let src = """
        print("%(n)s=%03d%%" % {"n": "x"} if False else "%(n)s=%(v)03d%%" % {"n": "x", "v": 7}, "%c%c" % (72, "i"))
        try:
            "%d" % "x"
        except TypeError as e:
            print(e)
        """
        #expect(output(src) == "x=007% Hi\n%d format: a real number is required, not str\n")
    }
}
