/// A Python `complex` (Objects/complexobject.c): an immutable pair of doubles. A heap
/// object rather than a `Value` case, so the hot paths' switches over ints, floats and
/// strs stay as they were. Instances of a class deriving from complex are a
/// `PyDerivedValue` holding one of these.
public final class PyComplex: PyObject {
    public let value: ComplexValue
    public var real: Double { value.real }
    public var imag: Double { value.imag }

    public init(_ value: ComplexValue) { self.value = value }
    public convenience init(_ real: Double, _ imag: Double) { self.init(ComplexValue(real, imag)) }

    public override var pyClass: PyClass { BuiltinTypes.complex }

    public override func pythonRepr(_ vm: Interpreter) throws -> String? { PyComplexArithmetic.repr(value) }

    /// `complex_members` (`real`, `imag`) and `complex.conjugate()`.
    public override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        switch name {
        case "real": return .float(real)
        case "imag": return .float(imag)
        case "conjugate":
            let conjugate = ComplexValue(real, -imag)
            return vm.nativeFunction("conjugate", owner: "complex", .noArguments) { _, _, _ in .object(PyComplex(conjugate)) }
        default: return nil
        }
    }
}

extension PyComplex {
    /// `complex_richcompare`'s `==`: against an int only when the imaginary part is zero,
    /// then exactly as float == int (never rounding a big int); against a float or a
    /// complex part by part. Nil when `other` is no int, float or complex (NotImplemented).
    package static func equals(_ z: ComplexValue, _ other: Value) -> Bool? {
        switch other {
        case .bool(let b): return z.imag == 0 && z.real == (b ? 1 : 0)
        case .int(let i): return z.imag == 0 && IntFloatComparison.compare(i, z.real) == 0
        case .float(let d): return z.real == d && z.imag == 0
        case .object(let o):
            if let c = o as? PyComplex { return z.real == c.real && z.imag == c.imag }
            if let big = o as? PyLong { return z.imag == 0 && PyLongArithmetic.compare(big.value, z.real) == 0 }
            return nil
        default: return nil
        }
    }

    /// The hash a dict's index probes with (`HashKey.tableHash`): a complex with no
    /// imaginary part keys as the float it equals, so `d[1+0j]` finds `d[1]`.
    package var tableHash: Int {
        imag == 0 ? HashKey(.float(real)).tableHash : PyComplexArithmetic.hash(value)
    }
}
