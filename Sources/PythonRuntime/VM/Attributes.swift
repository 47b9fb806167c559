/// Attribute access: instance attributes, class attributes (functions bind to the
/// instance), and the methods of built-in and native types.
extension Interpreter {
    package func getAttribute(_ obj: Value, _ name: String) throws -> Value {
        if name == "__class__" { return .object(classOf(obj)) }
        if let v = numberAttribute(obj, name) { return v }
        switch obj {
        case .str(let s):
            if let m = stringMethod(s, name) { return m }
        case .int, .bool:
            // A bool answers as the int it is (`True.bit_length()` is 1).
            let i = intValue(obj) ?? 0
            // random's _randbelow sizes its draws with it.
            if name == "bit_length" {
                return nativeFunction("bit_length", owner: "int", .noArguments) { _, _, _ in
                    .int(Int.bitWidth - i.magnitude.leadingZeroBitCount)
                }
            }
            // operator.index calls it.
            if name == "__index__" {
                return nativeFunction("__index__", owner: "int", .noArguments) { _, _, _ in .int(i) }
            }
        case .object(let o):
            if let inst = o as? PyInstance {
                if let v = try instanceGetAttribute(inst, obj, name) { return v }
                // An int, float or complex subclass's instance has its value's data
                // attributes (`real`, `imag`) and small methods (`conjugate`).
                if let d = inst as? PyDerivedValue,
                   let v = try numberAttribute(d.value, name) ?? d.value.asObject?.nativeAttribute(name, self) {
                    return v
                }
                if let e = inst as? PyException, isExceptionGroup(e), let m = exceptionGroupMethod(e, name) { return m }
                if let e = inst as? PyException, name == "add_note" {
                    return builtin("add_note") { _, args, _ in
                        var notes = (e.attributes["__notes__"]?.asObject as? PyList) ?? PyList()
                        if e.attributes["__notes__"] == nil { notes = PyList(); e.attributes["__notes__"] = .object(notes) }
                        notes.items.append(args.first ?? .none)
                        return .none
                    }
                }
                throw attributeError(attributeErrorMessage(obj, name))
            }
            // A built-in container subclass's instance: as an instance of its class,
            // whose native slots are the container's methods (BuiltinSubclasses.swift).
            if let part = o.instancePart {
                if let v = try instanceGetAttribute(part, obj, name) { return v }
                // The built-in type's data attributes (a deque's `maxlen`).
                if let v = try o.nativeAttribute(name, self), !isCallable(v) { return v }
                throw attributeError(attributeErrorMessage(obj, name))
            }
            if let m = type(of: o).nativeMethods?[name] { return .object(PyBoundMethod(receiver: obj, function: .object(m))) }
            if let v = try o.nativeAttribute(name, self) { return v }
            if let v = o.instanceAttribute(name) { return v }
            switch o {
            case let cls as PyClass:
                if let v = try classGetAttribute(cls, name) { return v }
            case let l as PyList:
                if let m = listMethod(l, name) { return bound(m, to: obj) }
            case let d as PyDict:
                if case .counter = d.flavor, let m = counterMethod(d, name) { return m }
                if let m = dictMethod(d, name) { return bound(m, to: obj) }
            case let t as PyTuple:
                if let m = tupleMethod(t, name) { return bound(m, to: obj) }
            case is NativeAwaitable where name == "__await__":
                return awaitMethod(obj)
            case let s as PySuper:
                if let v = try superAttribute(s, name) { return v }
            case let f as PyFunction:
                if let v = functionAttribute(f, name) { return v }
            case let c as PyCoroutine:
                switch name {
                case "__name__": return .str(c.name)
                case "__qualname__": return .str(c.qualname)
                case "__await__": return awaitMethod(obj)
                case "close":
                    return builtin("close") { _, _, _ in
                        c.state = .closed
                        c.wasAwaited = true
                        return .none
                    }
                default: break
                }
            case let m as PyModule where name == "__dict__":
                return .object(moduleDict(m))
            case let b as PyBuiltin:
                if name == "__name__" { return .str(b.name) }
                if name == "__qualname__" {
                    if let type = b.descriptorOf { return .str("\(type).\(b.name)") }
                    if let receiver = b.boundSelf { return .str("\(classOf(receiver).name).\(b.name)") }
                    return .str(b.qualname)
                }
                if name == "__self__", let receiver = b.boundSelf { return receiver }
                // A function of the builtins module names it as its module and `__self__`.
                let isBuiltinsFunction = b.owner == nil && (builtins[b.name]?.asObject).map { $0 === b } == true
                if name == "__module__" { return isBuiltinsFunction ? .str("builtins") : .none }
                if name == "__self__", isBuiltinsFunction { return .object(builtinsModule) }
            case let m as PyBoundMethod:
                switch name {
                case "__self__": return m.receiver
                case "__func__" where !(m.function.asObject is PyBuiltin): return m.function
                case "__qualname__" where m.function.asObject is PyBuiltin:
                    return .str("\(classOf(m.receiver).name).\((m.function.asObject as? PyBuiltin)?.name ?? "")")
                case "__name__", "__qualname__", "__doc__": return try getAttribute(m.function, name)
                default: break
                }
            default:
                break
            }
        default:
            break
        }
        if case .object(let o) = obj, let method = descriptorProtocolMethod(o, obj, name) { return method }
        // Every callable has `__call__` (`hasattr(len, '__call__')`): its type's slot.
        if name == "__call__", isCallable(obj) {
            return builtin("__call__") { vm, args, kwargs in try vm.callNow(obj, args, kwargs) }
        }
        // Every value has a `__doc__`; the built-in types' docstrings are not kept here.
        if name == "__doc__" { return .none }
        // The built-in types' slots (`[].__len__`, `(1).__add__`, `{}.__getitem__`), and
        // `object`'s that every value has (`None.__new__`, which enum compares against).
        for c in classOf(obj).mro where !c.isMutable {
            if let slot = nativeSlot(of: c, name) { return try descriptorGet(slot, instance: obj, owner: c) }
        }
        // CPython's `method_getattro`: what the method type lacks is read from the function
        // it binds (`obj.meth.__wrapped__`, `obj.meth.__module__`, attributes set on it).
        if let m = obj.asObject as? PyBoundMethod, !(m.function.asObject is PyBuiltin) {
            return try getAttribute(m.function, name)
        }
        throw PythonError(makeException(BuiltinTypes.attributeError, attributeErrorMessage(obj, name)))
    }

