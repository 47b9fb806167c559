import Foundation
import Testing
@testable import PythonRuntime

/// The complex arithmetic, parsing and formatting against CPython 3.11's own answers,
/// computed at test time by `python3` over a grid of parts that includes signed zeros,
/// subnormals, huge values, infinities and NaNs. Results are compared as CPython's repr
/// of them (or the exception it raised), so every bit of every part must agree.
@Suite("complex numbers against CPython", .enabled(if: ReferencePython.available, "python3 is missing: it is the reference"))
struct ComplexTests {
    /// The parts every complex of the grid is made from.
    static let parts = ["0.0", "-0.0", "1.0", "-1.0", "0.5", "-2.5", "3.0", "1e16", "-1e308", "5e-324",
                        "1e-300", "inf", "-inf", "nan"]

    /// CPython's answer for one operation: the repr of the result, or the exception.
    static func describe(_ body: () throws(PyArithmeticError) -> ComplexValue) -> String {
        do { return PyComplexArithmetic.repr(try body()) } catch { return "\(error.pythonType): \(error.message)" }
    }

    static let pythonDescribe = """
        def describe(f):
            try:
                r = f()
            except Exception as e:
                return f'{type(e).__name__}: {e}'
            return repr(r)
        """

    @Test("+ - * / ** of every pair of grid complexes, abs, hash and repr of each, as CPython's")
    func arithmeticGrid() throws {
        let script = """
            \(Self.pythonDescribe)
            parts = [float(p) for p in [\(Self.parts.map { PyString.repr($0) }.joined(separator: ", "))]]
            zs = [complex(a, b) for a in parts for b in parts]
            for z in zs:
                print('one', repr(z.real), repr(z.imag), repr(z), describe(lambda: abs(z)), hash(z) if z == z else 'nan')
            for a in zs:
                for b in zs:
                    print('two', repr(a.real), repr(a.imag), repr(b.real), repr(b.imag),
                          repr(a + b), repr(a - b), repr(a * b), describe(lambda: a / b), describe(lambda: a ** b), sep='|')
            """
        let reference = try ReferencePython.run(script)
        var differences: [String] = []
        var lines = 0
        for line in reference.split(separator: "\n") {
            lines += 1
            if line.hasPrefix("one ") {
                let f = line.split(separator: " ", maxSplits: 4).map(String.init)
                guard f.count == 5, let re = Double(f[1]), let im = Double(f[2]) else { continue }
                let z = ComplexValue(re, im)
                let absText: String
                do { absText = PyFloat.repr(try PyComplexArithmetic.abs(z)) } catch { absText = "\(error.pythonType): \(error.message)" }
                let hashText = re.isNaN || im.isNaN ? "nan" : String(PyComplexArithmetic.hash(z))
                let got = "\(PyComplexArithmetic.repr(z)) \(absText) \(hashText)"
                if got != f[3] + " " + f[4] { differences.append("\(line)\n   loopscope: \(got)") }
                continue
            }
            let f = line.split(separator: "|").map(String.init)
            guard f.count == 10, let ar = Double(f[0].dropFirst(4)), let ai = Double(f[1]),
                  let br = Double(f[2]), let bi = Double(f[3]) else { continue }
            let a = ComplexValue(ar, ai), b = ComplexValue(br, bi)
            let got = [
                PyComplexArithmetic.repr(PyComplexArithmetic.sum(a, b)),
                PyComplexArithmetic.repr(PyComplexArithmetic.diff(a, b)),
                PyComplexArithmetic.repr(PyComplexArithmetic.prod(a, b)),
                Self.describe { () throws(PyArithmeticError) in try PyComplexArithmetic.trueDiv(a, b) },
                Self.describe { () throws(PyArithmeticError) in try PyComplexArithmetic.pow(a, b) },
            ]
            if got != Array(f[4...]) { differences.append("\(line)\n   loopscope: \(got.joined(separator: "|"))") }
        }
        #expect(lines > 38_000, "the reference printed only \(lines) lines")
        #expect(differences.isEmpty, Comment(rawValue: "\(differences.count) differ:\n" + differences.prefix(20).joined(separator: "\n")))
    }

