/// Attribute access on instances and classes made by `class` statements, as CPython's
/// `PyObject_GenericGetAttr` / `type_getattro` do it: data descriptors on the class
/// first, then the instance's own attributes, then the class's attributes (functions
/// bind, `classmethod` binds the class, `staticmethod` unwraps), then `__getattr__`.
extension Interpreter {
    /// What a class attribute `d` gives when read through `instance` (nil: through the
    /// class `owner` itself): CPython's `tp_descr_get`.
    package func descriptorGet(_ d: Value, instance: Value?, owner: PyClass) throws -> Value {
        guard case .object(let o) = d else { return d }
        switch o {
        case is PyFunction:
            if let instance { return .object(PyBoundMethod(receiver: instance, function: d)) }
            return d
        case let b as PyBuiltin:
            // A method descriptor (`list.append`, a slot) binds; a module's built-in
            // function stored in a class (`converter = time.localtime`) does not:
            // CPython's builtin_function_or_method has no `__get__`.
            if !b.isModuleFunction, let instance { return .object(PyBoundMethod(receiver: instance, function: d)) }
            return d
        case let s as PyStaticMethod:
            return s.function
        case let c as PyClassMethod:
            return .object(PyBoundMethod(receiver: .object(owner), function: c.function))
        case let p as PyProperty:
            guard let instance else { return d }
            guard !p.fget.isNone else {
                throw attributeError("property \(PyString.repr(p.name ?? "?")) of \(PyString.repr(classOf(instance).qualname)) object has no getter")
            }
            return try callNow(p.fget, [instance])
        case let inst as PyInstance where inst.cls.isMutable:
            if let get = inst.cls.lookup("__get__") {
                return try callNow(get, [d, instance ?? .none, .object(owner)])
            }
            return d
        default:
            return d
        }
    }

    /// `f.__get__(instance, owner)` of a function, `property`, `staticmethod` or
    /// `classmethod` (and a property's `__set__`/`__delete__`): what `descriptorGet` and
    /// attribute assignment do, as methods (enum tells descriptors by them).
    package func descriptorProtocolMethod(_ o: PyObject, _ d: Value, _ name: String) -> Value? {
        switch name {
        case "__get__" where o is PyFunction || o is PyProperty || o is PyStaticMethod || o is PyClassMethod:
            return nativeFunction("__get__", owner: nil, .positional(min: 1, max: 2)) { vm, args, _ in
                let instance: Value? = args[0].isNone ? nil : args[0]
                var owner = instance.map { vm.classOf($0) }
                if args.count > 1, case .object(let c) = args[1], let cls = c as? PyClass { owner = cls }
                guard let owner else { throw vm.typeError("__get__(None, None) is invalid") }
                return try vm.descriptorGet(d, instance: instance, owner: owner)
            }
        case "__set__" where o is PyProperty:
            return nativeFunction("__set__", owner: nil, .positional(min: 2, max: 2)) { vm, args, _ in
                guard let p = o as? PyProperty, !p.fset.isNone else { throw vm.attributeError("can't set attribute") }
                try vm.callNow(p.fset, [args[0], args[1]])
                return .none
            }
        case "__delete__" where o is PyProperty:
            return nativeFunction("__delete__", owner: nil, .oneArgument) { vm, args, _ in
                guard let p = o as? PyProperty, !p.fdel.isNone else { throw vm.attributeError("can't delete attribute") }
                try vm.callNow(p.fdel, [args[0]])
                return .none
            }
        default:
            return nil
        }
    }

    package func attributeError(_ message: String) -> PythonError {
        PythonError(makeException(BuiltinTypes.attributeError, message))
    }

