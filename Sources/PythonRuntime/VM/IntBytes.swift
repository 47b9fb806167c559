import BigInt

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)` and
/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (3.11's defaults).
extension Interpreter {
    private func byteOrder(_ v: Value?) throws -> Bool {
        guard let v else { return true }
        guard case .str(let s) = v else { throw typeError("to_bytes() argument 'byteorder' must be str, not \(v.typeName)") }
        guard s == "big" || s == "little" else {
            throw PythonError(makeException(BuiltinTypes.valueError, "byteorder must be either 'little' or 'big'"))
        }
        return s == "big"
    }

    /// Positional-or-keyword `names` then keyword-only `signed`, as Argument Clinic binds them.
    private func intBytesArguments(_ args: [Value], _ kwargs: [(String, Value)], _ names: [String]) throws -> ([Value?], Bool) {
        var bound: [Value?] = args.map { $0 } + Array(repeating: nil, count: max(0, names.count - args.count))
        var signed = false
        for (k, v) in kwargs {
            if k == "signed" { signed = try truthy(v) } else if let i = names.firstIndex(of: k) { bound[i] = v }
        }
        return (bound, signed)
    }

    package func intToBytes(_ value: BigInt, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let (bound, signed) = try intBytesArguments(args, kwargs, ["length", "byteorder"])
        var length = 1
        if let l = bound[0] {
            guard let n = intValue(try pythonIndex(l) ?? l) else { throw typeError("'\(l.typeName)' object cannot be interpreted as an integer") }
            guard n >= 0 else { throw PythonError(makeException(BuiltinTypes.valueError, "length argument must be non-negative")) }
            length = n
        }
        let big = try byteOrder(bound[1])
        if value < 0 && !signed { throw PythonError(makeException(BuiltinTypes.overflowError, "can't convert negative int to unsigned")) }
        let bits = length * 8
        let fits = signed ? value.bitWidth <= bits : value.magnitude.bitWidth <= bits
        guard fits, length < (1 << 24) else { throw PythonError(makeException(BuiltinTypes.overflowError, "int too big to convert")) }
        var v = value < 0 ? (BigInt(1) << bits) + value : value
        var out = [UInt8](repeating: 0, count: length)
        for i in 0..<length {
            out[i] = UInt8(truncatingIfNeeded: Int(v & 0xFF))
            v >>= 8
        }
        return .object(PyBytes(big ? out.reversed() : out))
    }

    package func intFromBytes(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let (bound, signed) = try intBytesArguments(args, kwargs, ["bytes", "byteorder"])
        guard let source = bound[0] else { throw typeError("from_bytes() missing required argument 'bytes' (pos 1)") }
        let bytes = try bytesFromInts(source)
        let ordered = try byteOrder(bound[1]) ? bytes : bytes.reversed()
        var v = BigInt(0)
        for b in ordered { v = v << 8 + BigInt(b) }
        if signed, let first = ordered.first, first >= 0x80 { v -= BigInt(1) << (ordered.count * 8) }
        return .integer(v)
    }
}
