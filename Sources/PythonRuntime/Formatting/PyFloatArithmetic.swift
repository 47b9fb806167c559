#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Python's float `/`, `//`, `%` and `**`, ported from CPython's Objects/floatobject.c
/// (`float_div`, `_float_div_mod`, `float_rem`, `float_pow`) so that signs of zeros,
/// infinities and the error messages all match.
public enum PyFloatArithmetic {
    public static func trueDiv(_ a: Double, _ b: Double) throws(PyArithmeticError) -> Double {
        if b == 0 { throw .zeroDivision("float division by zero") }
        return a / b
    }

    /// `a // b`, computed from fmod as CPython does (not `floor(a / b)`, which can be off by
    /// one when the division rounds up to an integer).
    public static func floorDiv(_ a: Double, _ b: Double) throws(PyArithmeticError) -> Double {
        if b == 0 { throw .zeroDivision("float floor division by zero") }
        return divMod(a, b).quotient
    }

    /// `a % b`: the result has the sign of b; a zero result is a zero with b's sign.
    public static func mod(_ a: Double, _ b: Double) throws(PyArithmeticError) -> Double {
        if b == 0 { throw .zeroDivision("float modulo") }
        var mod = a.truncatingRemainder(dividingBy: b)  // C fmod: exact
        if mod != 0 {
            if (b < 0) != (mod < 0) { mod += b }
        } else {
            mod = b.sign == .minus ? -0.0 : 0.0
        }
        return mod
    }

    /// `divmod(a, b)` for floats (CPython's `_float_div_mod`).
    public static func divMod(_ a: Double, _ b: Double) -> (quotient: Double, remainder: Double) {
        var mod = a.truncatingRemainder(dividingBy: b)
        // fmod is exact, so a - mod is mathematically a multiple of b; the division may
        // still be a hair off an integer, which the snapping below repairs.
        var div = (a - mod) / b
        if mod != 0 {
            if (b < 0) != (mod < 0) {
                mod += b
                div -= 1.0
            }
        } else {
            mod = b.sign == .minus ? -0.0 : 0.0
        }
        var floorDiv: Double
        if div != 0 {
            floorDiv = div.rounded(.down)
            if div - floorDiv > 0.5 { floorDiv += 1.0 }
        } else {
            // zero with the sign of the true quotient
            floorDiv = (a / b).sign == .minus ? -0.0 : 0.0
        }
        return (floorDiv, mod)
    }

    /// `a ** b` with CPython's special cases decided before libm's pow is consulted.
    public static func pow(_ a: Double, _ b: Double) throws(PyArithmeticError) -> Double {
        var iv = a
        let iw = b
        var negateResult = false
        if iw == 0 { return 1.0 }               // v**0 is 1, even 0**0 and nan**0
        if iv.isNaN { return iv }               // nan**w = nan, unless w == 0
        if iw.isNaN { return iv == 1.0 ? 1.0 : iw }  // 1**nan = 1
        if iw.isInfinite {
            // |v| < 1: v**inf = 0, v**-inf = inf; |v| > 1: the reverse; |v| == 1: 1.
            iv = Swift.abs(iv)
            if iv == 1.0 { return 1.0 }
            if (iw > 0.0) == (iv > 1.0) { return Swift.abs(iw) }
            return 0.0
        }
        if iv.isInfinite {
            // (+-inf)**w: inf for w > 0, 0 for w < 0, keeping the sign if w is an odd integer.
            let odd = isOddInteger(iw)
            if iw > 0.0 { return odd ? iv : Swift.abs(iv) }
            return odd ? (iv.sign == .minus ? -0.0 : 0.0) : 0.0
        }
        if iv == 0.0 {
            let odd = isOddInteger(iw)
            if iw < 0.0 { throw .zeroDivision("0.0 cannot be raised to a negative power") }
            return odd ? iv : 0.0
        }
        if iv < 0.0 {
            if iw != iw.rounded(.down) {
                // Python returns a complex number here; the simulator has no complex type.
                throw .valueError("unsupported: complex result")
            }
            // Exact integer exponent: use |v| and fix the sign afterwards.
            iv = -iv
            negateResult = isOddInteger(iw)
        }
        if iv == 1.0 {
            // 1**w is 1; (-1)**huge_int also lands here (some libms get it wrong).
            return negateResult ? -1.0 : 1.0
        }
        var result = platformPow(iv, iw)
        if negateResult { result = -result }
        if result.isInfinite {
            // CPython: errno ERANGE -> PyErr_SetFromErrno(OverflowError). Underflow to 0
            // is silently accepted.
            throw .overflow("(34, 'Numerical result out of range')")
        }
        return result
    }

    /// DOUBLE_IS_ODD_INTEGER: finite, integral and odd.
    private static func isOddInteger(_ x: Double) -> Bool {
        x.isFinite && Swift.abs(x.truncatingRemainder(dividingBy: 2.0)) == 1.0
    }

    /// The platform pow, which is what CPython calls (glibc's is correctly rounded).
    private static func platformPow(_ x: Double, _ y: Double) -> Double {
        #if canImport(Glibc)
        return Glibc.pow(x, y)
        #elseif canImport(Musl)
        return Musl.pow(x, y)
        #else
        return Darwin.pow(x, y)
        #endif
    }
}
