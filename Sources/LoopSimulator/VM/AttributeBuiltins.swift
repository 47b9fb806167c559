/// `setattr`, `delattr`, `map` and `filter` (CPython's `bltinmodule.c`).
/// `map` and `filter` apply their function when called, not lazily: the items are
/// computed at once (observable only through side effects in the function).
extension Interpreter {
    func installAttributeBuiltins(into b: inout [String: Value]) {
        b["setattr"] = nativeFunction("setattr", owner: nil, .positional(min: 3, max: 3)) { vm, args, _ in
            guard case .str(let name) = args[1] else {
                throw vm.typeError("attribute name must be string, not '\(args[1].typeName)'")
            }
            try vm.setAttribute(args[0], name, args[2])
            return .none
        }
        b["delattr"] = nativeFunction("delattr", owner: nil, .positional(min: 2, max: 2)) { vm, args, _ in
            guard case .str(let name) = args[1] else {
                throw vm.typeError("attribute name must be string, not '\(args[1].typeName)'")
            }
            try vm.deleteAttribute(args[0], name)
            return .none
        }
        b["map"] = .object(PyBuiltin("map") { vm, args, kwargs in
            if !kwargs.isEmpty { throw vm.typeError("map() takes no keyword arguments") }
            guard args.count >= 2 else { throw vm.typeError("map() must have at least two arguments.") }
            let lists = try args.dropFirst().map { try vm.iterate($0) }
            let n = lists.map(\.count).min() ?? 0
            var out: [Value] = []
            out.reserveCapacity(n)
            for i in 0..<n { out.append(try vm.callNow(args[0], lists.map { $0[i] })) }
            return .object(PyIterator(.values(out)))
        })
        b["filter"] = nativeFunction("filter", owner: nil, .positional(min: 2, max: 2)) { vm, args, _ in
            var out: [Value] = []
            for item in try vm.iterate(args[1]) {
                let keep = args[0].isNone ? item : try vm.callNow(args[0], [item])
                if try vm.truthy(keep) { out.append(item) }
            }
            return .object(PyIterator(.values(out)))
        }
    }
}
