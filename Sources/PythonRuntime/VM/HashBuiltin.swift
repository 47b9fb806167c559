/// `hash(x)`: CPython's value for numbers, tuples and frozensets of them (see `PyHash`).
extension Interpreter {
    package func installHashBuiltin(into b: inout [String: Value]) {
        b["hash"] = nativeFunction("hash", owner: nil, .oneArgument) { vm, args, _ in
            try vm.requireHashable(args[0])
            return .int(PyHash.of(args[0]).hash)
        }
    }
}
