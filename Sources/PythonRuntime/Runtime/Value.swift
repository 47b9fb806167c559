/// A Python value in the simulator. Small immutable values are stored inline; everything
/// with identity (lists, functions, coroutines, futures, exceptions, ...) is a `PyObject`.
public enum Value {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case str(String)
    case object(PyObject)

    public static let `true` = Value.bool(true)
    public static let `false` = Value.bool(false)

    /// Python's `type(x).__name__`.
    public var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .str: return "str"
        case .object(let o): return o.typeName
        }
    }

    public var isNone: Bool {
        if case .none = self { return true }
        return false
    }

    public var asObject: PyObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// `x is y`
    public func isIdentical(to other: Value) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case let (.bool(a), .bool(b)): return a == b
        // Small ints and interned strings are identical in CPython; scenarios comparing
        // them with `is` get CPython's (implementation-defined) answer for small values.
        case let (.int(a), .int(b)): return a == b && a >= -5 && a <= 256
        case let (.float(a), .float(b)): return a.bitPattern == b.bitPattern
        case let (.str(a), .str(b)): return CodePoints.equal(a, b)
        case let (.object(a), .object(b)): return a === b
        default: return false
        }
    }
}

/// A value usable as a dict key: Python's hashing rules (1 == 1.0 == True share a key;
/// tuples hash by content; other objects by identity).
public struct HashKey: Hashable {
    public let value: Value

    public init(_ value: Value) { self.value = value }

    public static func == (a: HashKey, b: HashKey) -> Bool {
        keyEquals(a.value, b.value)
    }

    private static func keyEquals(_ a: Value, _ b: Value) -> Bool {
        // Instances of Python classes compare with their `__eq__`.
        if let vm = (a.asObject as? PyInstance)?.vm ?? (b.asObject as? PyInstance)?.vm,
           let equal = vm.keyEquals(a, b) {
            return equal
        }
        switch (a, b) {
        case (.none, .none): return true
        case let (.str(x), .str(y)): return CodePoints.equal(x, y)
        case let (.object(x), .object(y)):
            if let tx = x as? PyTuple, let ty = y as? PyTuple {
                return tx.items.count == ty.items.count
                    && zip(tx.items, ty.items).allSatisfy { keyEquals($0, $1) }
            }
            if let lx = x as? PyLong, let ly = y as? PyLong { return lx.value == ly.value }
            if let bx = x as? PyBytes, let by = y as? PyBytes { return bx.bytes == by.bytes }
            if x is PyMemoryView || y is PyMemoryView, let bx = a.byteValues, let by = b.byteValues { return bx == by }
            if let sx = x as? PySet, let sy = y as? PySet, sx.isFrozen, sy.isFrozen {
                return sx.count == sy.count && sx.items.allSatisfy { sy.contains($0) }
            }
            if let c = x as? PyComplex { return PyComplex.equals(c.value, b) ?? false }
            if let c = y as? PyComplex { return PyComplex.equals(c.value, a) ?? false }
            // Weak references key by their referents while both live.
            if let rx = x as? PyWeakReference, let ry = y as? PyWeakReference, let ox = rx.referent, let oy = ry.referent {
                return keyEquals(.object(ox), .object(oy))
            }
            return x === y
        default:
            if let c = a.asObject as? PyComplex { return PyComplex.equals(c.value, b) ?? false }
            if let c = b.asObject as? PyComplex { return PyComplex.equals(c.value, a) ?? false }
            // A big int equals a float only exactly (both are past 2**63 here).
            if let x = (a.asObject as? PyLong)?.value, case .float(let d) = b { return PyLongArithmetic.compare(x, d) == 0 }
            if let y = (b.asObject as? PyLong)?.value, case .float(let d) = a { return PyLongArithmetic.compare(y, d) == 0 }
            // An int equals a float only exactly, too.
            if case .int(let i) = a, case .float(let d) = b { return IntFloatComparison.compare(i, d) == 0 }
            if case .float(let d) = a, case .int(let i) = b { return IntFloatComparison.compare(i, d) == 0 }
            if let x = a.numericValue, let y = b.numericValue { return x == y }
            return false
        }
    }

    /// The hash `CompactDictIndex` probes with: equal keys hash alike, as `hash(into:)`
    /// promises, but numbers hash to their Python hash without a seeded hasher, so a dict
    /// of ints costs no more than CPython's (consecutive ints take consecutive slots).
    package var tableHash: Int {
        switch value {
        case .none: return 0
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return i
        case .float(let d):
            // Integral floats key like the int (or big int) they equal, by Python's hash.
            return Int(exactly: d) ?? PyHash.double(d)
        case .str(let s): return CodePoints.hash(s)
        case .object(let o):
            if let big = o as? PyLong { return PyLongArithmetic.hash(big.value) }
            if let b = o as? PyBytes { return b.hashValue }
            if let c = o as? PyComplex { return c.tableHash }
            if let m = o as? PyMemoryView, !m.isReleased { return PyBytes.hash(m.viewed) }
            if let t = o as? PyTuple {
                var hasher = Hasher()
                for item in t.items { hasher.combine(HashKey(item).tableHash) }
                return hasher.finalize()
            }
            if let s = o as? PySet, s.isFrozen { return s.frozenHash }
            if let r = o as? PyWeakReference, r.instancePart?.cls.lookup("__hash__") == nil, let h = r.tableHash { return h }
            // A `__hash__` equal to an int's hash keys like that int.
            if let inst = o as? PyInstance, let vm = inst.vm, let h = vm.keyHash(inst) { return h }
            // Identity: CPython rotates the address by 4 bits, whose low bits are all zero.
            let address = UInt(bitPattern: ObjectIdentifier(o))
            return Int(bitPattern: (address >> 4) | (address << (UInt(UInt.bitWidth) - 4)))
        }
    }

    /// Swift's sets and dictionaries of `HashKey` hash what the dict index does.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(tableHash)
    }
}

extension Value {
    /// The value as a number for mixed int/float/bool arithmetic and comparison.
    package var numericValue: Double? {
        switch self {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .float(let d): return d
        default: return nil
        }
    }

    /// Whether Python can hash this value (lists and dicts are unhashable).
    package var isHashable: Bool {
        switch self {
        case .object(let o):
            if o is PyList || o is PyDict || o is PyDictView { return false }
            if let b = o as? PyBytes { return !b.isByteArray }
            if let m = o as? PyMemoryView { return m.isReadOnly }
            if let s = o as? PySet { return s.isFrozen && s.items.allSatisfy { $0.isHashable } }
            if let t = o as? PyTuple { return t.items.allSatisfy { $0.isHashable } }
            // A class that defines `__eq__` without `__hash__` gets `__hash__ = None`.
            if let inst = o as? PyInstance, inst.cls.isMutable, case .none? = inst.cls.lookup("__hash__") { return false }
            return true
        default: return true
        }
    }
}
