/// Weak references (CPython's `Objects/weakrefobject.c` and `Modules/_weakref.c`), on
/// Swift's reference counting: a Python object is freed when its last strong reference
/// goes, as CPython frees it when its reference count drops to zero, so `del obj` then
/// `r()` gives None exactly where CPython's does. Objects in a reference cycle are never
/// freed (there is no cycle collector: `gc.collect()` does not exist here), so their
/// weak references stay alive where CPython's collector would clear them.
///
/// `PyObject.weakReferences` lists an object's references (CPython's `tp_weaklist`);
/// the object's `deinit` hands the callbacks of those still alive to the interpreter as a
/// pending call, which runs them before the next instruction (CPython runs them inside
/// the deallocation itself, which is the same moment for the program).
package class PyWeakReference: PyObject {
    package private(set) weak var referent: PyObject?
    /// `wr_callback`: called with this reference when the referent dies (nil: None).
    package private(set) var callback: Value?
    /// `wr_hash`: the referent's hash, kept once taken, so a dead reference still answers it.
    private var hash: Int?
    fileprivate weak var vm: Interpreter?

    fileprivate init(_ referent: PyObject, callback: Value?, vm: Interpreter) {
        self.referent = referent
        self.callback = callback
        self.vm = vm
    }

    package override var pyClass: PyClass { instancePart?.cls ?? Self.referenceType }

    /// `weakref.ReferenceType` (`weakref.ref`), which Python classes may derive from
    /// (`KeyedRef`, `WeakMethod`).
    package static let referenceType: PyClass = {
        let cls = PyClass(name: "ReferenceType", bases: [BuiltinTypes.object], module: "weakref")
        cls.nativeBase = NativeBaseType(
            make: { vm, cls, args, kwargs in try make(vm, cls, args, kwargs) },
            // `weakref___init__` checks the arguments `__new__` took.
            initialize: { vm, _, args, kwargs in _ = try arguments(vm, cls.name, args, kwargs) },
            methods: methods)
        return cls
    }()

    /// The object a reference may be made to, or CPython's TypeError: instances of
    /// classes made by `class` statements (and of those deriving from list, dict, set and
    /// the other mutable built-ins), functions, methods, classes, sets, generators,
    /// coroutines, modules, `functools.partial`, compiled patterns, deques, futures and tasks.
    package static func referent(_ v: Value, _ vm: Interpreter) throws -> PyObject {
        if case .object(let o) = v {
            let allowed: Bool
            switch o {
            case let derived as PyDerivedValue:
                // Subclasses of the variable-size int (and bool) have no weak list.
                switch derived.value {
                case .int, .bool: allowed = false
                case .object(let v) where v is PyLong: allowed = false
                default: allowed = hasWeakrefSlot(derived.cls)
                }
            case let instance as PyInstance: allowed = instance.cls.isMutable && hasWeakrefSlot(instance.cls)
            case is PyTuple, is PyBytes, is PyLong, is PyComplex: allowed = false
            case let dict as PyDict where dict.instancePart == nil:
                // OrderedDict and Counter take weak references; dict and defaultdict do not.
                switch dict.flavor {
                case .ordered, .counter: allowed = true
                case .dict, .defaultdict: allowed = false
                }
            case is PyWeakReference: allowed = o.instancePart != nil
            case is PyFunction, is PyBoundMethod, is PyBuiltin, is PyClass, is PySet, is PyGenerator, is PyCoroutine,
                 is PyModule, is PyPartial, is SREPattern, is PyDeque, is NativeAwaitable:
                allowed = true
            default: allowed = o.instancePart.map { hasWeakrefSlot($0.cls) } ?? false
            }
            if allowed { return o }
            let cls = o.pyClass
            let name = cls.isMutable || cls.module == "builtins" ? cls.name : "\(cls.module).\(cls.name)"
            throw vm.typeError("cannot create weak reference to '\(name)' object")
        }
        throw vm.typeError("cannot create weak reference to '\(v.typeName)' object")
    }

    /// Whether instances of a class made by `class` statements have `__weakref__`: unless
    /// every such class of its MRO defines `__slots__` without it (as `type_new` decides).
    private static func hasWeakrefSlot(_ cls: PyClass) -> Bool {
        for c in cls.mro where c.isMutable {
            guard let slots = c.dict["__slots__"] else { return true }
            if case .str(let name) = slots { if name == "__weakref__" { return true } else { continue } }
            if let items = (slots.asObject as? PyTuple)?.items ?? (slots.asObject as? PyList)?.items,
               items.contains(where: { if case .str("__weakref__") = $0 { return true } else { return false } }) {
                return true
            }
        }
        return false
    }

    /// `(ob, callback=None)`, positional only, as `weakref___new__` parses them.
    private static func arguments(_ vm: Interpreter, _ name: String, _ args: [Value],
                                  _ kwargs: [(String, Value)]) throws -> (Value, Value?) {
        if !kwargs.isEmpty { throw vm.typeError("\(name) takes no keyword arguments") }
        guard (1...2).contains(args.count) else {
            throw vm.typeError("\(name) expected \(args.isEmpty ? "at least 1" : "at most 2") argument\(args.isEmpty ? "" : "s"), got \(args.count)")
        }
        let callback = args.count > 1 && !args[1].isNone ? args[1] : nil
        return (args[0], callback)
    }

    /// `weakref___new__`: the referent's basic reference again where there is one and
    /// neither a callback nor a subclass asks for a new one.
    private static func make(_ vm: Interpreter, _ cls: PyClass, _ args: [Value], _ kwargs: [(String, Value)]) throws -> PyObject {
        let (target, callback) = try arguments(vm, cls === referenceType ? "__new__" : cls.name, args, kwargs)
        let referent = try referent(target, vm)
        let list = referent.weakReferences ?? WeakReferenceList()
        referent.weakReferences = list
        let basic = cls === referenceType && callback == nil
        if basic, let existing = list.basicReference { return existing }
        let made = PyWeakReference(referent, callback: callback, vm: vm)
        list.insert(made, basic: basic)
        return made
    }

    /// `weakref.proxy(object, callback=None)`: a `ProxyType`, or a `CallableProxyType`
    /// for a callable object; without a callback, the object's one proxy again.
    package static func makeProxy(_ vm: Interpreter, _ args: [Value]) throws -> Value {
        let callback = args.count > 1 && !args[1].isNone ? args[1] : nil
        let referent = try referent(args[0], vm)
        let list = referent.weakReferences ?? WeakReferenceList()
        referent.weakReferences = list
        if callback == nil, let existing = list.basicProxy { return .object(existing) }
        let made = PyWeakProxy(referent, callback: callback, vm: vm)
        made.isCallable = vm.isCallable(args[0])
        list.insert(made, basic: callback == nil)
        return .object(made)
    }

    /// `weakref.ref(ob, callback=None)` (a plain call, not through a subclass).
    package static func construct(_ vm: Interpreter, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        .object(try make(vm, referenceType, args, kwargs))
    }

    /// `weakref_hash`: `hash(referent)`, kept once taken.
    package func pythonHash(_ vm: Interpreter) throws -> Int {
        if hash == nil, let referent { try vm.requireHashable(.object(referent)) }
        guard let made = tableHash else { throw vm.typeError("weak object has gone away") }
        return made
    }

    /// The same without the errors, for sets and dicts (`PyHash.of`, `HashKey`): nil for
    /// a reference dead before it was ever hashed, which they key by identity.
    package var tableHash: Int? {
        if let hash { return hash }
        guard let referent else { return nil }
        let made = PyHash.of(.object(referent)).hash
        hash = made
        return made
    }

    /// `weakref_richcompare` for `==`: the referents' equality while both live, else identity.
    package func isEqual(to other: PyWeakReference, _ vm: Interpreter) throws -> Bool {
        guard let mine = referent, let theirs = other.referent else { return self === other }
        return try vm.equals(.object(mine), .object(theirs))
    }

    /// `weakref_repr`.
    package override func pythonRepr(_ vm: Interpreter) throws -> String? {
        guard let referent else { return "<weakref at \(vm.address(of: self)); dead>" }
        var text = "<weakref at \(vm.address(of: self)); to '\(referent.pyClass.name)' at \(vm.address(of: referent))"
        if case .str(let name)? = try? vm.getAttribute(.object(referent), "__name__") { text += " (\(name))" }
        return text + ">"
    }

    package override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        name == "__callback__" ? (callback ?? Value.none) : nil
    }

    package override class var nativeMethods: [String: PyBuiltin]? { methods }

    private static let methods: [String: PyBuiltin] = [
        // `weakref_call`: the referent, or None once it is gone.
        "__call__": PyBuiltin.method("__call__", of: PyWeakReference.self, owner: "ReferenceType", .noArguments) { r, _, _, _ in
            r.referent.map { .object($0) } ?? Value.none
        },
    ]

    /// Called by the referent's list when the referent dies: no callback after that.
    fileprivate func referentDied() -> Value? {
        defer { callback = nil }
        return callback
    }
}

