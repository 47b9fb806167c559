import Testing
@testable import LoopSimulator

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