    @Test("small integral powers take c_powi's repeated products, as CPython's")
    func integralPowers() throws {
        let script = """
            \(Self.pythonDescribe)
            for z in [1+1j, 0.5-2j, 1e-3+7j, -1.5+0.25j, 1e200+1e200j, 0j, 3j]:
                for n in [-101, -100, -7, -2, -1, 0, 1, 2, 3, 17, 64, 100, 101, 2.5, -0.5]:
                    print(repr(z.real), repr(z.imag), n, describe(lambda: z ** n))
            """
        var differences: [String] = []
        for line in try ReferencePython.run(script).split(separator: "\n") {
            let f = line.split(separator: " ", maxSplits: 3).map(String.init)
            guard f.count == 4, let re = Double(f[0]), let im = Double(f[1]), let n = Double(f[2]) else { continue }
            let got = Self.describe { () throws(PyArithmeticError) in try PyComplexArithmetic.pow(ComplexValue(re, im), ComplexValue(n, 0)) }
            if got != f[3] { differences.append("\(line)\n   loopscope: \(got)") }
        }
        #expect(differences.isEmpty, Comment(rawValue: differences.joined(separator: "\n")))
    }

    static let strings = [
        "1+2j", "1", "j", "-j", "+j", "2j", "-2.5J", " ( 1-2j ) ", "(1+2j", "1+2j)", "1+", "1+j", "1-j", "inf+nanj",
        "-infinityj", "NaN-InFj", "1e3", "1e", "1e+j", "1.e-3-.5j", ".j", "1__2j", "1_2j", "1_000.5+2_0j", "_1j",
        "1j_", "", " ", "()", "(j)", "x", "1+2jj", "1 + 2j", "\u{0661}+\u{0662}j", "1\u{2003}", "0x1", "1e400j",
        "-0-0j", "(-0.0+0j)", "+1.5e+10-1.5e-10j", "1+2j ", "\t1j\n", "j1", "1ej", "1e5j",
    ]

    @Test("complex(str) reads and refuses what CPython does")
    func parsing() throws {
        let script = """
            for s in [\(Self.strings.map { PyString.repr($0) }.joined(separator: ", "))]:
                try:
                    z = complex(s)
                    print(repr(z.real), repr(z.imag))
                except ValueError as e:
                    print('ValueError', e)
            """
        let reference = try ReferencePython.run(script).split(separator: "\n").map(String.init)
        #expect(reference.count == Self.strings.count)
        for (s, expected) in zip(Self.strings, reference) {
            let got: String
            do {
                let z = try PyComplexText.parse(s)
                got = PyFloat.repr(z.real) + " " + PyFloat.repr(z.imag)
            } catch .malformed {
                got = "ValueError complex() arg is a malformed string"
            } catch {
                got = "ValueError could not convert string to complex: \(PyString.repr(s))"
            }
            #expect(got == expected, "complex(\(PyString.repr(s)))")
        }
    }

    static let specs = ["", ".2f", ">20", "<20.3e", "^30g", "+.1f", "g", "n", ",.2f", " ", "-", "#.0f", "z.1f",
                        ".0e", "E", "G", "F", "*^25.4", "10", ".3", "_.1f", "=20", "020", "%", "d", ".2%", "x", "0>9"]
    static let values = ["3-4.5j", "-0.0-0.0j", "1e20j", "complex(-0.0, 1)", "1j", "complex('nan+infj')",
                         "1234567.891-0.000123j", "complex(-1e-7, 2.5)", "0j"]