/// `weakref.ProxyType` and `CallableProxyType` (`proxy_getattr`, `proxy_setattr`,
/// `proxy_call`, `proxy_repr`, `proxy_str`): attributes, calls and `str` go to the
/// referent while it lives, and raise ReferenceError once it is gone. (loopscope's
/// proxies forward no operators: `p + 1`, `len(p)`, `p[k]`, iteration and comparisons
/// act on the proxy itself.)
package final class PyWeakProxy: PyWeakReference {
    fileprivate var isCallable = false

    package static let proxyType = PyClass(name: "ProxyType", bases: [BuiltinTypes.object], module: "weakref")
    package static let callableProxyType = PyClass(name: "CallableProxyType", bases: [BuiltinTypes.object], module: "weakref")

    package override var pyClass: PyClass { isCallable ? Self.callableProxyType : Self.proxyType }
    package override class var nativeMethods: [String: PyBuiltin]? { nil }

    /// The referent, or CPython's ReferenceError.
    package func target(_ vm: Interpreter) throws -> Value {
        guard let referent else {
            let error = BuiltinTypes.moreExceptions.first { $0.name == "ReferenceError" } ?? BuiltinTypes.exception
            throw PythonError(vm.makeException(error, "weakly-referenced object no longer exists"))
        }
        return .object(referent)
    }

    package override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        try vm.getAttribute(try target(vm), name)
    }

    package override func setNativeAttribute(_ name: String, _ value: Value, _ vm: Interpreter) throws -> Bool {
        try vm.setAttribute(try target(vm), name, value)
        return true
    }

    package override func pythonRepr(_ vm: Interpreter) throws -> String? {
        let to = try target(vm)
        return "<weakproxy at \(vm.address(of: self)); to '\(to.typeName)' at \(to.asObject.map { vm.address(of: $0) } ?? "")>"
    }
}

