import BigInt

/// A Python `int` outside the 64-bit range. Ints that fit are `Value.int` (the fast path);
/// `Value.integer` keeps that invariant, so a `PyLong` never equals an `Int`.
public final class PyLong: PyObject {
    public let value: BigInt
    package init(_ value: BigInt) { self.value = value }
    public override var pyClass: PyClass { BuiltinTypes.int }
    public override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        if name == "to_bytes" {
            let v = value
            return vm.nativeFunction("to_bytes", owner: "int", .clinic(positionalOnly: 0, positionalOrKeyword: ["length", "byteorder"], keywordOnly: ["signed"])) { vm, args, kwargs in
                try vm.intToBytes(v, args, kwargs)
            }
        }
        guard name == "bit_length" else { return nil }
        let bits = value.magnitude.bitWidth
        return vm.nativeFunction("bit_length", owner: "int", .noArguments) { _, _, _ in .int(bits) }
    }
    public override func pythonRepr(_ vm: Interpreter) throws -> String? {
        try vm.arithmetic { () throws(PyArithmeticError) in try PyLongArithmetic.decimal(value) }
    }
}

extension Value {
    /// An int result: `.int` when it fits in 64 bits, a `PyLong` otherwise.
    package static func integer(_ v: BigInt) -> Value {
        if let i = Int(exactly: v) { return .int(i) }
        return .object(PyLong(v))
    }

    /// `round(x)` of a finite float: the nearest int, ties to even (nil for inf and nan).
    package static func nearestInteger(_ x: Double) -> Value? {
        guard x.isFinite else { return nil }
        return integer(BigInt(x.rounded(.toNearestOrEven)))
    }

    /// An int, bool or big int as a BigInt (nil for anything else).
    package var bigInteger: BigInt? {
        switch self {
        case .int(let i): return BigInt(i)
        case .bool(let b): return b ? 1 : 0
        case .object(let o): return (o as? PyLong)?.value
        default: return nil
        }
    }

    /// Whether this is a `PyLong` (an int past 64 bits).
    package var isBigInteger: Bool {
        if case .object(let o) = self { return o is PyLong }
        return false
    }
}