    /// For `LOAD_METHOD`: the function `obj.name` would bind, when `getAttribute` would
    /// bind one: a native type's method, or a Python function on the class of an instance
    /// (checking what it checks first: native and instance attributes). Nil for every
    /// other attribute.
    package func methodFunction(_ obj: Value, _ name: String) -> Value? {
        guard case .object(let o) = obj else {
            if case .str = obj { return strMethodDescriptor(name) }
            return nil
        }
        // A Python subclass's instance (`class Reply(asyncio.Future)`) may override the
        // native method: `getAttribute` decides.
        if o.instancePart == nil, let m = type(of: o).nativeMethods?[name] { return .object(m) }
        guard let inst = o as? PyInstance, name != "__class__" else { return nil }
        guard inst.instanceAttribute(name) == nil, !inst.cls.specialMethods.getattribute, let v = inst.cls.lookup(name),
              case .object(let f) = v, f is PyFunction else { return nil }
        return v
    }

    private func attributeErrorMessage(_ obj: Value, _ name: String) -> String {
        if case .object(let o) = obj {
            if let m = o as? PyModule { return "module '\(m.name)' has no attribute '\(name)'" }
            if let c = o as? PyClass { return "type object '\(c.name)' has no attribute '\(name)'" }
        }
        return "'\(obj.typeName)' object has no attribute '\(name)'"
    }

    package func setAttribute(_ obj: Value, _ name: String, _ value: Value) throws {
        if case .object(let o) = obj {
            if let inst = o as? PyInstance ?? o.instancePart {
                try instanceSetAttribute(inst, obj, name, value)
                return
            }
            if try o.setNativeAttribute(name, value, self) { return }
            if let m = o as? PyModule {
                m.bind(name, value)
                return
            }
            if let f = o as? PyFunction {
                try setFunctionAttribute(f, name, value)
                return
            }
            if let c = o as? PyClass {
                if let hook = c.metaclass?.lookup("__setattr__") {
                    try callNow(hook, [obj, .str(name), value])
                    return
                }
                try typeSetAttribute(c, name, value)
                return
            }
        }
        throw PythonError(makeException(BuiltinTypes.attributeError,
            "'\(obj.typeName)' object has no attribute '\(name)'"))
    }

