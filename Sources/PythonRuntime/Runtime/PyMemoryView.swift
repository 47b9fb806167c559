/// `memoryview`: a view of a bytes or bytearray's memory in unsigned bytes (format 'B',
/// one dimension), as programs use it (Objects/memoryobject.c): items and slices (a slice
/// is a view of the same memory, so writing through a bytearray's view changes it),
/// `tobytes`, `tolist`, `hex`, `cast('B')`, `release` and `with`, the buffer's attributes,
/// and comparison by content.
public final class PyMemoryView: PyObject {
    /// The exporter (`obj`): its bytes are the memory viewed.
    package let source: PyBytes
    /// The viewed items: `start + i * step` for `i` in `0..<count`.
    package let start: Int
    package let step: Int
    package let count: Int
    package let isReadOnly: Bool
    package var isReleased = false

    package init(_ source: PyBytes, start: Int = 0, step: Int = 1, count: Int? = nil, readOnly: Bool? = nil) {
        self.source = source
        self.start = start
        self.step = step
        self.count = count ?? source.bytes.count
        isReadOnly = readOnly ?? !source.isByteArray
    }

    public override var pyClass: PyClass { BuiltinTypes.memoryview }
    // Items, attributes and methods: see MemoryViewMethods.swift.
    public override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? { try vm.memoryViewAttribute(self, name) }
    package override var nativeCount: Int? { isReleased ? nil : count }
    package override var iterationItems: [Value]? { isReleased ? nil : viewed.map { .int(Int($0)) } }
    package override func nativeGetItem(_ key: Value, _ vm: Interpreter) throws -> Value? { try vm.memoryViewItem(self, key) }
    public override func pythonRepr(_ vm: Interpreter) throws -> String? {
        "<\(isReleased ? "released " : "")memory at \(vm.address(of: self))>"
    }

    /// The bytes the view shows, in order.
    package var viewed: [UInt8] {
        if step == 1 { return Array(source.bytes[start..<(start + count)]) }
        return (0..<count).map { source.bytes[start + $0 * step] }
    }
}

extension Value {
    /// The bytes of a bytes-like object (CPython's buffer protocol: bytes, bytearray,
    /// memoryview), nil for anything else.
    package var byteValues: [UInt8]? {
        guard case .object(let o) = self else { return nil }
        if let b = o as? PyBytes { return b.bytes }
        if let m = o as? PyMemoryView, !m.isReleased { return m.viewed }
        return nil
    }
}
