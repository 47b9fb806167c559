/// The exact decimal expansion of a finite `Double`.
///
/// Every finite binary double is a terminating decimal: `m * 2^e` equals `m * 5^-e / 10^-e`
/// when `e < 0`. Python's fixed-precision conversions (`'%.2f'`, `'e'`, `'g'`, `round(x, n)`)
/// are all "correctly rounded from the exact binary value, ties to even" (David Gay's dtoa in
/// modes 2 and 3). Rather than port dtoa's intricate bignum/float shortcuts, we compute the
/// *whole* exact digit string once with a tiny unsigned big integer and round it as text:
/// slower than dtoa, but obviously correct, and at most ~770 significant digits for a double.
package struct ExactDecimal {
    /// Significant digits as ASCII values `0...9` (not characters), no leading or trailing
    /// zeros. Empty only for zero.
    package var digits: [UInt8]
    /// Position of the decimal point: value == 0.d1d2d3... * 10^decimalPoint
    /// (the same convention as dtoa's `decpt`, minus one exponent shift).
    package var decimalPoint: Int

    /// `x` must be finite; its sign is ignored.
    package init(_ x: Double) {
        precondition(x.isFinite)
        let magnitude = Swift.abs(x)
        if magnitude == 0 {
            digits = []
            decimalPoint = 1
            return
        }
        // magnitude == significand * 2^exponent with an integral significand.
        var significand = magnitude.significandBitPattern
        var exponent: Int
        if magnitude.isSubnormal {
            exponent = -1074
        } else {
            significand |= (1 << 52)
            exponent = Int(magnitude.exponentBitPattern) - 1075
        }
        // Drop trailing zero bits so the big-integer work is as small as possible.
        let zeros = significand.trailingZeroBitCount
        significand >>= UInt64(zeros)
        exponent += zeros

        var big = BigUInt(significand)
        var scale = 0  // value == big * 10^scale
        if exponent >= 0 {
            big.shiftLeft(by: exponent)
        } else {
            // m * 2^e == m * 5^-e * 10^e
            big.multiply(byPowerOfFive: -exponent)
            scale = exponent
        }
        var text = big.decimalDigits()
        // Trailing zeros carry no information; fold them into the exponent.
        while let last = text.last, last == 0 {
            text.removeLast()
            scale += 1
        }
        digits = text
        decimalPoint = text.count + scale
    }

    /// Round to `count` significant digits (count >= 0), half-to-even on the exact value.
    /// Returns digits with trailing zeros stripped, plus the (possibly bumped) decimal point.
    /// A result of no digits means the value rounded to zero.
    package func rounded(toSignificantDigits count: Int) -> (digits: [UInt8], decimalPoint: Int) {
        if digits.isEmpty { return ([], decimalPoint) }
        if count >= digits.count { return (digits, decimalPoint) }
        var kept = Array(digits[0..<max(count, 0)])
        let roundUp: Bool
        if count < 0 {
            roundUp = false  // more than half a unit below the last kept place: always zero
        } else {
            let next = digits[count]
            if next > 5 {
                roundUp = true
            } else if next < 5 {
                roundUp = false
            } else if count + 1 < digits.count {
                roundUp = true  // strictly above the halfway point (digits has no trailing zeros)
            } else {
                // Exactly halfway: round to even. An empty prefix counts as 0, which is even.
                roundUp = (kept.last ?? 0) % 2 == 1
            }
        }
        var point = decimalPoint
        if roundUp {
            var i = kept.count - 1
            while i >= 0 && kept[i] == 9 {
                kept[i] = 0
                i -= 1
            }
            if i >= 0 {
                kept[i] += 1
            } else {
                // 999 -> 1000 (or "" -> "1" when rounding up into a new leading place).
                kept.insert(1, at: 0)
                point += 1
            }
        }
        while let last = kept.last, last == 0 { kept.removeLast() }
        if kept.isEmpty { return ([], point) }
        return (kept, point)
    }
}

/// Just enough of an unsigned arbitrary-precision integer for `ExactDecimal`:
/// shift left, multiply by small numbers, and convert to decimal.
package struct BigUInt {
    /// Little-endian 32-bit limbs.
    package private(set) var limbs: [UInt32]

    package init(_ value: UInt64) {
        limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
        normalize()
    }

    private mutating func normalize() {
        while let last = limbs.last, last == 0 { limbs.removeLast() }
    }

    package var isZero: Bool { limbs.isEmpty }

    package mutating func shiftLeft(by bits: Int) {
        guard bits > 0, !isZero else { return }
        let limbShift = bits / 32
        let bitShift = UInt32(bits % 32)
        if bitShift != 0 {
            var carry: UInt32 = 0
            for i in limbs.indices {
                let limb = limbs[i]
                limbs[i] = (limb << bitShift) | carry
                carry = limb >> (32 - bitShift)
            }
            if carry != 0 { limbs.append(carry) }
        }
        if limbShift > 0 {
            limbs.insert(contentsOf: repeatElement(0, count: limbShift), at: 0)
        }
    }

    package mutating func multiply(bySmall factor: UInt32) {
        var carry: UInt64 = 0
        for i in limbs.indices {
            let product = UInt64(limbs[i]) * UInt64(factor) + carry
            limbs[i] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
        normalize()
    }

    package mutating func multiply(byPowerOfFive power: Int) {
        var remaining = power
        // 5^13 is the largest power of five below 2^32.
        while remaining >= 13 {
            multiply(bySmall: 1_220_703_125)
            remaining -= 13
        }
        var tail: UInt32 = 1
        for _ in 0..<remaining { tail *= 5 }
        if tail != 1 { multiply(bySmall: tail) }
    }

    /// Divides in place and returns the remainder.
    package mutating func divide(bySmall divisor: UInt32) -> UInt32 {
        var remainder: UInt64 = 0
        for i in limbs.indices.reversed() {
            let current = (remainder << 32) | UInt64(limbs[i])
            limbs[i] = UInt32(current / UInt64(divisor))
            remainder = current % UInt64(divisor)
        }
        normalize()
        return UInt32(remainder)
    }

    /// Decimal digits (values 0...9), most significant first; [] for zero.
    package func decimalDigits() -> [UInt8] {
        var copy = self
        var chunks: [UInt32] = []  // base 10^9, least significant first
        while !copy.isZero {
            chunks.append(copy.divide(bySmall: 1_000_000_000))
        }
        var result: [UInt8] = []
        result.reserveCapacity(chunks.count * 9)
        for (index, chunk) in chunks.enumerated().reversed() {
            var piece = [UInt8](repeating: 0, count: 9)
            var value = chunk
            for j in stride(from: 8, through: 0, by: -1) {
                piece[j] = UInt8(value % 10)
                value /= 10
            }
            if index == chunks.count - 1 {
                // The most significant chunk is not zero-padded.
                let firstNonZero = piece.firstIndex { $0 != 0 } ?? 8
                result.append(contentsOf: piece[firstNonZero...])
            } else {
                result.append(contentsOf: piece)
            }
        }
        return result
    }
}