/// One object's weak references, in CPython's order: the basic reference (no callback,
/// exactly `ReferenceType`) first, then the others, the newest first. The references
/// are held weakly: a reference freed before its referent leaves the list.
package final class WeakReferenceList {
    private struct Entry {
        weak var reference: PyWeakReference?
        let isBasic: Bool
    }
    private var entries: [Entry] = []

    fileprivate var basicReference: PyWeakReference? {
        guard let first = entries.first, first.isBasic, !(first.reference is PyWeakProxy) else { return nil }
        return first.reference
    }

    fileprivate func insert(_ reference: PyWeakReference, basic: Bool) {
        entries.removeAll { $0.reference == nil }
        let entry = Entry(reference: reference, isBasic: basic)
        // The basic reference first, then the basic proxy, then the rest, newest first.
        let basics = entries.prefix(2).prefix { $0.isBasic }
        if basic, !(reference is PyWeakProxy) {
            entries.insert(entry, at: 0)
        } else {
            entries.insert(entry, at: basic ? (basics.first?.reference is PyWeakProxy ? 0 : basics.count) : basics.count)
        }
    }

    fileprivate var basicProxy: PyWeakProxy? {
        entries.prefix(2).prefix { $0.isBasic }.lazy.compactMap { $0.reference as? PyWeakProxy }.first
    }

    /// The references still alive, in order (`weakref.getweakrefs`).
    package var references: [PyWeakReference] { entries.compactMap(\.reference) }

    /// `PyObject_ClearWeakRefs`: each live reference with a callback has it called with
    /// the reference, in the list's order, as a pending call of the interpreter. An
    /// exception a callback raises is printed as CPython's unraisable hook prints it.
    package func referentDied() {
        let live = references
        let calls = live.compactMap { r in r.referentDied().map { (r, $0) } }
        guard let vm = live.first?.vm, !calls.isEmpty else { return }
        vm.addPendingCall { [weak vm] in
            guard let vm else { return }
            for (reference, callback) in calls {
                do {
                    try vm.callNow(callback, [.object(reference)])
                } catch let error as PythonError {
                    vm.writeUnraisable(error.exception, in: callback)
                } catch {
                    return
                }
            }
        }
    }
}

