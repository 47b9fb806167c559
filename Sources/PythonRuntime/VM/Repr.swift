import BigInt

/// `repr()`, `str()` and `format()` as CPython renders the built-in types.
extension Interpreter {
    package func classOf(_ v: Value) -> PyClass {
        switch v {
        case .none: return BuiltinTypes.noneType
        case .bool: return BuiltinTypes.bool
        case .int: return BuiltinTypes.int
        case .float: return BuiltinTypes.float
        case .str: return BuiltinTypes.str
        case .object(let o): return o.pyClass
        }
    }

    /// `type.__repr__`: `<class '__main__.Foo'>`.
    package func classRepr(_ c: PyClass) -> String {
        c.module == "builtins" ? "<class '\(c.qualname)'>" : "<class '\(c.module).\(c.qualname)'>"
    }

    package func repr(_ v: Value) throws -> String {
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return PyFloat.repr(d)
        case .str(let s): return PyString.repr(s)
        case .object(let o):
            // A built-in container subclass's own `__repr__` (without one it prints as
            // the container, as CPython's list subclasses do).
            if o.instancePart != nil, let s = try userRepr(v) { return s }
            return try reprObject(o)
        }
    }

    package func str(_ v: Value) throws -> String {
        switch v {
        case .str(let s): return s
        case .object(let e as PyException): return try exceptionMessage(e)
        case .object(let p as PyWeakProxy): return try str(try p.target(self))
        default:
            if let s = try userStr(v) { return s }
            return try repr(v)
        }
    }

    /// `str(exc)`: the single argument, the tuple of arguments, or empty; with `custom`,
    /// a `__str__` of the exception's class comes first (without: `BaseException.__str__`).
    package func exceptionMessage(_ e: PyException, custom: Bool = true) throws -> String {
        if custom, let s = try userStr(.object(e)) { return s }
        if e.isInstance(of: BuiltinTypes.baseExceptionGroup), e.args.count == 2, case .str(let m) = e.args[0] {
            let n = (e.attributes["exceptions"]?.asObject as? PyTuple)?.items.count ?? 0
            return "\(m) (\(n) sub-exception\(n == 1 ? "" : "s"))"
        }
        // `OSError.__str__`: "[Errno 2] No such file" (and ": 'name'" with a filename).
        if e.isInstance(of: BuiltinTypes.osError), (2...5).contains(e.args.count) {
            let text = "[Errno \(try str(e.args[0]))] \(try str(e.args[1]))"
            return e.args.count > 2 ? text + ": " + (try repr(e.args[2])) : text
        }
        // `SyntaxError.__str__`: "invalid syntax (<string>, line 1)".
        if e.isInstance(of: BuiltinTypes.syntaxError), e.args.count == 2, case .object(let t) = e.args[1],
           let details = t as? PyTuple, details.items.count >= 2, case .str(let file) = details.items[0] {
            return "\(try str(e.args[0])) (\(file), line \(try str(details.items[1])))"
        }
        switch e.args.count {
        case 0: return ""
        case 1:
            if e.isInstance(of: BuiltinTypes.keyError) { return try repr(e.args[0]) }
            return try str(e.args[0])
        default: return try repr(.object(PyTuple(e.args)))
        }
    }

    package func reprObject(_ o: PyObject) throws -> String {
        if let own = try o.pythonRepr(self) { return own }
        switch o {
        case let l as PyList:
            return try reprContainer(l, "[...]") {
                "[" + (try l.items.map { try repr($0) }).joined(separator: ", ") + "]"
            }
        case let t as PyTuple:
            return try reprContainer(t, "(...)") {
                if t.items.count == 1 { return "(" + (try repr(t.items[0])) + ",)" }
                return "(" + (try t.items.map { try repr($0) }).joined(separator: ", ") + ")"
            }
        case let d as PyDict:
            return try reprContainer(d, "{...}") {
                switch d.flavor {
                case .dict:
                    return "{" + (try d.entries.map { "\(try repr($0.0)): \(try repr($0.1))" }).joined(separator: ", ") + "}"
                case .defaultdict(let factory):
                    // defdict_repr: the factory, then the dict's own repr.
                    let items = "{" + (try d.entries.map { "\(try repr($0.0)): \(try repr($0.1))" }).joined(separator: ", ") + "}"
                    return "\(d.pyClass.name)(\(try repr(factory)), \(items))"
                case .counter:
                    return try counterRepr(d)
                case .ordered:
                    // OrderedDict.__repr__ in 3.11: a list of the items.
                    let name = d.pyClass.name
                    guard d.count > 0 else { return "\(name)()" }
                    return "\(name)([" + (try d.entries.map { "(\(try repr($0.0)), \(try repr($0.1)))" }).joined(separator: ", ") + "])"
                }
            }
        case let e as PyException:
            return try exceptionRepr(e)
        case let c as PyClass:
            if c.metaclass != nil, let custom = try userRepr(.object(c)) { return custom }
            return classRepr(c)
        case let f as PyFunction:
            return "<function \(f.qualname) at \(address(of: f))>"
        case let b as PyBuiltin:
            if let type = b.descriptorOf { return "<method '\(b.name)' of '\(type)' objects>" }
            if let receiver = b.boundSelf { return builtinMethodRepr(b.name, of: receiver, holder: b) }
            return "<built-in function \(b.name)>"
        case let m as PyBoundMethod:
            if case .object(let b as PyBuiltin) = m.function { return builtinMethodRepr(b.name, of: m.receiver, holder: m) }
            return "<bound method \(try functionName(m.function)) of \(try repr(m.receiver))>"
        case let c as PyCoroutine:
            return "<coroutine object \(c.qualname) at \(address(of: c))>"
        case let g as PyGenerator:
            return "<\(g.typeName) object \(g.qualname) at \(address(of: g))>"
        case let m as PyModule:
            // CPython's built into the interpreter (`sys`, `time`, `builtins`) say so.
            return NativeModules.builtinNames.contains(m.name) ? "<module '\(m.name)' (built-in)>" : "<module '\(m.name)'>"
        case let r as PyLongRange:
            let (start, stop, step) = (try repr(.integer(r.start)), try repr(.integer(r.stop)), try repr(.integer(r.step)))
            return r.step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))"
        case let r as PyRange:
            return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
        case let s as PySlice:
            return "slice(\(try repr(s.lower)), \(try repr(s.upper)), \(try repr(s.step)))"
        case let inst as PyInstance:
            return try userRepr(.object(inst)) ?? objectRepr(inst)
        case let p as PyProperty:
            return "<property object at \(address(of: p))>"
        case let s as PySuper:
            return "<super: <class '\(s.thisClass.name)'>, <\(s.objectType.name) object>>"
        case is PyNotImplemented:
            return "NotImplemented"
        default:
            return objectRepr(o)
        }
    }

    /// `repr(exc)`: `ValueError('boom')`; with `custom`, a `__repr__` of its class first.
    package func exceptionRepr(_ e: PyException, custom: Bool = true) throws -> String {
        if custom, let s = try userRepr(.object(e)) { return s }
        if e.args.count == 1 { return "\(e.cls.name)(\(try repr(e.args[0])))" }
        return e.cls.name + "(" + (try e.args.map { try repr($0) }).joined(separator: ", ") + ")"
    }

    /// The repr of a container that may contain itself (`[...]` then, as CPython's
    /// Py_ReprEnter) or be nested deeper than the recursion limit (RecursionError).
    private func reprContainer(_ o: PyObject, _ cycle: String, _ body: () throws -> String) throws -> String {
        let id = ObjectIdentifier(o)
        if reprInProgress.contains(id) { return cycle }
        reprInProgress.insert(id)
        defer { reprInProgress.remove(id) }
        return try enterRecursiveCall(" while getting the repr of an object", body)
    }

    /// Native recursion into nested values (repr, comparison) counts against the same
    /// limit as Python frames, as CPython's Py_EnterRecursiveCall does, so a list nested
    /// 50,000 deep raises RecursionError instead of exhausting the stack.
    package func enterRecursiveCall<T>(_ context: String, _ body: () throws -> T) throws -> T {
        if depth >= recursionLimit {
            throw PythonError(makeException(BuiltinTypes.recursionError, "maximum recursion depth exceeded" + context))
        }
        depth += 1
        defer { depth -= 1 }
        return try body()
    }

    package func functionName(_ v: Value) throws -> String {
        if case .object(let o) = v {
            if let f = o as? PyFunction { return f.qualname }
            if let b = o as? PyBuiltin { return b.name }
        }
        return try repr(v)
    }

    /// What a trace calls a callback: a function's qualified name (`Timeout._on_timeout`
    /// for a bound method, the wrapped function for a `partial`), never an address, so
    /// the same run always gives the same trace.
    package func callbackName(_ v: Value) -> String {
        if case .object(let o) = v {
            if let f = o as? PyFunction { return f.qualname }
            if let b = o as? PyBuiltin { return b.qualname }
            if let m = o as? PyBoundMethod { return callbackName(m.function) }
            if let p = o as? PyPartial { return callbackName(p.function) }
            return o.typeName
        }
        return (try? repr(v)) ?? v.typeName
    }

    /// meth_repr: a C method bound to an object names the object's type by its tp_name (a
    /// class's bare name, a C type's dotted one outside builtins) and the object's address
    /// (a str or int here is a value without one: the method's own stands in for it).
    private func builtinMethodRepr(_ name: String, of receiver: Value, holder: PyObject) -> String {
        let cls = classOf(receiver)
        let typeName = cls.isMutable || cls.module == "builtins" ? cls.name : "\(cls.module).\(cls.name)"
        return "<built-in method \(name) of \(typeName) object at \(address(of: receiver.asObject ?? holder))>"
    }

    /// The object's address as CPython prints one: 12 hex digits on 64-bit Linux.
    /// (Addresses differ from CPython's run to run, as CPython's own do.)
    package func address(of o: PyObject) -> String {
        let digits = String(UInt(bitPattern: identity(o)), radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }

    package func asciiRepr(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar.isASCII {
                out.unicodeScalars.append(scalar)
            } else if scalar.value <= 0xff {
                out += "\\x" + hex(scalar.value, 2)
            } else if scalar.value <= 0xffff {
                out += "\\u" + hex(scalar.value, 4)
            } else {
                out += "\\U" + hex(scalar.value, 8)
            }
        }
        return out
    }

    private func hex(_ v: UInt32, _ width: Int) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// `format(value, spec)`, the f-string replacement field.
    package func format(_ v: Value, _ spec: String) throws -> String {
        try reserve(FormatSpec.declaredWidth(spec))
        do {
            switch v {
            case .bool(let b):
                return spec.isEmpty ? (b ? "True" : "False") : try PyFormatSpec.format(int: b ? 1 : 0, spec: spec)
            case .int(let i): return try PyFormatSpec.format(int: i, spec: spec)
            case .float(let d): return try PyFormatSpec.format(float: d, spec: spec)
            case .str(let s): return try PyFormatSpec.format(string: s, spec: spec)
            case .object(let c as PyComplex): return try PyFormatSpec.format(complex: c.value, spec: spec)
            case .object(let big as PyLong):
                if spec.isEmpty { return try repr(v) }
                return try PyFormatSpec.format(integer: big.value, spec: spec) { () throws(PyFormatError) in
                    do throws(PyArithmeticError) { return try PyLongArithmetic.toDouble(big.value) } catch {
                        throw PyFormatError(message: error.message, pythonType: error.pythonType)
                    }
                }
            default:
                if let s = try userFormat(v, spec) { return s }
                if spec.isEmpty { return try str(v) }
                throw typeError("unsupported format string passed to \(v.typeName).__format__")
            }
        } catch let e as PyFormatError {
            throw PythonError(makeException(e.pythonType == "OverflowError" ? BuiltinTypes.overflowError : BuiltinTypes.valueError, e.message))
        }
    }
}