    /// A method made for one receiver (`listMethod(l, "append")`), marked as bound to it.
    package func bound(_ method: Value, to receiver: Value) -> Value {
        if let b = method.asObject as? PyBuiltin, b.boundSelf == nil, b.descriptorOf == nil { b.boundSelf = receiver }
        return method
    }

    package func builtin(_ name: String, _ body: @escaping PyBuiltin.Body) -> Value {
        .object(PyBuiltin(name, body))
    }

    /// Items of native iterables (asyncio's sets of done/pending tasks).
    package func nativeIterable(_ o: PyObject) -> [Value]? {
        o.iterationItems
    }

    /// `"{} {name:>5}".format(...)`
    // MARK: list

    package func listMethod(_ l: PyList, _ name: String) -> Value? {
        switch name {
        case "append":
            return typeMethod("list", name, .oneArgument) { vm, args, _ in
                l.items.append(args[0])
                return .none
            }
        case "extend":
            return typeMethod("list", name, .oneArgument) { vm, args, _ in
                l.items.append(contentsOf: try vm.iterate(args[0]))
                return .none
            }
        case "insert":
            return typeMethod("list", name, .positional(min: 2, max: 2)) { vm, args, _ in
                guard case .int(var i) = args[0] else {
                    throw vm.typeError("'\(args[0].typeName)' object cannot be interpreted as an integer")
                }
                if i < 0 { i = max(0, i + l.items.count) }
                l.items.insert(args[1], at: min(i, l.items.count))
                return .none
            }
        case "pop":
            return typeMethod("list", name, .positional(min: 0, max: 1)) { vm, args, _ in
                guard !l.items.isEmpty else { throw PythonError(vm.makeException(BuiltinTypes.indexError, "pop from empty list")) }
                var i = l.items.count - 1
                if case .int(let given) = args.first ?? .none { i = given < 0 ? given + l.items.count : given }
                guard i >= 0 && i < l.items.count else { throw PythonError(vm.makeException(BuiltinTypes.indexError, "pop index out of range")) }
                return l.items.remove(at: i)
            }
        case "remove":
            return typeMethod("list", name, .oneArgument) { vm, args, _ in
                // Find first, then remove: removing while a loop over the items still holds
                // the array would copy all of it (40,000 tasks on one Lock went quadratic).
                if let found = try l.items.firstIndex(where: { try vm.equals($0, args[0]) }) {
                    l.items.remove(at: found)
                    return .none
                }
                throw PythonError(vm.makeException(BuiltinTypes.valueError, "list.remove(x): x not in list"))
            }
        case "index", "count":
            return sequenceSearch("list", name) { l.items }
        case "clear":
            return typeMethod("list", name, .noArguments) { _, _, _ in l.items.removeAll(); return .none }
        case "copy":
            return typeMethod("list", name, .noArguments) { _, _, _ in .object(PyList(l.items)) }
        case "reverse":
            return typeMethod("list", name, .noArguments) { _, _, _ in l.items.reverse(); return .none }
        case "sort":
            return typeMethod("list", name, .keywordsOnly) { vm, _, kwargs in
                l.items = try vm.sortedValues(l.items, kwargs)
                return .none
            }
        default:
            return nil
        }
    }

    // MARK: tuple

    package func tupleMethod(_ t: PyTuple, _ name: String) -> Value? {
        switch name {
        case "index", "count": return sequenceSearch("tuple", name) { t.items }
        default: return nil
        }
    }

    /// `index(x)` and `count(x)` of a list or tuple (`type`), over its current items.
    private func sequenceSearch(_ type: String, _ name: String, _ items: @escaping () -> [Value]) -> Value {
        if name == "count" {
            return typeMethod(type, name, .oneArgument) { vm, args, _ in
                .int(try items().filter { try vm.equals($0, args[0]) }.count)
            }
        }
        return typeMethod(type, name, .positional(min: 1, max: 3)) { vm, args, _ in
            // `index(x, start, stop)`: start and stop are clamped as slice indices.
            let all = items()
            func bound(_ v: Value) throws -> Int {
                guard let i = vm.intValue(try vm.pythonIndex(v) ?? v) else {
                    throw vm.typeError("slice indices must be integers or have an __index__ method")
                }
                return i < 0 ? max(0, i + all.count) : min(i, all.count)
            }
            let start = args.count > 1 ? try bound(args[1]) : 0
            let stop = args.count > 2 ? try bound(args[2]) : all.count
            if start < stop {
                for i in start..<stop where try vm.equals(all[i], args[0]) { return .int(i) }
            }
            throw PythonError(vm.makeException(BuiltinTypes.valueError,
                type == "list" ? "\(try vm.repr(args[0])) is not in list" : "tuple.index(x): x not in tuple"))
        }
    }

