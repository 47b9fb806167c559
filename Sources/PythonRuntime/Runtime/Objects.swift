/// Objects with identity. Each subclass is one Python type; `pyClass` names it so that
/// `type(x).__name__`, `isinstance` and tracebacks see the same names as CPython.
open class PyObject {
    public init() {}

    /// The object's Python class.
    open var pyClass: PyClass { BuiltinTypes.object }

    public var typeName: String { pyClass.name }

    /// Attributes stored on the object itself (instances of library classes, functions).
    /// Native types answer their methods in `Interpreter.getAttribute`.
    open func instanceAttribute(_ name: String) -> Value? { nil }

    // Native types (futures, tasks, the loop, handles, sets) override these. They are
    // methods rather than protocols because a protocol cast on every attribute access
    // costs more than the access itself.

    /// A native attribute or method, or nil.
    open func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? { nil }
    /// Methods shared by every instance of a native type, called with the receiver first
    /// (see `PyBuiltin.method`): found without making an object per access.
    open class var nativeMethods: [String: PyBuiltin]? { nil }
    /// Sets a native attribute; false when the object has no such settable attribute.
    open func setNativeAttribute(_ name: String, _ value: Value, _ vm: Interpreter) throws -> Bool { false }
    /// The items a `for` loop walks, for native collections.
    package var iterationItems: [Value]? { nil }
    /// `len(x)` (and truthiness) of a native collection, without listing its items.
    package var nativeCount: Int? { iterationItems?.count }
    /// The object's own `repr`, or nil for the generic one.
    open func pythonRepr(_ vm: Interpreter) throws -> String? { nil }
    /// `x[key]` of a native type that is not a built-in collection (`match[1]`), or nil.
    package func nativeGetItem(_ key: Value, _ vm: Interpreter) throws -> Value? { nil }
    /// For an instance of a class deriving from a built-in container (`class
    /// Stack(list)`), its Python part: the class and `__dict__` (see
    /// BuiltinSubclasses.swift). The object itself stays a `PyList` (`PyDict`, ...), so
    /// every native path treats it as the list it is. Nil for the built-in types' own.
    /// Stored here rather than overridden per type: the check costs one load.
    package final var instancePart: PyInstance?
    /// The weak references to this object (CPython's `tp_weaklist`), made by the first
    /// `weakref.ref` to it (WeakReferences.swift); their callbacks are due when it goes.
    package final var weakReferences: WeakReferenceList?

    deinit { weakReferences?.referentDied() }
}

public final class PyList: PyObject {
    public var items: [Value]
    public init(_ items: [Value] = []) { self.items = items }
    public override var pyClass: PyClass { instancePart?.cls ?? BuiltinTypes.list }
}

public final class PyTuple: PyObject {
    public let items: [Value]
    public init(_ items: [Value]) { self.items = items }
    public override var pyClass: PyClass { instancePart?.cls ?? BuiltinTypes.tuple }
    public static let empty = PyTuple([])
}

/// An insertion-ordered dict, as Python's.
public final class PyDict: PyObject {
    public private(set) var keys: [Value?] = []
    public private(set) var values: [Value] = []
    /// Each entry's hash (`HashKey.tableHash`), computed once, beside `keys`.
    private var hashes: [Int] = []
    private var index = CompactDictIndex()
    private var deleted = 0

    /// The dict subclasses CPython writes in C or whose instances are plain dicts with a
    /// twist: `collections.defaultdict` (missing keys made by its factory) and
    /// `collections.OrderedDict` (order-sensitive equality, `move_to_end`) and
    /// `collections.Counter`. They are
    /// dicts here too, so `isinstance(d, dict)` holds and every dict operation works.
    public enum Flavor {
        case dict
        case defaultdict(factory: Value)
        case ordered
        /// `collections.Counter` (see Counter.swift).
        case counter
    }
    public var flavor = Flavor.dict
    public var isCounter: Bool {
        if case .counter = flavor { return true }
        return false
    }

