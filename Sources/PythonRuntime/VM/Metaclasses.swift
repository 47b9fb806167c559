/// Metaclasses: classes whose instances are classes (`class Meta(type)`), as CPython's
/// `__build_class__` and `typeobject.c` use them: which metaclass a class statement
/// calls (`_PyType_CalculateMetaclass`), the namespace its `__prepare__` makes, class
/// attributes found on the metaclass (`type_getattro`), and the special methods a
/// metaclass gives its classes (`iter(C)`, `C[k]`, `len(C)`, `C(...)` through
/// `Meta.__call__`, found by `userMethod`).
extension Interpreter {
    /// `_PyType_CalculateMetaclass`: the most derived of `metatype` and the bases'
    /// metaclasses; a TypeError when two are unrelated.
    package func calculateMetaclass(_ metatype: PyClass, _ bases: [Value]) throws -> PyClass {
        var winner = metatype
        for base in bases {
            let baseType = classOf(base)
            if winner.isSubclass(of: baseType) { continue }
            if baseType.isSubclass(of: winner) {
                winner = baseType
                continue
            }
            throw typeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
        }
        return winner
    }

    /// `meta.__prepare__(name, bases, **kwargs)`, or nil when the metaclass has none of
    /// its own (`type.__prepare__` returns an empty dict).
    package func prepareNamespace(_ meta: Value, _ name: String, _ bases: [Value], _ kwargs: [(String, Value)]) throws -> Value? {
        let prepare: Value
        if case .object(let o) = meta, let metaclass = o as? PyClass {
            guard let p = metaclass.lookup("__prepare__") else { return nil }
            prepare = try descriptorGet(p, instance: nil, owner: metaclass)
        } else {
            guard let p = try optionalAttribute(meta, "__prepare__") else { return nil }
            prepare = p
        }
        let namespace = try callNow(prepare, [.str(name), .object(PyTuple(bases))], kwargs)
        guard case .object(let o) = namespace, o is PyDict || userMethod(namespace, "__getitem__") != nil else {
            let owner = (meta.asObject as? PyClass)?.name ?? "<metaclass>"
            throw typeError("\(owner).__prepare__() must return a mapping, not \(namespace.typeName)")
        }
        return namespace
    }

    /// `obj.name`, or nil where reading it raises AttributeError.
    package func optionalAttribute(_ obj: Value, _ name: String) throws -> Value? {
        try nilOn(BuiltinTypes.attributeError) { try getAttribute(obj, name) }
    }

    /// LOAD_NAME in a class body whose namespace is a mapping: its item, or nil at
    /// KeyError (the globals and builtins come next).
    package func mappingName(_ mapping: Value, _ name: String) throws -> Value? {
        try nilOn(BuiltinTypes.keyError) { try getItem(mapping, .str(name)) }
    }

    /// DELETE_NAME in such a body: a KeyError becomes the NameError CPython raises.
    package func deleteMappingName(_ mapping: Value, _ name: String) throws {
        do {
            try deleteSubscript(mapping, .str(name))
        } catch let e as PythonError where e.exception.isInstance(of: BuiltinTypes.keyError) {
            throw PythonError(makeException(BuiltinTypes.nameError, "name '\(name)' is not defined"))
        }
    }

    /// What class `c` itself defines for `name`: its dict, or for a built-in class the
    /// slot it implements in C.
    package func classSlot(_ c: PyClass, _ name: String) -> Value? {
        c.dict[name] ?? (c.isMutable ? nil : nativeSlot(of: c, name))
    }

    /// `_PyType_Lookup` including the C slots of built-in classes in the MRO.
    package func lookupWithSlots(_ cls: PyClass, _ name: String) -> Value? {
        for c in cls.mro { if let v = classSlot(c, name) { return v } }
        return nil
    }

    /// `type_getattro` for a class whose metaclass is not `type`: a data descriptor of
    /// the metaclass, then the class's own MRO, then the metaclass's attributes bound to
    /// the class, then the metaclass's `__getattr__`.
    package func metaclassGetAttribute(_ cls: PyClass, _ meta: PyClass, _ name: String) throws -> Value? {
        let metaAttribute = lookupWithSlots(meta, name)
        if let m = metaAttribute, m.isDataDescriptor {
            return try descriptorGet(m, instance: .object(cls), owner: meta)
        }
        if let d = lookupWithSlots(cls, name) { return try descriptorGet(d, instance: nil, owner: cls) }
        if let m = metaAttribute { return try descriptorGet(m, instance: .object(cls), owner: meta) }
        if let hook = meta.lookup("__getattr__") { return try callNow(hook, [.object(cls), .str(name)]) }
        return nil
    }

    /// `type.__new__(metatype, name, bases, namespace, **kwargs)` (and `type(x)`).
    package func typeNewSlot(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        guard case .object(let o)? = args.first, let metatype = o as? PyClass else {
            throw typeError("type.__new__(X): X is not a type object (\(args.first?.typeName ?? "NoneType"))")
        }
        guard metatype.isSubclass(of: BuiltinTypes.type) else {
            throw typeError("type.__new__(\(metatype.name)): \(metatype.name) is not a subtype of type")
        }
        if metatype === BuiltinTypes.type && args.count == 2 && kwargs.isEmpty { return .object(classOf(args[1])) }
        guard args.count == 4 else { throw typeError("type.__new__() takes exactly 3 arguments (\(args.count - 1) given)") }
        guard case .str(let name) = args[1] else {
            throw typeError("type.__new__() argument 1 must be str, not \(args[1].typeName)")
        }
        guard case .object(let b) = args[2], let bases = b as? PyTuple else {
            throw typeError("type.__new__() argument 2 must be tuple, not \(args[2].typeName)")
        }
        guard case .object(let d) = args[3], let dict = d as? PyDict else {
            throw typeError("type.__new__() argument 3 must be dict, not \(args[3].typeName)")
        }
        var namespace: [String: Value] = [:]
        var order: [String] = []
        for (key, value) in dict.entries {
            guard case .str(let k) = key else { throw typeError("type.__new__() namespace keys must be str, not \(key.typeName)") }
            namespace[k] = value
            order.append(k)
        }
        return .object(try typeNew(metatype, name: name, bases: bases.items, namespace: namespace, order: order, kwargs: kwargs))
    }
}

extension Value {
    /// A `dict` itself, not a flavour of it: a class body can keep its names natively.
    package var isPlainDict: Bool {
        guard case .object(let o) = self, let d = o as? PyDict, case .dict = d.flavor, d.instancePart == nil else { return false }
        return true
    }
}
