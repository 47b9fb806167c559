/// The builtins of the object model: `property`, `staticmethod`, `classmethod`,
/// `super`, `vars`, `dir`, `format`, `hash` (for `__hash__`) and `NotImplemented`.
extension Interpreter {
    package func installClassBuiltins(_ b: inout [String: Value]) {
        func fn(_ name: String, _ signature: NativeSignature, _ body: @escaping PyBuiltin.Body) {
            b[name] = nativeFunction(name, owner: nil, signature, body)
        }
        /// A built-in class whose call makes the native object.
        func type(_ cls: PyClass, _ body: @escaping PyBuiltin.Body) {
            b[cls.name] = .object(cls)
            nativeConstructors[ObjectIdentifier(cls)] = body
        }
        b["NotImplemented"] = .notImplemented

        type(BuiltinTypes.property) { vm, args, kwargs in
            let (bound, _) = try vm.bindNative("property", .python(parameters: ["fget", "fset", "fdel", "doc"], required: 0, isMethod: false), args, kwargs)
            func arg(_ i: Int) -> Value { i < bound.count ? bound[i] : .none }
            return .object(PyProperty(fget: arg(0), fset: arg(1), fdel: arg(2), doc: arg(3)))
        }
        type(BuiltinTypes.staticmethod) { vm, args, kwargs in
            guard args.count == 1, kwargs.isEmpty else {
                throw vm.typeError("staticmethod expected 1 argument, got \(args.count + kwargs.count)")
            }
            return .object(PyStaticMethod(args[0]))
        }
        type(BuiltinTypes.classmethod) { vm, args, kwargs in
            guard args.count == 1, kwargs.isEmpty else {
                throw vm.typeError("classmethod expected 1 argument, got \(args.count + kwargs.count)")
            }
            return .object(PyClassMethod(args[0]))
        }
        type(BuiltinTypes.superType) { vm, args, kwargs in
            if !kwargs.isEmpty { throw vm.typeError("super() takes no keyword arguments") }
            return try vm.makeSuper(args)
        }
        nativeConstructors[ObjectIdentifier(BuiltinTypes.object)] = { vm, args, kwargs in
            if !args.isEmpty || !kwargs.isEmpty { throw vm.typeError("object() takes no arguments") }
            return .object(PyInstance(cls: BuiltinTypes.object))
        }

        // `format(value, spec)`: the builtin that reaches `__format__`.
        fn("format", .positional(min: 1, max: 2)) { vm, args, _ in
            var spec = ""
            if args.count > 1 {
                guard case .str(let s) = args[1] else {
                    throw vm.typeError("format() argument 2 must be str, not \(args[1].typeName)")
                }
                spec = s
            }
            return .str(try vm.format(args[0], spec))
        }
        // Tuples and instances of Python classes hash through `__hash__`; the rest as
        // `PyHash` computes them.
        let nativeHash = b["hash"]
        fn("hash", .positional(min: 1, max: 1)) { vm, args, _ in
            // An int/str/float subclass's instance hashes as its value unless its class says.
            if let plain = vm.derivedValue(args[0]), vm.userMethod(args[0], "__hash__") == nil, let nativeHash {
                return try vm.callNow(nativeHash, [plain])
            }
            if case .object(let o) = args[0], o is PyTuple || vm.isUserInstance(args[0]) {
                return .int(try vm.pythonHash(args[0]))
            }
            guard let nativeHash else { return .int(try vm.pythonHash(args[0])) }
            return try vm.callNow(nativeHash, args)
        }
        fn("vars", .positional(min: 0, max: 1)) { vm, args, _ in
            // `vars()`: `locals()`.
            guard !args.isEmpty else { return try vm.callerLocals() }
            if case .object(let o) = args[0] {
                if let inst = o as? PyInstance ?? o.instancePart, inst.cls !== BuiltinTypes.object,
                   inst.cls.instancesHaveDictAttribute {
                    return .object(vm.instanceDict(inst))
                }
                if let f = o as? PyFunction, let d = vm.functionAttribute(f, "__dict__") { return d }
                if let cls = o as? PyClass, let d = try vm.classGetAttribute(cls, "__dict__") { return d }
                if let m = o as? PyModule { return .object(vm.moduleDict(m)) }
            }
            throw vm.typeError("vars() argument must have __dict__ attribute")
        }
        fn("dir", .positional(min: 0, max: 1)) { vm, args, _ in
            // `dir()`: the caller's local names (a module's globals, a class body's names).
            guard !args.isEmpty else { return .object(PyList(vm.callerLocalNames().sorted().map { .str($0) })) }
            guard let names = vm.attributeNames(args[0]) ?? vm.builtinAttributeNames(args[0]) else {
                throw vm.typeError("dir() of '\(args[0].typeName)' objects is not supported by loopscope")
            }
            return .object(PyList(names.sorted().map { .str($0) }))
        }
    }

    /// The names bound in the calling frame, as `locals()` has them: a class body's
    /// namespace, a module's globals, or a function's bound fast locals and cells.
    package func callerLocalNames() -> [String] {
        guard let frame = currentFiber?.frames.last else { return [] }
        if let namespace = frame.namespace { return Array(namespace.keys) }
        if frame.code.isModule { return Array(frame.globals.attributes.keys) }
        var names: [String] = []
        for (i, name) in frame.code.localNames.enumerated() where !frame.stack[i].isUnboundLocal { names.append(name) }
        for (i, name) in (frame.code.cellNames + frame.code.freeNames).enumerated()
            where i < frame.cells.count && frame.cells[i].value != nil && !names.contains(name) {
            names.append(name)
        }
        return names
    }

