/// Classes deriving from built-in types (`class Stack(list)`, `class Registry(dict)`,
/// `class Money(int)`, `class Tag(str)`, `class Point(tuple)`), as CPython's: an instance
/// IS the built-in value, so every builtin and every native path of the VM treats it as
/// one, and the class's own methods win where CPython calls them.
///
/// The representation keeps plain values as fast as before:
/// - A container subclass's instance is the native object itself (`PyList`, `PyDict`,
///   `PyTuple`, `PySet`) with `instancePart` set: a `PyInstance` carrying the class and
///   the `__dict__`. Native paths that CPython routes through a slot (`len`, subscripts,
///   `in`, iteration, `repr`, operators) check `instancePart` (one load) and ask the class
///   first; the rest (`dict.update`, `list.extend`, `dict(sub)`, `f(**sub)`) stay native,
///   which is CPython's bypass of the overridden methods.
/// - An int, str or float subclass's instance is a `PyDerivedValue`: a `PyInstance` (so
///   attributes, descriptors and special methods work as for any class) holding the
///   plain value it is. Where no method of the class decides, operations use the value.
/// - The built-in types' methods and slots are reachable as class attributes
///   (`list.append`, `dict.__getitem__`, `super().__setitem__(k, v)`, `int.__new__(cls,
///   v)`), each a native function forwarding to the native behaviour on its receiver.
package final class PyDerivedValue: PyInstance {
    /// The int (or big int), str or float the instance is.
    package let value: Value
    package init(cls: PyClass, value: Value) {
        self.value = value
        super.init(cls: cls)
    }
}

extension Interpreter {
    /// The built-in types a class statement may derive from, and what their instances are.
    package static let subclassableTypes: Set<ObjectIdentifier> = Set([
        BuiltinTypes.list, BuiltinTypes.tuple, BuiltinTypes.dict, BuiltinTypes.set, BuiltinTypes.frozenset,
        BuiltinTypes.int, BuiltinTypes.float, BuiltinTypes.complex, BuiltinTypes.str,
        BuiltinTypes.defaultdict, BuiltinTypes.orderedDict, BuiltinTypes.counter,
        BuiltinTypes.bytes, BuiltinTypes.bytearray, PyDeque.pyClass,
    ].map(ObjectIdentifier.init))

    /// CPython's `Py_TPFLAGS_BASETYPE` is missing on these: no class may derive from them,
    /// and the class statement raises CPython's TypeError. Every built-in type of CPython
    /// 3.11.7 without the flag, by name (from walking `object`'s subclasses there).
    private static let finalTypes: Set<String> = [
        "EncodingMap", "NoneType", "NotImplementedType", "PyCapsule", "UnraisableHookArgs",
        "anext_awaitable", "async_generator", "async_generator_asend", "async_generator_athrow",
        "async_generator_wrapped_value", "asyncgen_hooks", "bool", "builtin_function_or_method",
        "builtin_method", "bytearray_iterator", "bytes_iterator", "callable_iterator", "cell",
        "classmethod_descriptor", "code", "coroutine", "coroutine_wrapper", "dict_itemiterator",
        "dict_items", "dict_keyiterator", "dict_keys", "dict_reverseitemiterator",
        "dict_reversekeyiterator", "dict_reversevalueiterator", "dict_valueiterator",
        "dict_values", "ellipsis", "fieldnameiterator", "formatteriterator", "frame", "function",
        "generator", "generic_alias_iterator", "getset_descriptor", "hamt", "hamt_array_node",
        "hamt_bitmap_node", "hamt_collision_node", "instancemethod", "items", "iterator", "keys",
        "list_iterator", "list_reverseiterator", "longrange_iterator", "managedbuffer",
        "mappingproxy", "member_descriptor", "memory_iterator", "memoryview", "method",
        "method-wrapper", "method_descriptor", "moduledef", "odict_items", "odict_iterator",
        "odict_keys", "odict_values", "range", "range_iterator", "set_iterator", "slice",
        "stderrprinter", "str_ascii_iterator", "str_iterator", "symtable entry", "traceback",
        "tuple_iterator", "values", "wrapper_descriptor"
    ]

