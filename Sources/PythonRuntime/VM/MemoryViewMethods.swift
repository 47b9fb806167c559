/// The behaviour of `memoryview` (Objects/memoryobject.c) for one-dimensional views of
/// bytes in format 'B': construction, attributes and methods, items and slices,
/// assignment through a writable view, and CPython's errors (a released view refuses
/// everything but `release()` and its repr).
extension Interpreter {
    /// `memoryview(obj)`: a view of a bytes-like object's memory (of the same memory for
    /// a memoryview).
    package func makeMemoryView(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        var object = args.first
        for (k, v) in kwargs {
            guard k == "object" else { throw typeError("memoryview() got an unexpected keyword argument '\(k)'") }
            object = v
        }
        guard args.count + kwargs.count == 1, let object else {
            throw typeError("memoryview() takes exactly one argument (\(args.count + kwargs.count) given)")
        }
        switch object.asObject {
        case let b as PyBytes: return .object(PyMemoryView(b))
        case let m as PyMemoryView:
            try checkReleased(m)
            return .object(PyMemoryView(m.source, start: m.start, step: m.step, count: m.count, readOnly: m.isReadOnly))
        default:
            throw typeError("memoryview: a bytes-like object is required, not '\(object.typeName)'")
        }
    }

    package func checkReleased(_ m: PyMemoryView) throws {
        if m.isReleased {
            throw PythonError(makeException(BuiltinTypes.valueError, "operation forbidden on released memoryview object"))
        }
    }

    package func memoryViewAttribute(_ m: PyMemoryView, _ name: String) throws -> Value? {
        func method(_ signature: NativeSignature, _ body: @escaping (Interpreter, [Value]) throws -> Value) -> Value {
            nativeFunction(name, owner: "memoryview", signature) { vm, args, _ in try body(vm, args) }
        }
        // `release()` (and `__exit__`, which calls it) may be called again on a released view.
        if name == "release" || name == "__exit__" {
            return method(name == "release" ? .noArguments : .positional(min: 0, max: 3)) { _, _ in
                m.isReleased = true
                return .none
            }
        }
        let known: Set<String> = ["tobytes", "tolist", "hex", "cast", "toreadonly", "__enter__", "nbytes", "readonly",
                                  "itemsize", "ndim", "shape", "strides", "suboffsets", "format", "obj",
                                  "c_contiguous", "f_contiguous", "contiguous"]
        guard known.contains(name) else { return nil }
        try checkReleased(m)
        switch name {
        case "tobytes":
            return nativeFunction(name, owner: "memoryview", .clinic(positionalOnly: 0, positionalOrKeyword: ["order"], keywordOnly: [])) { _, _, _ in
                .object(PyBytes(m.viewed))
            }
        case "tolist": return method(.noArguments) { _, _ in .object(PyList(m.viewed.map { .int(Int($0)) })) }
        case "hex":
            guard let hex = bytesMethod(PyBytes(m.viewed), "hex") else { return nil }
            return hex
        case "cast":
            return method(.positional(min: 1, max: 2)) { vm, args in
                guard case .str(let format) = args[0] else { throw vm.typeError("memoryview: format argument must be a string") }
                // Only the view's own format: one byte per item, so the cast is a new view.
                guard format == "B" else {
                    throw PythonError(vm.makeException(BuiltinTypes.valueError,
                        "memoryview: destination format must be a native single character format prefixed with an optional '@'"))
                }
                if args.count > 1, !args[1].isNone {
                    let shape = try vm.iterate(args[1])
                    guard shape.count == 1, vm.intValue(shape[0]) == m.count else {
                        throw vm.typeError("memoryview: product(shape) * itemsize != buffer size")
                    }
                }
                guard m.step == 1 else { throw vm.typeError("memoryview: casts are restricted to C-contiguous views") }
                return .object(PyMemoryView(m.source, start: m.start, count: m.count, readOnly: m.isReadOnly))
            }
        case "toreadonly":
            return method(.noArguments) { _, _ in .object(PyMemoryView(m.source, start: m.start, step: m.step, count: m.count, readOnly: true)) }
        case "__enter__": return method(.noArguments) { _, _ in .object(m) }
        case "nbytes": return .int(m.count)
        case "readonly": return .bool(m.isReadOnly)
        case "itemsize": return .int(1)
        case "ndim": return .int(1)
        case "shape": return .object(PyTuple([.int(m.count)]))
        case "strides": return .object(PyTuple([.int(m.step)]))
        case "suboffsets": return .object(PyTuple([]))
        case "format": return .str("B")
        case "obj": return .object(m.source)
        default: return .bool(m.step == 1 || m.count <= 1)
        }
    }

