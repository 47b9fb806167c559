import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// Programs whose output must equal CPython 3.11's (`python3 -c`), each on one fidelity gap.
@Suite("Literal and formatting fidelity")
struct LiteralFidelityTests {
    /// Every formatting path of an int past 4,300 digits (generator seed 43996).
    static let digitLimit = #"""
v = 10**5000
for s in ['=+10','d','','>20',',','_','n','x', '+', ' ', '=10', '010', '<30d']:
    try:
        r = format(v, s); print(s, 'ok', len(r))
    except Exception as e:
        print(s, type(e).__name__, e)
    try:
        r = f'{v:{s}}'; print(s, 'ok', len(r))
    except Exception as e:
        print(s, type(e).__name__, e)
    try:
        r = '{:' + s + '}'; print(s, 'ok', len(r.format(-v)))
    except Exception as e:
        print(s, type(e).__name__, e)
for f in (lambda: '%d' % v, lambda: '%i' % v, lambda: '%5d' % v, lambda: '%x' % v, lambda: str(v), lambda: repr(v), lambda: f'{v!r}', lambda: f'{v!s}', lambda: '%s' % v, lambda: '%r' % v, lambda: '%u' % v, lambda: str([v])):
    try:
        print(len(f()))
    except Exception as e:
        print(type(e).__name__, e)
"""#

    /// `match` with complex literal patterns (the grammar's `complex_number`).
    static let complexPatterns = #"""
for v in (1+2j, -1j, 3, 1j, -1+0j, 2.5-1j, complex(-0.0, -1), 0j, -0j, 1.5, -2-3j):
    match v:
        case 1+2j:
            print("one plus two j")
        case -1j:
            print("minus j", v)
        case 1j | 0j:
            print("j or zero", v)
        case -2-3j:
            print("neg complex")
        case 2.5-1j:
            print("two and a half")
        case -1+0j:
            print("minus one", v)
        case _:
            print("other", v)
match {"k": 1-1j}:
    case {"k": 1-1j}:
        print("mapping value")
match [0.5+1j, 2]:
    case [0.5+1j, x]:
        print("seq", x)
"""#

    @Test("int formatting past 4300 digits and complex literal patterns print what CPython prints",
          arguments: [digitLimit, complexPatterns])
    func sameAsCPython(_ program: String) throws {
        let reference = try runProcess(["python3", "-c", program])
        try #require(reference.status == 0, "python3 is the reference: \(reference.stderr)")
        let out = simulate(program)
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout == reference.stdout)
    }
}