    /// What `dir(x)` lists for instances and classes of the object model (nil for the
    /// built-in values, whose method tables the simulator does not enumerate).
    package func attributeNames(_ v: Value) -> Set<String>? {
        guard case .object(let o) = v else { return nil }
        let cls: PyClass
        var names: Set<String> = []
        if let c = o as? PyClass {
            cls = c
        } else if let inst = o as? PyInstance {
            cls = inst.cls
            names.formUnion(inst.attributes.entries.map(\.0))
        } else if let m = o as? PyModule {
            return Set(m.attributes.keys)
        } else if let part = o.instancePart {
            // A built-in container's or a native library class's subclass instance
            // (`dir()` reads the instance's attributes from its `__dict__`, if it has one).
            cls = part.cls
            if cls.instancesHaveDictAttribute { names.formUnion(part.attributes.entries.map(\.0)) }
        } else {
            return nil
        }
        guard cls.isMutable || cls === BuiltinTypes.object || cls.isExceptionClass else { return nil }
        names.formUnion(Self.objectAttributeNames)
        // A subclass of a built-in type (`class Stack(list)`) has the type's names too.
        if let base = cls.valueBase, let inherited = builtinAttributeNames(.object(base)) { names.formUnion(inherited) }
        if let native = cls.valueBase?.nativeBase { names.formUnion(native.methods.keys) }
        if cls.isExceptionClass { names.formUnion(Self.exceptionAttributeNames) }
        if cls !== BuiltinTypes.object {
            names.insert("__module__")
            if cls.instancesHaveDictAttribute { names.formUnion(["__dict__", "__weakref__"]) }
        }
        for c in cls.mro { names.formUnion(c.dict.keys) }
        return names
    }

    /// `dir()` of a built-in type or of its value: CPython 3.11's names for the type
    /// (`BuiltinAttributeNames`, generated from CPython), those this value answers, so
    /// `dir()` never names what `getattr` then fails on. Nil for the types the table
    /// does not cover.
    package func builtinAttributeNames(_ v: Value) -> Set<String>? {
        var cls = classOf(v)
        if case .object(let c as PyClass) = v { cls = c }
        guard let names = Self.builtinTableNames(cls) else { return nil }
        return Set(names.filter { (try? getAttribute(v, $0)) != nil })
    }

    /// CPython 3.11's `dir()` of built-in type `cls` (`BuiltinAttributeNames`), nil for
    /// a class of Python code or a type the table does not cover.
    package static func builtinTableNames(_ cls: PyClass) -> [String]? {
        guard !cls.isMutable else { return nil }
        return BuiltinAttributeNames.byType[cls.module == "builtins" ? cls.name : "\(cls.module).\(cls.name)"]
    }

    /// The special methods built-in type `cls` defines itself (`float.__round__`,
    /// `int.__index__`) by CPython's table: in its `dir()`, not in its base's.
    package static func builtinOwnDunderNames(_ cls: PyClass) -> [String] {
        guard let names = builtinTableNames(cls) else { return [] }
        let inherited = Set(cls.bases.first.flatMap { builtinTableNames($0) } ?? [])
        return names.filter { $0.hasPrefix("__") && $0.hasSuffix("__") && !inherited.contains($0) }
    }

    /// `object.__dir__(v)` (object___dir___impl): the keys of a copy of the instance's
    /// `__dict__` updated with each class's `__dict__`, the class's first and then its
    /// bases' depth first (merge_class_dict), so in CPython's order for Python classes
    /// and `object`; another built-in class adds its names sorted. Nil for the values
    /// `dir()` does not cover.
    package func objectDirNames(_ v: Value) -> [String]? {
        guard case .object(let o) = v else { return builtinAttributeNames(v)?.sorted() }
        var names: [String] = []
        var seen: Set<String> = []
        func add(_ list: [String]) { for n in list where seen.insert(n).inserted { names.append(n) } }
        let cls: PyClass
        if let inst = o as? PyInstance {
            cls = inst.cls
            add(inst.attributes.entries.map(\.0))
        } else if let part = o.instancePart {
            cls = part.cls
            if cls.instancesHaveDictAttribute { add(part.attributes.entries.map(\.0)) }
        } else if o is PyClass || o is PyModule {
            return attributeNames(v)?.sorted()
        } else {
            return builtinAttributeNames(v)?.sorted()
        }
        func merge(_ c: PyClass) {
            if c === BuiltinTypes.object {
                add(Self.objectDictOrder)
            } else if c.isMutable {
                add(c.orderedNames)
                if cls.instancesHaveDictAttribute, c.bases.allSatisfy({ !$0.isMutable }) {
                    add(["__dict__", "__weakref__"])
                }
            } else if let native = builtinAttributeNames(.object(c)) {
                add(native.sorted())
            }
            for base in c.bases { merge(base) }
        }
        merge(cls)
        return names
    }

    /// `object.__dict__`'s keys in CPython 3.11's order.
    package static let objectDictOrder: [String] = [
        "__new__", "__repr__", "__hash__", "__str__", "__getattribute__", "__setattr__",
        "__delattr__", "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__", "__init__",
        "__reduce_ex__", "__reduce__", "__getstate__", "__subclasshook__", "__init_subclass__",
        "__format__", "__sizeof__", "__dir__", "__class__", "__doc__",
    ]

    /// `dir(object())` in CPython 3.11.
    package static let objectAttributeNames: [String] = [
        "__class__", "__delattr__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__",
        "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__",
        "__le__", "__lt__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__",
        "__setattr__", "__sizeof__", "__str__", "__subclasshook__",
    ]

    /// What `BaseException` adds to them.
    package static let exceptionAttributeNames: [String] = [
        "__cause__", "__context__", "__setstate__", "__suppress_context__", "__traceback__",
        "add_note", "args", "with_traceback",
    ]
}
