/// `bytes` and `bytearray`: a sequence of ints 0...255, immutable (hashable, usable as a
/// dict key) or, for a bytearray, changed in place.
public final class PyBytes: PyObject {
    package var bytes: [UInt8]
    package let isByteArray: Bool

    package init(_ bytes: [UInt8], byteArray: Bool = false) {
        self.bytes = bytes
        isByteArray = byteArray
    }

    public override var pyClass: PyClass { instancePart?.cls ?? (isByteArray ? BuiltinTypes.bytearray : BuiltinTypes.bytes) }
    package override var nativeCount: Int? { bytes.count }
    // Methods, items and slices: see BytesMethods.swift.

    public override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        vm.bytesMethod(self, name).map { vm.bound($0, to: .object(self)) }
    }
    package override var iterationItems: [Value]? { bytes.map { .int(Int($0)) } }
    public override func pythonRepr(_ vm: Interpreter) throws -> String? { repr }
    package override func nativeGetItem(_ key: Value, _ vm: Interpreter) throws -> Value? {
        if case .object(let k) = key, let slice = k as? PySlice {
            return .object(PyBytes(try vm.sliceIndices(slice, count: bytes.count).map { bytes[$0] }, byteArray: isByteArray))
        }
        return .int(Int(bytes[try vm.index(key, count: bytes.count, isByteArray ? "bytearray" : "index")]))
    }

    /// bytes_repr: `b'...'` quoted with `'` unless the bytes hold a `'` and no `"`;
    /// `\t \n \r`, the quote and backslash escaped, other bytes outside 0x20..<0x7f as
    /// `\xhh`. A bytearray's repr wraps it: `bytearray(b'...')`, and escapes `'` even
    /// inside `"` quotes (bytearray_repr tests for `'`, bytes_repr for the quote).
    package var repr: String {
        let quote: UInt8 = bytes.contains(0x27) && !bytes.contains(0x22) ? 0x22 : 0x27
        var out = "b" + String(UnicodeScalar(quote))
        let hex = Array("0123456789abcdef")
        for b in bytes {
            switch b {
            case _ where b == quote || b == 0x5C || (b == 0x27 && isByteArray): out += "\\" + String(UnicodeScalar(b))
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x20..<0x7F: out.unicodeScalars.append(UnicodeScalar(b))
            default: out += "\\x" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 15)])
            }
        }
        out += String(UnicodeScalar(quote))
        // bytearray_repr names the instance's type (a subclass's name); bytes_repr does not.
        return isByteArray ? "\(typeName)(\(out))" : out
    }

    /// CPython's bytes hash for bytes that are ASCII text equals the str's; any stable
    /// hash will do for keys (set order of bytes, like str's, varies per CPython run).
    package var hashValue: Int { Self.hash(bytes) }

    /// The str hash's function over the bytes, so ASCII bytes hash as their text does
    /// (`hash(b'ab') == hash('ab')`, as in CPython).
    package static func hash(_ bytes: [UInt8]) -> Int { PyHash.fnv(bytes) }
}