    /// The built-in value type instances of a class with these bases are (nil: plain
    /// instances), checked as `best_base` checks layouts.
    /// `type.__flags__`: the Py_TPFLAGS bits a program reads (copyreg's `_HEAPTYPE`, the
    /// fast subclass bits), for a class statement's class or a built-in type.
    package func typeFlags(_ cls: PyClass) -> Int {
        var flags = 1 << 12  // READY
        flags |= cls.isMutable ? 1 << 9 : 1 << 8  // HEAPTYPE, or IMMUTABLETYPE
        if cls.isMutable || !Self.finalTypes.contains(cls.name) { flags |= 1 << 10 }  // BASETYPE
        let subclassBits: [(PyClass, Int)] = [
            (BuiltinTypes.int, 24), (BuiltinTypes.list, 25), (BuiltinTypes.tuple, 26), (BuiltinTypes.bytes, 27),
            (BuiltinTypes.str, 28), (BuiltinTypes.dict, 29), (BuiltinTypes.baseException, 30), (BuiltinTypes.type, 31),
        ]
        for (base, bit) in subclassBits where cls.isSubclass(of: base) { flags |= 1 << bit }
        return flags
    }

    package func valueBase(of bases: [PyClass]) throws -> PyClass? {
        var found: PyClass?
        for b in bases {
            var base: PyClass?
            if b.isMutable {
                base = b.valueBase
            } else if b === BuiltinTypes.object || b === BuiltinTypes.type || b.isExceptionClass {
                base = nil
            } else if Self.subclassableTypes.contains(ObjectIdentifier(b)) || Self.lazyIteratorTypes.contains(ObjectIdentifier(b))
                        || b.nativeBase != nil {
                base = b
            } else if Self.finalTypes.contains(b.name) {
                throw typeError("type '\(b.name)' is not an acceptable base type")
            } else {
                throw typeError("subclassing the built-in type '\(b.name)' is not supported by loopscope")
            }
            // Exceptions are instances of their own kind: no built-in value beside them.
            if base != nil, b.isExceptionClass || bases.contains(where: { $0.isExceptionClass }) {
                throw typeError("multiple bases have instance lay-out conflict")
            }
            guard let base else { continue }
            if let f = found, f !== base {
                if base.isSubclass(of: f) { found = base; continue }
                if f.isSubclass(of: base) { continue }
                throw typeError("multiple bases have instance lay-out conflict")
            }
            found = base
        }
        return found
    }

    /// The plain value an int, str or float subclass's instance is; nil for other values.
    @inline(__always)
    package func derivedValue(_ v: Value) -> Value? {
        guard case .object(let o) = v, let d = o as? PyDerivedValue else { return nil }
        return d.value
    }

    /// `v` as its built-in type's own value: an int/str/float subclass's plain value, a
    /// container subclass's contents in a new plain container (for the operations that
    /// make new values and must not ask the subclass again), else `v` itself.
    package func plainValue(_ v: Value) -> Value {
        guard case .object(let o) = v else { return v }
        if let d = o as? PyDerivedValue { return d.value }
        guard o.instancePart != nil else { return v }
        switch o {
        case let l as PyList: return .object(PyList(l.items))
        case let t as PyTuple: return .object(PyTuple(t.items))
        case let s as PySet: return .object(s.copy(frozen: s.isFrozen))
        case let b as PyBytes: return .object(PyBytes(b.bytes, byteArray: b.isByteArray))
        case let d as PyDeque:
            let c = PyDeque()
            c.takeBody(of: d)
            return .object(c)
        case let d as PyDict:
            let c = PyDict()
            c.flavor = d.flavor
            for (k, v) in d.entries { c.set(k, v) }
            return .object(c)
        default: return v
        }
    }

    /// Whether `v` is an instance of a class deriving from a built-in container.
    @inline(__always)
    package func isDerivedContainer(_ v: Value) -> Bool {
        guard case .object(let o) = v else { return false }
        return o.instancePart != nil
    }

    // MARK: Making instances

