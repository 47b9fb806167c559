#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `math.gamma` and `math.lgamma` as CPython 3.11 computes them in Modules/mathmodule.c
/// (`m_tgamma`, `m_lgamma`: Lanczos' approximation with N=13 and g=6.0246800407767296,
/// the reflection formula below zero, exact factorials for small integers), not the C
/// library's, so results match CPython's to the last bit. Errors follow `math_1a`: the
/// function sets an errno, and `is_error` turns EDOM into ValueError and ERANGE into
/// OverflowError unless the result underflowed.
package enum MathGamma {
    /// The errno a function leaves (`EDOM` or `ERANGE`), nil when it sets none.
    package enum Errno { case domain, range }

    private static let pi = 3.141592653589793238462643383279502884197
    private static let logpi = 1.144729885849400174143427351353058711647
    private static let lanczosG = 6.024680040776729583740234375
    private static let lanczosGMinusHalf = 5.524680040776729583740234375
    private static let lanczosNumCoeffs: [Double] = [
        23531376880.410759688572007674451636754734846804940,
        42919803642.649098768957899047001988850926355848959,
        35711959237.355668049440185451547166705960488635843,
        17921034426.037209699919755754458931112671403265390,
        6039542586.3520280050642916443072979210699388420708,
        1439720407.3117216736632230727949123939715485786772,
        248874557.86205415651146038641322942321632125127801,
        31426415.585400194380614231628318205362874684987640,
        2876370.6289353724412254090516208496135991145378768,
        186056.26539522349504029498971604569928220784236328,
        8071.6720023658162106380029022722506138218516325024,
        210.82427775157934587250973392071336271166969580291,
        2.5066282746310002701649081771338373386264310793408,
    ]
    /// The denominator is x*(x+1)*...*(x+LANCZOS_N-2).
    private static let lanczosDenCoeffs: [Double] = [
        0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
        13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
    ]
    /// Gamma of 1 through 23.
    private static let gammaIntegral: [Double] = [
        1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0,
        3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
        1307674368000.0, 20922789888000.0, 355687428096000.0,
        6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
        51090942171709440000.0, 1124000727777607680000.0,
    ]

    /// `m_sinpi`: sin(pi*x), accurate for finite x near integers (for the reflection formula).
    private static func sinpi(_ x: Double) -> Double {
        let y = fmod(abs(x), 2.0)
        let r: Double
        switch Int((2.0 * y).rounded(.toNearestOrAwayFromZero)) {
        case 0: r = sin(pi * y)
        case 1: r = cos(pi * (y - 0.5))
        // -sin(pi*(y-1.0)) would give -0.0 instead of 0.0 when y == 1.0.
        case 2: r = sin(pi * (1.0 - y))
        case 3: r = -cos(pi * (y - 1.5))
        default: r = sin(pi * (y - 2.0))
        }
        return copysign(1.0, x) * r
    }

    /// `lanczos_sum`: the rational function L_g(x) for positive x, evaluated in 1/x past
    /// 5.0 to avoid overflow.
    private static func lanczosSum(_ x: Double) -> Double {
        var num = 0.0, den = 0.0
        if x < 5.0 {
            for i in stride(from: lanczosNumCoeffs.count - 1, through: 0, by: -1) {
                num = num * x + lanczosNumCoeffs[i]
                den = den * x + lanczosDenCoeffs[i]
            }
        } else {
            for i in 0..<lanczosNumCoeffs.count {
                num = num / x + lanczosNumCoeffs[i]
                den = den / x + lanczosDenCoeffs[i]
            }
        }
        return num / den
    }

    /// `m_tgamma`
    package static func tgamma(_ x: Double) -> (Double, Errno?) {
        if !x.isFinite {
            // tgamma(nan) = nan, tgamma(inf) = inf, tgamma(-inf) = nan (invalid).
            return x.isNaN || x > 0 ? (x, nil) : (.nan, .domain)
        }
        // tgamma(+-0.0) = +-inf, divide-by-zero.
        if x == 0 { return (copysign(.infinity, x), .domain) }
        if x == floor(x) {
            if x < 0 { return (.nan, .domain) }
            if x <= Double(gammaIntegral.count) { return (gammaIntegral[Int(x) - 1], nil) }
        }
        let absx = abs(x)
        // Tiny arguments: tgamma(x) ~ 1/x near 0.
        if absx < 1e-20 {
            let r = 1.0 / x
            return (r, r.isInfinite ? .range : nil)
        }
        // Past 200 it overflows (x > 0) or underflows to +-0.0 (x < 0, not an integer).
        if absx > 200.0 {
            return x < 0 ? (0.0 / sinpi(x), nil) : (.infinity, .range)
        }
        let y = absx + lanczosGMinusHalf
        // The error in computing y, for the correction factor (1 + e*g/y).
        var z: Double
        if absx > lanczosGMinusHalf {
            let q = y - absx
            z = q - lanczosGMinusHalf
        } else {
            let q = y - lanczosGMinusHalf
            z = q - absx
        }
        z = z * lanczosG / y
        var r: Double
        if x < 0 {
            r = -pi / sinpi(absx) / absx * exp(y) / lanczosSum(absx)
            r -= z * r
            if absx < 140.0 {
                r /= pow(y, absx - 0.5)
            } else {
                let sqrtpow = pow(y, absx / 2.0 - 0.25)
                r /= sqrtpow
                r /= sqrtpow
            }
        } else {
            r = lanczosSum(absx) / exp(y)
            r += z * r
            if absx < 140.0 {
                r *= pow(y, absx - 0.5)
            } else {
                let sqrtpow = pow(y, absx / 2.0 - 0.25)
                r *= sqrtpow
                r *= sqrtpow
            }
        }
        return (r, r.isInfinite ? .range : nil)
    }

    /// `m_lgamma`: the natural log of |Gamma(x)|.
    package static func lgamma(_ x: Double) -> (Double, Errno?) {
        if !x.isFinite {
            // lgamma(nan) = nan, lgamma(+-inf) = +inf.
            return (x.isNaN ? x : .infinity, nil)
        }
        if x == floor(x) && x <= 2.0 {
            // lgamma(n) = inf (divide-by-zero) for integers n <= 0; lgamma(1) = lgamma(2) = 0.
            return x <= 0 ? (.infinity, .domain) : (0.0, nil)
        }
        let absx = abs(x)
        // Tiny arguments: lgamma(x) ~ -log(|x|).
        if absx < 1e-20 { return (-log(absx), nil) }
        var r = log(lanczosSum(absx)) - lanczosG
        r += (absx - 0.5) * (log(absx + lanczosG - 0.5) - 1)
        if x < 0 {
            // The reflection formula for negative x.
            r = logpi - log(abs(sinpi(absx))) - log(absx) - r
        }
        return (r, r.isInfinite ? .range : nil)
    }
}
