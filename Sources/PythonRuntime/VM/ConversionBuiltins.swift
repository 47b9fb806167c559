import BigInt

/// `format`, `ascii`, `issubclass`, `slice`, `zip`'s `strict` and `pow` (with a
/// modulus), as CPython's `bltinmodule.c` defines them, with its messages.
extension Interpreter {
    package func installConversionBuiltins(into b: inout [String: Value]) {
        b["format"] = nativeFunction("format", owner: nil, .positional(min: 1, max: 2)) { vm, args, _ in
            guard case .str(let text) = args.count > 1 ? args[1] : .str("") else {
                throw vm.typeError("format() argument 2 must be str, not \(args[1].typeName)")
            }
            return .str(try vm.format(args[0], text))
        }
        b["ascii"] = nativeFunction("ascii", owner: nil, .oneArgument) { vm, args, _ in
            .str(vm.asciiRepr(try vm.repr(args[0])))
        }
        b["issubclass"] = nativeFunction("issubclass", owner: nil, .positional(min: 2, max: 2)) { vm, args, _ in
            .bool(try vm.isSubclass(args[0], args[1]))
        }
        b["slice"] = .object(PySlice.pyClass)
        nativeConstructors[ObjectIdentifier(PySlice.pyClass)] = { vm, args, kwargs in
            if !kwargs.isEmpty { throw vm.typeError("slice() takes no keyword arguments") }
            switch args.count {
            case 1: return .object(PySlice(lower: .none, upper: args[0], step: .none))
            case 2: return .object(PySlice(lower: args[0], upper: args[1], step: .none))
            case 3: return .object(PySlice(lower: args[0], upper: args[1], step: args[2]))
            default:
                throw vm.typeError(args.isEmpty ? "slice expected at least 1 argument, got 0"
                                                : "slice expected at most 3 arguments, got \(args.count)")
            }
        }
        b["pow"] = nativeFunction("pow", owner: nil, .python(parameters: ["base", "exp", "mod"], required: 2, isMethod: false)) { vm, args, _ in
            guard args.count == 3, !args[2].isNone else { return try vm.binaryOperation(.pow, args[0], args[1]) }
            // complex_pow refuses any modulus.
            if args[0].asObject is PyComplex || args[1].asObject is PyComplex {
                throw PythonError(vm.makeException(BuiltinTypes.valueError, "complex modulo"))
            }
            return try vm.modularPower(args[0], args[1], args[2])
        }
    }

    /// `PyObject_IsSubclass` (Objects/abstract.c): a tuple (or a union's args) item by
    /// item, then the metaclass's `__subclasscheck__` (which may accept any first
    /// argument; any other object's class may have one too), else the MRO of `derived`,
    /// which must then be a class.
    package func isSubclass(_ derived: Value, _ classInfo: Value) throws -> Bool {
        if case .object(let o) = classInfo {
            if let other = o as? PyClass {
                if let checker = other.metaclass?.lookup("__subclasscheck__") {
                    return try truthy(try callSpecial(checker, classInfo, [derived]))
                }
                guard case .object(let d) = derived, let cls = d as? PyClass else {
                    throw typeError("issubclass() arg 1 must be a class")
                }
                return cls.isSubclass(of: other)
            }
            if let args = unionArgs(o) { return try isSubclass(derived, args) }
            if let t = o as? PyTuple {
                for item in t.items where try isSubclass(derived, item) { return true }
                return false
            }
            if let checker = userMethod(classInfo, "__subclasscheck__") {
                return try truthy(try callSpecial(checker, classInfo, [derived]))
            }
        }
        guard case .object(let d) = derived, d is PyClass else { throw typeError("issubclass() arg 1 must be a class") }
        throw typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union")
    }

    /// `zip(*iterables, strict=...)`: with `strict`, CPython's error names the first
    /// argument of another length.
    package func zipped(_ args: [Value], strict: Bool) throws -> (Interpreter) throws -> Value? {
        let sources = try args.map { try makeIterator($0) }
        return { vm in
            guard !sources.isEmpty else { return nil }
            var items: [Value] = []
            items.reserveCapacity(sources.count)
            for (i, source) in sources.enumerated() {
                if let item = try vm.nextItem(source) {
                    items.append(item)
                    continue
                }
                guard strict else { return nil }
                // CPython's zip_next: the first iterator to end decides; when it is the
                // first argument, the first other one with an item left is "longer".
                func earlier(_ i: Int) -> String { i == 1 ? "argument 1" : "arguments 1-\(i)" }
                if i > 0 {
                    throw PythonError(vm.makeException(BuiltinTypes.valueError, "zip() argument \(i + 1) is shorter than \(earlier(i))"))
                }
                for (j, other) in sources.enumerated().dropFirst() where try vm.nextItem(other) != nil {
                    throw PythonError(vm.makeException(BuiltinTypes.valueError, "zip() argument \(j + 1) is longer than \(earlier(j))"))
                }
                return nil
            }
            return .object(PyTuple(items))
        }
    }

    /// `pow(base, exp, mod)` on ints, a negative exponent meaning the modular inverse.
    package func modularPower(_ base: Value, _ exp: Value, _ mod: Value) throws -> Value {
        guard let b = base.bigInteger, let e = exp.bigInteger, let m = mod.bigInteger else {
            throw typeError("pow() 3rd argument not allowed unless all arguments are integers")
        }
        return .integer(try arithmetic { () throws(PyArithmeticError) in try PyLongArithmetic.modPow(b, e, m) })
    }
}

extension Value {
    /// An int or bool as `.int`, for arguments CPython reads with `__index__`.
    package var asIntValue: Value {
        if case .bool(let b) = self { return .int(b ? 1 : 0) }
        return self
    }
}
