/// The descriptor objects a class body makes with the built-in decorators, `super`
/// objects, and `NotImplemented`: CPython's `property`, `staticmethod`, `classmethod`
/// (Objects/descrobject.c, funcobject.c), `super` (typeobject.c) and `NotImplementedType`.

/// `property(fget, fset, fdel, doc)`: a data descriptor, so it takes precedence over
/// the instance's own attributes.
public final class PyProperty: PyObject {
    package let fget: Value
    package let fset: Value
    package let fdel: Value
    /// Writable, as CPython's `property.__doc__` member (urllib.parse documents the
    /// fields of its namedtuples by assigning it).
    package var doc: Value
    /// The attribute name, for CPython 3.11's messages ("property 'x' of 'C' object has
    /// no setter"); set by the class that receives it (`__set_name__`).
    package var name: String?

    package init(fget: Value, fset: Value, fdel: Value, doc: Value) {
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.doc = doc
    }

    public override var pyClass: PyClass { BuiltinTypes.property }

    /// A copy with one accessor replaced (`@x.setter`), keeping the name.
    package func with(fget: Value? = nil, fset: Value? = nil, fdel: Value? = nil) -> PyProperty {
        let p = PyProperty(fget: fget ?? self.fget, fset: fset ?? self.fset, fdel: fdel ?? self.fdel, doc: doc)
        p.name = name
        return p
    }

    public override func setNativeAttribute(_ name: String, _ value: Value, _ vm: Interpreter) throws -> Bool {
        guard name == "__doc__" else { return false }
        doc = value
        return true
    }

    public override func nativeAttribute(_ attribute: String, _ vm: Interpreter) throws -> Value? {
        switch attribute {
        case "fget": return fget
        case "fset": return fset
        case "fdel": return fdel
        case "__doc__": return doc
        case "getter", "setter", "deleter":
            return .object(PyBuiltin(attribute) { vm, args, _ in
                guard args.count == 1 else {
                    throw vm.typeError("\(attribute)() takes exactly one argument (\(args.count) given)")
                }
                switch attribute {
                case "getter": return .object(self.with(fget: args[0]))
                case "setter": return .object(self.with(fset: args[0]))
                default: return .object(self.with(fdel: args[0]))
                }
            })
        default: return nil
        }
    }
}

/// `staticmethod(f)`: found on a class or instance, gives `f` itself.
public final class PyStaticMethod: PyObject {
    package let function: Value
    package init(_ function: Value) { self.function = function }
    public override var pyClass: PyClass { BuiltinTypes.staticmethod }
    public override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        switch name {
        case "__func__", "__wrapped__": return function
        case "__name__", "__qualname__", "__doc__": return try vm.getAttribute(function, name)
        default: return nil
        }
    }
}

/// `classmethod(f)`: found on a class or instance, gives `f` bound to the class.
public final class PyClassMethod: PyObject {
    package let function: Value
    package init(_ function: Value) { self.function = function }
    public override var pyClass: PyClass { BuiltinTypes.classmethod }
    public override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        switch name {
        case "__func__", "__wrapped__": return function
        case "__name__", "__qualname__", "__doc__": return try vm.getAttribute(function, name)
        default: return nil
        }
    }
}

/// `super(C, obj)`: attribute lookup that starts after `C` in the MRO of `obj`'s type.
public final class PySuper: PyObject {
    /// The class whose successors are searched.
    package let thisClass: PyClass
    /// What found functions bind to: an instance, or a class (in a classmethod).
    package let object: Value
    /// The class whose MRO is walked: `type(obj)`, or `obj` itself when it is a class.
    package let objectType: PyClass

    package init(thisClass: PyClass, object: Value, objectType: PyClass) {
        self.thisClass = thisClass
        self.object = object
        self.objectType = objectType
    }

    public override var pyClass: PyClass { BuiltinTypes.superType }

    /// The classes after `thisClass` in the MRO.
    package var remainingMRO: ArraySlice<PyClass> {
        let mro = objectType.mro
        guard let i = mro.firstIndex(where: { $0 === thisClass }) else { return [] }
        return mro[(i + 1)...]
    }
}

/// `NotImplemented`: what a binary special method returns to let the other operand try.
public final class PyNotImplemented: PyObject {
    public static let shared = PyNotImplemented()
    public override var pyClass: PyClass { BuiltinTypes.notImplementedType }
}

extension Value {
    package static let notImplemented = Value.object(PyNotImplemented.shared)

    package var isNotImplemented: Bool {
        if case .object(let o) = self { return o === PyNotImplemented.shared }
        return false
    }
}

extension BuiltinTypes {
    public static let property = PyClass(name: "property", bases: [object])
    public static let staticmethod = PyClass(name: "staticmethod", bases: [object])
    public static let classmethod = PyClass(name: "classmethod", bases: [object])
    public static let superType = PyClass(name: "super", bases: [object])
    public static let notImplementedType = PyClass(name: "NotImplementedType", bases: [object])
}
