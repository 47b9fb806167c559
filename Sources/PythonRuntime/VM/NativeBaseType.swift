/// A native class of a library (`asyncio.Future`) that Python classes may derive from, as
/// CPython's C types with `Py_TPFLAGS_BASETYPE` allow. An instance of such a Python class
/// is the native object itself with `instancePart` set (the class and its `__dict__`), as
/// for the built-in containers (BuiltinSubclasses.swift): every native path keeps
/// treating it as the native object, and the class's own methods win where Python code
/// looks them up. The library that owns the class says how its instances are made.
public struct NativeBaseType {
    public typealias Make = (Interpreter, PyClass, [Value], [(String, Value)]) throws -> PyObject
    public typealias Initialize = (Interpreter, PyObject, [Value], [(String, Value)]) throws -> Void

    /// `T.__new__(cls, *args, **kwargs)`: a fresh native instance (the VM then makes it
    /// an instance of `cls`).
    let make: Make
    /// `T.__init__(self, *args, **kwargs)`: checks the arguments, sets the instance up.
    let initialize: Initialize
    /// The type's methods, each taking the receiver first (`PyBuiltin.method`): what
    /// `super().set_result(v)` and `T.done(self)` reach.
    let methods: [String: PyBuiltin]
    /// Whether a subclass's instances have a `__dict__` attribute. A C type that keeps
    /// its own dict (`tp_dictoffset`, as `_asyncio.Future`) gives its subclasses none:
    /// type_new adds the `__dict__` descriptor only to classes whose base had no dict, so
    /// `vars(fut)` is a TypeError and `dir(fut)` lists no instance attributes.
    let subclassesHaveDictAttribute: Bool

    public init(make: @escaping Make, initialize: @escaping Initialize, methods: [String: PyBuiltin],
                subclassesHaveDictAttribute: Bool = true) {
        self.make = make
        self.initialize = initialize
        self.methods = methods
        self.subclassesHaveDictAttribute = subclassesHaveDictAttribute
    }
}

extension PyClass {
    /// False for a class derived from a native library type whose instances have no
    /// `__dict__` attribute (NativeBaseType.subclassesHaveDictAttribute).
    package var instancesHaveDictAttribute: Bool {
        valueBase?.nativeBase?.subclassesHaveDictAttribute ?? true
    }
}