    /// `base.__new__(cls, *args)`: the instance of `cls`, a subclass of built-in `base`.
    /// Immutable types take their value here; mutable containers start empty and are
    /// filled by `base.__init__`.
    package func newDerived(_ cls: PyClass, base: PyClass, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        guard cls.isSubclass(of: base) else {
            throw typeError("\(base.name).__new__(\(cls.name)): \(cls.name) is not a subtype of \(base.name)")
        }
        func part() -> PyInstance {
            let p = PyInstance(cls: cls)
            p.vm = self
            return p
        }
        if let native = base.nativeBase {
            let made = try native.make(self, cls, args, kwargs)
            made.instancePart = part()
            return .object(made)
        }
        switch base.name {
        case "list", "dict", "set", "defaultdict", "OrderedDict", "Counter", "bytearray", "deque":
            let made: PyObject
            switch base.name {
            case "list": made = PyList()
            case "set": made = PySet()
            case "bytearray": made = PyBytes([], byteArray: true)
            case "deque": made = PyDeque()
            default:
                let d = PyDict()
                if base === BuiltinTypes.orderedDict { d.flavor = .ordered }
                if base === BuiltinTypes.counter { d.flavor = .counter }
                if base === BuiltinTypes.defaultdict { d.flavor = .defaultdict(factory: .none) }
                made = d
            }
            made.instancePart = part()
            return .object(made)
        default:
            // `int(x)`, `str(x)`, `tuple(x)`, ...: the value, then wrapped as `cls`'s.
            guard cls !== base else { return try constructBuiltin(base, args, kwargs) }
            if Self.lazyIteratorTypes.contains(ObjectIdentifier(base)) {
                return newDerivedIterator(cls, base: base, try constructBuiltin(base, args, kwargs))
            }
            let value = plainValue(try constructBuiltin(base, args, kwargs))
            if case .object(let o) = value, let t = o as? PyTuple {
                let made = PyTuple(t.items)
                made.instancePart = part()
                return .object(made)
            }
            if case .object(let o) = value, let b = o as? PyBytes {
                let made = PyBytes(b.bytes)
                made.instancePart = part()
                return .object(made)
            }
            if case .object(let o) = value, let s = o as? PySet {
                let made = s.copy(frozen: true)
                made.instancePart = part()
                return .object(made)
            }
            let made = PyDerivedValue(cls: cls, value: value)
            made.vm = self
            return .object(made)
        }
    }

    private func constructBuiltin(_ base: PyClass, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        guard let ctor = nativeConstructors[ObjectIdentifier(base)] else {
            throw typeError("cannot create '\(base.name)' instances")
        }
        return try ctor(self, args, kwargs)
    }

    /// `list.__init__(self, ...)`, `dict.__init__`, `set.__init__`, ...: the receiver
    /// takes the contents the built-in constructor makes from the arguments (without
    /// calling the receiver's own `__setitem__` or `append`, as CPython's don't).
    package func initDerived(_ receiver: Value, base: PyClass, _ args: [Value], _ kwargs: [(String, Value)]) throws {
        let made = try constructBuiltin(base, args, kwargs)
        guard case .object(let o) = receiver, case .object(let m) = made else { return }
        switch (o, m) {
        case let (l as PyList, source as PyList):
            l.items = source.items
        case let (s as PySet, source as PySet):
            s.takeBody(of: source)
        case let (b as PyBytes, source as PyBytes):
            b.bytes = source.bytes
        case let (d as PyDeque, source as PyDeque):
            d.takeBody(of: source)
        case let (d as PyDict, source as PyDict):
            for (k, _) in d.entries { d.remove(k) }
            d.flavor = source.flavor
            for (k, v) in source.entries { d.set(k, v) }
        default:
            break
        }
    }

    // MARK: The built-in types' slots and methods as class attributes

    /// `T.name` for a built-in type `T` a class can derive from: its methods
    /// (`list.append`) and the slots CPython gives it (`dict.__getitem__`,
    /// `int.__new__`), forwarding to the native behaviour; nil when `T` has no such
    /// attribute. `list.__hash__` (and dict's, set's) is None, as CPython's.
    package func builtinTypeSlot(_ type: PyClass, _ name: String) -> Value? {
        guard Self.subclassableTypes.contains(ObjectIdentifier(type)) || Self.lazyIteratorTypes.contains(ObjectIdentifier(type))
                || type.nativeBase != nil else {
            return nil
        }
        let key = type.name + "." + name
        if let cached = builtinTypeSlots[key] { return cached }
        // Absent while it is made: finding the method asks `getAttribute`, which asks here.
        builtinTypeSlots[key] = .some(nil)
        let made = makeBuiltinTypeSlot(type, name)
        builtinTypeSlots[key] = .some(made)
        return made
    }

