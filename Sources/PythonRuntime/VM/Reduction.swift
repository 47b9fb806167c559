/// Pickling's reduction, which `copy` uses: `object.__reduce_ex__(protocol)` and
/// `object.__reduce__()` as typeobject.c's `_common_reduce` computes them, with CPython's
/// Python halves (`copyreg._reduce_ex` for protocols 0 and 1, `copyreg.__newobj__`).
extension Interpreter {
    /// Whether a class before `object` in `cls`'s MRO has its own `__reduce__` (a class
    /// statement's, or a built-in type's), which `object.__reduce_ex__` then calls.
    package func overridesReduce(_ cls: PyClass) -> Bool {
        for c in cls.mro where c !== BuiltinTypes.object {
            if c.isMutable ? c.dict["__reduce__"] != nil : nativeSlot(of: c, "__reduce__") != nil { return true }
        }
        return false
    }

    /// `_common_reduce(self, proto)`: protocols 2 and up rebuild the object with
    /// `copyreg.__newobj__` (reduce_newobj, in Lib/copy.py), 0 and 1 with
    /// `copyreg._reduce_ex`.
    package func commonReduce(_ v: Value, _ proto: Int) throws -> Value {
        let (module, name) = proto >= 2 ? ("copy", "_reduce_newobj") : ("copyreg", "_reduce_ex")
        let library = try importModule(module)
        guard let reduce = library.attributes[name] else {
            throw PythonError(makeException(BuiltinTypes.attributeError, "module '\(module)' has no attribute '\(name)'"))
        }
        return try callNow(reduce, proto >= 2 ? [v] : [v, .int(proto)])
    }
}