    public override init() {}
    public override var pyClass: PyClass {
        if let instancePart { return instancePart.cls }
        switch flavor {
        case .dict: return BuiltinTypes.dict
        case .defaultdict: return BuiltinTypes.defaultdict
        case .ordered: return BuiltinTypes.orderedDict
        case .counter: return BuiltinTypes.counter
        }
    }

    /// Moves `key` to the end (or the front), as `OrderedDict.move_to_end`; false when absent.
    public func moveToEnd(_ key: Value, last: Bool) -> Bool {
        guard let value = get(key) else { return false }
        remove(key)
        if last {
            set(key, value)
        } else {
            let rest = entries
            for (k, _) in rest { remove(k) }
            set(key, value)
            for (k, v) in rest { set(k, v) }
        }
        return true
    }

    public var count: Int { keys.count - deleted }

    private func find(_ key: Value) -> (hash: Int, slot: Int, entry: Int?) {
        let probe = HashKey(key)
        let hash = probe.tableHash
        guard let found = index.lookup(hash, hashes: hashes, isKey: { HashKey(keys[$0]!) == probe }) else {
            return (hash, -1, nil)
        }
        return (hash, found.slot, found.entry)
    }

    public func get(_ key: Value) -> Value? {
        guard let i = find(key).entry else { return nil }
        return values[i]
    }

    /// The module whose globals this dict is (given to `exec`/`eval` as globals): its
    /// string keys are the module's attributes, kept the same both ways.
    package var linkedModule: PyModule?
    /// The instance whose `__dict__` this dict is: its string keys are the instance's
    /// attributes, kept the same both ways (see `AttributeTable.link`).
    package weak var linkedInstance: PyInstance? {
        didSet { isLinkedToInstance = linkedInstance != nil }
    }
    /// Whether `linkedInstance` was set: checked before the (slower) weak load on every write.
    private var isLinkedToInstance = false

    public func set(_ key: Value, _ value: Value) {
        store(key, value)
        if let m = linkedModule, case .str(let name) = key { m.attributes[name] = value }
        if isLinkedToInstance, let i = linkedInstance, case .str(let name) = key { i.attributes.setUnlinked(name, value) }
    }

    /// Stores without telling a linked module (the module is telling the dict).
    package func store(_ key: Value, _ value: Value) {
        let (hash, _, entry) = find(key)
        if let i = entry {
            values[i] = value
            return
        }
        if index.usable <= 0 { rebuild() }
        index.add(hash, entry: keys.count)
        keys.append(key)
        values.append(value)
        hashes.append(hash)
    }

    @discardableResult
    public func remove(_ key: Value) -> Value? {
        if let m = linkedModule, case .str(let name) = key { m.attributes[name] = nil }
        if isLinkedToInstance, let i = linkedInstance, case .str(let name) = key { i.attributes.setUnlinked(name, nil) }
        return discard(key)
    }

    /// Removes without telling a linked module.
    @discardableResult
    package func discard(_ key: Value) -> Value? {
        let (_, slot, entry) = find(key)
        guard let i = entry else { return nil }
        index.markDeleted(slot: slot)
        keys[i] = nil
        deleted += 1
        let v = values[i]
        if deleted > 16 && deleted * 2 > keys.count { rebuild() }
        return v
    }

    /// Drops deleted entries and makes a new index with room to grow (`dictresize`).
    private func rebuild() {
        if deleted > 0 {
            var live = 0
            for i in keys.indices where keys[i] != nil {
                keys[live] = keys[i]; values[live] = values[i]; hashes[live] = hashes[i]
                live += 1
            }
            keys.removeLast(keys.count - live)
            values.removeLast(values.count - live)
            hashes.removeLast(hashes.count - live)
            deleted = 0
        }
        index = CompactDictIndex(roomFor: keys.count)
        for (entry, hash) in hashes.enumerated() { index.add(hash, entry: entry) }
    }