    /// `bytes.__repr__`, `deque.__repr__`, `range.__repr__`: CPython gives each built-in
    /// type its own `tp_repr`, a slot wrapper of that type (so `bytes.__repr__ is
    /// deque.__repr__` is False, and pprint's table keyed by `type(obj).__repr__` tells
    /// them apart). loopscope's native types without a subclassable form inherit
    /// `object`'s slot; this is the per-type one, made once, forwarding to the value's repr.
    package func ownReprSlot(_ type: PyClass) -> Value? {
        guard type !== BuiltinTypes.object, !type.isMutable, !type.isExceptionClass,
              type.bases.count == 1, type.bases[0] === BuiltinTypes.object else { return nil }
        let key = type.name + ".__repr__"
        if let cached = builtinTypeSlots[key] { return cached }
        let made = forwarding(type, "__repr__") { vm, receiver, _, _ in .str(try vm.repr(receiver)) }
        builtinTypeSlots[key] = .some(made)
        return made
    }

    private static let mutableContainers: Set<String> = ["list", "dict", "set", "defaultdict", "OrderedDict", "Counter",
                                                         "bytearray", "deque"]

    private func makeBuiltinTypeSlot(_ type: PyClass, _ name: String) -> Value? {
        let isMutableContainer = Self.mutableContainers.contains(type.name)
        switch name {
        case "__new__":
            return .object(PyStaticMethod(.object(PyBuiltin("__new__") { vm, args, kwargs in
                guard case .object(let o)? = args.first, let cls = o as? PyClass else {
                    throw vm.typeError("\(type.name).__new__(X): X is not a type object (\(args.first?.typeName ?? "NoneType"))")
                }
                return try vm.newDerived(cls, base: type, Array(args.dropFirst()), kwargs)
            }.bound(to: .object(type)))))
        case "__init__" where type.nativeBase != nil:
            return forwarding(type, name) { vm, receiver, args, kwargs in
                guard case .object(let o) = receiver, let native = type.nativeBase else { return .none }
                try native.initialize(vm, o, args, kwargs)
                return .none
            }
        case "__init__":
            guard isMutableContainer else { return nil }
            return forwarding(type, name) { vm, receiver, args, kwargs in
                try vm.initDerived(receiver, base: type, args, kwargs)
                return .none
            }
        case "__hash__" where isMutableContainer:
            return Value.none
        default:
            break
        }
        if let native = type.nativeBase { return native.methods[name].map { .object($0) } }
        // A lazy iterator type (`enumerate`) has `__new__`, then only the iterator protocol.
        if Self.lazyIteratorTypes.contains(ObjectIdentifier(type)) { return PyIterator.methods[name].map { .object($0) } }
        if let slot = dunderSlot(type, name) { return slot }
        // A method (`list.append`): its descriptor. (`object`'s slots, which every value
        // answers, come from `object` further along the MRO.)
        guard NativeSlots.object[name] == nil else { return nil }
        return methodDescriptor(type, name)
    }

    /// An empty value of built-in type `type`, to ask which methods it has.
    package func sampleValue(_ type: PyClass) -> Value {
        switch type.name {
        case "int": return .int(0)
        case "float": return .float(0)
        case "complex": return .object(PyComplex(0, 0))
        case "str": return .str("")
        case "tuple": return .object(PyTuple.empty)
        case "frozenset": return .object(PySet(frozen: true))
        case "set": return .object(PySet())
        case "list": return .object(PyList())
        case "bytes": return .object(PyBytes([]))
        case "bytearray": return .object(PyBytes([], byteArray: true))
        case "deque": return .object(PyDeque())
        default:
            let d = PyDict()
            if type === BuiltinTypes.orderedDict { d.flavor = .ordered }
            if type === BuiltinTypes.counter { d.flavor = .counter }
            if type === BuiltinTypes.defaultdict { d.flavor = .defaultdict(factory: .none) }
            return .object(d)
        }
    }

