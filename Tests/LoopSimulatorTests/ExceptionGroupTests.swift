import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// `except*`, `ExceptionGroup.split/subgroup/derive` and the printing of groups.
/// Expected values: CPython 3.11.
@Suite("Exception groups")
struct ExceptionGroupTests {
    @Test func uncaughtGroupIsDrawnAsCPythonDraws() {
        let source = """
        def fail(n):
            raise ValueError(n)

        errors = []
        for n in range(2):
            try:
                fail(n)
            except ValueError as e:
                errors.append(e)
        raise ExceptionGroup("two", errors)

        """
        let result = simulate(source, path: "g.py")
        #expect(result.status == 1)
        #expect(result.stderr == """
          + Exception Group Traceback (most recent call last):
          |   File "g.py", line 10, in <module>
          |     raise ExceptionGroup("two", errors)
          | ExceptionGroup: two (2 sub-exceptions)
          +-+---------------- 1 ----------------
            | Traceback (most recent call last):
            |   File "g.py", line 7, in <module>
            |     fail(n)
            |   File "g.py", line 2, in fail
            |     raise ValueError(n)
            | ValueError: 0
            +---------------- 2 ----------------
            | Traceback (most recent call last):
            |   File "g.py", line 7, in <module>
            |     fail(n)
            |   File "g.py", line 2, in fail
            |     raise ValueError(n)
            | ValueError: 1
            +------------------------------------

        """)
    }

    @Test func clausesSplitTheGroupAndTheRestIsRaisedAgain() {
        let source = """
        def f():
            try:
                raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
            except* ValueError as e:
                print("V", repr(e))
                raise RuntimeError("new")
            except* TypeError:
                print("T")
        try:
            f()
        except ExceptionGroup as e:
            print(repr(e))
        try:
            raise OSError("naked")
        except* OSError as e:
            print(repr(e))
        for i in range(2):
            try:
                raise ExceptionGroup("loop", [OSError(i)])
            except* OSError as e:
                print(e.exceptions[0].args)

        """
        #expect(simulate(source).stdout == """
        V ExceptionGroup('eg', [ValueError(1)])
        T
        ExceptionGroup('', [RuntimeError('new'), ExceptionGroup('eg', [KeyError(3)])])
        ExceptionGroup('', (OSError('naked'),))
        (0,)
        (1,)

        """)
    }

    @Test func splitKeepsStructureAndMetadata() {
        let source = """
        eg = ExceptionGroup("top", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
        eg.__cause__ = KeyError("why")
        m, r = eg.split(ValueError)
        print(repr(m), repr(r), m.__cause__ is eg.__cause__)
        print(eg.split(OSError)[1] is eg, eg.split(ExceptionGroup)[0] is eg, eg.subgroup(OSError))
        print(repr(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] > 1)))
        try:
            eg.split(42)
        except TypeError as e:
            print(e)
        try:
            try:
                raise ExceptionGroup("x", [ValueError(1)])
            except* ExceptionGroup:
                pass
        except TypeError as e:
            print(e)

        """
        #expect(simulate(source).stdout == """
        ExceptionGroup('top', [ValueError(1), ExceptionGroup('inner', [ValueError(3)])]) ExceptionGroup('top', [ExceptionGroup('inner', [TypeError(2)])]) True
        False True None
        ExceptionGroup('top', [ExceptionGroup('inner', [ValueError(3)])])
        expected a function, exception type or tuple of exception types
        catching ExceptionGroup with except* is not allowed. Use except instead.

        """)
    }
}
