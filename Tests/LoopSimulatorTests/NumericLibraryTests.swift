import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// The native pieces `fractions`, `statistics` and `decimal` stand on (CPython writes them
/// in C): `as_integer_ratio`, `sys.hash_info`/`float_info`, the float functions of `math`,
/// and the number protocol (`__float__`, `__int__`, `__round__`) for classes. Expected
/// outputs are CPython 3.11's.
@Suite("numeric library")
struct NumericLibraryTests {
    private func expectRun(_ source: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let out = simulate(source)
        #expect(out.stdout == expected, sourceLocation: sourceLocation)
        #expect(out.status == 0, "\(out)", sourceLocation: sourceLocation)
    }

    @Test("as_integer_ratio, sys.hash_info, math's float functions and __float__/__int__/__round__ of classes")
    func nativeNumbers() {
        expectRun("""
        import math, sys
        print((0.1).as_integer_ratio(), (-2.5).as_integer_ratio(), (5e-324).as_integer_ratio()[1].bit_length(), (7).as_integer_ratio(), (2**70).as_integer_ratio(), True.as_integer_ratio())
        for bad in (float('inf'), float('nan')):
            try:
                bad.as_integer_ratio()
            except (OverflowError, ValueError) as e:
                print(type(e).__name__, e)
        print((2**70).numerator, (2**70).denominator, (2**70).real)
        print(sys.hash_info.modulus, sys.hash_info.inf, sys.float_info.mant_dig, sys.float_info.epsilon, sys.hash_info)
        print(math.fsum([0.1] * 10), math.fsum([1e-16, 1, 1e16]), math.fsum([float("inf"), 1]))
        for args in ([1e308, 1e308], [float('inf'), float('-inf')]):
            try:
                math.fsum(args)
            except (OverflowError, ValueError) as e:
                print(type(e).__name__, e)
        print(math.frexp(10.0), math.frexp(0.0), math.ldexp(0.625, 4), math.ldexp(1.0, -1080), math.modf(-3.25), math.fmod(-7, 3))
        print(math.copysign(2, -0.0), math.erf(1), math.erfc(1), math.expm1(1e-10), math.log1p(1e-10), math.degrees(math.pi), math.radians(180))
        print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1, rel_tol=0.2), math.prod(range(1, 6)), math.prod([2, 3], start=0.5), math.ulp(1.0), math.cbrt(27.0))
        for call in (lambda: math.ldexp(1.0, 2000), lambda: math.fmod(1.0, 0.0), lambda: math.atanh(1.0), lambda: math.sinh(1000.0)):
            try:
                call()
            except (OverflowError, ValueError) as e:
                print(type(e).__name__, e)
        class Money:
            def __init__(self, cents): self.cents = cents
            def __float__(self): return self.cents / 100
            def __int__(self): return self.cents // 100
            def __round__(self, ndigits=None): return ('round', ndigits)
        print(float(Money(250)), int(Money(250)), math.sqrt(Money(400)), '%.1f|%d' % (Money(125), Money(399)), round(Money(1)), round(Money(1), 2))
        class Bad:
            def __float__(self): return 1
        try:
            float(Bad())
        except TypeError as e:
            print(e)
        """, """
        (3602879701896397, 36028797018963968) (-5, 2) 1075 (7, 1) (1180591620717411303424, 1) (1, 1)
        OverflowError cannot convert Infinity to integer ratio
        ValueError cannot convert NaN to integer ratio
        1180591620717411303424 1 1180591620717411303424
        2305843009213693951 314159 53 2.220446049250313e-16 sys.hash_info(width=64, modulus=2305843009213693951, inf=314159, nan=0, imag=1000003, algorithm='siphash13', hash_bits=64, seed_bits=128, cutoff=0)
        1.0 1.0000000000000002e+16 inf
        OverflowError intermediate overflow in fsum
        ValueError -inf + inf in fsum
        (0.625, 4) (0.0, 0) 10.0 0.0 (-0.25, -3.0) -1.0
        -2.0 0.8427007929497149 0.15729920705028513 1.00000000005e-10 9.999999999500001e-11 180.0 3.141592653589793
        True True 120 3.0 2.220446049250313e-16 3.0000000000000004
        OverflowError math range error
        ValueError math domain error
        ValueError math domain error
        OverflowError math range error
        2.5 2 2.0 1.2|3 ('round', None) ('round', 2)
        Bad.__float__ returned non-float (type int)

        """)
    }

    @Test("a module's docstring is its __doc__; contextvars' ContextVar, Token and Context.run (decimal keeps its context in one)")
    func docstringAndContextVars() {
        expectRun("""
        '''The module docstring.'''
        import contextvars
        print(__doc__)
        var = contextvars.ContextVar('var', default=0)
        print(var.get(), var.name)
        token = var.set(5)
        ctx = contextvars.copy_context()
        def inside():
            var.set(9)
            return var.get()
        print(var.get(), ctx.run(inside), var.get(), ctx[var], var in ctx, len(ctx))
        var.reset(token)
        print(var.get(), token.old_value is contextvars.Token.MISSING)
        try:
            var.reset(token)
        except RuntimeError:
            print('used twice')
        plain = contextvars.ContextVar('plain')
        try:
            plain.get()
        except LookupError:
            print('LookupError')
        print(plain.get('fallback'))
        """, """
        The module docstring.
        0 var
        5 9 5 9 True 1
        0 True
        used twice
        LookupError
        fallback

        """)
    }

    @Test("decimal's errors carry C _decimal's condition list, its tracebacks show no _pydecimal frames, and flags are bools")
    func decimalAsCPythonsC() {
        let out = simulate("""
        from decimal import Decimal, Context, Inexact
        ctx = Context(prec=3)
        print(ctx.flags[Inexact], ctx.divide(Decimal(1), Decimal(3)), ctx.flags[Inexact])
        def parse(s):
            return Decimal(s) + 1
        parse("x")
        """)
        #expect(out.stdout == "False 0.333 True\n")
        #expect(out.stderr == """
        Traceback (most recent call last):
          File "test.py", line 6, in <module>
            parse("x")
          File "test.py", line 5, in parse
            return Decimal(s) + 1
                   ^^^^^^^^^^
        decimal.InvalidOperation: [<class 'decimal.ConversionSyntax'>]

        """)
        #expect(out.status == 1)
    }

    @Test("check knows the names decimal takes from _pydecimal by `from _pydecimal import *`, and rejects others")
    func checkKnowsDecimalNames() {
        let out = simulate("""
        from decimal import Decimal, getcontext, localcontext, ROUND_HALF_UP, InvalidOperation
        from decimal import Decimal, nosuch
        from fractions import Fraction
        from statistics import mean, fmean, quantiles
        """)
        #expect(out.status == 2)
        #expect(out.stderr == "test.py:2:30: error: cannot import name 'nosuch' from 'decimal' (Lib/decimal.py)")
    }
}