extension Interpreter {
    /// `PyErr_WriteUnraisable`'s default hook: "Exception ignored in: <obj>" (or, with a
    /// context, "Exception ignored in atexit callback: <obj>") and the traceback, on stderr.
    package func writeUnraisable(_ exception: PyException, in object: Value, context: String = "in") {
        let described = (try? repr(object)) ?? "<object repr() failed>"
        writeError("Exception ignored \(context): \(described)\n" + formatTraceback(exception))
    }
}

/// `_weakref`, which Lib/weakref.py and Lib/_weakrefset.py are built on.
enum WeakrefModule {
    static func make(_ vm: Interpreter) -> PyModule {
        let module = PyModule(name: "_weakref")
        module.attributes["__name__"] = .str("_weakref")
        let referenceType = PyWeakReference.referenceType
        module.attributes["ref"] = .object(referenceType)
        module.attributes["ReferenceType"] = .object(referenceType)
        vm.nativeConstructors[ObjectIdentifier(referenceType)] = PyWeakReference.construct
        func references(_ v: Value) -> [PyWeakReference] {
            guard case .object(let o) = v else { return [] }
            return o.weakReferences?.references ?? []
        }
        module.attributes["ProxyType"] = .object(PyWeakProxy.proxyType)
        module.attributes["CallableProxyType"] = .object(PyWeakProxy.callableProxyType)
        module.attributes["proxy"] = vm.nativeFunction("proxy", owner: nil, .positional(min: 1, max: 2)) { vm, args, _ in
            try PyWeakReference.makeProxy(vm, args)
        }
        module.attributes["getweakrefcount"] = vm.nativeFunction("getweakrefcount", owner: nil, .oneArgument) { _, args, _ in
            .int(references(args[0]).count)
        }
        module.attributes["getweakrefs"] = vm.nativeFunction("getweakrefs", owner: nil, .oneArgument) { _, args, _ in
            .object(PyList(references(args[0]).map { .object($0) }))
        }
        // `_remove_dead_weakref(dict, key)`: deletes `dict[key]` if it is a dead reference.
        module.attributes["_remove_dead_weakref"] = vm.nativeFunction("_remove_dead_weakref", owner: nil, .positional(min: 2, max: 2)) { vm, args, _ in
            guard case .object(let o) = args[0], let dict = o as? PyDict else {
                throw vm.typeError("_remove_dead_weakref() argument 1 must be dict, not \(args[0].typeName)")
            }
            if case .object(let v)? = dict.get(args[1]), let r = v as? PyWeakReference, r.referent == nil {
                _ = dict.remove(args[1])
            }
            return .none
        }
        return module
    }
}
