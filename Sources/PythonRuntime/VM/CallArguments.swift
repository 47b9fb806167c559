/// The argument lists of `f(*args, **kwargs)` calls, checked with CPython's messages
/// (`ceval.c`: `DICT_MERGE`, `CALL_FUNCTION_EX`, `format_kwargs_error`).
extension Interpreter {
    /// CPython's `_PyObject_FunctionStr`: how messages about a call's arguments name the
    /// callee, `__main__.f()` for a function, `print()` for a builtin.
    package func functionString(_ callee: Value) -> String {
        guard case .object(let o) = callee else { return callee.typeName + " object" }
        let qualname: String, module: Value
        switch o {
        case let f as PyFunction: qualname = f.qualname; module = f.module
        case let b as PyBuiltin: return b.qualname + "()"
        case let m as PyBoundMethod: return functionString(m.function)
        case let c as PyClass: qualname = c.name; module = .str(c.module)
        default: return o.typeName + " object"
        }
        if case .str(let m) = module, m != "builtins" { return "\(m).\(qualname)()" }
        return qualname + "()"
    }

    /// `DICT_MERGE`: adds the mapping `other` to the keywords dict `target` of a call.
    package func mergeKeywords(_ other: Value, into target: Value, callee: Value) throws {
        guard case .object(let t) = target, let d = t as? PyDict else { return }
        guard case .object(let o) = other, let source = o as? PyDict else {
            throw typeError("\(functionString(callee)) argument after ** must be a mapping, not \(other.typeName)")
        }
        for (k, v) in source.entries {
            if d.get(k) != nil {
                // CPython reports the key as `%S` (its str) when it is a string.
                if case .str(let name) = k {
                    throw typeError("\(functionString(callee)) got multiple values for keyword argument '\(name)'")
                }
                throw typeError("keywords must be strings")
            }
            d.set(k, v)
        }
    }

    /// `DICT_UPDATE` (`{**a, **b}`): later keys win.
    package func updateDict(_ d: PyDict, from other: Value) throws {
        guard case .object(let o) = other, let source = o as? PyDict else {
            throw typeError("'\(other.typeName)' object is not a mapping")
        }
        for (k, v) in source.entries { d.set(k, v) }
    }

    /// `CALL_FUNCTION_EX`: the positional arguments (any iterable, named in the error when
    /// it is not one) and the keyword arguments (whose keys must be strings).
    package func exCallArguments(_ callee: Value, _ argsValue: Value, _ kwValue: Value) throws -> ([Value], [(String, Value)]) {
        let args: [Value]
        do {
            args = try iterate(argsValue)
        } catch let e as PythonError where e.exception.isInstance(of: BuiltinTypes.typeError) && !isIterable(argsValue) {
            throw typeError("\(functionString(callee)) argument after * must be an iterable, not \(argsValue.typeName)")
        }
        var kwargs: [(String, Value)] = []
        if case .object(let o) = kwValue, let d = o as? PyDict {
            kwargs.reserveCapacity(d.count)
            for (k, v) in d.entries {
                guard case .str(let name) = k else { throw typeError("keywords must be strings") }
                kwargs.append((name, v))
            }
        }
        return (args, kwargs)
    }

    /// Whether `iter(v)` would succeed (without running any Python code).
    package func isIterable(_ v: Value) -> Bool {
        (try? makeIterator(v)) != nil
    }
}