    /// The live entries in insertion order.
    public var entries: [(Value, Value)] {
        var out: [(Value, Value)] = []
        out.reserveCapacity(count)
        for (i, k) in keys.enumerated() { if let k = k { out.append((k, values[i])) } }
        return out
    }
}

/// A variable shared between a function and the functions nested in it.
public final class PyCell: PyObject {
    public var value: Value?
    public init(_ value: Value? = nil) { self.value = value }
}

/// A module: `asyncio`, `time`, the scenario's `__main__`.
public final class PyModule: PyObject {
    public let name: String
    /// Bumped on every change, so code objects can cache global lookups.
    public private(set) var version = 0
    public var attributes = ModuleNamespace() {
        didSet { version &+= 1 }
    }
    public init(name: String) { self.name = name }
    public override var pyClass: PyClass { BuiltinTypes.module }

    /// Made for a globals dict without `__name__`: its functions' `__module__` is None.
    package var isNameless = false

    /// The dict `exec`/`eval` were given as this module's globals (see `PyDict.linkedModule`).
    package weak var linkedDict: PyDict? {
        didSet { bindsElsewhere = linkedDict != nil || globalsOwner != nil }
    }
    /// The module whose globals this one's names are (asyncio's submodules, views of the
    /// one prelude module): rebinding a name both hold rebinds it there too, so library
    /// code, which reads its own globals, sees a program's replacement as CPython's does
    /// (`asyncio.futures._set_result_unless_cancelled = f`, then `sleep` calls `f`).
    package weak var globalsOwner: PyModule? {
        didSet { bindsElsewhere = linkedDict != nil || globalsOwner != nil }
    }
    /// Whether `linkedDict` or `globalsOwner` was set: checked before the (slower) weak
    /// loads on every bind.
    private var bindsElsewhere = false

    /// Binds (or with nil, unbinds) a global, in the linked dict and the owner's globals too.
    @inline(__always)
    package func bind(_ name: String, _ value: Value?) {
        attributes[name] = value
        guard bindsElsewhere else { return }
        bindElsewhere(name, value)
    }

    private func bindElsewhere(_ name: String, _ value: Value?) {
        if let d = linkedDict {
            if let value { d.store(.str(name), value) } else { d.discard(.str(name)) }
        }
        if let owner = globalsOwner, owner !== self, owner.attributes[name] != nil { owner.bind(name, value) }
    }
    public override func instanceAttribute(_ name: String) -> Value? { attributes[name] }
}

/// A `def` / `async def` / `lambda` value: code plus what it closed over and its
/// defaults. Like CPython's function object, its `__name__`, `__qualname__`, `__doc__`,
/// `__module__`, `__defaults__` and `__kwdefaults__` start from the code and definition
/// but can be reassigned (`functools.wraps` does), and it carries a `__dict__` of
/// arbitrary attributes.
public final class PyFunction: PyObject {
    public let code: CodeObject
    public let globals: PyModule
    public var defaults: [Value]
    public var kwDefaults: [String: Value]
    public let closure: [PyCell]
    public var name: String
    public var qualname: String
    public var doc: Value
    public var module: Value
    /// `__annotations__`, made when first asked for unless the definition had some.
    public var annotations: PyDict?
    /// `__dict__`, made when the first attribute is set or it is asked for.
    public var attributes: PyDict?

    public init(code: CodeObject, globals: PyModule, defaults: [Value], kwDefaults: [String: Value], closure: [PyCell]) {
        self.code = code
        self.globals = globals
        self.defaults = defaults
        self.kwDefaults = kwDefaults
        self.closure = closure
        name = code.name
        qualname = code.qualname
        doc = code.docstring.map { .str($0) } ?? .none
        module = globals.attributes["__name__"] ?? (globals.isNameless ? .none : .str(globals.name))
    }
    public override var pyClass: PyClass { BuiltinTypes.function }
    public override func instanceAttribute(_ name: String) -> Value? { attributes?.get(.str(name)) }
}

