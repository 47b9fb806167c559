/// The attributes of function objects (CPython's `funcobject.c` getset table):
/// `__name__`, `__qualname__`, `__doc__`, `__module__`, `__defaults__`,
/// `__kwdefaults__`, `__annotations__`, `__dict__`, `__code__`-less. Everything else
/// lives in the function's `__dict__`, as `functools.wraps` expects.
extension Interpreter {
    package func functionAttribute(_ f: PyFunction, _ name: String) -> Value? {
        switch name {
        case "__name__": return .str(f.name)
        case "__qualname__": return .str(f.qualname)
        case "__doc__": return f.doc
        case "__module__": return f.module
        case "__defaults__": return f.defaults.isEmpty ? Value.none : .object(PyTuple(f.defaults))
        case "__kwdefaults__":
            guard !f.kwDefaults.isEmpty else { return Value.none }
            let d = PyDict()
            for n in f.code.kwOnlyNames { if let v = f.kwDefaults[n] { d.set(.str(n), v) } }
            return .object(d)
        case "__annotations__":
            if f.annotations == nil { f.annotations = PyDict() }
            return f.annotations.map { .object($0) }
        case "__dict__":
            if f.attributes == nil { f.attributes = PyDict() }
            return f.attributes.map { .object($0) }
        // The module's namespace as a dict (`moduleDict`), as CPython's `func.__globals__`.
        case "__globals__": return .object(moduleDict(f.globals))
        case "__closure__":
            return f.closure.isEmpty ? Value.none : .object(PyTuple(f.closure.map { .object($0) }))
        default: return nil
        }
    }

    package func setFunctionAttribute(_ f: PyFunction, _ name: String, _ value: Value) throws {
        switch name {
        case "__name__", "__qualname__":
            guard case .str(let s) = value else {
                throw typeError("\(name) must be set to a string object")
            }
            if name == "__name__" { f.name = s } else { f.qualname = s }
        case "__doc__": f.doc = value
        case "__module__": f.module = value
        case "__defaults__":
            if value.isNone { f.defaults = []; return }
            guard case .object(let o) = value, let t = o as? PyTuple else {
                throw typeError("__defaults__ must be set to a tuple object")
            }
            f.defaults = t.items
        case "__kwdefaults__":
            if value.isNone { f.kwDefaults = [:]; return }
            guard case .object(let o) = value, let d = o as? PyDict else {
                throw typeError("__kwdefaults__ must be set to a dict object")
            }
            f.kwDefaults = [:]
            for (k, v) in d.entries { if case .str(let n) = k { f.kwDefaults[n] = v } }
        case "__annotations__":
            if value.isNone { f.annotations = nil; return }
            guard case .object(let o) = value, let d = o as? PyDict else {
                throw typeError("__annotations__ must be set to a dict object")
            }
            f.annotations = d
        case "__dict__":
            guard case .object(let o) = value, let d = o as? PyDict else {
                throw typeError("__dict__ must be set to a dictionary, not a '\(value.typeName)'")
            }
            f.attributes = d
        case "__globals__", "__closure__":
            throw PythonError(makeException(BuiltinTypes.attributeError, "readonly attribute"))
        default:
            if f.attributes == nil { f.attributes = PyDict() }
            f.attributes?.set(.str(name), value)
        }
    }
}
