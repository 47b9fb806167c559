import BigInt

/// The gcd of two non-negative ints as CPython 3.11 computes it (`_PyLong_GCD` in
/// Objects/longobject.c): Lehmer's algorithm. While the larger number needs more than 60
/// bits, the top 60 bits of both (x, y) are run through Euclid's algorithm on machine
/// words, keeping the cofactor matrix (A B; C D) for as many quotients as Jebelean's
/// condition (`s > t`) proves right for the whole numbers; one pass of the matrix over
/// the big numbers' words then does the work of all those steps (about 30 bits of
/// reduction). When no quotient is certain, one ordinary Euclidean step. The last 60 bits
/// are Euclid's on machine words. Linear work per 30 bits, where the binary gcd of the
/// BigInt package shifted the whole number for every bit: this is what makes
/// `fractions.Fraction` with big terms run at CPython's pace.
enum LehmerGCD {
    typealias Magnitude = BigInt.Magnitude

    static func gcd(_ first: Magnitude, _ second: Magnitude) -> Magnitude {
        var (a, b) = first >= second ? (words(first), words(second)) : (words(second), words(first))
        while bitWidth(a) > 60 {
            if b.isEmpty { return Magnitude(words: a.map { UInt($0) }) }
            // The top 60 bits of a (x is in [2^59, 2^60)) and the same bits of b.
            let shift = bitWidth(a) - 60
            var x = Int64(topBits(a, shift)), y = Int64(topBits(b, shift))
            var A: Int64 = 1, B: Int64 = 0, C: Int64 = 0, D: Int64 = 1
            var k = 0
            // The inner loop of Lehmer's algorithm. CPython's stwodigits arithmetic
            // cannot overflow here; a product that would is taken as the end of the
            // certain quotients all the same (the matrix so far stays right).
            while y - C != 0 {
                let q = (x + (A - 1)) / (y - C)
                let (qD, o1) = q.multipliedReportingOverflow(by: D)
                let (qy, o2) = q.multipliedReportingOverflow(by: y)
                let (qC, o3) = q.multipliedReportingOverflow(by: C)
                if o1 || o2 || o3 { break }
                let s = B + qD
                let t = x - qy
                if s > t { break }
                x = y
                y = t
                let next = A + qC
                A = D
                B = C
                C = s
                D = next
                k += 1
            }
            // a, b = A*a - B*b, D*b - C*a after an even number of steps;
            //        A*b - B*a, D*a - C*b after an odd number. Both are non-negative.
            if k == 0 || !applyMatrix(&a, &b, UInt64(A), UInt64(B), UInt64(C), UInt64(D), swapped: k & 1 == 1) {
                // No progress (or, never seen, a result that would not be a number
                // under a): an ordinary Euclidean step, always right.
                let big = Magnitude(words: a.map { UInt($0) }), small = Magnitude(words: b.map { UInt($0) })
                (a, b) = (b, words(big % small))
                continue
            }
            if compare(a, b) < 0 { swap(&a, &b) }
        }
        // Both fit in machine words: Euclid's algorithm.
        var x = a.first ?? 0, y = b.first ?? 0
        while y != 0 { (x, y) = (y, x % y) }
        return Magnitude(x)
    }

    /// A number's 64-bit words, least significant first, without leading zero words.
    private static func words(_ n: Magnitude) -> [UInt64] {
        var w = n.words.map { UInt64($0) }
        while w.last == 0 { w.removeLast() }
        return w
    }

    private static func bitWidth(_ w: [UInt64]) -> Int {
        guard let top = w.last else { return 0 }
        return w.count * 64 - top.leadingZeroBitCount
    }

    /// `n >> shift`, for a result under 2^60, read from the words.
    private static func topBits(_ w: [UInt64], _ shift: Int) -> UInt64 {
        let word = shift / 64, bit = shift % 64
        let low = word < w.count ? w[word] >> UInt64(bit) : 0
        let high = bit == 0 || word + 1 >= w.count ? 0 : w[word + 1] << UInt64(64 - bit)
        return low | high
    }

    private static func compare(_ x: [UInt64], _ y: [UInt64]) -> Int {
        if x.count != y.count { return x.count < y.count ? -1 : 1 }
        for i in stride(from: x.count - 1, through: 0, by: -1) where x[i] != y[i] {
            return x[i] < y[i] ? -1 : 1
        }
        return 0
    }

    /// `(a, b) = (A*p - B*r, D*r - C*p)` with (p, r) = (a, b), or (b, a) when `swapped`,
    /// in one pass over the words with signed carries (CPython's loop over digits).
    /// False, with a and b unchanged, if either result came out negative.
    private static func applyMatrix(_ a: inout [UInt64], _ b: inout [UInt64],
                                    _ A: UInt64, _ B: UInt64, _ C: UInt64, _ D: UInt64, swapped: Bool) -> Bool {
        let n = a.count
        var newA = [UInt64](repeating: 0, count: n), newB = [UInt64](repeating: 0, count: n)
        var carryA: Int64 = 0, carryB: Int64 = 0
        /// One word of `m*u - l*v + carry`, and the carry out.
        func step(_ m: UInt64, _ u: UInt64, _ l: UInt64, _ v: UInt64, _ carry: inout Int64) -> UInt64 {
            let (h1, l1) = m.multipliedFullWidth(by: u)
            let (h2, l2) = l.multipliedFullWidth(by: v)
            let (difference, borrow) = l1.subtractingReportingOverflow(l2)
            var result = difference
            var high = Int64(bitPattern: h1) - Int64(bitPattern: h2) - (borrow ? 1 : 0)
            if carry >= 0 {
                let (sum, over) = result.addingReportingOverflow(UInt64(carry))
                result = sum
                if over { high += 1 }
            } else {
                let (sum, under) = result.subtractingReportingOverflow(UInt64(-carry))
                result = sum
                if under { high -= 1 }
            }
            carry = high
            return result
        }
        for i in 0..<n {
            let ai = a[i], bi = i < b.count ? b[i] : 0
            let (p, r) = swapped ? (bi, ai) : (ai, bi)
            newA[i] = step(A, p, B, r, &carryA)
            newB[i] = step(D, r, C, p, &carryB)
        }
        guard carryA == 0, carryB == 0 else { return false }
        while newA.last == 0 { newA.removeLast() }
        while newB.last == 0 { newB.removeLast() }
        a = newA
        b = newB
        return true
    }
}
