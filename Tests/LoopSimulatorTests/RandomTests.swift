import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// `random` draws CPython's numbers: the Mersenne Twister seeded as `_randommodule.c`
/// seeds it, and Lib/random.py's algorithms on top. Expected values are CPython 3.11's.
@Suite("random")
struct RandomTests {
    @Test("the generator's words, floats and bits equal CPython's for small and multi-word seeds")
    func twisterMatchesCPython() {
        var mt = MersenneTwister(seed: 42)
        #expect(mt.random() == 0.6394267984578837)
        #expect(mt.getrandbits(40) == 811_856_239_313)
        #expect(mt.getrandbits(7) == 35)
        var big = MersenneTwister(seed: 1 << 40 + 5)
        #expect(big.random() == 0.5043802970418443)
        var negative = MersenneTwister(seed: -42)
        #expect(negative.random() == 0.6394267984578837)
    }

    @Test("SHA-512 gives FIPS 180-4's digests, across the padding's block boundary")
    func sha512Digests() {
        func hex(_ text: String) -> String {
            SHA512.digest(Array(text.utf8)).map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        }
        #expect(hex("abc") == "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
        #expect(hex("") == "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e")
        #expect(hex(String(repeating: "a", count: 200)) == "4b11459c33f52a22ee8236782714c150a3b2c60994e9acee17fe68947a3e6789f31e7668394592da7bef827cddca88c4e6f86e4df7ed1ae6cba71f3e98faee9f")
    }

    @Test("seeds as CPython 3.11 takes them: str by version 2 (SHA-512), floats by hash, big ints by all their words; getrandbits past 64 bits")
    func seedKinds() {
        let out = simulate("""
        import random
        random.seed('a string'); print(random.random())
        random.seed(-3.0); print(random.random())
        random.seed(2**100); print(random.getrandbits(100))
        """)
        #expect(out.stdout == "0.5469157834513129\n0.4710496035798619\n97103624483852547665086082069\n", "\(out)")
    }

    @Test("an unseeded random is seeded with 0; Random instances and bit_length work as in CPython")
    func moduleFunctions() {
        let out = simulate("""
        import random
        print(random.random(), random.randint(1, 100))
        r = random.Random(42)
        print(r.random(), r.getrandbits(40), r.getrandbits(7))
        print((255).bit_length(), (0).bit_length(), (-8).bit_length())
        random.seed(3)
        print(random.choice('abcdef'), random.uniform(1, 2), random.randrange(10, 0, -3))
        """)
        #expect(out.stdout == """
        0.8444218515250481 98
        0.6394267984578837 811856239313 35
        8 0 4
        b 1.5926409106271655 7

        """)
        #expect(out.status == 0)
    }
}