    /// `inst.name`, or nil when it has no such attribute (the caller raises).
    package func instanceGetAttribute(_ inst: PyInstance, _ obj: Value, _ name: String) throws -> Value? {
        let special = inst.cls.specialMethods
        if special.getattribute, let hook = inst.cls.lookup("__getattribute__") {
            // `slot_tp_getattr_hook`: the class's `__getattribute__`, then `__getattr__`
            // when it raises AttributeError.
            do {
                return try callNow(hook, [obj, .str(name)])
            } catch let e as PythonError where e.exception.isInstance(of: BuiltinTypes.attributeError) {
                guard special.getattr, let fallback = inst.cls.lookup("__getattr__") else { throw e }
                return try callNow(fallback, [obj, .str(name)])
            }
        }
        guard special.getattr else { return try genericGetAttribute(inst, obj, name, special) }
        do {
            if let v = try genericGetAttribute(inst, obj, name, special) { return v }
        } catch let e as PythonError where e.exception.isInstance(of: BuiltinTypes.attributeError) {
            // `__getattr__` also runs when a property's getter raises AttributeError.
        }
        guard let hook = inst.cls.lookup("__getattr__") else { return nil }
        return try callNow(hook, [obj, .str(name)])
    }

    /// `object.__getattribute__`.
    package func genericGetAttribute(_ inst: PyInstance, _ obj: Value, _ name: String,
                                     _ special: PyClass.SpecialMethods) throws -> Value? {
        if special.hasDataDescriptors, let d = inst.cls.lookup(name), d.isDataDescriptor {
            return try descriptorGet(d, instance: obj, owner: inst.cls)
        }
        if let v = inst.instanceAttribute(name) { return v }
        if let d = inst.cls.lookup(name) { return try descriptorGet(d, instance: obj, owner: inst.cls) }
        switch name {
        case "__dict__" where inst.cls.instancesHaveDictAttribute: return .object(instanceDict(inst))
        case "__class__": return .object(inst.cls)
        default: break
        }
        for c in inst.cls.mro where !c.isMutable {
            if let slot = nativeSlot(of: c, name) { return try descriptorGet(slot, instance: obj, owner: inst.cls) }
        }
        return nil
    }

    /// `C.name` for a class.
    package func classGetAttribute(_ cls: PyClass, _ name: String) throws -> Value? {
        switch name {
        case "__name__": return .str(cls.name)
        case "__qualname__": return .str(cls.qualname)
        case "__module__": return cls.dict["__module__"] ?? .str(cls.module)
        case "__mro__": return .object(PyTuple(cls.mro.map { .object($0) }))
        case "__bases__": return .object(PyTuple(cls.bases.map { .object($0) }))
        case "__base__": return cls.bases.first.map { .object($0) } ?? .none
        case "__flags__": return .int(typeFlags(cls))
        case "__dict__":
            let d = PyDict()
            for k in cls.orderedNames { if let v = cls.dict[k] { d.set(.str(k), v) } }
            // A built-in type's own slots (`'__new__' in int.__dict__`, as enum asks).
            for k in Self.builtinTypeDictNames { if let v = builtinTypeSlot(cls, k) { d.set(.str(k), v) } }
            for k in Self.builtinOwnDunderNames(cls) where d.get(.str(k)) == nil {
                if let v = builtinTypeSlot(cls, k) { d.set(.str(k), v) }
            }
            for (k, v) in nativeTypeProtocolSlots(cls) where d.get(.str(k)) == nil { d.set(.str(k), v) }
            return .object(d)
        case "__doc__": return cls.lookup("__doc__") ?? .none
        // `dict.fromkeys(iterable, value=None)`, a classmethod of dict.
        case "fromkeys" where cls === BuiltinTypes.dict:
            return nativeFunction("fromkeys", owner: "dict", .positional(min: 1, max: 2)) { vm, args, _ in
                let d = PyDict()
                for key in try vm.iterate(args[0]) {
                    guard key.isHashable else { throw vm.typeError("unhashable type: '\(key.typeName)'") }
                    d.set(key, args.count > 1 ? args[1] : .none)
                }
                return .object(d)
            }
        case "fromhex" where cls === BuiltinTypes.bytes || cls === BuiltinTypes.bytearray:
            let byteArray = cls === BuiltinTypes.bytearray
            return nativeFunction("fromhex", owner: cls.name, .oneArgument) { vm, args, _ in try vm.bytesFromHex(args[0], byteArray: byteArray) }
        case "maketrans" where cls === BuiltinTypes.bytes || cls === BuiltinTypes.bytearray:
            return nativeFunction("maketrans", owner: nil, .positional(min: 2, max: 2)) { vm, args, _ in try vm.bytesMakeTrans(args) }
        case "from_bytes" where cls === BuiltinTypes.int:
            return nativeFunction("from_bytes", owner: "int", .clinic(positionalOnly: 0, positionalOrKeyword: ["bytes", "byteorder"], keywordOnly: ["signed"])) { vm, args, kwargs in
                try vm.intFromBytes(args, kwargs)
            }
        case "maketrans" where cls === BuiltinTypes.str:
            return nativeFunction("maketrans", owner: nil, .positional(min: 1, max: 3)) { vm, args, _ in try Interpreter.maketrans(vm, args) }
        default: break
        }
        if let meta = cls.metaclass { return try metaclassGetAttribute(cls, meta, name) }
        if let d = cls.lookup(name) { return try descriptorGet(d, instance: nil, owner: cls) }
        for c in cls.mro where !c.isMutable {
            if let slot = nativeSlot(of: c, name) {
                if c === BuiltinTypes.object, name == "__repr__", let own = ownReprSlot(cls) { return own }
                return try descriptorGet(slot, instance: nil, owner: cls)
            }
        }
        // Then what the class's class, `type`, has (`C.mro()`, `C.__call__`).
        if let slot = NativeSlots.type[name] { return try descriptorGet(slot, instance: .object(cls), owner: BuiltinTypes.type) }
        return methodDescriptor(cls, name)
    }

