#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `vector_norm` of CPython 3.11's Modules/mathmodule.c, behind `math.hypot` and
/// `math.dist`: the coordinates scaled by a power of two, each square split (Dekker) into
/// exactly representable parts summed with compensation, then one corrected Newton step,
/// so the result is CPython's to the last bit, and neither overflows nor underflows where
/// the naive square root of the sum of squares would.
package enum MathVectorNorm {
    /// `vec` holds absolute values; `max` is the largest; `foundNaN` whether any is a NaN.
    package static func norm(_ vec: [Double], max: Double, foundNaN: Bool) -> Double {
        // Dekker's split: 2**27 + 1.
        let t27 = 134217729.0
        if max.isInfinite { return max }
        if foundNaN { return .nan }
        if max == 0 || vec.count <= 1 { return max }
        let maxE = frexp(max).1
        if maxE < -1023 {
            // ldexp(1.0, -max_e) would overflow: bring subnormals up to normals first.
            let dblMin = Double.leastNormalMagnitude
            return dblMin * norm(vec.map { $0 / dblMin }, max: max / dblMin, foundNaN: foundNaN)
        }
        let scale = ldexp(1.0, -maxE)
        var csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0
        for value in vec {
            // Lossless scaling, then a lossless split and squaring.
            var x = value * scale
            let t = x * t27
            let hi = t - (t - x)
            let lo = x - hi
            x = hi * hi
            var oldcsum = csum
            csum += x
            frac1 += (oldcsum - csum) + x
            x = 2.0 * hi * lo
            oldcsum = csum
            csum += x
            frac2 += (oldcsum - csum) + x
            frac3 += lo * lo
        }
        let h = sqrt(csum - 1.0 + (frac1 + frac2 + frac3))
        // The Newton step's correction, in the same compensated arithmetic.
        var x = h
        let t = x * t27
        let hi = t - (t - x)
        let lo = x - hi
        x = -hi * hi
        var oldcsum = csum
        csum += x
        frac1 += (oldcsum - csum) + x
        x = -2.0 * hi * lo
        oldcsum = csum
        csum += x
        frac2 += (oldcsum - csum) + x
        x = -lo * lo
        oldcsum = csum
        csum += x
        frac3 += (oldcsum - csum) + x
        x = csum - 1.0 + (frac1 + frac2 + frac3)
        return (h + x / (2.0 * h)) / scale
    }
}