    /// A method of a built-in type, checking its arguments as CPython does.
    private func typeMethod(_ type: String, _ name: String, _ signature: NativeSignature,
                            _ body: @escaping PyBuiltin.Body) -> Value {
        nativeFunction(name, owner: signature.isMETH ? type : nil, signature, body)
    }

    // MARK: dict

    package func dictMethod(_ d: PyDict, _ name: String) -> Value? {
        switch name {
        case "get":
            return typeMethod("dict", name, .positional(min: 1, max: 2)) { vm, args, _ in
                let key = args[0]
                return d.get(key) ?? (args.count > 1 ? args[1] : .none)
            }
        case "items":
            return typeMethod("dict", name, .noArguments) { _, _, _ in .object(PyDictView(d, .items)) }
        case "keys":
            return typeMethod("dict", name, .noArguments) { _, _, _ in .object(PyDictView(d, .keys)) }
        case "values":
            return typeMethod("dict", name, .noArguments) { _, _, _ in .object(PyDictView(d, .values)) }
        case "pop":
            return typeMethod("dict", name, .positional(min: 1, max: 2)) { vm, args, _ in
                let key = args[0]
                if let v = d.remove(key) { return v }
                if args.count > 1 { return args[1] }
                throw PythonError(PyException(cls: BuiltinTypes.keyError, args: [key]))
            }
        case "setdefault":
            return typeMethod("dict", name, .positional(min: 1, max: 2)) { _, args, _ in
                let key = args[0]
                if let v = d.get(key) { return v }
                let v = args.count > 1 ? args[1] : .none
                d.set(key, v)
                return v
            }
        case "update":
            return builtin(name) { vm, args, kwargs in
                if args.count > 1 { throw vm.typeError("update expected at most 1 argument, got \(args.count)") }
                if let other = args.first { try vm.dictUpdate(d, other) }
                for (k, v) in kwargs { d.set(.str(k), v) }
                return .none
            }
        case "popitem":
            if case .ordered = d.flavor {
                // OrderedDict.popitem(last=True): from either end.
                return typeMethod("OrderedDict", name, .python(parameters: ["last"], required: 0, isMethod: false)) { vm, args, _ in
                    let last = try args.first.map { try vm.truthy($0) } ?? true
                    guard let (k, v) = last ? d.entries.last : d.entries.first else {
                        throw PythonError(vm.makeException(BuiltinTypes.keyError, "dictionary is empty"))
                    }
                    d.remove(k)
                    return .object(PyTuple([k, v]))
                }
            }
            return typeMethod("dict", name, .noArguments) { vm, _, _ in
                guard let (k, v) = d.entries.last else {
                    throw PythonError(vm.makeException(BuiltinTypes.keyError, "popitem(): dictionary is empty"))
                }
                d.remove(k)
                return .object(PyTuple([k, v]))
            }
        case "move_to_end":
            guard case .ordered = d.flavor else { return nil }
            return typeMethod("OrderedDict", name, .python(parameters: ["key", "last"], required: 1, isMethod: false)) { vm, args, _ in
                let last = try args.count > 1 ? vm.truthy(args[1]) : true
                guard d.moveToEnd(args[0], last: last) else { throw PythonError(PyException(cls: BuiltinTypes.keyError, args: [args[0]])) }
                return .none
            }
        case "default_factory":
            guard case .defaultdict(let factory) = d.flavor else { return nil }
            return factory
        case "copy":
            return typeMethod(d.pyClass.name, name, .noArguments) { _, _, _ in
                let c = PyDict()
                c.flavor = d.flavor
                for (k, v) in d.entries { c.set(k, v) }
                return .object(c)
            }
        case "clear":
            return typeMethod("dict", name, .noArguments) { _, _, _ in
                for (k, _) in d.entries { d.remove(k) }
                return .none
            }
        default:
            return nil
        }
    }
}

