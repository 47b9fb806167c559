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
