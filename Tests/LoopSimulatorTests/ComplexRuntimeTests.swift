import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// The `complex` type as programs use it, through the VM: literals, the constructor and
/// its errors, mixed arithmetic, comparison, hashing as dict keys, subclasses,
/// `__complex__`, format and `%`, and the library modules that know complex (numbers,
/// fractions, json). The expected output is what `python3` prints for the same program.
@Suite("complex in programs")
struct ComplexRuntimeTests {
    static let program = #"""
z = 1 + 2j
print(z, repr(z), 1j, 2.5J, 1e3j, -1j, complex(-0.0, -1), complex(1e16, 1), 1e20j)
print(z * z, z / (3 - 4j), z ** 2, z ** 0.5, abs(3 + 4j), z.conjugate(), z.real, z.imag)
print(complex('1+2j'), complex(' ( -1.5e3-2J ) '), complex('j'), complex('-j'), complex('inf-nanj'))
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(1 + 2j))
print((-8) ** (1 / 3), 2 ** 0.5j, 0j ** 0, type(z).__name__, isinstance(z, complex))
print(1 + 0j == 1, 2 ** 70 + 0j == 2 ** 70, z != z, bool(0j), bool(1j), {1: 'a'}[1 + 0j])
print(sum([1j, 2, 3.5]), pow(z, 3), -z, +z, complex(float('nan'), float('inf')))
for bad in ['1+', 'x', '1__2j', '(1+2j', '1+2jj']:
    try:
        complex(bad)
    except ValueError as e:
        print('ValueError', e)
for f in [lambda: z < z, lambda: z // 2, lambda: z % 2, lambda: 1j / 0, lambda: 0j ** -1, lambda: int(z), lambda: float(z), lambda: round(z)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class C(complex):
    def double(self):
        return self * 2
c = C(1, 2)
print(c, repr(c), type(c).__name__, isinstance(c, complex), c.double(), c + 1, c.real, c.imag, c.conjugate(), c == 1+2j, hash(c) == hash(1+2j))
class W:
    def __complex__(self):
        return 3 + 4j
print(complex(W()), complex(1j, 1j), complex(1, 2j), complex(2.5), complex(True), complex(2 ** 80), complex())
class F:
    def __float__(self):
        return 1.5
print(complex(F(), F()))
import numbers
print(isinstance(1j, numbers.Complex), isinstance(1j, numbers.Real))
from fractions import Fraction
print(Fraction(1, 2) == 0.5 + 0j, Fraction(1, 2) + 1j, 1j + Fraction(1, 2))
import json
try:
    json.dumps(1j)
except TypeError as e:
    print(e)
for spec in ['', '.2f', '>20', '<20.3e', '^30g', '+.1f', 'g', 'n', ',.2f', ' ', '-', '#.0f', 'z.1f']:
    print(repr(format(3 - 4.5j, spec)), repr(format(-0.0 + 1e20j, spec)), repr(format(1j, spec)))
print(f'{1+2j:.3f} {1j!r:>8}')
for spec in ['=20', '020', '%', 'd', '.2%', 'x']:
    try:
        print(format(1 + 2j, spec))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for fmt in ['%f', '%d', '%s', '%r', '%x', '%e']:
    try:
        print(fmt % (1 + 2j))
    except TypeError as e:
        print(type(e).__name__, e)
import math
try:
    math.sqrt(1j)
except TypeError as e:
    print(e)
try:
    pow(1j, 2, 3)
except Exception as e:
    print(type(e).__name__, e)
print(complex.__name__, complex(real=1, imag=2), sorted([3, 1], key=lambda x: abs(x * 1j)))
print({1j, 1j, 2j} == {2j, 1j}, 1j in [1j], [1j, 2] .index(2), (1j).__class__)
"""#

    @Test("a program computing with complex numbers prints what CPython prints")
    func sameAsCPython() throws {
        let reference = try runProcess(["python3", "-c", Self.program])
        try #require(reference.status == 0, "python3 is the reference: \(reference.stderr)")
        let out = simulate(Self.program)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == reference.stdout)
    }

    static let cmathProgram = #"""
import cmath, math
for f in ['sqrt', 'exp', 'log', 'log10', 'phase', 'polar', 'isfinite', 'isinf', 'isnan', 'cos', 'tanh', 'atanh']:
    for z in [1j, -4, 3+4j, complex(-0.0, -0.0), 0, complex('inf+nanj'), 2**70, 1.5, complex(-1, -0.0)]:
        try:
            print(f, z, getattr(cmath, f)(z))
        except Exception as e:
            print(f, z, type(e).__name__, e)
print(cmath.rect(2, math.pi / 3), cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
print(cmath.isclose(1+1j, 1+1.0000000001j), cmath.log(8, 2), cmath.log(1j, 10))
for bad in [lambda: cmath.sqrt('x'), lambda: cmath.log(0), lambda: cmath.log(2, 1), lambda: cmath.isclose(1, 2, rel_tol=-1), lambda: cmath.exp(1000), lambda: cmath.log(0, 10)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
class W:
    def __complex__(self): return 2j
print(cmath.sqrt(W()), cmath.phase(-1), cmath.polar(-2j))
"""#

    @Test("cmath's functions, constants and errors, with __complex__ arguments, print what CPython prints")
    func cmathSameAsCPython() throws {
        let reference = try runProcess(["python3", "-c", Self.cmathProgram])
        try #require(reference.status == 0, "python3 is the reference: \(reference.stderr)")
        let out = simulate(Self.cmathProgram)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == reference.stdout)
    }
}
