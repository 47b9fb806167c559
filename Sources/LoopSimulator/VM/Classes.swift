/// `class` statements and instances: building a class from its body (CPython's
/// `__build_class__` and `type_new`), calling a class (`type_call`: `__new__` then
/// `__init__`), and `super()`.
extension Interpreter {
    func buildClass(name: String, body: Value, bases original: [Value]) throws -> Value {
        let bases = try resolveBases(original)
        let baseClasses = try classBases(bases)
        guard case .object(let o) = body, let fn = o as? PyFunction else { throw typeError("bad class body") }
        let frame = try makeFrame(fn, [], [])
        let module: Value = fn.globals.attributes["__name__"] ?? .str(fn.globals.name)
        frame.namespace = ["__module__": module, "__qualname__": .str(fn.code.qualname)]
        let fiber = Fiber([])
        try push(frame, on: fiber)
        if case .raised(let exc) = execute(fiber, .start) { throw PythonError(exc) }
        var namespace = frame.namespace ?? [:]
        if bases.count != original.count || zip(bases, original).contains(where: { !$0.isIdentical(to: $1) }) {
            namespace["__orig_bases__"] = .object(PyTuple(original))
        }
        let cls = try makeClass(name: name, bases: baseClasses, namespace: namespace,
                                order: frame.namespaceKeys, qualname: fn.code.qualname, module: fn.globals.name)
        // The `__class__` cell that zero-argument `super()` reads.
        if let i = fn.code.cellNames.firstIndex(of: "__class__") { frame.cells[i].value = .object(cls) }
        try finishClass(cls, order: frame.namespaceKeys)
        return .object(cls)
    }

    /// `type(name, bases, dict)`: a class made from a namespace instead of a class body,
    /// by the same steps as a `class` statement. `module` is the `__module__` when the
    /// dict has none (CPython takes the caller's `__name__`).
    func makeClass(name: String, bases: [Value], namespace: PyDict, module: String) throws -> Value {
        var dict: [String: Value] = [:]
        var order: [String] = []
        for (key, value) in namespace.entries {
            guard case .str(let k) = key else { throw typeError("type() argument 3 must be a dict with str keys") }
            dict[k] = value
            order.append(k)
        }
        if dict["__module__"] == nil { dict["__module__"] = .str(module) }
        let cls = try makeClass(name: name, bases: classBases(bases), namespace: dict, order: order, qualname: name, module: module)
        try finishClass(cls, order: order)
        return .object(cls)
    }

    /// PEP 560's `__mro_entries__` (`update_bases` in bltinmodule.c): a base that is not a
    /// class but has the method is replaced by the classes it returns (`Generic[T]` gives
    /// `Generic`).
    private func resolveBases(_ bases: [Value]) throws -> [Value] {
        var resolved: [Value] = []
        for base in bases {
            if case .object(let o) = base, o is PyClass {
                resolved.append(base)
                continue
            }
            let method: Value
            do {
                method = try getAttribute(base, "__mro_entries__")
            } catch let e as PythonError where e.exception.isInstance(of: BuiltinTypes.attributeError) {
                resolved.append(base)
                continue
            }
            let entries = try callNow(method, [.object(PyTuple(bases))])
            guard case .object(let t) = entries, let tuple = t as? PyTuple else {
                throw typeError("__mro_entries__ must return a tuple")
            }
            resolved += tuple.items
        }
        return resolved
    }

    /// The bases of a new class, checked as `type_new` checks them.
    private func classBases(_ bases: [Value]) throws -> [PyClass] {
        var baseClasses: [PyClass] = []
        for b in bases {
            guard case .object(let o) = b, let cls = o as? PyClass else {
                throw typeError("bases must be types")
            }
            if baseClasses.contains(where: { $0 === cls }) { throw typeError("duplicate base class \(cls.name)") }
            try checkSubclassable(cls)
            baseClasses.append(cls)
        }
        if baseClasses.isEmpty { baseClasses = [BuiltinTypes.object] }
        guard PyClass.linearize(baseClasses) != nil else {
            throw typeError("Cannot create a consistent method resolution\norder (MRO) for bases "
                + baseClasses.map(\.name).joined(separator: ", "))
        }
        return baseClasses
    }

    /// `type_new`: the class object from its namespace.
    private func makeClass(name: String, bases baseClasses: [PyClass], namespace: [String: Value], order: [String],
                           qualname defaultQualname: String, module defaultModule: String) throws -> PyClass {
        var namespace = namespace
        var qualname = defaultQualname
        if let q = namespace.removeValue(forKey: "__qualname__") {
            guard case .str(let s) = q else {
                throw typeError("type __qualname__ must be a str, not \(q.typeName)")
            }
            qualname = s
        }
        var moduleName = defaultModule
        if case .str(let m)? = namespace["__module__"] { moduleName = m }
        if namespace["__doc__"] == nil { namespace["__doc__"] = Value.none }
        // type_new's implicit conversions: `__new__` is a static method, `__init_subclass__`
        // a class method, and a class defining `__eq__` without `__hash__` is unhashable.
        if case .object(let f)? = namespace["__new__"], f is PyFunction {
            namespace["__new__"] = .object(PyStaticMethod(.object(f)))
        }
        for implicit in ["__init_subclass__", "__class_getitem__"] {
            if case .object(let f)? = namespace[implicit], f is PyFunction {
                namespace[implicit] = .object(PyClassMethod(.object(f)))
            }
        }
        if namespace["__eq__"] != nil && namespace["__hash__"] == nil { namespace["__hash__"] = Value.none }

        let cls = PyClass(name: name, bases: baseClasses, module: moduleName, qualname: qualname)
        cls.isMutable = true
        cls.dict = namespace
        cls.registerWithBases()
        return cls
    }