/// A function implemented in Swift. `call` receives positional and keyword arguments.
public final class PyBuiltin: PyObject {
    public typealias Body = (Interpreter, [Value], [(String, Value)]) throws -> Value
    public let name: String
    public let body: Body
    /// How calls are checked before `body` runs (nil: the body checks its own), and the
    /// type the messages name it by (`Future` for `Future.done()`).
    package let signature: NativeSignature?
    package let owner: String?
    /// A method of a native type (CPython's method descriptor): its first argument is the
    /// receiver, which the signature does not count.
    package let takesReceiver: Bool
    /// A function of a module (`time.localtime`, made by `Interpreter.nativeFunction`):
    /// read through an instance of a class that holds it, it does not bind.
    package var isModuleFunction = false
    /// The built-in type a method descriptor read from the type belongs to (`str` for
    /// `str.upper`): its repr is `<method 'upper' of 'str' objects>`.
    package var descriptorOf: String?
    /// The value a method made for one receiver (`[].append`, `b''.hex`) is bound to:
    /// CPython's `__self__`, and its repr is `<built-in method append of list object at ...>`.
    package var boundSelf: Value?
    /// Positional argument counts that need no binding when no keywords are given (the
    /// common call skips `bindNative`); everything is checked when there is no signature.
    package let plainArguments: ClosedRange<Int>

    public init(_ name: String, _ body: @escaping Body) {
        self.name = name
        self.body = body
        signature = nil
        owner = nil
        plainArguments = 0...Int.max
        takesReceiver = false
    }

    package init(_ name: String, owner: String?, _ signature: NativeSignature, takesReceiver: Bool = false,
         _ body: @escaping Body) {
        self.name = name
        self.body = body
        self.signature = signature
        self.owner = owner
        self.takesReceiver = takesReceiver
        plainArguments = signature.plainArguments
    }

    /// A method of native type `T`, for its type's `nativeMethods` table: `body` gets the
    /// receiver and the arguments after it. `owner` names it in error messages.
    package static func method<T: PyObject>(_ name: String, of type: T.Type, owner: String?,
                                    _ signature: NativeSignature = .noArguments,
                                    _ body: @escaping (T, Interpreter, MethodArguments, [(String, Value)]) throws -> Value) -> PyBuiltin {
        PyBuiltin(name, owner: owner, signature, takesReceiver: true) { vm, args, kwargs in
            guard case .object(let o)? = args.first, let receiver = o as? T else {
                throw vm.typeError("descriptor '\(name)' requires a '\(owner ?? name)' object")
            }
            return try body(receiver, vm, MethodArguments(args), kwargs)
        }
    }

    /// This function with `boundSelf` set: a type's `__new__` is bound to the type
    /// (`object.__new__.__self__ is object`, as copyreg's `_reduce_ex` asks).
    package func bound(to receiver: Value) -> PyBuiltin {
        boundSelf = receiver
        return self
    }

    /// The name CPython's messages give it: `Future.done`, `list.append`, `gather`.
    package var qualname: String { owner.map { "\($0).\(name)" } ?? name }

    public override var pyClass: PyClass { descriptorOf == nil ? BuiltinTypes.builtinFunction : BuiltinTypes.methodDescriptor }
}

/// The arguments of a native method after its receiver, indexed from 0, without
/// copying them out of the call's argument list.
package struct MethodArguments {
    private let all: [Value]
    package init(_ all: [Value]) { self.all = all }
    package var count: Int { all.count - 1 }
    package subscript(i: Int) -> Value { all[i + 1] }
    package var first: Value? { count > 0 ? all[1] : nil }
    /// The arguments from the `n`-th on.
    package func dropFirst(_ n: Int = 1) -> ArraySlice<Value> { all.dropFirst(n + 1) }
    package var array: [Value] { Array(all.dropFirst()) }
}

