/// `hash(x)`: CPython's value for numbers, tuples and frozensets of them (see `PyHash`).
extension Interpreter {
    package func installHashBuiltin(into b: inout [String: Value]) {
        b["hash"] = nativeFunction("hash", owner: nil, .oneArgument) { vm, args, _ in
            // A memoryview has its own errors (released, writable).
            if let m = args[0].asObject as? PyMemoryView { _ = try vm.memoryViewHash(m) }
            // A weak reference hashes as its referent, and keeps that hash once taken.
            if let r = args[0].asObject as? PyWeakReference, vm.userMethod(args[0], "__hash__") == nil {
                return .int(try r.pythonHash(vm))
            }
            try vm.requireHashable(args[0])
            return .int(PyHash.of(args[0]).hash)
        }
    }
}