    /// An instance's `__dict__` (`vars(obj)`, `obj.__dict__`): a dict of its attributes,
    /// made the first time and linked to it, so writes through either show in the other.
    package func instanceDict(_ inst: PyInstance) -> PyDict {
        if let d = inst.attributes.dict { return d }
        let d = PyDict()
        for (k, v) in inst.attributes.entries { d.store(.str(k), v) }
        d.linkedInstance = inst
        inst.attributes.link(d)
        return d
    }

    /// A module's `__dict__` (`vars(module)`, `module.__dict__`): the dict linked to its
    /// globals both ways, as `exec` links a globals dict (names in sorted order: the
    /// module's table does not keep the order they were bound in).
    package func moduleDict(_ m: PyModule) -> PyDict {
        if let d = m.linkedDict { return d }
        let d = PyDict()
        for (k, v) in m.attributes { d.store(.str(k), v) }
        d.linkedModule = m
        m.linkedDict = d
        return d
    }

    /// `inst.name = value`: a user `__setattr__`, else `object.__setattr__`.
    package func instanceSetAttribute(_ inst: PyInstance, _ obj: Value, _ name: String, _ value: Value) throws {
        if inst.cls.specialMethods.setattr, let hook = inst.cls.lookup("__setattr__") {
            try callNow(hook, [obj, .str(name), value])
            return
        }
        try genericSetAttribute(inst, obj, name, value)
    }

    /// `object.__setattr__`: a data descriptor's `__set__`, else the instance's own table.
    package func genericSetAttribute(_ inst: PyInstance, _ obj: Value, _ name: String, _ value: Value) throws {
        if inst.cls.specialMethods.hasDataDescriptors, let d = inst.cls.lookup(name), case .object(let o) = d {
            if let p = o as? PyProperty {
                guard !p.fset.isNone else {
                    throw attributeError("property \(PyString.repr(p.name ?? name)) of \(PyString.repr(inst.cls.qualname)) object has no setter")
                }
                try callNow(p.fset, [obj, value])
                return
            }
            if let descriptor = o as? PyInstance, descriptor.cls.isMutable, d.isDataDescriptor {
                guard let set = descriptor.cls.lookup("__set__") else { throw attributeError("__set__") }
                try callNow(set, [d, obj, value])
                return
            }
        }
        if let e = inst as? PyException, try setExceptionAttribute(e, name, value) { return }
        inst.attributes[name] = value
    }

