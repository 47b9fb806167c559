import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// Sets as CPython 3.11 keeps them: equality by members, operators and methods, and the
/// iteration order of its hash table. Expected output taken from CPython.
@Suite("Sets")
struct SetTests {
    private func output(_ source: String) -> String { simulate(source).stdout }

    @Test func equalityIsByMembers() {
        #expect(output("print(set([1, 2, 3]) == set([3, 2, 1]), {1, 2} != {2, 1}, frozenset({1}) == {1.0})\n")
            == "True False True\n")
    }

    @Test func numbersIterateInCPythonsTableOrder() {
        let src = """
        print({5, 3, 9, 1, 100, 33, 17}, set([5, 3, 9, 1, 100, 33, 17]), {-1, -2, 7, 8}, set([-1, -2, 7, 8]))
        s = set(range(10))
        print([s.pop() for _ in range(3)], s | {40, 20}, hash((1, 2)), hash(-1), hash(0.5))
        """
        #expect(output(src) == """
        {1, 33, 3, 100, 5, 17, 9} {1, 33, 3, 100, 5, 9, 17} {8, -2, -1, 7} {8, 7, -1, -2}
        [0, 1, 2] {3, 4, 5, 6, 7, 8, 9, 40, 20} -3550055125485641917 -2 1152921504606846976

        """)
    }

    @Test("add reuses the last deleted slot its probe passed, as 3.11's set_add_entry; -= purges deleted slots first")
    func addReusesTheLastDeletedSlot() {
        #expect(output("s = {4, 5, 6}\nfor x in (4, 5, 6): s.discard(x)\nfor x in (36, 68, 100): s.add(x)\nprint(s)\n") == "{100, 68, 36}\n")
        #expect(output("s = {4, 5, 6}\ns -= {4, 5, 6}\nfor x in (36, 68, 100): s.add(x)\nprint(s)\n") == "{100, 36, 68}\n")
    }

    @Test("the set operations build their results in setobject.c's order (expected output from CPython 3.11.7)")
    func operationsFollowSetobjectOrder() {
        let src = """
        c = {90, 96, -96, 32, 160, -160, 116, 47, 127, 23, 188, 183}
        for v in list(c)[:5]: c.discard(v)
        d = set(c)
        d ^= {160, 6, 34}
        print(list(d), list(c ^ {160, 6, 34}))
        e = {1, 67, 35, 38, 40, 23, 56, 200, 72}
        e.discard(200)
        e.discard(72)
        print(list(e & e), list(e.intersection(e)))
        f = {32, 1, 33, 64, 9, 130, 2, 35}
        f.discard(9)
        f.symmetric_difference_update(dict.fromkeys([9, 200, 1, 64, 33, 5, 130]))
        print(list(f))
        g = set(range(20))
        g.difference_update(range(4, 12))
        g.update([36, 100, 68])
        print(list(g))
        """
        #expect(output(src) == """
        [6, 23, 90, 160, 34, 47, 116, 183, 188, 127] [160, 34, 6, 47, 116, 23, 183, 90, 188, 127]
        [1, 67, 35, 38, 23, 40, 56] [1, 67, 35, 38, 23, 40, 56]
        [32, 2, 35, 5, 200, 9]
        [0, 1, 2, 3, 12, 13, 14, 15, 16, 17, 18, 19, 36, 68, 100]

        """)
    }

    @Test("'%d' of an int past 4,300 digits raises ValueError; '%x' of it does not")
    func percentDecimalDigitLimit() {
        #expect(output("""
            try:
                print("%d" % (10 ** 4300))
            except ValueError as e:
                print(e)
            print(len("%x" % (10 ** 4300)))
            """) == "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit\n3572\n")
    }

    @Test("instances equal by __eq__ with equal __hash__ are one member, in set displays, set() and add")
    func instancesHashByTheirHash() {
        let src = """
        class P:
            def __init__(self, x): self.x = x
            def __eq__(self, o): return self.x == o.x
            def __hash__(self): return hash(self.x)
        s = {P(1), P(1), P(2)}
        s.add(P(2))
        print(len(s), len(set([P(1), P(1)])), P(1) in s, P(3) in s)
        """
        #expect(output(src) == "2 1 True False\n")
    }

    @Test func frozensetsAreHashableKeys() {
        let src = """
        d = {frozenset([1, 2]): "a"}
        print(d[frozenset({2, 1})], frozenset([3]) | {4}, {4} | frozenset([3]))
        try:
            {set(): 1}
        except TypeError as e:
            print(e)
        """
        #expect(output(src) == "a frozenset({3, 4}) {3, 4}\nunhashable type: 'set'\n")
    }

    @Test("random set algebra prints what CPython prints")
    func randomAlgebraMatchesCPython() throws {
        let path = "tests-data/set_order_fuzz.py"
        let reference = try runReference(path)
        let simulated = simulate(try readRepositoryFile(path), path: path)
        #expect(reference.stdout.split(separator: "\n").count == 400)
        #expect(simulated.stdout == reference.stdout)
    }
}

/// Statements and displays beyond the basics: each checked against CPython's output.
@Suite("Syntax")
struct SyntaxTests {
    private func output(_ source: String) -> String { simulate(source).stdout }

    @Test func starredTargetsAndDisplays() {
        let src = """
        a, *b, c = range(5)
        *d, = "xy"
        print(a, b, c, d, [*b, *"z"], {**{"k": 1}, "j": 2, **{"k": 3}}, {*b, *b})
        """
        #expect(output(src) == "0 [1, 2, 3] 4 ['x', 'y'] [1, 2, 3, 'z'] {'k': 3, 'j': 2} {1, 2, 3}\n")
    }

    @Test func comprehensionsDoNotLeakButWalrusDoes() {
        let src = """
        x = "outer"
        print({x: x * 2 for x in range(3)}, {x % 3 for x in range(9)}, [x for x in x], x)
        print([y := v for v in range(3)], y)
        """
        #expect(output(src) == "{0: 0, 1: 2, 2: 4} {0, 1, 2} ['o', 'u', 't', 'e', 'r'] outer\n[0, 1, 2] 2\n")
    }

    @Test func deleteEverything() {
        let src = """
        g = 1
        def f():
            global g
            del g
            xs = [0, 1, 2, 3, 4]
            del xs[1:3], xs[0]
            return xs
        print(f(), "g" in globals() if False else 0)
        try:
            g
        except NameError as e:
            print(e)
        """
        #expect(output(src) == "[3, 4] 0\nname 'g' is not defined\n")
    }

    @Test func annotationsAtModuleLevelOnly() {
        let src = """
        x: int = 1
        y: "later"
        def f():
            z: undefined = 2
            return z
        print(__annotations__, f())
        """
        #expect(output(src) == "{'x': <class 'int'>, 'y': 'later'} 2\n")
    }

    @Test func withWithoutTheProtocolIsATypeError() {
        let src = """
        try:
            with 1, 2:
                pass
        except TypeError as e:
            print(e)
        """
        #expect(output(src) == "'int' object does not support the context manager protocol\n")
    }
}