    /// `mv[i]` (an int) and `mv[i:j:k]` (a view of the same memory).
    package func memoryViewItem(_ m: PyMemoryView, _ key: Value) throws -> Value {
        try checkReleased(m)
        if case .object(let k) = key, let slice = k as? PySlice {
            let (start, _, step, count) = try sliceRange(slice, count: m.count)
            return .object(PyMemoryView(m.source, start: m.start + start * m.step, step: m.step * step, count: count, readOnly: m.isReadOnly))
        }
        return .int(Int(m.source.bytes[try memoryViewIndex(m, key)]))
    }

    /// The source's position of item `key`, with memoryview's errors.
    private func memoryViewIndex(_ m: PyMemoryView, _ key: Value) throws -> Int {
        let key = isUserInstance(key) ? try pythonIndex(key) ?? key : key
        guard let i = intValue(key) else {
            if key.isBigInteger { throw PythonError(makeException(BuiltinTypes.indexError, "cannot fit 'int' into an index-sized integer")) }
            throw typeError("memoryview: invalid slice key")
        }
        let j = i < 0 ? i + m.count : i
        guard j >= 0 && j < m.count else { throw PythonError(makeException(BuiltinTypes.indexError, "index out of bounds on dimension 1")) }
        return m.start + j * m.step
    }

    /// `mv[key] = value` (nil: `del mv[key]`, which memoryview refuses).
    package func memoryViewStore(_ m: PyMemoryView, _ key: Value, _ value: Value?) throws {
        try checkReleased(m)
        guard !m.isReadOnly else { throw typeError("cannot modify read-only memory") }
        guard let value else { throw typeError("cannot delete memory") }
        if case .object(let k) = key, let slice = k as? PySlice {
            let (start, _, step, count) = try sliceRange(slice, count: m.count)
            guard let bytes = value.byteValues else {
                throw typeError("a bytes-like object is required, not '\(value.typeName)'")
            }
            guard bytes.count == count else {
                throw PythonError(makeException(BuiltinTypes.valueError, "memoryview assignment: lvalue and rvalue have different structures"))
            }
            for (i, b) in bytes.enumerated() { m.source.bytes[m.start + (start + i * step) * m.step] = b }
            return
        }
        let at = try memoryViewIndex(m, key)
        guard let i = intValue(try pythonIndex(value) ?? value) else { throw typeError("memoryview: invalid type for format 'B'") }
        guard let b = UInt8(exactly: i) else {
            throw PythonError(makeException(BuiltinTypes.valueError, "memoryview: invalid value for format 'B'"))
        }
        m.source.bytes[at] = b
    }

    /// `hash(mv)`: a read-only view hashes as the bytes it shows.
    package func memoryViewHash(_ m: PyMemoryView) throws -> Int {
        try checkReleased(m)
        guard m.isReadOnly else { throw PythonError(makeException(BuiltinTypes.valueError, "cannot hash writable memoryview object")) }
        return PyBytes.hash(m.viewed)
    }

    /// `mv == other`: equal contents when the other is bytes-like; a released view equals
    /// only itself.
    package func memoryViewEquals(_ m: PyMemoryView, _ other: Value) -> Bool {
        if case .object(let o) = other, o === m { return true }
        guard !m.isReleased, let bytes = other.byteValues else { return false }
        return m.viewed == bytes
    }
}