    /// The attributes an exception keeps in its own fields.
    private func setExceptionAttribute(_ e: PyException, _ name: String, _ value: Value) throws -> Bool {
        switch name {
        case "__cause__":
            e.cause = value.asObject as? PyException
            e.suppressContext = true
        case "__context__":
            e.context = value.asObject as? PyException
        case "__suppress_context__":
            e.suppressContext = try truthy(value)
        case "args":
            e.args = try iterate(value)
        default:
            return false
        }
        return true
    }

    /// `del obj.name` and `delattr(obj, name)`.
    package func deleteAttribute(_ obj: Value, _ name: String) throws {
        guard case .object(let o) = obj else {
            throw attributeError("'\(obj.typeName)' object has no attribute '\(name)'")
        }
        if let inst = o as? PyInstance ?? o.instancePart {
            if inst.cls.specialMethods.delattr, let hook = inst.cls.lookup("__delattr__") {
                try callNow(hook, [obj, .str(name)])
                return
            }
            try genericDeleteAttribute(inst, obj, name)
            return
        }
        if let f = o as? PyFunction, let d = f.attributes, d.remove(.str(name)) != nil { return }
        if let c = o as? PyClass {
            if let hook = c.metaclass?.lookup("__delattr__") {
                try callNow(hook, [obj, .str(name)])
                return
            }
            try typeDeleteAttribute(c, name)
            return
        }
        if let m = o as? PyModule, m.attributes[name] != nil {
            m.bind(name, nil)
            return
        }
        throw attributeError("'\(obj.typeName)' object has no attribute '\(name)'")
    }

    /// `type.__setattr__`: classes made by `class` statements take new attributes.
    package func typeSetAttribute(_ c: PyClass, _ name: String, _ value: Value) throws {
        guard c.isMutable else {
            throw typeError("cannot set '\(name)' attribute of immutable type '\(c.name)'")
        }
        if c.dict[name] == nil { c.definitionOrder.append(name) }
        c.dict[name] = value
        // The class's repr names its module from here (io sets
        // `UnsupportedOperation.__module__ = "io"`).
        if name == "__module__", case .str(let module) = value { c.module = module }
    }

    /// `type.__delattr__`.
    package func typeDeleteAttribute(_ c: PyClass, _ name: String) throws {
        guard c.isMutable else {
            throw typeError("cannot set '\(name)' attribute of immutable type '\(c.name)'")
        }
        guard c.dict.removeValue(forKey: name) != nil else {
            throw attributeError("type object '\(c.name)' has no attribute '\(name)'")
        }
    }

    /// `object.__delattr__`.
    package func genericDeleteAttribute(_ inst: PyInstance, _ obj: Value, _ name: String) throws {
        if inst.cls.specialMethods.hasDataDescriptors, let d = inst.cls.lookup(name), case .object(let o) = d {
            if let p = o as? PyProperty {
                guard !p.fdel.isNone else {
                    throw attributeError("property \(PyString.repr(p.name ?? name)) of \(PyString.repr(inst.cls.qualname)) object has no deleter")
                }
                try callNow(p.fdel, [obj])
                return
            }
            if let descriptor = o as? PyInstance, let delete = descriptor.cls.lookup("__delete__") {
                try callNow(delete, [d, obj])
                return
            }
        }
        guard inst.attributes[name] != nil else {
            throw attributeError("'\(inst.cls.name)' object has no attribute '\(name)'")
        }
        inst.attributes[name] = nil
    }
}
