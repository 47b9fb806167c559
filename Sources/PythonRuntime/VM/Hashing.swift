/// `hash(x)` with CPython's algorithms (Python/pyhash.c, Objects/longobject.c,
/// tupleobject.c) for the values whose hashes are deterministic: ints and bools (reduced
/// modulo 2**61 - 1), floats (`_Py_HashDouble`), tuples (the xxHash-based `tuplehash`),
/// and instances whose class defines `__hash__`. CPython randomizes str hashes per
/// process and derives None's and plain objects' from addresses, so those only have to
/// be consistent within a run.
extension Interpreter {
    package func pythonHash(_ v: Value) throws -> Int {
        switch v {
        case .none: return 0x5f3e_2a10
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return PyHash.int(i)
        case .float(let d): return PyHash.double(d)
        case .str(let s):
            return PyHash.fnv(s.utf8)
        case .object(let o):
            if let t = o as? PyTuple { return try tupleHash(t) }
            if let big = o as? PyLong { return PyLongArithmetic.hash(big.value) }
            if let c = o as? PyComplex { return PyComplexArithmetic.hash(c.value) }
            if let pattern = o as? SREPattern { return try pattern.hash(self) }
            if let m = o as? PyMemoryView { return try memoryViewHash(m) }
            if let b = o as? PyBytes, b.instancePart == nil || userMethod(v, "__hash__") == nil {
                guard !b.isByteArray else { throw typeError("unhashable type: '\(v.typeName)'") }
                return b.hashValue
            }
            if let r = o as? PyWeakReference, userMethod(v, "__hash__") == nil { return try r.pythonHash(self) }
            guard v.isHashable else { throw typeError("unhashable type: '\(v.typeName)'") }
            if let method = userMethod(v, "__hash__") {
                let r = try callSpecial(method, v, [])
                switch r {
                // An int that fits in a machine word is the hash as it is (slot_tp_hash);
                // a bigger one is hashed again.
                case .int(let i): return i == -1 ? -2 : i
                case .object(let big as PyLong): return PyLongArithmetic.hash(big.value)
                case .bool(let b): return b ? 1 : 0
                default: throw typeError("__hash__ method should return an integer")
                }
            }
            // An int/str/float subclass's instance hashes as its value (`int.__hash__`).
            if let plain = derivedValue(v) { return try pythonHash(plain) }
            return identityHash(o)
        }
    }

    /// `tuplehash` over the items' hashes, each through `__hash__` where it has one.
    package func tupleHash(_ t: PyTuple) throws -> Int {
        PyHash.tuple(hashes: try t.items.map { try pythonHash($0) })
    }

    /// The hash a dict key made from an instance of a Python class gets (its
    /// `__hash__`); nil for instances hashed by identity.
    package func keyHash(_ inst: PyInstance) -> Int? {
        // An int/str/float subclass's instance keys as its value does.
        if let d = inst as? PyDerivedValue, inst.cls.lookup("__hash__") == nil { return HashKey(d.value).tableHash }
        guard inst.cls.specialMethods.hash else { return nil }
        return try? pythonHash(.object(inst))
    }

    /// Whether two dict keys are equal when one is an instance of a Python class with
    /// `__eq__`; nil when neither is.
    package func keyEquals(_ a: Value, _ b: Value) -> Bool? {
        guard hasUserEquality(a) || hasUserEquality(b) else { return nil }
        return (try? userEquals(a, b)) ?? false
    }

    private func hasUserEquality(_ v: Value) -> Bool {
        guard case .object(let o) = v, let inst = o as? PyInstance else { return false }
        return inst.cls.specialMethods.eq || inst is PyDerivedValue
    }
}
