#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#else
import Darwin
#endif

/// A complex number's two doubles, as CPython's `Py_complex`.
public struct ComplexValue: Equatable, Sendable {
    public var real: Double
    public var imag: Double
    public init(_ real: Double, _ imag: Double) {
        self.real = real
        self.imag = imag
    }
    static let one = ComplexValue(1, 0)
}

/// CPython 3.11's complex arithmetic (`Objects/complexobject.c`): `_Py_c_sum`,
/// `_Py_c_diff`, `_Py_c_prod`, `_Py_c_quot`, `_Py_c_pow` with `c_powi`'s fast path for
/// small integral exponents, `_Py_c_abs`, `complex_hash` and `complex_repr`, line for
/// line, so every result is the double CPython computes.
public enum PyComplexArithmetic {
    public static func sum(_ a: ComplexValue, _ b: ComplexValue) -> ComplexValue {
        ComplexValue(a.real + b.real, a.imag + b.imag)
    }

    public static func diff(_ a: ComplexValue, _ b: ComplexValue) -> ComplexValue {
        ComplexValue(a.real - b.real, a.imag - b.imag)
    }

    public static func neg(_ a: ComplexValue) -> ComplexValue {
        ComplexValue(-a.real, -a.imag)
    }

    public static func prod(_ a: ComplexValue, _ b: ComplexValue) -> ComplexValue {
        ComplexValue(a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real)
    }

    /// `_Py_c_quot`: Smith's algorithm, dividing through by the larger of the divisor's
    /// parts; nil for a zero divisor (CPython's `errno = EDOM`).
    public static func quotient(_ a: ComplexValue, _ b: ComplexValue) -> ComplexValue? {
        let absBReal = b.real < 0 ? -b.real : b.real
        let absBImag = b.imag < 0 ? -b.imag : b.imag
        if absBReal >= absBImag {
            if absBReal == 0 { return nil }
            let ratio = b.imag / b.real
            let denom = b.real + b.imag * ratio
            return ComplexValue((a.real + a.imag * ratio) / denom, (a.imag - a.real * ratio) / denom)
        } else if absBImag >= absBReal {
            let ratio = b.real / b.imag
            let denom = b.real * ratio + b.imag
            return ComplexValue((a.real * ratio + a.imag) / denom, (a.imag * ratio - a.real) / denom)
        }
        // At least one of b's parts is a NaN.
        return ComplexValue(.nan, .nan)
    }

    /// `complex_div`'s `a / b`.
    public static func trueDiv(_ a: ComplexValue, _ b: ComplexValue) throws(PyArithmeticError) -> ComplexValue {
        guard let q = quotient(a, b) else { throw .zeroDivision("complex division by zero") }
        return q
    }

    /// `_Py_c_pow`; nil for zero to a negative or complex power (`EDOM`).
    private static func cPow(_ a: ComplexValue, _ b: ComplexValue) -> ComplexValue? {
        if b.real == 0 && b.imag == 0 { return .one }
        if a.real == 0 && a.imag == 0 {
            if b.imag != 0 || b.real < 0 { return nil }
            return ComplexValue(0, 0)
        }
        let vabs = hypot(a.real, a.imag)
        var len = libmPow(vabs, b.real)
        let at = atan2(a.imag, a.real)
        var phase = at * b.real
        if b.imag != 0 {
            len /= exp(at * b.imag)
            phase += b.imag * log(vabs)
        }
        return ComplexValue(len * cos(phase), len * sin(phase))
    }

    /// The C library's pow, as `_Py_c_pow` calls it.
    private static func libmPow(_ x: Double, _ y: Double) -> Double {
        #if canImport(Glibc)
        return Glibc.pow(x, y)
        #elseif canImport(Musl)
        return Musl.pow(x, y)
        #else
        return Darwin.pow(x, y)
        #endif
    }

    /// `c_powu`: binary exponentiation by repeated `_Py_c_prod`.
    private static func cPowu(_ x: ComplexValue, _ n: Int) -> ComplexValue {
        var r = ComplexValue.one
        var p = x
        var mask = 1
        while mask > 0 && n >= mask {
            if n & mask != 0 { r = prod(r, p) }
            mask <<= 1
            p = prod(p, p)
        }
        return r
    }

    /// `c_powi`: a negative power is the reciprocal of the positive one.
    private static func cPowi(_ x: ComplexValue, _ n: Int) -> ComplexValue? {
        n > 0 ? cPowu(x, n) : quotient(.one, cPowu(x, -n))
    }

    /// `complex_pow`: an integral exponent of at most 100 in magnitude takes `c_powi`;
    /// zero to a negative or complex power is a ZeroDivisionError, an infinite part an
    /// OverflowError (`_Py_ADJUST_ERANGE2`).
    public static func pow(_ a: ComplexValue, _ b: ComplexValue) throws(PyArithmeticError) -> ComplexValue {
        let p: ComplexValue?
        if b.imag == 0, b.real == b.real.rounded(.down), Swift.abs(b.real) <= 100 {
            p = cPowi(a, Int(b.real))
        } else {
            p = cPow(a, b)
        }
        guard let p else { throw .zeroDivision("0.0 to a negative or complex power") }
        if p.real.isInfinite || p.imag.isInfinite { throw .overflow("complex exponentiation") }
        return p
    }

    /// `_Py_c_abs`: C99's rules for infinities and NaNs, then `hypot`, whose overflow is
    /// CPython's OverflowError.
    public static func abs(_ z: ComplexValue) throws(PyArithmeticError) -> Double {
        if !z.real.isFinite || !z.imag.isFinite {
            // A real infinity wins over a NaN: abs(complex(inf, nan)) is inf.
            if z.real.isInfinite { return Swift.abs(z.real) }
            if z.imag.isInfinite { return Swift.abs(z.imag) }
            return .nan
        }
        let result = hypot(z.real, z.imag)
        if result.isInfinite { throw .overflow("absolute value too large") }
        return result
    }

    /// `complex_hash`: the parts' hashes combined as `hashreal + 1000003 * hashimag` in
    /// unsigned arithmetic, so `hash(complex(x, 0)) == hash(x)`.
    public static func hash(_ z: ComplexValue) -> Int {
        let combined = UInt(bitPattern: PyHash.double(z.real))
            &+ 1_000_003 &* UInt(bitPattern: PyHash.double(z.imag))
        let h = Int(bitPattern: combined)
        return h == -1 ? -2 : h
    }

    /// `complex_repr`: `1j`, `(1+2j)`, `(-0-1j)`: the imaginary part alone when the real
    /// part is +0, otherwise both in parentheses, the imaginary one signed; each the
    /// shortest repr of its double without the `.0` a float's repr adds.
    public static func repr(_ z: ComplexValue) -> String {
        if z.real == 0 && z.real.sign == .plus {
            return DoubleToString.convert(z.imag, formatCode: "r", precision: 0, flags: []) + "j"
        }
        let re = DoubleToString.convert(z.real, formatCode: "r", precision: 0, flags: [])
        let im = DoubleToString.convert(z.imag, formatCode: "r", precision: 0, flags: .sign)
        return "(" + re + im + "j)"
    }
}