    @Test("format() of a complex with every kind of spec, as formatter_unicode.c's format_complex_internal")
    func formatting() throws {
        let script = """
            for v in [\(Self.values.joined(separator: ", "))]:
                for spec in [\(Self.specs.map { PyString.repr($0) }.joined(separator: ", "))]:
                    try:
                        print(repr(format(v, spec)))
                    except (ValueError, TypeError) as e:
                        print(type(e).__name__, e)
            """
        let reference = try ReferencePython.run(script).split(separator: "\n").map(String.init)
        let valueScript = "for v in [\(Self.values.joined(separator: ", "))]: print(repr(v.real), repr(v.imag))"
        let zs = try ReferencePython.run(valueScript).split(separator: "\n").compactMap { line -> ComplexValue? in
            let f = line.split(separator: " ")
            guard f.count == 2, let re = Double(f[0]), let im = Double(f[1]) else { return nil }
            return ComplexValue(re, im)
        }
        #expect(zs.count == Self.values.count && reference.count == zs.count * Self.specs.count)
        var index = 0
        for z in zs {
            for spec in Self.specs {
                let got: String
                do { got = PyString.repr(try PyFormatSpec.format(complex: z, spec: spec)) } catch { got = "ValueError \(error.message)" }
                #expect(got == reference[index], "format(\(PyComplexArithmetic.repr(z)), \(PyString.repr(spec)))")
                index += 1
            }
        }
    }

    static func describe(_ r: CMath.Result) -> String {
        switch r.failure {
        case .domain?: return "ValueError: math domain error"
        case .range?: return "OverflowError: math range error"
        case nil: return PyComplexArithmetic.repr(r.value)
        }
    }

    static let cmathFunctions: [(String, @Sendable (ComplexValue) -> CMath.Result)] = [
        ("acos", CMath.acos), ("acosh", CMath.acosh), ("asin", CMath.asin), ("asinh", CMath.asinh),
        ("atan", CMath.atan), ("atanh", CMath.atanh), ("cos", CMath.cos), ("cosh", CMath.cosh),
        ("exp", CMath.exp), ("log", CMath.log), ("log10", CMath.log10), ("sin", CMath.sin), ("sinh", CMath.sinh),
        ("sqrt", CMath.sqrt), ("tan", CMath.tan), ("tanh", CMath.tanh),
    ]

    @Test("every cmath function on the grid (and near 1, subnormal, huge), rect, log with a base, isclose, as CPython's")
    func cmathGrid() throws {
        let names = Self.cmathFunctions.map(\.0)
        let script = """
            import cmath
            \(Self.pythonDescribe)
            parts = [float(p) for p in [\(Self.parts.map { PyString.repr($0) }.joined(separator: ", "))]]
            parts += [0.9, 1.1, 1e-310, 1e300, 710.0, -710.0, 1.0000001, 0.7, 1.7, 2.2250738585072014e-308]
            names = [\(names.map { PyString.repr($0) }.joined(separator: ", "))]
            for a in parts:
                for b in parts:
                    z = complex(a, b)
                    print(repr(a), repr(b), *(describe(lambda: getattr(cmath, n)(z)) for n in names),
                          describe(lambda: cmath.rect(a, b)), describe(lambda: cmath.log(z, complex(b, a))),
                          cmath.isclose(z, complex(a * (1 + 1e-10), b)), sep='|')
            """
        var differences: [String] = []
        var lines = 0
        for line in try ReferencePython.run(script).split(separator: "\n") {
            let f = line.split(separator: "|").map(String.init)
            guard f.count == names.count + 5, let a = Double(f[0]), let b = Double(f[1]) else { continue }
            lines += 1
            let z = ComplexValue(a, b)
            var got = Self.cmathFunctions.map { Self.describe($0.1(z)) }
            got.append(Self.describe(CMath.rect(a, b)))
            got.append(Self.describe(CMath.log(z, base: ComplexValue(b, a))))
            got.append(CMath.isClose(z, ComplexValue(a * (1 + 1e-10), b), relTol: 1e-9, absTol: 0) ? "True" : "False")
            for (i, (expected, mine)) in zip(f[2...], got).enumerated() where expected != mine {
                let name = i < names.count ? names[i] : ["rect", "log(z, base)", "isclose"][i - names.count]
                differences.append("\(name)(complex(\(f[0]), \(f[1]))): CPython \(expected), loopscope \(mine)")
            }
        }
        #expect(lines == 24 * 24, "the reference printed \(lines) lines")
        #expect(differences.isEmpty, Comment(rawValue: "\(differences.count) differ:\n" + differences.prefix(30).joined(separator: "\n")))
    }
}
