/// `class` statements and instances: building a class from its body (CPython's
/// `__build_class__` and `type_new`), calling a class (`type_call`: `__new__` then
/// `__init__`), and `super()`.
extension Interpreter {
    /// `__build_class__`: the metaclass (the `metaclass=` keyword, else the bases'
    /// most derived one), its `__prepare__`d namespace, the body run in it, then the
    /// metaclass called with `(name, bases, namespace, **keywords)`. The other keywords
    /// reach `__init_subclass__`.
    package func buildClass(name: String, body: Value, bases original: [Value], keywords: [(String, Value)]) throws -> Value {
        guard case .object(let o) = body, let fn = o as? PyFunction else { throw typeError("bad class body") }
        let bases = try resolveBases(original)
        var kwargs = keywords
        let explicit = kwargs.firstIndex { $0.0 == "metaclass" }.map { kwargs.remove(at: $0).1 }
        var meta = explicit ?? .object(bases.first.map(classOf) ?? BuiltinTypes.type)
        if case .object(let m) = meta, let metaclass = m as? PyClass {
            meta = .object(try calculateMetaclass(metaclass, bases))
        }
        let isPlainType = meta.isIdentical(to: .object(BuiltinTypes.type))
        let prepared = isPlainType ? nil : try prepareNamespace(meta, name, bases, kwargs)

        let frame = try makeFrame(fn, [], [])
        let module: Value = fn.globals.attributes["__name__"] ?? .str(fn.globals.name)
        let qualname = Value.str(fn.code.qualname)
        if let prepared, !prepared.isPlainDict {
            frame.namespaceMapping = prepared
            try storeSubscript(prepared, .str("__module__"), module)
            try storeSubscript(prepared, .str("__qualname__"), qualname)
        } else {
            var namespace: [String: Value] = [:]
            var order: [String] = []
            for (key, value) in (prepared?.asObject as? PyDict)?.entries ?? [] {
                guard case .str(let k) = key else { continue }
                namespace[k] = value
                order.append(k)
            }
            for (k, v) in [("__module__", module), ("__qualname__", qualname)] where namespace.updateValue(v, forKey: k) == nil {
                order.append(k)
            }
            frame.namespace = namespace
            frame.namespaceKeys = order
        }
        let fiber = Fiber([])
        try push(frame, on: fiber)
        if case .raised(let exc) = execute(fiber, .start) { throw PythonError(exc) }
        // The `__class__` cell that zero-argument `super()` reads; `type.__new__` fills it.
        let classCell = fn.code.cellNames.firstIndex(of: "__class__").map { frame.cells[$0] }
        let basesChanged = bases.count != original.count || zip(bases, original).contains { !$0.isIdentical(to: $1) }
        let origBases: Value? = basesChanged ? .object(PyTuple(original)) : nil

        if isPlainType, var namespace = frame.namespace {
            // `type(name, bases, namespace)` without building the dict.
            var order = frame.namespaceKeys
            if let origBases, namespace.updateValue(origBases, forKey: "__orig_bases__") == nil { order.append("__orig_bases__") }
            let cls = try typeNew(BuiltinTypes.type, name: name, bases: bases, namespace: namespace, order: order,
                                  kwargs: kwargs, classCell: classCell)
            return .object(cls)
        }
        let namespace: Value
        if let mapping = frame.namespaceMapping {
            if let classCell { try storeSubscript(mapping, .str("__classcell__"), .object(classCell)) }
            if let origBases { try storeSubscript(mapping, .str("__orig_bases__"), origBases) }
            namespace = mapping
        } else {
            let dict = PyDict()
            for key in frame.namespaceKeys { if let v = frame.namespace?[key] { dict.set(.str(key), v) } }
            if let classCell { dict.set(.str("__classcell__"), .object(classCell)) }
            if let origBases { dict.set(.str("__orig_bases__"), origBases) }
            namespace = .object(dict)
        }
        let cls = try callNow(meta, [.str(name), .object(PyTuple(bases)), namespace], kwargs)
        // A metaclass whose `__new__` dropped `__classcell__` leaves `super()` broken:
        // CPython refuses the class.
        if let classCell, case .object(let c) = cls, c is PyClass {
            guard let set = classCell.value else {
                throw PythonError(makeException(BuiltinTypes.runtimeError,
                    "__class__ not set defining \(PyString.repr(name)) as \(try repr(cls)). Was __classcell__ propagated to type.__new__?"))
            }
            if !set.isIdentical(to: cls) {
                throw typeError("__class__ set to \(try repr(set)) defining \(PyString.repr(name)) as \(try repr(cls))")
            }
        }
        return cls
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
            baseClasses.append(cls)
        }
        if baseClasses.isEmpty { baseClasses = [BuiltinTypes.object] }
        guard PyClass.linearize(baseClasses) != nil else {
            throw typeError("Cannot create a consistent method resolution\norder (MRO) for bases "
                + baseClasses.map(\.name).joined(separator: ", "))
        }
        return baseClasses
    }

    /// `type_new`: the class object from its namespace, with `metatype` (or the bases'
    /// more derived metaclass) as its class; then `__set_name__` and `__init_subclass__`.
    package func typeNew(_ metatype: PyClass, name: String, bases: [Value], namespace: [String: Value], order: [String],
                 kwargs: [(String, Value)], classCell: PyCell? = nil) throws -> PyClass {
        let baseClasses = try classBases(bases)
        let valueBase = try valueBase(of: baseClasses)
        let winner = try calculateMetaclass(metatype, bases)
        var namespace = namespace
        var classCell = classCell
        if let cell = namespace.removeValue(forKey: "__classcell__") {
            guard case .object(let c) = cell, let pyCell = c as? PyCell else {
                throw typeError("__classcell__ must be a nonlocal cell, not \(try repr(.object(classOf(cell))))")
            }
            classCell = pyCell
        }
        var qualname = name
        if let q = namespace.removeValue(forKey: "__qualname__") {
            guard case .str(let s) = q else {
                throw typeError("type __qualname__ must be a str, not \(q.typeName)")
            }
            qualname = s
        }
        // CPython's default `__module__` is the caller's `__name__`; class statements
        // always set one, and `type(name, bases, dict)` is called from `__main__` here.
        if namespace["__module__"] == nil { namespace["__module__"] = .str("__main__") }
        var moduleName = "__main__"
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
        cls.valueBase = valueBase
        cls.metaclass = winner === BuiltinTypes.type ? nil : winner
        cls.dict = namespace
        // `type_new` adds `__doc__` after the body's names when the body has none.
        cls.definitionOrder = order.filter { $0 != "__qualname__" && $0 != "__classcell__" }
        if !order.contains("__doc__") { cls.definitionOrder.append("__doc__") }
        cls.registerWithBases()
        classCell?.value = .object(cls)
        try finishClass(cls, order: order, kwargs: kwargs)
        return cls
    }

    /// What `type_new` does once the class exists: `__set_name__` on its descriptors and
    /// the bases' `__init_subclass__`.
    private func finishClass(_ cls: PyClass, order: [String], kwargs: [(String, Value)]) throws {
        // `__set_name__` for the descriptors in the body, in definition order.
        for (key, value) in order.compactMap({ k in cls.dict[k].map { (k, $0) } }) {
            guard case .object(let d) = value else { continue }
            if let p = d as? PyProperty {
                if p.name == nil { p.name = key }
            } else if let inst = d as? PyInstance, let setName = inst.cls.lookup("__set_name__") {
                try callNow(setName, [value, .object(cls), .str(key)])
            }
        }
        // `super(cls, cls).__init_subclass__(**kwargs)`: the nearest base that defines one
        // (`object`'s refuses keywords).
        if let hook = cls.mro.dropFirst().lazy.compactMap({ self.classSlot($0, "__init_subclass__") }).first {
            try callNow(try descriptorGet(hook, instance: nil, owner: cls), [], kwargs)
        }
    }

    /// `cls(*args, **kwargs)` for a class made by a `class` statement (or `object`, an
    /// exception class): `__new__` makes the instance, then `__init__` runs on it when
    /// it is an instance of `cls`.
    package func instantiate(_ cls: PyClass, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        if let native = nativeConstructors[ObjectIdentifier(cls)] {
            return try native(self, args, kwargs)
        }
        if cls.isSubclass(of: BuiltinTypes.type) { return try instantiateMetaclass(cls, args, kwargs) }
        // A class deriving from a built-in type: its `__new__` and `__init__`, or the
        // built-in type's (`list.__init__` fills the list, `int.__new__` takes the value).
        if cls.valueBase != nil { return try instantiateDerived(cls, args, kwargs) }
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

    /// `type_call` for a class deriving from a built-in type: `__new__` then `__init__`,
    /// each the class's own or the built-in type's slot.
    private func instantiateDerived(_ cls: PyClass, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        guard let new = lookupWithSlots(cls, "__new__"), let initializer = lookupWithSlots(cls, "__init__") else {
            throw typeError("cannot create '\(cls.name)' instances")
        }
        let instance = try callNow(try descriptorGet(new, instance: nil, owner: cls), [.object(cls)] + args, kwargs)
        guard classOf(instance).isSubclass(of: cls) else { return instance }
        // `object.__init__` ignores the arguments `__new__` took (int's, str's, tuple's).
        if case .object(let f) = initializer, f === NativeSlots.object["__init__"]?.asObject { return instance }
        let result = try callNow(try descriptorGet(initializer, instance: instance, owner: cls), args, kwargs)
        if !result.isNone { throw typeError("__init__() should return None, not '\(result.typeName)'") }
        return instance
    }

    /// `Meta(name, bases, namespace)`: `type_call` with `type`'s own `__new__` and
    /// `__init__` where the metaclass defines none.
    package func instantiateMetaclass(_ cls: PyClass, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        guard let new = lookupWithSlots(cls, "__new__"), let initializer = lookupWithSlots(cls, "__init__") else {
            throw typeError("cannot create '\(cls.name)' instances")
        }
        let instance = try callNow(try descriptorGet(new, instance: nil, owner: cls), [.object(cls)] + args, kwargs)
        guard classOf(instance).isSubclass(of: cls) else { return instance }
        let result = try callNow(try descriptorGet(initializer, instance: instance, owner: cls), args, kwargs)
        if !result.isNone { throw typeError("__init__() should return None, not '\(result.typeName)'") }
        return instance
    }

    /// `object.__new__(cls)` / `BaseException.__new__(cls, *args)`.
    package func allocate(_ cls: PyClass, _ args: [Value]) throws -> Value {
        if cls.isSubclass(of: BuiltinTypes.int) || cls.isSubclass(of: BuiltinTypes.str) {
            throw typeError("cannot create '\(cls.name)' instances")
        }
        // object_new refuses a class whose `__abstractmethods__` (set by abc.ABCMeta on
        // each class it makes, hence its own dict only) is non-empty.
        if !cls.isExceptionClass, let abstracts = cls.dict["__abstractmethods__"], try truthy(abstracts) {
            let names = try iterate(abstracts).map { v -> String in
                guard case .str(let s) = v else { throw typeError("'<' not supported between instances of '\(v.typeName)' and 'str'") }
                return s
            }.sorted()
            throw typeError("Can't instantiate abstract class \(cls.name) with abstract method\(names.count > 1 ? "s" : "") \(names.joined(separator: ", "))")
        }
        let instance = cls.isExceptionClass ? PyException(cls: cls, args: args) : PyInstance(cls: cls)
        if cls.isMutable { instance.vm = self }
        return .object(instance)
    }

    // MARK: super

    /// `super()` (reading the calling method's first argument and its `__class__` cell)
    /// or `super(C, obj)`.
    package func makeSuper(_ args: [Value]) throws -> Value {
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
    package func superAttribute(_ s: PySuper, _ name: String) throws -> Value? {
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
