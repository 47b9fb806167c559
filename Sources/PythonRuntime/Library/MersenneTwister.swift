import BigInt

/// MT19937, exactly as CPython's `Modules/_randommodule.c`: the same seeding
/// (`init_by_array` over the absolute value's 32-bit words, least significant first), the
/// same 53-bit `random()` and the same `getrandbits`, so a seeded program draws CPython's
/// numbers.
package struct MersenneTwister {
    private static let n = 624
    private static let m = 397
    private var mt = [UInt32](repeating: 0, count: MersenneTwister.n)
    private var index = MersenneTwister.n + 1

    /// `random_seed` for an int seed (CPython seeds with `abs(n)`).
    package init(seed: Int) {
        self.init(magnitude: BigInt.Magnitude(seed.magnitude))
    }

    /// `random_seed` for a non-negative number: its 32-bit words, least significant first,
    /// as many as its bits need (at least one).
    package init(magnitude: BigInt.Magnitude) {
        var key: [UInt32] = []
        for word in magnitude.words {
            key.append(UInt32(truncatingIfNeeded: word))
            key.append(UInt32(truncatingIfNeeded: word >> 32))
        }
        let used = max(1, (magnitude.bitWidth + 31) / 32)
        key = Array(key.prefix(used))
        while key.count < used { key.append(0) }
        initByArray(key)
    }

    private mutating func initGenrand(_ s: UInt32) {
        mt[0] = s
        for i in 1..<Self.n {
            mt[i] = 1_812_433_253 &* (mt[i - 1] ^ (mt[i - 1] >> 30)) &+ UInt32(i)
        }
        index = Self.n
    }

    private mutating func initByArray(_ key: [UInt32]) {
        initGenrand(19_650_218)
        var i = 1, j = 0
        for _ in 0..<max(Self.n, key.count) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
            i += 1
            j += 1
            if i >= Self.n { mt[0] = mt[Self.n - 1]; i = 1 }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<(Self.n - 1) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= Self.n { mt[0] = mt[Self.n - 1]; i = 1 }
        }
        mt[0] = 0x8000_0000
    }

    /// `random_getstate`'s words and index (`mt[0..<624]` and `index`, which `setstate`
    /// takes back): the state a generator can be put back to.
    package var state: (words: [UInt32], index: Int) {
        get { (mt, index) }
        set {
            mt = newValue.words
            index = newValue.index
        }
    }

    package static var stateSize: Int { n }

    /// `genrand_uint32`
    package mutating func next32() -> UInt32 {
        let upper: UInt32 = 0x8000_0000, lower: UInt32 = 0x7fff_ffff, matrixA: UInt32 = 0x9908_b0df
        if index >= Self.n {
            for k in 0..<Self.n {
                let y = (mt[k] & upper) | (mt[(k + 1) % Self.n] & lower)
                mt[k] = mt[(k + Self.m) % Self.n] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : matrixA)
            }
            index = 0
        }
        var y = mt[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// `random_random`: 53 random bits as a float in [0, 1).
    package mutating func random() -> Double {
        let a = Double(next32() >> 5), b = Double(next32() >> 6)
        return (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `_random_Random_getrandbits_impl` for any k >= 0: 32-bit words least significant
    /// first, the last one shifted down to what remains.
    package mutating func getrandbitsBig(_ k: Int) -> BigInt.Magnitude {
        var result = BigInt.Magnitude(0)
        var remaining = k
        var shift = 0
        while remaining > 0 {
            var r = next32()
            if remaining < 32 { r >>= UInt32(32 - remaining) }
            result |= BigInt.Magnitude(r) << shift
            shift += 32
            remaining -= 32
        }
        return result
    }

    /// `_random_Random_getrandbits_impl` for 0 <= k <= 63 (a machine int): the
    /// words are drawn least significant first, the last one shifted down to what remains.
    package mutating func getrandbits(_ k: Int) -> Int {
        if k <= 32 { return k == 0 ? 0 : Int(next32() >> (32 - UInt32(k))) }
        var result: UInt64 = 0
        var remaining = k
        var shift: UInt64 = 0
        while remaining > 0 {
            var r = next32()
            if remaining < 32 { r >>= UInt32(32 - remaining) }
            result |= UInt64(r) << shift
            shift += 32
            remaining -= 32
        }
        return Int(truncatingIfNeeded: result)
    }
}