    /// What `type_new` does once the class exists: `__set_name__` on its descriptors and
    /// the bases' `__init_subclass__`.
    private func finishClass(_ cls: PyClass, order: [String]) throws {
        // `__set_name__` for the descriptors in the body, in definition order.
        for (key, value) in order.compactMap({ k in cls.dict[k].map { (k, $0) } }) {
            guard case .object(let d) = value else { continue }
            if let p = d as? PyProperty {
                if p.name == nil { p.name = key }
            } else if let inst = d as? PyInstance, let setName = inst.cls.lookup("__set_name__") {
                try callNow(setName, [value, .object(cls), .str(key)])
            }
        }
        // `super().__init_subclass__()`: the nearest base that defines one.
        if let hook = cls.mro.dropFirst().lazy.compactMap({ $0.dict["__init_subclass__"] }).first {
            try callNow(try descriptorGet(hook, instance: nil, owner: cls), [])
        }
    }

    /// Built-in types whose instances are not `PyInstance`s cannot be subclassed here.
    private func checkSubclassable(_ cls: PyClass) throws {
        for c in cls.mro where !c.isMutable && c !== BuiltinTypes.object && !c.isExceptionClass {
            throw typeError("subclassing the built-in type '\(c.name)' is not supported by loopscope")
        }
    }

    /// `cls(*args, **kwargs)` for a class made by a `class` statement (or `object`, an
    /// exception class): `__new__` makes the instance, then `__init__` runs on it when
    /// it is an instance of `cls`.
    func instantiate(_ cls: PyClass, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        if let native = nativeConstructors[ObjectIdentifier(cls)] {
            return try native(self, args, kwargs)
        }
        let initializer = cls.lookup("__init__")
        let instance: Value
        if let new = cls.lookup("__new__") {
            instance = try callNow(try descriptorGet(new, instance: nil, owner: cls), [.object(cls)] + args, kwargs)
            guard classOf(instance).isSubclass(of: cls) else { return instance }
        } else {
            if initializer == nil && !cls.isExceptionClass && (!args.isEmpty || !kwargs.isEmpty) {
                throw typeError("\(cls.name)() takes no arguments")
            }
            instance = try allocate(cls, args)
        }
        if let initializer {
            let result = try callNow(initializer, [instance] + args, kwargs)
            if !result.isNone { throw typeError("__init__() should return None, not '\(result.typeName)'") }
        } else if cls.isExceptionClass, let first = kwargs.first {
            throw typeError("\(cls.name)() takes no keyword arguments (got '\(first.0)')")
        }
        return instance
    }

    /// `object.__new__(cls)` / `BaseException.__new__(cls, *args)`.
    func allocate(_ cls: PyClass, _ args: [Value]) throws -> Value {
        if cls.isSubclass(of: BuiltinTypes.int) || cls.isSubclass(of: BuiltinTypes.str) {
            throw typeError("cannot create '\(cls.name)' instances")
        }
        let instance = cls.isExceptionClass ? PyException(cls: cls, args: args) : PyInstance(cls: cls)
        if cls.isMutable { instance.vm = self }
        return .object(instance)
    }

    // MARK: super

    /// `super()` (reading the calling method's first argument and its `__class__` cell)
    /// or `super(C, obj)`.
    func makeSuper(_ args: [Value]) throws -> Value {
        let thisClass: PyClass
        let object: Value
        switch args.count {
        case 0:
            guard let frame = activeFrame, frame.code.argCount > 0 else {
                throw PythonError(makeException(BuiltinTypes.runtimeError, "super(): no arguments"))
            }
            let code = frame.code
            if let cell = code.cellParameters.first(where: { $0.local == 0 })?.cell {
                object = frame.cells[cell].value ?? .unboundLocal
            } else {
                object = frame.stack[0]
            }
            if object.isUnboundLocal {
                throw PythonError(makeException(BuiltinTypes.runtimeError, "super(): arg[0] deleted"))
            }
            guard let free = code.freeNames.firstIndex(of: "__class__") else {
                throw PythonError(makeException(BuiltinTypes.runtimeError, "super(): __class__ cell not found"))
            }
            guard case .object(let o)? = frame.cells[code.cellNames.count + free].value, let cls = o as? PyClass else {
                throw PythonError(makeException(BuiltinTypes.runtimeError, "super(): empty __class__ cell"))
            }
            thisClass = cls
        case 2:
            guard case .object(let o) = args[0], let cls = o as? PyClass else {
                throw typeError("super() argument 1 must be a type, not \(args[0].typeName)")
            }
            thisClass = cls
            object = args[1]
        default:
            throw typeError("super() takes 0 or 2 arguments here (unbound super objects are not supported)")
        }
        let objectType: PyClass
        if case .object(let o) = object, let cls = o as? PyClass, cls.isSubclass(of: thisClass) {
            objectType = cls
        } else if classOf(object).isSubclass(of: thisClass) {
            objectType = classOf(object)
        } else {
            throw typeError("super(type, obj): obj must be an instance or subtype of type")
        }
        return .object(PySuper(thisClass: thisClass, object: object, objectType: objectType))
    }

    /// `super().name`: the first class after `thisClass` in the MRO that has it.
    func superAttribute(_ s: PySuper, _ name: String) throws -> Value? {
        let instance: Value? = {
            if case .object(let o) = s.object, o === s.objectType { return nil }
            return s.object
        }()
        for c in s.remainingMRO {
            if let v = c.dict[name] ?? nativeSlot(of: c, name) {
                return try descriptorGet(v, instance: instance, owner: s.objectType)
            }
        }
        if name == "__class__" { return .object(BuiltinTypes.superType) }
        return nil
    }
}