/// `obj.method`: a function with its first argument bound.
public final class PyBoundMethod: PyObject {
    public let receiver: Value
    public let function: Value
    public init(receiver: Value, function: Value) {
        self.receiver = receiver
        self.function = function
    }
    /// A native method bound to its object is a `builtin_function_or_method`, as in CPython.
    public override var pyClass: PyClass {
        if case .object(let f) = function, f is PyBuiltin { return BuiltinTypes.builtinFunction }
        return BuiltinTypes.method
    }
}

/// A class: the built-in types, the exception hierarchy, the classes of the built-in
/// asyncio library and those a scenario's `class` statements make.
public final class PyClass: PyObject {
    public let name: String
    /// CPython's `__qualname__`: `Outer.Inner`, `main.<locals>.Pool`.
    public var qualname: String
    public let bases: [PyClass]
    public private(set) var mro: [PyClass] = []
    public var dict: [String: Value] = [:] {
        didSet { invalidateSpecialMethods() }
    }
    /// The order `dict`'s names were defined in (the class body's, then assignments), as
    /// `C.__dict__` and `vars(C)` list them; names missing from it come last, sorted.
    package var definitionOrder: [String] = []

    /// `dict`'s names in definition order.
    package var orderedNames: [String] {
        let ordered = definitionOrder.filter { dict[$0] != nil }
        let known = Set(ordered)
        return ordered + dict.keys.filter { !known.contains($0) }.sorted()
    }
    /// The module name shown in reprs (`asyncio.exceptions`, `builtins`, `__main__`).
    public var module: String
    /// Classes made by a `class` statement accept new attributes; built-in types do not,
    /// as in CPython. (Built-in classes are also shared by every simulation in the
    /// process, so they must never change.)
    public var isMutable = false
    /// The class's class when it is not `type` (`class C(metaclass=Meta)`, or a base's
    /// metaclass inherited): `type(C)`, and where special methods of `C` itself
    /// (`iter(C)`, `C[k]`, `C(...)` through `Meta.__call__`) are found.
    public var metaclass: PyClass?
    /// The built-in type whose instances this class's instances are (`list` for `class
    /// Stack(list)`, `int` for `class Money(int)`); nil when that is `object` or an
    /// exception class (see BuiltinSubclasses.swift).
    package var valueBase: PyClass?
    /// A native class whose instances are awaitable (`_asyncio.Future`): its `__dict__`
    /// shows `__await__`, which `collections.abc.Awaitable` looks for.
    public var isNativeAwaitable = false
    /// A native library class a `class` statement may derive from (`asyncio.Future`):
    /// how its instances are made and initialised, and its methods (see
    /// NativeBaseType.swift). Nil for every other class.
    public var nativeBase: NativeBaseType?

    public init(name: String, bases: [PyClass], module: String = "builtins", qualname: String? = nil) {
        self.name = name
        self.qualname = qualname ?? name
        self.bases = bases
        self.module = module
        super.init()
        mro = [self] + PyClass.merge(bases.map { $0.mro } + [bases])
    }

    public override var pyClass: PyClass { metaclass ?? BuiltinTypes.type }

    /// C3 linearisation, as Python computes `__mro__`; nil when the bases admit no
    /// consistent order (CPython's "Cannot create a consistent method resolution order").
    package static func linearize(_ bases: [PyClass]) -> [PyClass]? {
        let merged = merge(bases.map { $0.mro } + [bases])
        let expected = Set(bases.flatMap { $0.mro.map(ObjectIdentifier.init) })
        return merged.count == expected.count ? merged : nil
    }

    private static func merge(_ sequences: [[PyClass]]) -> [PyClass] {
        var seqs = sequences.filter { !$0.isEmpty }
        var result: [PyClass] = []
        while !seqs.isEmpty {
            guard let head = seqs.lazy.map({ $0[0] }).first(where: { candidate in
                !seqs.contains { $0.dropFirst().contains { $0 === candidate } }
            }) else { break }
            result.append(head)
            seqs = seqs.map { $0.first === head ? Array($0.dropFirst()) : $0 }.filter { !$0.isEmpty }
        }
        return result
    }

