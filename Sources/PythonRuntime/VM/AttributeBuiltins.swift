/// `setattr` and `delattr` (CPython's `bltinmodule.c`).
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
    }
}
