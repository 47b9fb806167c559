/// The special methods `object` and `BaseException` implement in C, reachable as
/// attributes (`super().__init__(msg)`, `object.__setattr__(self, k, v)`,
/// `Exception.__str__(self)`) when no class in the MRO defines them in Python.
/// The tables are built once and shared: their functions hold no state.
package enum NativeSlots {
    package static func slot(_ name: String, _ body: @escaping PyBuiltin.Body) -> (String, Value) {
        (name, .object(PyBuiltin(name, body)))
    }

    /// The receiver of a slot called as `object.__init__(self)`.
    package static func receiver(_ vm: Interpreter, _ args: [Value], _ owner: String, _ name: String) throws -> Value {
        guard let first = args.first else {
            throw vm.typeError("descriptor '\(name)' of '\(owner)' object needs an argument")
        }
        return first
    }

    package static func instance(_ vm: Interpreter, _ args: [Value], _ name: String) throws -> (PyInstance, Value) {
        let v = try receiver(vm, args, "object", name)
        guard case .object(let o) = v, let inst = o as? PyInstance ?? o.instancePart else {
            throw vm.typeError("can't apply this \(name) to \(v.typeName) object")
        }
        return (inst, v)
    }

    /// `Py_GenericAlias` as a C type's `__class_getitem__` (METH_O|METH_CLASS): `list[int]`,
    /// `_asyncio.Future[int]` are `types.GenericAlias(cls, item)`.
    package static let classGetItem: Value = .object(PyClassMethod(.object(PyBuiltin("__class_getitem__") { vm, args, _ in
        guard args.count == 2 else {
            throw vm.typeError("__class_getitem__() takes exactly one argument (\(args.count - 1) given)")
        }
        let types = try vm.importModule("types")
        return try vm.callNow(try vm.getAttribute(.object(types), "GenericAlias"), [args[0], args[1]])
    })))

    package static func attributeName(_ vm: Interpreter, _ v: Value) throws -> String {
        guard case .str(let s) = v else { throw vm.typeError("attribute name must be string, not '\(v.typeName)'") }
        return s
    }

    package static let object: [String: Value] = Dictionary(uniqueKeysWithValues: [
        slot("__init__") { vm, args, kwargs in
            let selfValue = try receiver(vm, args, "object", "__init__")
            if args.count > 1 || !kwargs.isEmpty {
                let cls = vm.classOf(selfValue)
                if cls.lookup("__init__") != nil {
                    throw vm.typeError("object.__init__() takes exactly one argument (the instance to initialize)")
                }
                if cls.lookup("__new__") == nil { throw vm.typeError("\(cls.name)() takes no arguments") }
            }
            return .none
        },
        ("__new__", .object(PyStaticMethod(.object(PyBuiltin("__new__") { vm, args, kwargs in
            guard case .object(let o)? = args.first, let cls = o as? PyClass else {
                throw vm.typeError("object.__new__(X): X is not a type object (\(args.first?.typeName ?? "NoneType"))")
            }
            if args.count > 1 || !kwargs.isEmpty {
                if cls.lookup("__new__") != nil {
                    throw vm.typeError("object.__new__() takes exactly one argument (the type to instantiate)")
                }
                if cls.lookup("__init__") == nil { throw vm.typeError("\(cls.name)() takes no arguments") }
            }
            return try vm.allocate(cls, cls.isExceptionClass ? Array(args.dropFirst()) : [])
        }.bound(to: .object(BuiltinTypes.object)))))),
        slot("__repr__") { vm, args, _ in
            let v = try receiver(vm, args, "object", "__repr__")
            // A big int is an object here, but `int.__repr__` (which this slot serves for
            // the built-in types) gives its digits.
            guard case .object(let o) = v, !(o is PyLong) else { return .str(try vm.repr(v)) }
            return .str(vm.objectRepr(o))
        },
        slot("__str__") { vm, args, _ in .str(try vm.repr(try receiver(vm, args, "object", "__str__"))) },
        slot("__dir__") { vm, args, _ in
            let v = try receiver(vm, args, "object", "__dir__")
            guard args.count == 1 else { throw vm.typeError("object.__dir__() takes no arguments (\(args.count - 1) given)") }
            guard let names = vm.objectDirNames(v) else {
                throw vm.typeError("dir() of '\(v.typeName)' objects is not supported by loopscope")
            }
            return .object(PyList(names.map { .str($0) }))
        },
        // object.__getstate__ (object_getstate_default): the instance's __dict__ itself, or
        // None when it has none or it is empty.
        slot("__getstate__") { vm, args, _ in
            let v = try receiver(vm, args, "object", "__getstate__")
            guard args.count == 1 else { throw vm.typeError("object.__getstate__() takes no arguments (\(args.count - 1) given)") }
            guard case .object(let o) = v, let inst = o as? PyInstance ?? o.instancePart,
                  inst.cls.instancesHaveDictAttribute, !inst.attributes.entries.isEmpty else { return .none }
            return .object(vm.instanceDict(inst))
        },
        // `object.__reduce_ex__(protocol)` (object___reduce_ex___impl): a `__reduce__` of
        // the object's class other than object's decides; else `_common_reduce`.
        slot("__reduce_ex__") { vm, args, _ in
            let v = try receiver(vm, args, "object", "__reduce_ex__")
            guard args.count == 2 else {
                throw vm.typeError("object.__reduce_ex__() takes exactly one argument (\(args.count - 1) given)")
            }
            guard let proto = try vm.pythonIndex(args[1]).flatMap({ vm.intValue($0) }) else {
                throw vm.typeError("'\(args[1].typeName)' object cannot be interpreted as an integer")
            }
            if vm.overridesReduce(vm.classOf(v)) { return try vm.callNow(try vm.getAttribute(v, "__reduce__"), []) }
            return try vm.commonReduce(v, proto)
        },
        // `object.__reduce__()`: `_common_reduce(self, 0)`.
        slot("__reduce__") { vm, args, _ in
            let v = try receiver(vm, args, "object", "__reduce__")
            guard args.count == 1 else { throw vm.typeError("object.__reduce__() takes no arguments (\(args.count - 1) given)") }
            return try vm.commonReduce(v, 0)
        },
        slot("__format__") { vm, args, _ in
            let v = try receiver(vm, args, "object", "__format__")
            guard args.count == 2, case .str(let spec) = args[1] else {
                throw vm.typeError("__format__() argument must be str")
            }
            guard spec.isEmpty else {
                throw vm.typeError("unsupported format string passed to \(vm.classOf(v).name).__format__")
            }
            return .str(try vm.str(v))
        },
        slot("__eq__") { vm, args, _ in
            guard args.count == 2 else { throw vm.typeError("expected 1 argument, got \(args.count - 1)") }
            return args[0].isIdentical(to: args[1]) ? .true : .notImplemented
        },
        slot("__ne__") { vm, args, _ in
            guard args.count == 2 else { throw vm.typeError("expected 1 argument, got \(args.count - 1)") }
            let eq = try vm.richCompare(.eq, args[0], args[1], reflected: false)
            if eq.isNotImplemented { return eq }
            return .bool(!(try vm.truthy(eq)))
        },
        slot("__lt__") { _, _, _ in .notImplemented },
        slot("__le__") { _, _, _ in .notImplemented },
        slot("__gt__") { _, _, _ in .notImplemented },
        slot("__ge__") { _, _, _ in .notImplemented },
        slot("__hash__") { vm, args, _ in
            let v = try receiver(vm, args, "object", "__hash__")
            guard case .object(let o) = v else { return .int(0) }
            return .int(vm.identityHash(o))
        },
        ("__init_subclass__", .object(PyClassMethod(.object(PyBuiltin("__init_subclass__") { vm, args, kwargs in
            if let first = kwargs.first {
                let owner = (args.first?.asObject as? PyClass)?.name ?? "object"
                throw vm.typeError("\(owner).__init_subclass__() takes no keyword arguments")
            }
            return .none
        })))),
        // `object.__subclasshook__`: no opinion, so ABCMeta.__subclasscheck__ goes on to
        // the MRO and the registry.
        ("__subclasshook__", .object(PyClassMethod(.object(PyBuiltin("__subclasshook__") { _, _, _ in .notImplemented })))),
        slot("__getattribute__") { vm, args, _ in
            let (inst, v) = try instance(vm, args, "__getattribute__")
            guard args.count == 2 else { throw vm.typeError("expected 1 argument, got \(args.count - 1)") }
            let name = try attributeName(vm, args[1])
            if let found = try vm.genericGetAttribute(inst, v, name, inst.cls.specialMethods) { return found }
            throw vm.attributeError("'\(inst.cls.name)' object has no attribute '\(name)'")
        },
        slot("__setattr__") { vm, args, _ in
            let (inst, v) = try instance(vm, args, "__setattr__")
            guard args.count == 3 else { throw vm.typeError("expected 2 arguments, got \(args.count - 1)") }
            try vm.genericSetAttribute(inst, v, try attributeName(vm, args[1]), args[2])
            return .none
        },
        slot("__delattr__") { vm, args, _ in
            let (inst, v) = try instance(vm, args, "__delattr__")
            guard args.count == 2 else { throw vm.typeError("expected 1 argument, got \(args.count - 1)") }
            try vm.genericDeleteAttribute(inst, v, try attributeName(vm, args[1]))
            return .none
        },
    ])

    package static func exception(_ vm: Interpreter, _ args: [Value], _ name: String) throws -> PyException {
        guard case .object(let o)? = args.first, let e = o as? PyException else {
            throw vm.typeError("descriptor '\(name)' requires a 'BaseException' object but received '\(args.first?.typeName ?? "NoneType")'")
        }
        return e
    }

    package static let baseException: [String: Value] = Dictionary(uniqueKeysWithValues: [
        slot("__init__") { vm, args, kwargs in
            let e = try exception(vm, args, "__init__")
            if !kwargs.isEmpty { throw vm.typeError("\(e.cls.name).__init__() takes no keyword arguments") }
            e.args = Array(args.dropFirst())
            return .none
        },
        ("__new__", .object(PyStaticMethod(.object(PyBuiltin("__new__") { vm, args, _ in
            guard case .object(let o)? = args.first, let cls = o as? PyClass, cls.isExceptionClass else {
                throw vm.typeError("BaseException.__new__(X): X is not a subtype of BaseException")
            }
            return try vm.allocate(cls, Array(args.dropFirst()))
        }.bound(to: .object(BuiltinTypes.baseException)))))),
        slot("__str__") { vm, args, _ in .str(try vm.exceptionMessage(try exception(vm, args, "__str__"), custom: false)) },
        slot("__repr__") { vm, args, _ in .str(try vm.exceptionRepr(try exception(vm, args, "__repr__"), custom: false)) },
        slot("with_traceback") { vm, args, _ in .object(try exception(vm, args, "with_traceback")) },
    ])
}