    public func isSubclass(of other: PyClass) -> Bool {
        mro.contains { $0 === other }
    }

    public func lookup(_ name: String) -> Value? {
        for c in mro { if let v = c.dict[name] { return v } }
        return nil
    }

    public var isExceptionClass: Bool { isSubclass(of: BuiltinTypes.baseException) }

    // MARK: Special methods (what attribute access must look for before the fast path)

    /// Which hooks a class's MRO defines that change plain attribute access. Computed on
    /// first use and dropped when this class or a base changes, as CPython's type
    /// version tags are.
    package struct SpecialMethods {
        /// A data descriptor (`property`, or an object whose class has `__set__` or
        /// `__delete__`) somewhere in the MRO: instance attributes cannot come first.
        package var hasDataDescriptors = false
        package var getattr = false
        /// `__getattribute__` defined in Python: every attribute read goes through it.
        package var getattribute = false
        package var setattr = false
        package var delattr = false
        /// `__hash__` (not None) and `__eq__` defined in Python: dict keys ask the VM.
        package var hash = false
        package var eq = false
    }
    private var cachedSpecialMethods: SpecialMethods?
    /// Mutable subclasses, told when this class changes (never set on built-in classes,
    /// which are shared between simulations).
    private var subclasses: [WeakClass] = []

    package var specialMethods: SpecialMethods {
        if let cached = cachedSpecialMethods { return cached }
        var found = SpecialMethods()
        for c in mro where c.isMutable {
            for (key, value) in c.dict {
                switch key {
                case "__getattr__": found.getattr = true
                case "__getattribute__": found.getattribute = true
                case "__setattr__": found.setattr = true
                case "__delattr__": found.delattr = true
                default: if value.isDataDescriptor { found.hasDataDescriptors = true }
                }
            }
        }
        if isMutable {
            if let h = lookup("__hash__"), !h.isNone { found.hash = true }
            found.eq = lookup("__eq__") != nil
        }
        // Built-in classes are shared by every simulation in the process: never cached
        // (theirs are always empty).
        if isMutable { cachedSpecialMethods = found }
        return found
    }

    /// Registers this (mutable) class with its mutable bases, so changes to them reach it.
    package func registerWithBases() {
        for b in mro.dropFirst() where b.isMutable { b.subclasses.append(WeakClass(self)) }
    }

    /// `type.__subclasses__()` of a class made by a `class` statement: its direct
    /// subclasses still alive, in the order they were made (tp_subclasses' order).
    package var directSubclasses: [PyClass] {
        subclasses.compactMap { $0.cls }.filter { sub in sub.bases.contains { $0 === self } }
    }

    private func invalidateSpecialMethods() {
        guard isMutable else { return }
        cachedSpecialMethods = nil
        subclasses.removeAll { $0.cls == nil }
        for s in subclasses { s.cls?.cachedSpecialMethods = nil }
    }
}

package struct WeakClass {
    package weak var cls: PyClass?
    package init(_ cls: PyClass) { self.cls = cls }
}

extension Value {
    /// A `property`, or an instance of a class defining `__set__` or `__delete__`: found
    /// on the class, it takes precedence over the instance's own attributes.
    package var isDataDescriptor: Bool {
        guard case .object(let o) = self else { return false }
        if o is PyProperty { return true }
        guard let inst = o as? PyInstance, inst.cls.isMutable else { return false }
        return inst.cls.lookup("__set__") != nil || inst.cls.lookup("__delete__") != nil
    }
}

/// An instance of a class made by a `class` statement.
public class PyInstance: PyObject {
    public let cls: PyClass
    public var attributes = AttributeTable()
    /// The VM that made it, for what dict keys need from its class (`__hash__`, `__eq__`).
    package weak var vm: Interpreter?
    public init(cls: PyClass) { self.cls = cls }
    public override var pyClass: PyClass { cls }
    public override func instanceAttribute(_ name: String) -> Value? { attributes[name] }
}

