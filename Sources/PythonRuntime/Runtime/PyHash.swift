/// `hash(x)` as CPython 3.11 computes it (`Python/pyhash.c`, `Objects/tupleobject.c`,
/// `Objects/setobject.c`) for the values whose hash is the same on every run: numbers,
/// tuples and frozensets of them. Strings (randomised per process by CPython) and
/// objects (their address) get a hash that is only stable within one simulation.
package enum PyHash {
    package static let modulusBits = 61
    package static let modulus = (1 << 61) - 1
    package static let infinity = 314_159

    /// A str's (and bytes') hash: FNV-1a over the UTF-8 (or the bytes). CPython's is
    /// SipHash, randomized per process; only equality within a run matters.
    package static func fnv<S: Sequence>(_ bytes: S) -> Int where S.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let r = Int(bitPattern: UInt(h))
        return r == -1 ? -2 : r
    }

    /// The hash, and whether CPython gives the same one on every run.
    package static func of(_ v: Value) -> (hash: Int, deterministic: Bool) {
        switch v {
        case .bool(let b): return (b ? 1 : 0, true)
        case .int(let i): return (int(i), true)
        case .float(let d): return (double(d), d.isFinite || d.isInfinite)
        case .str(let s): return (fix(CodePoints.hash(s)), false)
        case .none: return (fix(ObjectIdentifier(BuiltinTypes.noneType).hashValue), false)
        case .object(let o):
            if let t = o as? PyTuple { return tuple(t.items) }
            if let big = o as? PyLong { return (PyLongArithmetic.hash(big.value), true) }
            // A NaN part hashes by the object's address in CPython.
            if let c = o as? PyComplex { return (PyComplexArithmetic.hash(c.value), !c.real.isNaN && !c.imag.isNaN) }
            // Randomised per process by CPython, as a str's.
            if let b = o as? PyBytes, !b.isByteArray { return (fix(b.hashValue), false) }
            if let m = o as? PyMemoryView, !m.isReleased { return (fix(PyBytes.hash(m.viewed)), false) }
            if let s = o as? PySet, s.isFrozen { return (s.frozenHash, s.isDeterministic) }
            // An instance of a class with `__hash__` hashes by it, so set members equal by
            // `__eq__` meet (the order stays insertion order: the hash may be a str's).
            if let inst = o as? PyInstance, let vm = inst.vm, let h = vm.keyHash(inst) { return (fix(h), false) }
            // A weak reference hashes as its referent (WeakReferences.swift).
            if let r = o as? PyWeakReference, r.instancePart?.cls.lookup("__hash__") == nil, let h = r.tableHash { return (h, false) }
            return (fix(ObjectIdentifier(o).hashValue >> 4), false)
        }
    }

    /// -1 is CPython's error marker: a hash of -1 becomes -2.
    private static func fix(_ h: Int) -> Int { h == -1 ? -2 : h }

    package static func int(_ i: Int) -> Int {
        let magnitude = Int(i.magnitude % UInt(modulus))
        return fix(i < 0 ? -magnitude : magnitude)
    }

    /// `_Py_HashDouble`.
    package static func double(_ v: Double) -> Int {
        if !v.isFinite {
            if v.isInfinite { return v > 0 ? infinity : -infinity }
            return 0
        }
        if v == v.rounded(.towardZero), abs(v) < 9.2e18 { return int(Int(v)) }
        var (m, e) = frexp(v)
        var sign: UInt = 1
        if m < 0 { sign = UInt(bitPattern: -1); m = -m }
        var x: UInt = 0
        let mod = UInt(modulus)
        while m != 0 {
            x = ((x << 28) & mod) | x >> UInt(modulusBits - 28)
            m *= 268_435_456.0
            e -= 28
            let y = UInt(m)
            m -= Double(y)
            x += y
            if x >= mod { x -= mod }
        }
        let bits = modulusBits
        let shift = e >= 0 ? e % bits : bits - 1 - ((-1 - e) % bits)
        x = ((x << UInt(shift)) & mod) | x >> UInt(bits - shift)
        x = x &* sign
        return fix(Int(bitPattern: x))
    }

    /// `frexp`: `v = m * 2**e` with `0.5 <= |m| < 1`.
    private static func frexp(_ v: Double) -> (Double, Int) {
        if v == 0 { return (v, 0) }
        // Built from the significand: dividing by 2**e would overflow for e == 1024
        // (hash(1e308) was 0).
        return (Double(sign: v.sign, exponent: -1, significand: v.significand), Int(v.exponent) + 1)
    }

    /// `tuplehash` (xxHash-based since 3.8).
    package static func tuple(_ items: [Value]) -> (hash: Int, deterministic: Bool) {
        var deterministic = true
        let h = tuple(hashes: items.map { item in
            let (h, d) = of(item)
            deterministic = deterministic && d
            return h
        })
        return (h, deterministic)
    }

    /// `tuplehash`'s mixing of the items' hashes (the VM's `hash()` computes them through
    /// `__hash__` where PyHash.of cannot).
    package static func tuple(hashes: [Int]) -> Int {
        let prime1: UInt = 11_400_714_785_074_694_791
        let prime2: UInt = 14_029_467_366_897_019_727
        let prime5: UInt = 2_870_177_450_012_600_261
        var acc = prime5
        for h in hashes {
            acc = acc &+ UInt(bitPattern: h) &* prime2
            acc = (acc << 31) | (acc >> 33)
            acc = acc &* prime1
        }
        acc = acc &+ (UInt(hashes.count) ^ (prime5 ^ 3_527_539))
        if acc == UInt.max { return 1_546_275_796 }
        return Int(bitPattern: acc)
    }

    /// `frozenset_hash` over the hashes of the members.
    package static func frozenset(_ hashes: [Int]) -> Int {
        func shuffle(_ h: UInt) -> UInt { ((h ^ 89_869_747) ^ (h << 16)) &* 3_644_798_167 }
        var hash: UInt = 0
        for h in hashes { hash ^= shuffle(UInt(bitPattern: h)) }
        hash ^= (UInt(hashes.count) &+ 1) &* 1_927_868_237
        hash ^= (hash >> 11) ^ (hash >> 25)
        hash = hash &* 69069 &+ 907_133_923
        if hash == UInt.max { hash = 590_923_713 }
        return Int(bitPattern: hash)
    }
}