extension NativeSlots {
    package static func receiverClass(_ vm: Interpreter, _ args: [Value], _ name: String) throws -> PyClass {
        let v = try receiver(vm, args, "type", name)
        guard case .object(let o) = v, let cls = o as? PyClass else {
            throw vm.typeError("descriptor '\(name)' requires a 'type' object but received a '\(v.typeName)'")
        }
        return cls
    }

    /// `type`'s slots, reached from metaclasses (`super().__new__(mcls, name, bases, ns)`,
    /// `super().__call__(*args)` in a `Meta.__call__`).
    package static let type: [String: Value] = Dictionary(uniqueKeysWithValues: [
        ("__new__", .object(PyStaticMethod(.object(PyBuiltin("__new__") { vm, args, kwargs in
            try vm.typeNewSlot(args, kwargs)
        }.bound(to: .object(BuiltinTypes.type)))))),
        slot("__init__") { vm, args, kwargs in
            _ = try receiverClass(vm, args, "__init__")
            if args.count == 2 && !kwargs.isEmpty { throw vm.typeError("type.__init__() takes no keyword arguments") }
            guard args.count == 2 || args.count == 4 else { throw vm.typeError("type.__init__() takes 1 or 3 arguments") }
            return .none
        },
        slot("__call__") { vm, args, kwargs in
            let cls = try receiverClass(vm, args, "__call__")
            return try vm.instantiate(cls, Array(args.dropFirst()), kwargs)
        },
        ("__prepare__", .object(PyClassMethod(.object(PyBuiltin("__prepare__") { _, _, _ in .object(PyDict()) })))),
        slot("__setattr__") { vm, args, _ in
            let cls = try receiverClass(vm, args, "__setattr__")
            guard args.count == 3 else { throw vm.typeError("expected 2 arguments, got \(args.count - 1)") }
            try vm.typeSetAttribute(cls, try attributeName(vm, args[1]), args[2])
            return .none
        },
        slot("__delattr__") { vm, args, _ in
            let cls = try receiverClass(vm, args, "__delattr__")
            guard args.count == 2 else { throw vm.typeError("expected 1 argument, got \(args.count - 1)") }
            try vm.typeDeleteAttribute(cls, try attributeName(vm, args[1]))
            return .none
        },
        slot("__repr__") { vm, args, _ in .str(vm.classRepr(try receiverClass(vm, args, "__repr__"))) },
        slot("__subclasses__") { vm, args, _ in
            let cls = try receiverClass(vm, args, "__subclasses__")
            guard args.count == 1 else { throw vm.typeError("type.__subclasses__() takes no arguments (\(args.count - 1) given)") }
            // Built-in types are shared by every simulation in the process and never
            // record the classes a run derives from them, so there is no honest answer.
            guard cls.isMutable else {
                throw vm.typeError("loopscope does not list the subclasses of built-in type '\(cls.name)'")
            }
            return .object(PyList(cls.directSubclasses.map { .object($0) }))
        },
        // type_or: `int | None`, `type.__or__(int, str)`; the reflected slot is the same
        // function with the operands in the expression's order.
        slot("__or__") { vm, args, _ in
            let cls = try receiverClass(vm, args, "__or__")
            guard args.count == 2 else { throw vm.typeError("expected 1 argument, got \(args.count - 1)") }
            return try vm.unionTypeOr(.object(cls), args[1])
        },
        slot("__ror__") { vm, args, _ in
            let cls = try receiverClass(vm, args, "__ror__")
            guard args.count == 2 else { throw vm.typeError("expected 1 argument, got \(args.count - 1)") }
            return try vm.unionTypeOr(args[1], .object(cls))
        },
        slot("mro") { vm, args, _ in
            guard args.count == 1 else { throw vm.typeError("type.mro() takes no arguments (\(args.count - 1) given)") }
            return .object(PyList(try receiverClass(vm, args, "mro").mro.map { .object($0) }))
        },
    ])
}

extension Interpreter {
    /// The special method `name` that built-in class `cls` itself implements in C.
    package func nativeSlot(of cls: PyClass, _ name: String) -> Value? {
        if name == "__class_getitem__", BuiltinTypes.generics.contains(where: { $0 === cls }) {
            return NativeSlots.classGetItem
        }
        if cls === BuiltinTypes.object { return NativeSlots.object[name] }
        if cls === BuiltinTypes.type { return NativeSlots.type[name] }
        if cls === BuiltinTypes.baseException { return NativeSlots.baseException[name] }
        if name == "__length_hint__", PyIterator.lengthHintTypes.contains(where: { $0 === cls }) {
            return .object(PyIterator.lengthHint)
        }
        return builtinTypeSlot(cls, name)
    }
}
