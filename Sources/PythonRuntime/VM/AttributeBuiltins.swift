/// `setattr`, `delattr`, `map` and `filter` (CPython's `bltinmodule.c`).
/// `map` and `filter` apply their function when called, not lazily: the items are
/// computed at once (observable only through side effects in the function).
extension Interpreter {
    package func installAttributeBuiltins(into b: inout [String: Value]) {
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
            let sources = try args.dropFirst().map { try vm.makeIterator($0) }
            return .object(PyIterator(.stepper { vm in
                var items: [Value] = []
                items.reserveCapacity(sources.count)
                for source in sources {
                    guard let item = try vm.nextItem(source) else { return nil }
                    items.append(item)
                }
                return try vm.callNow(args[0], items)
            }, type: BuiltinTypes.mapIterator))
        })
        b["filter"] = nativeFunction("filter", owner: nil, .positional(min: 2, max: 2)) { vm, args, _ in
            let source = try vm.makeIterator(args[1])
            return .object(PyIterator(.stepper { vm in
                while let item = try vm.nextItem(source) {
                    let keep = args[0].isNone ? item : try vm.callNow(args[0], [item])
                    if try vm.truthy(keep) { return item }
                }
                return nil
            }, type: BuiltinTypes.filterIterator))
        }
    }
}
