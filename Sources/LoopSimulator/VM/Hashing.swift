import Foundation

/// `hash(x)` with CPython's algorithms (Python/pyhash.c, Objects/longobject.c,
/// tupleobject.c) for the values whose hashes are deterministic: ints and bools (reduced
/// modulo 2**61 - 1), floats (`_Py_HashDouble`), tuples (the xxHash-based `tuplehash`),
/// and instances whose class defines `__hash__`. CPython randomizes str hashes per
/// process and derives None's and plain objects' from addresses, so those only have to
/// be consistent within a run.
extension Interpreter {
    static let hashModulus: UInt64 = (1 << 61) - 1
    static let hashBits: UInt64 = 61

    func pythonHash(_ v: Value) throws -> Int {
        switch v {
        case .none: return 0x5f3e_2a10
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Self.intHash(i)
        case .float(let d): return Self.floatHash(d)
        case .str(let s):
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in s.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
            let r = Int(bitPattern: UInt(h))
            return r == -1 ? -2 : r
        case .object(let o):
            if let t = o as? PyTuple { return try tupleHash(t) }
            guard v.isHashable else { throw typeError("unhashable type: '\(v.typeName)'") }
            if let method = userMethod(v, "__hash__") {
                let r = try callSpecial(method, v, [])
                switch r {
                // An int that fits in a machine word is the hash as it is (slot_tp_hash).
                case .int(let i): return i == -1 ? -2 : i
                case .bool(let b): return b ? 1 : 0
                default: throw typeError("__hash__ method should return an integer")
                }
            }
            return identityHash(o)
        }
    }

    static func intHash(_ i: Int) -> Int {
        let r = Int(i.magnitude % UInt(hashModulus))
        let h = i < 0 ? -r : r
        return h == -1 ? -2 : h
    }

    static func floatHash(_ v: Double) -> Int {
        if v.isInfinite { return v > 0 ? 314159 : -314159 }
        if v.isNaN { return 0 }
        var e: Int32 = 0
        var m = frexp(v, &e)
        var sign: Int64 = 1
        if m < 0 { sign = -1; m = -m }
        var x: UInt64 = 0
        var exponent = Int64(e)
        while m != 0 {
            x = ((x << 28) & hashModulus) | x >> (hashBits - 28)
            m *= 268435456.0
            exponent -= 28
            let y = UInt64(m)
            m -= Double(y)
            x += y
            if x >= hashModulus { x -= hashModulus }
        }
        let bits = Int64(hashBits)
        exponent = exponent >= 0 ? exponent % bits : bits - 1 - ((-1 - exponent) % bits)
        x = ((x << UInt64(exponent)) & hashModulus) | x >> (hashBits - UInt64(exponent))
        var h = Int(bitPattern: UInt(x &* UInt64(bitPattern: sign)))
        if h == -1 { h = -2 }
        return h
    }

    func tupleHash(_ t: PyTuple) throws -> Int {
        let prime1: UInt64 = 11400714785074694791
        let prime2: UInt64 = 14029467366897019727
        let prime5: UInt64 = 2870177450012600261
        var acc = prime5
        for item in t.items {
            let lane = UInt64(bitPattern: Int64(try pythonHash(item)))
            acc = acc &+ lane &* prime2
            acc = (acc << 31) | (acc >> 33)
            acc = acc &* prime1
        }
        acc = acc &+ (UInt64(t.items.count) ^ (prime5 ^ 3527539))
        if acc == UInt64.max { return 1546275796 }
        return Int(bitPattern: UInt(acc))
    }

    /// The hash a dict key made from an instance of a Python class gets (its
    /// `__hash__`); nil for instances hashed by identity.
    func keyHash(_ inst: PyInstance) -> Int? {
        guard inst.cls.specialMethods.hash else { return nil }
        return try? pythonHash(.object(inst))
    }

    /// Whether two dict keys are equal when one is an instance of a Python class with
    /// `__eq__`; nil when neither is.
    func keyEquals(_ a: Value, _ b: Value) -> Bool? {
        guard hasUserEquality(a) || hasUserEquality(b) else { return nil }
        return (try? userEquals(a, b)) ?? false
    }

    private func hasUserEquality(_ v: Value) -> Bool {
        guard case .object(let o) = v, let inst = o as? PyInstance else { return false }
        return inst.cls.specialMethods.eq
    }
}