    /// The native method `name` of `receiver`'s built-in type, bound to it, without
    /// asking its class (what `list.append(sub, x)` and `super().get(k)` reach).
    package func builtinMethod(_ receiver: Value, _ name: String) -> Value? {
        switch receiver {
        case .object(let o):
            switch o {
            case let d as PyDerivedValue: return builtinMethod(d.value, name)
            case let l as PyList: return listMethod(l, name)
            case let t as PyTuple: return tupleMethod(t, name)
            case let b as PyBytes: return bytesMethod(b, name)
            case let d as PyDeque: return try? d.nativeAttribute(name, self)
            case let s as PySet: return try? s.nativeAttribute(name, self)
            case let d as PyDict:
                if case .counter = d.flavor, let m = counterMethod(d, name) { return m }
                return dictMethod(d, name)
            default: return (try? getAttribute(receiver, name)).flatMap { isCallable($0) ? $0 : nil }
            }
        default:
            // An int's, str's or float's methods; their data attributes are not methods.
            guard let v = try? getAttribute(receiver, name), isCallable(v) else { return nil }
            return v
        }
    }

    /// A native function for `type.name` that checks its receiver (CPython's method
    /// descriptor) and runs `body` on it with the other arguments.
    private func forwarding(_ type: PyClass, _ name: String,
                            _ body: @escaping (Interpreter, Value, [Value], [(String, Value)]) throws -> Value) -> Value {
        .object(PyBuiltin(name) { vm, args, kwargs in
            guard let receiver = args.first else {
                throw vm.typeError("unbound method \(type.name).\(name)() needs an argument")
            }
            guard vm.classOf(receiver).isSubclass(of: type) else {
                throw vm.typeError("descriptor '\(name)' for '\(type.name)' objects doesn't apply to a '\(receiver.typeName)' object")
            }
            return try body(vm, receiver, Array(args.dropFirst()), kwargs)
        })
    }

    /// The slots a built-in type's `__dict__` lists (its methods are left out).
    package static let builtinTypeDictNames: [String] = {
        var names = ["__new__", "__init__", "__repr__", "__str__", "__hash__", "__format__", "__getnewargs__",
                     "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__len__", "__iter__", "__contains__",
                     "__getitem__", "__setitem__", "__delitem__", "__bool__", "__int__", "__float__", "__index__",
                     "__neg__", "__pos__", "__abs__", "__invert__"]
        for op in arithmetic.keys.sorted() { names += ["__\(op)__", "__r\(op)__", "__i\(op)__"] }
        return names
    }()

    private static let comparisons: [String: CompareOperatorKind] = [
        "__eq__": .eq, "__ne__": .notEq, "__lt__": .lt, "__le__": .ltE, "__gt__": .gt, "__ge__": .gtE,
    ]

    private static let arithmetic: [String: BinaryOperatorKind] = [
        "add": .add, "sub": .sub, "mul": .mul, "truediv": .div, "floordiv": .floorDiv, "mod": .mod,
        "pow": .pow, "lshift": .lshift, "rshift": .rshift, "and": .bitAnd, "or": .bitOr, "xor": .bitXor,
    ]