/// One line of a traceback: where an exception passed through.
public struct TracebackEntry: Equatable {
    public var file: String
    public var function: String
    public var line: Int
    /// The failing instruction's full position (`tb_lasti`'s entry of `co_positions()`),
    /// for 3.11's `^^^` markers; nil where only the line is known.
    public var position: CodePosition?
    /// The frame's code and module (what `tb_frame` gives `Task.get_stack`), kept rather
    /// than the frame itself, whose locals may hold the exception (a cycle).
    package var code: CodeObject?
    package var globals: PyModule?
    public init(file: String, function: String, line: Int, position: CodePosition? = nil) {
        self.file = file
        self.function = function
        self.line = line
        self.position = position
    }

    /// A repeated frame, as traceback printing counts them: the same file, line and name
    /// (the position does not take part).
    public static func == (a: TracebackEntry, b: TracebackEntry) -> Bool {
        a.file == b.file && a.line == b.line && a.function == b.function
    }
}

/// An exception instance (any class derived from BaseException).
public final class PyException: PyInstance {
    public var args: [Value]
    /// Outermost frame first, as Python prints it.
    public var traceback: [TracebackEntry] = []
    public var cause: PyException?
    public var context: PyException?
    public var suppressContext = false
    /// What CPython's traceback of this exception keeps alive through its frames' locals,
    /// when that matters: the task asyncio's runner was running when a SystemExit or
    /// KeyboardInterrupt left the loop (see `EventLoop.runUntilComplete`).
    package var heldByTraceback: PyObject?
    /// The locals of the coroutine frames this exception left: CPython's traceback holds
    /// those frames, which keep their locals alive (see `Frame.clearFinished`).
    package var tracebackLocals: [Value] = []

    public init(cls: PyClass, args: [Value]) {
        self.args = args
        super.init(cls: cls)
    }

    public override func instanceAttribute(_ name: String) -> Value? {
        switch name {
        case "args": return .object(PyTuple(args))
        case "__cause__": return cause.map { .object($0) } ?? Value.none
        case "__context__": return context.map { .object($0) } ?? Value.none
        case "__suppress_context__": return .bool(suppressContext)
        // No traceback objects: None (`Value.none`; a bare `.none` here would be the
        // optional's nil, "no such attribute").
        case "__traceback__": return Value.none
        // OSError(errno, strerror[, filename]) (`OSError_init`).
        case "errno", "strerror", "filename":
            if let own = attributes[name] { return own }
            guard cls.isSubclass(of: BuiltinTypes.osError) else { return nil }
            let index = name == "errno" ? 0 : name == "strerror" ? 1 : 2
            return (2...5).contains(args.count) && index < args.count ? args[index] : Value.none
        case "value" where cls.isSubclass(of: BuiltinTypes.stopIteration): return args.first ?? Value.none
        case "code" where cls.isSubclass(of: BuiltinTypes.systemExit): return exitCode
        default: return attributes[name]
        }
    }

    public func isInstance(of cls: PyClass) -> Bool { self.cls.isSubclass(of: cls) }

    /// SystemExit and KeyboardInterrupt: what a task step or callback raises again out of
    /// the event loop instead of keeping it (`Task.__step`, `Handle._run`).
    package var stopsTheLoop: Bool {
        isInstance(of: BuiltinTypes.systemExit) || isInstance(of: BuiltinTypes.keyboardInterrupt)
    }

    /// `SystemExit.code`: None without arguments, the argument, or all of them as a tuple.
    package var exitCode: Value {
        if let own = attributes["code"] { return own }
        switch args.count {
        case 0: return .none
        case 1: return args[0]
        default: return .object(PyTuple(args))
        }
    }
}

/// A Swift error carrying a raised Python exception through native code.
public struct PythonError: Error {
    public let exception: PyException
    public init(_ exception: PyException) { self.exception = exception }
}
