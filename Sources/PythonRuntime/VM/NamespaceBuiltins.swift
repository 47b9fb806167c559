/// `globals()`, `locals()`, `vars()` without an argument and `__import__`, as CPython
/// 3.11's `bltinmodule.c` has them: the calling frame's namespaces.
extension Interpreter {
    package func installNamespaceBuiltins(_ b: inout [String: Value]) {
        b["globals"] = nativeFunction("globals", owner: nil, .noArguments) { vm, _, _ in
            guard let frame = vm.currentFiber?.frames.last else { return .object(PyDict()) }
            return .object(vm.moduleDict(frame.globals))
        }
        b["locals"] = nativeFunction("locals", owner: nil, .noArguments) { vm, _, _ in try vm.callerLocals() }
        b["__import__"] = nativeFunction("__import__", owner: nil,
            .python(parameters: ["name", "globals", "locals", "fromlist", "level"], required: 1, isMethod: false)) { vm, args, _ in
            guard case .str(let name) = args[0] else {
                throw vm.typeError("__import__() argument 1 must be str, not \(args[0].typeName)")
            }
            var level = 0
            if args.count > 4 {
                guard case .int(let l) = args[4] else { throw vm.typeError("'\(args[4].typeName)' object cannot be interpreted as an integer") }
                guard l >= 0 else { throw PythonError(vm.makeException(BuiltinTypes.valueError, "level must be >= 0")) }
                level = l
            }
            if name.isEmpty && level == 0 { throw PythonError(vm.makeException(BuiltinTypes.valueError, "Empty module name")) }
            // A relative import resolves against the given globals' `__package__`.
            var globals = PyModule(name: "__import__")
            if args.count > 1, case .object(let o) = args[1], let d = o as? PyDict {
                if let m = d.linkedModule {
                    globals = m
                } else if let package = d.get(.str("__package__")) {
                    globals.attributes["__package__"] = package
                }
            }
            let fromlist = args.count > 3 ? try vm.truthy(args[3]) : false
            // Without a fromlist, `__import__('a.b')` returns `a`, as `import a.b` binds it.
            return .object(try vm.importName(name, level: level, top: !fromlist, globals: globals))
        }
    }

    /// `locals()` in the calling frame: a module's globals dict itself, a class body's
    /// namespace, or (in a function) the frame's dict of its bound locals, then its cells,
    /// refreshed as 3.11's `PyFrame_FastToLocals` refreshes it (unbound names leave it).
    package func callerLocals() throws -> Value {
        guard let frame = currentFiber?.frames.last else { return .object(PyDict()) }
        if let mapping = frame.namespaceMapping { return mapping }
        if let namespace = frame.namespace {
            let d = PyDict()
            for name in frame.namespaceKeys { if let v = namespace[name] { d.store(.str(name), v) } }
            return .object(d)
        }
        if frame.code.isModule { return .object(moduleDict(frame.globals)) }
        let d = frame.localsSnapshot ?? PyDict()
        frame.localsSnapshot = d
        let code = frame.code
        let cellNames = code.cellNames + code.freeNames
        func cellValue(_ name: String) -> Value?? {
            guard let i = cellNames.firstIndex(of: name) else { return nil }
            return i < frame.cells.count ? .some(frame.cells[i].value) : .some(nil)
        }
        func refresh(_ name: String, _ value: Value?) {
            if let value { d.store(.str(name), value) } else { d.remove(.str(name)) }
        }
        for (i, name) in code.localNames.enumerated() {
            if let cell = cellValue(name) {
                refresh(name, cell)
            } else {
                refresh(name, frame.stack[i].isUnboundLocal ? nil : frame.stack[i])
            }
        }
        for (i, name) in cellNames.enumerated() where i < frame.cells.count && !code.localNames.contains(name) {
            refresh(name, frame.cells[i].value)
        }
        return .object(d)
    }
}
