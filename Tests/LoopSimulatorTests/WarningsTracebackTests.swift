import Testing
@testable import LoopSimulator

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
