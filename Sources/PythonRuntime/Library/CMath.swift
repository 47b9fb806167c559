#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library's functions, by names `CMath`'s own functions do not hide.
private func cAsinh(_ x: Double) -> Double { asinh(x) }
private func cCos(_ x: Double) -> Double { cos(x) }
private func cCosh(_ x: Double) -> Double { cosh(x) }
private func cExp(_ x: Double) -> Double { exp(x) }
private func cLog(_ x: Double) -> Double { log(x) }
private func cSin(_ x: Double) -> Double { sin(x) }
private func cSinh(_ x: Double) -> Double { sinh(x) }
private func cSqrt(_ x: Double) -> Double { sqrt(x) }
private func cTan(_ x: Double) -> Double { tan(x) }
private func cTanh(_ x: Double) -> Double { tanh(x) }

/// CPython 3.11's `Modules/cmathmodule.c`: each function computes C99 Annex G's result
/// (special values from the same 7x7 tables, indexed by the kinds of the real and
/// imaginary parts) and reports, as the C code does through `errno`, whether Python
/// raises "math domain error" (ValueError) or "math range error" (OverflowError).
package enum CMath {
    package enum Failure: Error { case domain, range }

    /// A result and the `errno` it leaves.
    package typealias Result = (value: ComplexValue, failure: Failure?)

    // CM_LARGE_DOUBLE and friends: thresholds that avoid spurious overflow.
    private static let largeDouble = Double.greatestFiniteMagnitude / 4
    private static let sqrtLargeDouble = cSqrt(largeDouble)
    private static let logLargeDouble = cLog(largeDouble)
    private static let sqrtDoubleMin = cSqrt(Double.leastNormalMagnitude)
    private static let mantissaDigits = 53
    private static let scaleUp = 2 * (mantissaDigits / 2) + 1
    private static let scaleDown = -(scaleUp + 1) / 2
    private static let ln2 = 0.6931471805599453094
    private static let ln10 = 2.302585092994045684

    /// `special_type`: ST_NINF, ST_NEG, ST_NZERO, ST_PZERO, ST_POS, ST_PINF, ST_NAN.
    private static func specialType(_ d: Double) -> Int {
        if d.isFinite {
            if d != 0 { return d.sign == .plus ? 4 : 1 }
            return d.sign == .plus ? 3 : 2
        }
        if d.isNaN { return 6 }
        return d.sign == .plus ? 5 : 0
    }

    private static func special(_ table: [[ComplexValue]], _ z: ComplexValue) -> ComplexValue {
        table[specialType(z.real)][specialType(z.imag)]
    }

    // The tables' entries, named as the C source names them (U: never used). They are
    // 3.11's: later versions changed acosh(±0 + nan i) and tanh(±0 + nan i).
    private static let pi = Double.pi, p14 = 0.25 * Double.pi, p12 = 0.5 * Double.pi, p34 = 0.75 * Double.pi
    private static let inf = Double.infinity, n = Double.nan, u = -9.5426319407711027e33

    /// Seven rows of seven (real, imag) pairs.
    private static func table(_ rows: [[(Double, Double)]]) -> [[ComplexValue]] {
        rows.map { $0.map { ComplexValue($0.0, $0.1) } }
    }

    private static let acosSpecial = table([
        [(p34, inf), (pi, inf), (pi, inf), (pi, -inf), (pi, -inf), (p34, -inf), (n, inf)],
        [(p12, inf), (u, u), (u, u), (u, u), (u, u), (p12, -inf), (n, n)],
        [(p12, inf), (u, u), (p12, 0), (p12, -0.0), (u, u), (p12, -inf), (p12, n)],
        [(p12, inf), (u, u), (p12, 0), (p12, -0.0), (u, u), (p12, -inf), (p12, n)],
        [(p12, inf), (u, u), (u, u), (u, u), (u, u), (p12, -inf), (n, n)],
        [(p14, inf), (0, inf), (0, inf), (0, -inf), (0, -inf), (p14, -inf), (n, inf)],
        [(n, inf), (n, n), (n, n), (n, n), (n, n), (n, -inf), (n, n)],
    ])
    private static let acoshSpecial = table([
        [(inf, -p34), (inf, -pi), (inf, -pi), (inf, pi), (inf, pi), (inf, p34), (inf, n)],
        [(inf, -p12), (u, u), (u, u), (u, u), (u, u), (inf, p12), (n, n)],
        [(inf, -p12), (u, u), (0, -p12), (0, p12), (u, u), (inf, p12), (n, n)],
        [(inf, -p12), (u, u), (0, -p12), (0, p12), (u, u), (inf, p12), (n, n)],
        [(inf, -p12), (u, u), (u, u), (u, u), (u, u), (inf, p12), (n, n)],
        [(inf, -p14), (inf, -0.0), (inf, -0.0), (inf, 0), (inf, 0), (inf, p14), (inf, n)],
        [(inf, n), (n, n), (n, n), (n, n), (n, n), (inf, n), (n, n)],
    ])
    private static let asinhSpecial = table([
        [(-inf, -p14), (-inf, -0.0), (-inf, -0.0), (-inf, 0), (-inf, 0), (-inf, p14), (-inf, n)],
        [(-inf, -p12), (u, u), (u, u), (u, u), (u, u), (-inf, p12), (n, n)],
        [(-inf, -p12), (u, u), (-0.0, -0.0), (-0.0, 0), (u, u), (-inf, p12), (n, n)],
        [(inf, -p12), (u, u), (0, -0.0), (0, 0), (u, u), (inf, p12), (n, n)],
        [(inf, -p12), (u, u), (u, u), (u, u), (u, u), (inf, p12), (n, n)],
        [(inf, -p14), (inf, -0.0), (inf, -0.0), (inf, 0), (inf, 0), (inf, p14), (inf, n)],
        [(inf, n), (n, n), (n, -0.0), (n, 0), (n, n), (inf, n), (n, n)],
    ])
    private static let atanhSpecial = table([
        [(-0.0, -p12), (-0.0, -p12), (-0.0, -p12), (-0.0, p12), (-0.0, p12), (-0.0, p12), (-0.0, n)],
        [(-0.0, -p12), (u, u), (u, u), (u, u), (u, u), (-0.0, p12), (n, n)],
        [(-0.0, -p12), (u, u), (-0.0, -0.0), (-0.0, 0), (u, u), (-0.0, p12), (-0.0, n)],
        [(0, -p12), (u, u), (0, -0.0), (0, 0), (u, u), (0, p12), (0, n)],
        [(0, -p12), (u, u), (u, u), (u, u), (u, u), (0, p12), (n, n)],
        [(0, -p12), (0, -p12), (0, -p12), (0, p12), (0, p12), (0, p12), (0, n)],
        [(0, -p12), (n, n), (n, n), (n, n), (n, n), (0, p12), (n, n)],
    ])
    private static let coshSpecial = table([
        [(inf, n), (u, u), (inf, 0), (inf, -0.0), (u, u), (inf, n), (inf, n)],
        [(n, n), (u, u), (u, u), (u, u), (u, u), (n, n), (n, n)],
        [(n, 0), (u, u), (1, 0), (1, -0.0), (u, u), (n, 0), (n, 0)],
        [(n, 0), (u, u), (1, -0.0), (1, 0), (u, u), (n, 0), (n, 0)],
        [(n, n), (u, u), (u, u), (u, u), (u, u), (n, n), (n, n)],
        [(inf, n), (u, u), (inf, -0.0), (inf, 0), (u, u), (inf, n), (inf, n)],
        [(n, n), (n, n), (n, 0), (n, 0), (n, n), (n, n), (n, n)],
    ])
    private static let expSpecial = table([
        [(0, 0), (u, u), (0, -0.0), (0, 0), (u, u), (0, 0), (0, 0)],
        [(n, n), (u, u), (u, u), (u, u), (u, u), (n, n), (n, n)],
        [(n, n), (u, u), (1, -0.0), (1, 0), (u, u), (n, n), (n, n)],
        [(n, n), (u, u), (1, -0.0), (1, 0), (u, u), (n, n), (n, n)],
        [(n, n), (u, u), (u, u), (u, u), (u, u), (n, n), (n, n)],
        [(inf, n), (u, u), (inf, -0.0), (inf, 0), (u, u), (inf, n), (inf, n)],
        [(n, n), (n, n), (n, -0.0), (n, 0), (n, n), (n, n), (n, n)],
    ])
    private static let logSpecial = table([
        [(inf, -p34), (inf, -pi), (inf, -pi), (inf, pi), (inf, pi), (inf, p34), (inf, n)],
        [(inf, -p12), (u, u), (u, u), (u, u), (u, u), (inf, p12), (n, n)],
        [(inf, -p12), (u, u), (-inf, -pi), (-inf, pi), (u, u), (inf, p12), (n, n)],
        [(inf, -p12), (u, u), (-inf, -0.0), (-inf, 0), (u, u), (inf, p12), (n, n)],
        [(inf, -p12), (u, u), (u, u), (u, u), (u, u), (inf, p12), (n, n)],
        [(inf, -p14), (inf, -0.0), (inf, -0.0), (inf, 0), (inf, 0), (inf, p14), (inf, n)],
        [(inf, n), (n, n), (n, n), (n, n), (n, n), (inf, n), (n, n)],
    ])
    private static let sinhSpecial = table([
        [(inf, n), (u, u), (-inf, -0.0), (-inf, 0), (u, u), (inf, n), (inf, n)],
        [(n, n), (u, u), (u, u), (u, u), (u, u), (n, n), (n, n)],
        [(0, n), (u, u), (-0.0, -0.0), (-0.0, 0), (u, u), (0, n), (0, n)],
        [(0, n), (u, u), (0, -0.0), (0, 0), (u, u), (0, n), (0, n)],
        [(n, n), (u, u), (u, u), (u, u), (u, u), (n, n), (n, n)],
        [(inf, n), (u, u), (inf, -0.0), (inf, 0), (u, u), (inf, n), (inf, n)],
        [(n, n), (n, n), (n, -0.0), (n, 0), (n, n), (n, n), (n, n)],
    ])
    private static let sqrtSpecial = table([
        [(inf, -inf), (0, -inf), (0, -inf), (0, inf), (0, inf), (inf, inf), (n, inf)],
        [(inf, -inf), (u, u), (u, u), (u, u), (u, u), (inf, inf), (n, n)],
        [(inf, -inf), (u, u), (0, -0.0), (0, 0), (u, u), (inf, inf), (n, n)],
        [(inf, -inf), (u, u), (0, -0.0), (0, 0), (u, u), (inf, inf), (n, n)],
        [(inf, -inf), (u, u), (u, u), (u, u), (u, u), (inf, inf), (n, n)],
        [(inf, -inf), (inf, -0.0), (inf, -0.0), (inf, 0), (inf, 0), (inf, inf), (inf, n)],
        [(inf, -inf), (n, n), (n, n), (n, n), (n, n), (inf, inf), (n, n)],
    ])
    private static let tanhSpecial = table([
        [(-1, 0), (u, u), (-1, -0.0), (-1, 0), (u, u), (-1, 0), (-1, 0)],
        [(n, n), (u, u), (u, u), (u, u), (u, u), (n, n), (n, n)],
        [(n, n), (u, u), (-0.0, -0.0), (-0.0, 0), (u, u), (n, n), (n, n)],
        [(n, n), (u, u), (0, -0.0), (0, 0), (u, u), (n, n), (n, n)],
        [(n, n), (u, u), (u, u), (u, u), (u, u), (n, n), (n, n)],
        [(1, 0), (u, u), (1, -0.0), (1, 0), (u, u), (1, 0), (1, 0)],
        [(n, n), (n, n), (n, -0.0), (n, 0), (n, n), (n, n), (n, n)],
    ])
    private static let rectSpecial = table([
        [(inf, n), (u, u), (-inf, 0), (-inf, -0.0), (u, u), (inf, n), (inf, n)],
        [(n, n), (u, u), (u, u), (u, u), (u, u), (n, n), (n, n)],
        [(0, 0), (u, u), (-0.0, 0), (-0.0, -0.0), (u, u), (0, 0), (0, 0)],
        [(0, 0), (u, u), (0, -0.0), (0, 0), (u, u), (0, 0), (0, 0)],
        [(n, n), (u, u), (u, u), (u, u), (u, u), (n, n), (n, n)],
        [(inf, n), (u, u), (inf, -0.0), (inf, 0), (u, u), (inf, n), (inf, n)],
        [(n, n), (n, n), (n, 0), (n, 0), (n, n), (n, n), (n, n)],
    ])

    private static func isSpecial(_ z: ComplexValue) -> Bool { !z.real.isFinite || !z.imag.isFinite }
    private static func neg(_ z: ComplexValue) -> ComplexValue { ComplexValue(-z.real, -z.imag) }
    /// `-i * f(i * z)`, how the trigonometric functions reach the hyperbolic ones.
    private static func rotated(_ z: ComplexValue, _ f: (ComplexValue) -> Result) -> Result {
        let (s, failure) = f(ComplexValue(-z.imag, z.real))
        return (ComplexValue(s.imag, -s.real), failure)
    }

    package static func acos(_ z: ComplexValue) -> Result {
        if isSpecial(z) { return (special(acosSpecial, z), nil) }
        if Swift.abs(z.real) > largeDouble || Swift.abs(z.imag) > largeDouble {
            // Avoid unnecessary overflow for large arguments.
            return (ComplexValue(atan2(Swift.abs(z.imag), z.real),
                                 -copysign(cLog(hypot(z.real / 2, z.imag / 2)) + ln2 * 2, z.imag)), nil)
        }
        let s1 = sqrtValue(ComplexValue(1 - z.real, -z.imag))
        let s2 = sqrtValue(ComplexValue(1 + z.real, z.imag))
        return (ComplexValue(2 * atan2(s1.real, s2.real), cAsinh(s2.real * s1.imag - s2.imag * s1.real)), nil)
    }

    package static func acosh(_ z: ComplexValue) -> Result {
        if isSpecial(z) { return (special(acoshSpecial, z), nil) }
        if Swift.abs(z.real) > largeDouble || Swift.abs(z.imag) > largeDouble {
            return (ComplexValue(cLog(hypot(z.real / 2, z.imag / 2)) + ln2 * 2, atan2(z.imag, z.real)), nil)
        }
        let s1 = sqrtValue(ComplexValue(z.real - 1, z.imag))
        let s2 = sqrtValue(ComplexValue(z.real + 1, z.imag))
        return (ComplexValue(cAsinh(s1.real * s2.real + s1.imag * s2.imag), 2 * atan2(s1.imag, s2.real)), nil)
    }

    package static func asin(_ z: ComplexValue) -> Result { rotated(z, asinh) }

    package static func asinh(_ z: ComplexValue) -> Result {
        if isSpecial(z) { return (special(asinhSpecial, z), nil) }
        if Swift.abs(z.real) > largeDouble || Swift.abs(z.imag) > largeDouble {
            let real = z.imag >= 0
                ? copysign(cLog(hypot(z.real / 2, z.imag / 2)) + ln2 * 2, z.real)
                : -copysign(cLog(hypot(z.real / 2, z.imag / 2)) + ln2 * 2, -z.real)
            return (ComplexValue(real, atan2(z.imag, Swift.abs(z.real))), nil)
        }
        let s1 = sqrtValue(ComplexValue(1 + z.imag, -z.real))
        let s2 = sqrtValue(ComplexValue(1 - z.imag, z.real))
        return (ComplexValue(cAsinh(s1.real * s2.imag - s2.real * s1.imag),
                             atan2(z.imag, s1.real * s2.real - s1.imag * s2.imag)), nil)
    }

    package static func atan(_ z: ComplexValue) -> Result { rotated(z, atanh) }

    package static func atanh(_ z: ComplexValue) -> Result {
        if isSpecial(z) { return (special(atanhSpecial, z), nil) }
        // atanh(z) = -atanh(-z): reduce to a non-negative real part.
        if z.real < 0 {
            let (r, failure) = atanh(neg(z))
            return (neg(r), failure)
        }
        let ay = Swift.abs(z.imag)
        if z.real > sqrtLargeDouble || ay > sqrtLargeDouble {
            // For large |z|, atanh(z) ~ 1/z +/- i*pi/2.
            let h = hypot(z.real / 2, z.imag / 2)
            return (ComplexValue(z.real / 4 / h / h, copysign(Double.pi / 2, z.imag)), nil)
        }
        if z.real == 1 && ay < sqrtDoubleMin {
            // atanh(1 +/- 0i) is inf +/- 0i, a domain error.
            if ay == 0 { return (ComplexValue(inf, z.imag), .domain) }
            return (ComplexValue(-cLog(cSqrt(ay) / cSqrt(hypot(ay, 2))), copysign(atan2(2, -ay) / 2, z.imag)), nil)
        }
        return (ComplexValue(log1p(4 * z.real / ((1 - z.real) * (1 - z.real) + ay * ay)) / 4,
                             -atan2(-2 * z.imag, (1 - z.real) * (1 + z.real) - ay * ay) / 2), nil)
    }

    package static func cos(_ z: ComplexValue) -> Result { cosh(ComplexValue(-z.imag, z.real)) }

    package static func cosh(_ z: ComplexValue) -> Result {
        if isSpecial(z) {
            let r: ComplexValue
            if z.real.isInfinite && z.imag.isFinite && z.imag != 0 {
                r = z.real > 0 ? ComplexValue(copysign(inf, cCos(z.imag)), copysign(inf, cSin(z.imag)))
                    : ComplexValue(copysign(inf, cCos(z.imag)), -copysign(inf, cSin(z.imag)))
            } else {
                r = special(coshSpecial, z)
            }
            return (r, z.imag.isInfinite && !z.real.isNaN ? .domain : nil)
        }
        let r: ComplexValue
        if Swift.abs(z.real) > logLargeDouble {
            // cosh(z.real) overflows where cosh(z) need not.
            let xMinusOne = z.real - copysign(1, z.real)
            r = ComplexValue(cCos(z.imag) * cCosh(xMinusOne) * M_E, cSin(z.imag) * cSinh(xMinusOne) * M_E)
        } else {
            r = ComplexValue(cCos(z.imag) * cCosh(z.real), cSin(z.imag) * cSinh(z.real))
        }
        return (r, r.real.isInfinite || r.imag.isInfinite ? .range : nil)
    }

    package static func exp(_ z: ComplexValue) -> Result {
        if isSpecial(z) {
            let r: ComplexValue
            if z.real.isInfinite && z.imag.isFinite && z.imag != 0 {
                r = z.real > 0 ? ComplexValue(copysign(inf, cCos(z.imag)), copysign(inf, cSin(z.imag)))
                    : ComplexValue(copysign(0, cCos(z.imag)), copysign(0, cSin(z.imag)))
            } else {
                r = special(expSpecial, z)
            }
            let domain = z.imag.isInfinite && (z.real.isFinite || (z.real.isInfinite && z.real > 0))
            return (r, domain ? .domain : nil)
        }
        let r: ComplexValue
        if z.real > logLargeDouble {
            let l = cExp(z.real - 1)
            r = ComplexValue(l * cCos(z.imag) * M_E, l * cSin(z.imag) * M_E)
        } else {
            let l = cExp(z.real)
            r = ComplexValue(l * cCos(z.imag), l * cSin(z.imag))
        }
        return (r, r.real.isInfinite || r.imag.isInfinite ? .range : nil)
    }

    /// `c_log`: rescaled where |z| is subnormal or past DBL_MAX, `log1p` near |z| == 1.
    package static func log(_ z: ComplexValue) -> Result {
        if isSpecial(z) { return (special(logSpecial, z), nil) }
        let ax = Swift.abs(z.real), ay = Swift.abs(z.imag)
        let real: Double
        if ax > largeDouble || ay > largeDouble {
            real = cLog(hypot(ax / 2, ay / 2)) + ln2
        } else if ax < Double.leastNormalMagnitude && ay < Double.leastNormalMagnitude {
            guard ax > 0 || ay > 0 else {
                // log(+/-0 +/- 0i)
                return (ComplexValue(-inf, atan2(z.imag, z.real)), .domain)
            }
            real = cLog(hypot(ldexp(ax, mantissaDigits), ldexp(ay, mantissaDigits))) - Double(mantissaDigits) * ln2
        } else {
            let h = hypot(ax, ay)
            if 0.71 <= h && h <= 1.73 {
                let am = ax > ay ? ax : ay, an = ax > ay ? ay : ax
                real = log1p((am - 1) * (am + 1) + an * an) / 2
            } else {
                real = cLog(h)
            }
        }
        return (ComplexValue(real, atan2(z.imag, z.real)), nil)
    }

    package static func log10(_ z: ComplexValue) -> Result {
        let (r, failure) = log(z)
        return (ComplexValue(r.real / ln10, r.imag / ln10), failure)
    }

    /// `cmath.log(z, base)`: the quotient of the two logarithms; the base's log resets
    /// `errno` as the C code's second `c_log` call does, and a zero divisor is a domain error.
    package static func log(_ z: ComplexValue, base: ComplexValue) -> Result {
        let (x, _) = log(z)
        let (y, failure) = log(base)
        guard let q = PyComplexArithmetic.quotient(x, y) else { return (ComplexValue(0, 0), .domain) }
        return (q, failure)
    }

    package static func sin(_ z: ComplexValue) -> Result { rotated(z, sinh) }

    package static func sinh(_ z: ComplexValue) -> Result {
        if isSpecial(z) {
            let r: ComplexValue
            if z.real.isInfinite && z.imag.isFinite && z.imag != 0 {
                r = z.real > 0 ? ComplexValue(copysign(inf, cCos(z.imag)), copysign(inf, cSin(z.imag)))
                    : ComplexValue(-copysign(inf, cCos(z.imag)), copysign(inf, cSin(z.imag)))
            } else {
                r = special(sinhSpecial, z)
            }
            return (r, z.imag.isInfinite && !z.real.isNaN ? .domain : nil)
        }
        let r: ComplexValue
        if Swift.abs(z.real) > logLargeDouble {
            let xMinusOne = z.real - copysign(1, z.real)
            r = ComplexValue(cCos(z.imag) * cSinh(xMinusOne) * M_E, cSin(z.imag) * cCosh(xMinusOne) * M_E)
        } else {
            r = ComplexValue(cCos(z.imag) * cSinh(z.real), cSin(z.imag) * cCosh(z.real))
        }
        return (r, r.real.isInfinite || r.imag.isInfinite ? .range : nil)
    }

    package static func sqrt(_ z: ComplexValue) -> Result { (sqrtValue(z), nil) }

    /// `cmath_sqrt_impl`, which never fails: s = sqrt((x + hypot(x, y))/2) on |x|, |y|,
    /// computed as 2*sqrt(x/8 + hypot(x/8, y/8)), with subnormal parts rescaled first.
    private static func sqrtValue(_ z: ComplexValue) -> ComplexValue {
        if isSpecial(z) { return special(sqrtSpecial, z) }
        if z.real == 0 && z.imag == 0 { return ComplexValue(0, z.imag) }
        var ax = Swift.abs(z.real)
        let ay = Swift.abs(z.imag)
        let s: Double
        if ax < Double.leastNormalMagnitude && ay < Double.leastNormalMagnitude {
            ax = ldexp(ax, scaleUp)
            s = ldexp(cSqrt(ax + hypot(ax, ldexp(ay, scaleUp))), scaleDown)
        } else {
            ax /= 8
            s = 2 * cSqrt(ax + hypot(ax, ay / 8))
        }
        let d = ay / (2 * s)
        return z.real >= 0 ? ComplexValue(s, copysign(d, z.imag)) : ComplexValue(d, copysign(s, z.imag))
    }

    package static func tan(_ z: ComplexValue) -> Result { rotated(z, tanh) }

    package static func tanh(_ z: ComplexValue) -> Result {
        if isSpecial(z) {
            let r: ComplexValue
            if z.real.isInfinite && z.imag.isFinite && z.imag != 0 {
                r = ComplexValue(z.real > 0 ? 1 : -1, copysign(0, 2 * cSin(z.imag) * cCos(z.imag)))
            } else {
                r = special(tanhSpecial, z)
            }
            return (r, z.imag.isInfinite && z.real.isFinite ? .domain : nil)
        }
        if Swift.abs(z.real) > logLargeDouble {
            // 2 * z.imag could overflow: 1 - tanh(x)^2 is about 4 exp(-2|x|).
            return (ComplexValue(copysign(1, z.real),
                                 4 * cSin(z.imag) * cCos(z.imag) * cExp(-2 * Swift.abs(z.real))), nil)
        }
        let tx = cTanh(z.real), ty = cTan(z.imag), cx = 1 / cCosh(z.real)
        let txty = tx * ty
        let denom = 1 + txty * txty
        return (ComplexValue(tx * (1 + ty * ty) / denom, ((ty / denom) * cx) * cx), nil)
    }

    /// `cmath.rect(r, phi)`: `r * (cos(phi) + i sin(phi))` with Annex G's spirit for
    /// special values.
    package static func rect(_ r: Double, _ phi: Double) -> Result {
        if !r.isFinite || !phi.isFinite {
            let z: ComplexValue
            if r.isInfinite && phi.isFinite && phi != 0 {
                z = r > 0 ? ComplexValue(copysign(inf, cCos(phi)), copysign(inf, cSin(phi)))
                    : ComplexValue(-copysign(inf, cCos(phi)), -copysign(inf, cSin(phi)))
            } else {
                z = rectSpecial[specialType(r)][specialType(phi)]
            }
            return (z, r != 0 && !r.isNaN && phi.isInfinite ? .domain : nil)
        }
        if phi == 0 { return (ComplexValue(r, r * phi), nil) }
        return (ComplexValue(r * cCos(phi), r * cSin(phi)), nil)
    }

    /// `cmath.isclose`, whose tolerances the caller has checked to be non-negative.
    package static func isClose(_ a: ComplexValue, _ b: ComplexValue, relTol: Double, absTol: Double) -> Bool {
        // Exact equality catches two infinities of the same sign.
        if a.real == b.real && a.imag == b.imag { return true }
        if a.real.isInfinite || a.imag.isInfinite || b.real.isInfinite || b.imag.isInfinite { return false }
        let diff = magnitude(PyComplexArithmetic.diff(a, b))
        return diff <= relTol * magnitude(b) || diff <= relTol * magnitude(a) || diff <= absTol
    }

    /// `_Py_c_abs` without its error: isclose ignores `errno`.
    private static func magnitude(_ z: ComplexValue) -> Double {
        (try? PyComplexArithmetic.abs(z)) ?? .infinity
    }
}