    /// Which binary operators each built-in type implements (CPython's number and
    /// sequence slots).
    private static func binaryOperators(_ type: String) -> Set<String> {
        switch type {
        case "int": return ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "or", "xor"]
        case "float": return ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow"]
        case "complex": return ["add", "sub", "mul", "truediv", "pow"]
        case "str": return ["add", "mul", "mod"]
        case "list", "tuple", "deque": return ["add", "mul"]
        case "bytes", "bytearray": return ["add", "mul", "mod"]
        case "set", "frozenset": return ["or", "and", "sub", "xor"]
        case "dict", "defaultdict", "OrderedDict": return ["or"]
        case "Counter": return ["add", "sub", "or", "and"]
        default: return []
        }
    }

    /// The special methods of built-in type `type`, as native functions on the receiver.
    private func dunderSlot(_ type: PyClass, _ name: String) -> Value? {
        let t = type.name
        let isNumber = t == "int" || t == "float" || t == "complex"
        if let op = Self.comparisons[name] {
            return forwarding(type, name) { vm, receiver, args, _ in
                guard args.count == 1 else { throw vm.typeError("expected 1 argument, got \(args.count)") }
                return try vm.builtinRichCompare(op, receiver, args[0])
            }
        }
        if name.hasPrefix("__"), name.hasSuffix("__") {
            var core = String(name.dropFirst(2).dropLast(2))
            var reflected = false, inPlace = false
            if Self.arithmetic[core] == nil, core.hasPrefix("r"), Self.arithmetic[String(core.dropFirst())] != nil {
                core.removeFirst()
                reflected = true
            } else if Self.arithmetic[core] == nil, core.hasPrefix("i"), Self.arithmetic[String(core.dropFirst())] != nil {
                core.removeFirst()
                inPlace = true
            }
            if let op = Self.arithmetic[core], Self.binaryOperators(t).contains(core) {
                // Only the mutable containers have in-place forms; sequences have no
                // reflected `+`, and `*` is reflected for them.
                if inPlace && !(t == "list" || t == "set") { return nil }
                if reflected && !(isNumber || (core == "mul" && t != "set") || (t == "str" && core == "mod")) { return nil }
                return forwarding(type, name) { vm, receiver, args, _ in
                    guard args.count == 1 else { throw vm.typeError("expected 1 argument, got \(args.count)") }
                    if inPlace { return try vm.inplaceOperation(op, receiver, args[0], native: true) }
                    return try vm.builtinBinary(op, receiver, args[0], reflected: reflected)
                }
            }
        }
        let isSequence = t == "list" || t == "tuple" || t == "str"
        let isContainer = !isNumber
        switch name {
        case "__repr__":
            return forwarding(type, name) { vm, receiver, _, _ in .str(try vm.builtinRepr(receiver)) }
        case "__str__" where t == "str":
            return forwarding(type, name) { vm, receiver, _, _ in vm.plainValue(receiver) }
        case "__hash__":
            return forwarding(type, name) { vm, receiver, _, _ in .int(try vm.pythonHash(vm.plainValue(receiver))) }
        case "__format__" where isNumber || t == "str":
            return forwarding(type, name) { vm, receiver, args, _ in
                guard args.count == 1, case .str(let spec) = args[0] else { throw vm.typeError("__format__() argument must be str") }
                if spec.isEmpty { return .str(try vm.str(receiver)) }
                return .str(try vm.format(vm.plainValue(receiver), spec))
            }
        case "__len__" where isContainer:
            return forwarding(type, name) { vm, receiver, _, _ in .int(try vm.builtinLength(receiver)) }
        case "__iter__" where isContainer:
            return forwarding(type, name) { vm, receiver, _, _ in .object(try vm.makeIterator(receiver, native: true)) }
        case "__contains__" where isContainer:
            return forwarding(type, name) { vm, receiver, args, _ in
                guard args.count == 1 else { throw vm.typeError("expected 1 argument, got \(args.count)") }
                return .bool(try vm.contains(receiver, args[0], native: true))
            }
        case "__getitem__" where isContainer && t != "set" && t != "frozenset":
            return forwarding(type, name) { vm, receiver, args, _ in
                guard args.count == 1 else { throw vm.typeError("expected 1 argument, got \(args.count)") }
                return try vm.getItem(receiver, args[0], native: true)
            }
        case "__setitem__" where isContainer && !isSequence || t == "list":
            guard t != "set" && t != "frozenset" else { return nil }
            return forwarding(type, name) { vm, receiver, args, _ in
                guard args.count == 2 else { throw vm.typeError("expected 2 arguments, got \(args.count)") }
                try vm.storeSubscript(receiver, args[0], args[1], native: true)
                return .none
            }
        case "__delitem__" where isContainer && !isSequence || t == "list":
            guard t != "set" && t != "frozenset" else { return nil }
            return forwarding(type, name) { vm, receiver, args, _ in
                guard args.count == 1 else { throw vm.typeError("expected 1 argument, got \(args.count)") }
                try vm.deleteSubscript(receiver, args[0], native: true)
                return .none
            }
        case "__bool__" where isNumber:
            return forwarding(type, name) { vm, receiver, _, _ in .bool(try vm.truthy(vm.plainValue(receiver))) }
        case "__int__" where isNumber && t != "complex", "__index__" where t == "int":
            return forwarding(type, name) { vm, receiver, _, _ in
                try vm.callNow(.object(BuiltinTypes.int), [vm.plainValue(receiver)])
            }
        case "__float__" where isNumber && t != "complex":
            return forwarding(type, name) { vm, receiver, _, _ in
                try vm.callNow(.object(BuiltinTypes.float), [vm.plainValue(receiver)])
            }
        case "__neg__" where isNumber, "__pos__" where isNumber, "__invert__" where t == "int":
            let op: UnaryOperatorKind = name == "__neg__" ? .neg : name == "__pos__" ? .pos : .invert
            return forwarding(type, name) { vm, receiver, _, _ in try vm.unaryOperation(op, vm.plainValue(receiver)) }
        case "__abs__" where isNumber:
            return forwarding(type, name) { vm, receiver, _, _ in
                try vm.callNow(vm.builtins["abs"] ?? .none, [vm.plainValue(receiver)])
            }
        case "__getnewargs__" where isNumber || t == "str" || t == "tuple":
            return forwarding(type, name) { vm, receiver, _, _ in .object(PyTuple([vm.plainValue(receiver)])) }
        default:
            return nil
        }
    }

    /// `len()` of a built-in container (or str) without asking its class.
    package func builtinLength(_ v: Value) throws -> Int {
        switch plainValueIfScalar(v) {
        case .str(let s): return codePointIndex.count(s)
        case .object(let o):
            if let l = o as? PyList { return l.items.count }
            if let t = o as? PyTuple { return t.items.count }
            if let d = o as? PyDict { return d.count }
            if let s = o as? PySet { return s.count }
        default: break
        }
        throw typeError("object of type '\(v.typeName)' has no len()")
    }

    /// An int/str/float subclass's plain value; containers as they are.
    private func plainValueIfScalar(_ v: Value) -> Value { derivedValue(v) ?? v }

    /// `repr()` as the built-in type draws it (`list.__repr__(sub)`): a container
    /// subclass's instance as the container, an int/str/float subclass's as its value.
    package func builtinRepr(_ v: Value) throws -> String {
        if let plain = derivedValue(v) { return try repr(plain) }
        guard case .object(let o) = v else { return try repr(v) }
        return try reprObject(o)
    }

    /// `T.__eq__(a, b)` (and the other comparisons) for a built-in `T`: the native
    /// comparison of the two values when `b` is of a comparable built-in kind,
    /// NotImplemented otherwise.
    package func builtinRichCompare(_ op: CompareOperatorKind, _ a: Value, _ b: Value) throws -> Value {
        let x = plainValue(a), y = plainValue(b)
        guard comparableKinds(x, y) else { return .notImplemented }
        if op == .eq || op == .notEq {
            let equal = try equals(x, y)
            return .bool(op == .eq ? equal : !equal)
        }
        // Dicts and complex numbers are not ordered.
        if case .object(let p) = x, p is PyDict || p is PyComplex { return .notImplemented }
        return .bool(try ordered(op, x, y))
    }

    /// Whether the left value's built-in comparison compares the right one: values of
    /// its own kind, and for a float an int too (float_richcompare takes ints;
    /// long_richcompare takes only ints, so `int.__eq__(2, 2.0)` is NotImplemented), and
    /// for a complex ints and floats (complex_richcompare).
    private func comparableKinds(_ x: Value, _ y: Value) -> Bool {
        func kind(_ v: Value) -> Int {
            switch v {
            case .int, .bool: return 1
            case .float: return 7
            case .str: return 2
            case .object(let o):
                switch o {
                case is PyLong: return 1
                case is PyList: return 3
                case is PyTuple: return 4
                case is PyDict: return 5
                case is PySet: return 6
                case is PyBytes: return 8
                case is PyDeque: return 9
                case is PyComplex: return 10
                default: return 0
                }
            case .none: return 0
            }
        }
        let k = kind(x), other = kind(y)
        return k != 0 && (k == other || (k == 7 && other == 1) || (k == 10 && (other == 1 || other == 7)))
    }

    /// `T.__add__(a, b)` (and the others, `reflected` for `__radd__`) for a built-in
    /// `T`: the operation on the plain values, NotImplemented when the other operand is
    /// an instance of a Python class or the operation does not apply.
    package func builtinBinary(_ op: BinaryOperatorKind, _ a: Value, _ b: Value, reflected: Bool) throws -> Value {
        let x = plainValue(a), y = plainValue(b)
        if isUserInstance(y) { return .notImplemented }
        do {
            return try reflected ? binaryOperation(op, y, x) : binaryOperation(op, x, y)
        } catch let e as PythonError where e.exception.cls === BuiltinTypes.typeError {
            return .notImplemented
        }
    }
}
