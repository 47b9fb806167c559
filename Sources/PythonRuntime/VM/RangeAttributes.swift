import BigInt

/// A range's attributes (Objects/rangeobject.c): `start`, `stop`, `step`, and the
/// `count` and `index` methods, with CPython's messages.
extension Interpreter {
    package func rangeAttribute(_ r: PyLongRange, _ receiver: Value, _ name: String) -> Value? {
        switch name {
        case "start": return .integer(r.start)
        case "stop": return .integer(r.stop)
        case "step": return .integer(r.step)
        case "count":
            return nativeFunction("count", owner: "range", .oneArgument) { vm, args, _ in
                // An exact int (or bool) is answered arithmetically, anything else by
                // comparing it with every item.
                if let x = args[0].bigInteger, !vm.isUserInstance(args[0]) { return .int(r.contains(x) ? 1 : 0) }
                var n = 0
                for item in try vm.iterate(receiver) where try vm.equals(item, args[0]) { n += 1 }
                return .int(n)
            }
        case "index":
            return nativeFunction("index", owner: "range", .oneArgument) { vm, args, _ in
                if let x = args[0].bigInteger, !vm.isUserInstance(args[0]) {
                    guard r.contains(x) else {
                        throw PythonError(vm.makeException(BuiltinTypes.valueError, "\(try vm.repr(args[0])) is not in range"))
                    }
                    return .integer((x - r.start) / r.step)
                }
                for (i, item) in try vm.iterate(receiver).enumerated() where try vm.equals(item, args[0]) { return .int(i) }
                throw PythonError(vm.makeException(BuiltinTypes.valueError, "sequence.index(x): x not in sequence"))
            }
        default: return nil
        }
    }
}
