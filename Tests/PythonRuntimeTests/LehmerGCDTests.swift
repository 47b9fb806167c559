import BigInt
import Testing
@testable import PythonRuntime

typealias Magnitude = BigInt.Magnitude

/// `math.gcd`'s Lehmer algorithm (LehmerGCD) against the BigInt package's binary gcd, on
/// random numbers of up to 6,000 bits, with large common factors, equal, zero, powers of
/// two and consecutive Fibonacci numbers (the longest chain of quotients).
@Suite("Lehmer's gcd")
struct LehmerGCDTests {
    /// SplitMix64: the same numbers in every run.
    struct Numbers {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func big(bits: Int) -> Magnitude {
            var words = (0..<(bits + 63) / 64).map { _ in UInt(next()) }
            if bits % 64 != 0 { words[words.count - 1] &= (1 << UInt(bits % 64)) - 1 }
            let top: Magnitude = Magnitude(1) << (bits - 1)
            return Magnitude(words: words) | top
        }
    }

    @Test("equals the binary gcd on 200 random pairs and the edge cases")
    func matchesBinaryGCD() {
        var numbers = Numbers(state: 20261201)
        var pairs: [(Magnitude, Magnitude)] = []
        let one = Magnitude(1)
        for i in 0..<200 {
            var a = numbers.big(bits: 1 + Int(numbers.next() % 6_000))
            var b = numbers.big(bits: 1 + Int(numbers.next() % (i % 3 == 0 ? 200 : 6_000)))
            if i % 4 == 0 {
                let common = numbers.big(bits: 1 + Int(numbers.next() % 2_000))
                a *= common
                b *= common
            }
            if i % 9 == 0 { b = a }
            if i % 10 == 0 { b = a + 1 }
            if i % 11 == 0 { b = 0 }
            pairs.append((a, b))
        }
        var (f0, f1) = (Magnitude(1), Magnitude(1))
        for _ in 0..<2_000 { (f0, f1) = (f1, f0 + f1) }
        let two64: Magnitude = one << 64, two60: Magnitude = one << 60, two128: Magnitude = one << 128
        pairs.append((f1, f0))
        pairs.append((one << 3_000, Magnitude(3) << 1_000))
        pairs.append((Magnitude(0), Magnitude(0)))
        pairs.append((Magnitude(0), one << 100))
        pairs.append((two64 - one, two64 + one))
        pairs.append((two60, two60 - one))
        pairs.append((two128 - one, two64 - one))
        for (a, b) in pairs {
            let expected = a.greatestCommonDivisor(with: b)
            #expect(LehmerGCD.gcd(a, b) == expected, "gcd of \(a.bitWidth)- and \(b.bitWidth)-bit numbers")
            #expect(LehmerGCD.gcd(b, a) == expected)
        }
    }
}
