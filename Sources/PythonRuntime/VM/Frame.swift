import BigInt

/// One activation of a code object: program counter, fast locals, cells, value stack and
/// the block stack of active `try` handlers.
public final class Frame {
    package struct Block {
        package enum Kind { case handler, exceptHandler }
        package let kind: Kind
        /// `handler`: where to jump. `exceptHandler`: unused.
        package let target: Int
        /// The value-stack height to restore.
        package let level: Int
    }

    /// Why a suspended coroutine frame stopped, so `send` knows what to push on resume.
    package enum Suspension {
        case none
        /// `await future` on a future that was not done (`Future.__await__` yielded it).
        case future(NativeAwaitable)
        /// A bare `yield` (`asyncio.sleep(0)`): the await gives this value when resumed
        /// (None for `_bare_yield()`; sleep's `result` when `sleep(0)` ran without a frame).
        case bareYield(resumeWith: Value)
        /// An await of a library coroutine run without its frame (`FrameSkipping`:
        /// `await asyncio.sleep(d)` with `d > 0`): on resuming, `cleanup` runs (sleep's
        /// `finally` cancels its timer), then the await gives the result or raises.
        case skippedFrame(NativeAwaitable, cleanup: ResumeCleanup)
        /// A simulated thread stopped here for another to run (`ThreadSwitching`);
        /// `replacesTop`: it stopped in a blocking call (a lock, `time.sleep`), whose
        /// placeholder result on the stack is replaced by what the call returns.
        case threadSwitch(replacesTop: Bool)
    }

    package let code: CodeObject
    package let globals: PyModule
    package var pc = 0
    /// Fast locals occupy slots `0..<code.localNames.count` at the bottom of the value
    /// stack (CPython's "localsplus"); the evaluation stack grows above them.
    package var stack: ValueStack
    package var cells: [PyCell]
    /// Where the buffer goes back when the frame is freed.
    package let pool: StackPool?
    package var blocks: [Block] = []
    /// The exception an `except`/`finally` of this frame is handling (`sys.exc_info()`).
    package var handled: PyException?
    /// A function's `locals()` dict: the same dict on every call, refreshed each time
    /// (3.11's `f_locals` and `PyFrame_FastToLocals`).
    package var localsSnapshot: PyDict?
    /// Class bodies store their names here.
    package var namespace: [String: Value]?
    /// The names a class body bound, in the order it first bound them (`__set_name__`
    /// runs in definition order).
    package var namespaceKeys: [String] = []
    /// A class body's namespace when its metaclass's `__prepare__` returned a mapping
    /// other than a dict: names are stored and read through its `__setitem__` /
    /// `__getitem__` (`namespace` is nil then).
    package var namespaceMapping: Value?
    /// The coroutine this frame belongs to, set while the frame is on a fiber (a strong
    /// reference then keeps an awaited coroutine alive; cleared when it finishes, so an
    /// unstarted coroutine is freed normally and can warn that it was never awaited).
    package var coroutine: PyCoroutine?
    /// The async generator this frame belongs to, while the frame runs on an awaiting
    /// task's fiber (see `Interpreter.leaveAsyncGenerator`).
    package var asyncGenerator: PyAsyncGenerator?
    package var suspension: Suspension = .none

    /// A frame whose locals are all unbound (the caller binds arguments into `stack[i]`).
    package init(code: CodeObject, globals: PyModule, cells: [PyCell], pool: StackPool? = nil) {
        self.code = code
        self.globals = globals
        self.cells = cells
        self.pool = pool
        let n = code.localNames.count
        stack = pool.map { ValueStack(capacity: n + 8, pool: $0) } ?? ValueStack(capacity: n + 8)
        for _ in 0..<n { stack.append(.unboundLocal) }
    }

    package convenience init(code: CodeObject, globals: PyModule, locals: [Value?], cells: [PyCell], pool: StackPool? = nil) {
        self.init(code: code, globals: globals, cells: cells, pool: pool)
        for (i, v) in locals.enumerated() where i < code.localNames.count {
            if let v { stack[i] = v }
        }
    }

    deinit {
        if let pool { stack.recycle(into: pool) } else { stack.destroy() }
    }

    /// An exception leaving this frame: CPython's traceback holds the frame object, which
    /// keeps the frame's locals alive as long as the exception lives (a task kept only in
    /// a local of a frame that raised is freed with the exception, not before).
    package func keepLocals(in exc: PyException) {
        for i in 0..<min(code.localNames.count, stack.count) {
            let value = stack[i]
            // The exception itself (`raise err` of a local): a cycle CPython's collector
            // frees; kept out here, where nothing would.
            if value.isUnboundLocal || value.asObject === exc { continue }
            exc.tracebackLocals.append(value)
        }
        exc.tracebackLocals.append(contentsOf: cells.map { .object($0) })
    }

    /// A finished coroutine's frame releases what it holds, as CPython's `_PyFrame_Clear`
    /// does when a coroutine returns or raises: a task kept only in a local is freed then,
    /// which is when "Task exception was never retrieved" is logged. The coroutine object
    /// lives on (its task holds it); its frame no longer keeps its locals alive.
    package func clearFinished() {
        let n = code.localNames.count
        stack.truncate(to: n)
        for i in 0..<min(n, stack.count) { stack[i] = .unboundLocal }
        cells = []
        localsSnapshot = nil
        handled = nil
    }

    /// The line being executed (for tracebacks and the trace's "parked at line").
    package var currentLine: Int { code.line(at: max(0, pc - 1)) }
    package var currentPosition: CodePosition { code.position(at: max(0, pc - 1)) }
}

/// The chain of frames one `send` runs: a task's coroutine and the coroutines it awaits
/// (innermost last), or a plain call made from native code.
package final class Fiber {
    package var frames: [Frame]
    package init(_ frames: [Frame]) { self.frames = frames }
}

/// A coroutine object: what calling an `async def` returns.
public final class PyCoroutine: PyObject {
    package enum State { case created, suspended, running, closed }

    package let frame: Frame
    package let function: PyFunction
    package var state: State = .created
    /// The suspended chain when this coroutine is driven directly by a task.
    package var fiber: Fiber?
    /// Whether anything ever awaited or wrapped it (for "was never awaited").
    package var wasAwaited = false
    /// Where it was created (for the never-awaited warning).
    package var creationLine: Int

    /// Reports "coroutine ... was never awaited" when freed unstarted, as CPython does.
    package var warnings: WarningSink?

    package init(function: PyFunction, frame: Frame, creationLine: Int) {
        self.function = function
        self.frame = frame
        self.creationLine = creationLine
        super.init()
    }

    deinit {
        guard state == .created, !wasAwaited, let warnings else { return }
        let interpreter = warnings.interpreter
        let frame = interpreter?.activeFrame
        let file = frame?.code.filename ?? "sys"
        let line = frame?.currentLine ?? 1
        warnings.pythonWarning(file: file, line: line, sourceLine: interpreter?.sources[file]?.line(line),
                               category: "RuntimeWarning", message: "coroutine '\(qualname)' was never awaited",
                               extra: "RuntimeWarning: Enable tracemalloc to get the object allocation traceback")
    }

    public override var pyClass: PyClass { BuiltinTypes.coroutine }
    public var name: String { function.name }
    public var qualname: String { function.qualname }
}

/// The awaitable `asyncio.sleep(0)` uses: awaiting it yields nothing to the task once.
package final class BareYield: PyObject {
    package static let shared = BareYield()
}

/// `slice(lower, upper, step)`
public final class PySlice: PyObject {
    package static let pyClass = PyClass(name: "slice", bases: [BuiltinTypes.object])
    public override var pyClass: PyClass { PySlice.pyClass }
    package let lower: Value, upper: Value, step: Value
    package init(lower: Value, upper: Value, step: Value) {
        self.lower = lower
        self.upper = upper
        self.step = step
    }
}

/// `range(start, stop, step)`
public final class PyRange: PyObject {
    package let start: Int, stop: Int, step: Int
    package init(start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
    }
    public override var pyClass: PyClass { BuiltinTypes.range }
    public override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        vm.rangeAttribute(long, .object(self), name)
    }
    /// The number of items, saturated at Int.max: `range(-5*10**18, 5*10**18)` has more
    /// than an Int holds (`len()` raises OverflowError then, see `lengthOverflows`).
    /// Computed in unsigned arithmetic, since `stop - start` itself may overflow.
    package var count: Int {
        let exact = exactCount
        return exact > UInt(Int.max) ? Int.max : Int(exact)
    }

    package var lengthOverflows: Bool { exactCount > UInt(Int.max) }

    /// The i-th item (0 <= i < count). Wrapping arithmetic: the item is within
    /// [start, stop) and fits, even when `i * step` alone would not.
    package func item(_ i: Int) -> Int { start &+ i &* step }

    /// The item at a Python index (negative: from the end), or nil when out of range.
    package func item(at index: Int) -> Int? {
        let n = exactCount
        let position: UInt
        if index >= 0 {
            guard UInt(index) < n else { return nil }
            position = UInt(index)
        } else {
            guard index.magnitude <= n else { return nil }
            position = n - index.magnitude
        }
        return start &+ Int(truncatingIfNeeded: position) &* step
    }

    private var exactCount: UInt {
        if step > 0 {
            return start < stop ? (UInt(bitPattern: stop &- start) - 1) / UInt(step) + 1 : 0
        }
        return start > stop ? (UInt(bitPattern: start &- stop) - 1) / step.magnitude + 1 : 0
    }
}

/// The iterator `GET_ITER` makes over a sequence (a snapshot for dicts' keys, as Python
/// raises on mutation during iteration and scenarios never rely on that).
package final class PyIterator: PyObject {
    package enum Source {
        case list(PyList)
        case values([Value])
        case range(PyRange)
        case string([Unicode.Scalar])
        /// An instance of a Python class with `__next__`.
        case custom(Value)
        /// A Python class with `__getitem__` and no `__iter__` (the sequence protocol).
        case sequence(Value)
        /// Items made on demand from other iterators (`enumerate`, `zip`, `map`,
        /// `filter`): CPython's are lazy, so they work over endless iterators and run a
        /// mapped function only when the item is asked for. Returns nil at the end.
        case stepper((Interpreter) throws -> Value?)
    }
    package let source: Source
    package var index = 0
    /// `__length_hint__` of an iterator over a range past 64 bits: how many items are
    /// left, which `list(it)` checks before it starts (CPython's OverflowError).
    package var remainingItems: (() -> BigInt)?
    /// The iterator's CPython type (`list_iterator`, `zip`, ...): by default the one its
    /// source implies; the makers of the others name theirs.
    private let type: PyClass
    package init(_ source: Source, type: PyClass? = nil) {
        self.source = source
        self.type = type ?? PyIterator.defaultType(source)
    }

    /// A lazy iterator type's subclass (`class Numbered(enumerate)`) has its instance's class.
    package override var pyClass: PyClass { instancePart?.cls ?? type }

    private static func defaultType(_ source: Source) -> PyClass {
        switch source {
        case .list: return BuiltinTypes.listIterator
        case .range: return BuiltinTypes.rangeIterator
        case .string(let chars): return chars.allSatisfy(\.isASCII) ? BuiltinTypes.strASCIIIterator : BuiltinTypes.strIterator
        // A Python iterator wrapped for the native loop keeps its class.
        case .custom(.object(let o)): return o.pyClass
        case .custom: return BuiltinTypes.iterator
        case .values, .sequence, .stepper: return BuiltinTypes.iterator
        }
    }

    /// The iterator type CPython gives iterating a native collection of type `c`.
    package static func iteratorType(of c: PyClass) -> PyClass {
        switch c.name {
        case "tuple": return BuiltinTypes.tupleIterator
        case "set", "frozenset": return BuiltinTypes.setIterator
        case "bytes": return BuiltinTypes.bytesIterator
        case "bytearray": return BuiltinTypes.bytearrayIterator
        case "dict", "defaultdict", "OrderedDict", "Counter", "dict_keys": return BuiltinTypes.dictKeyIterator
        case "dict_values": return BuiltinTypes.dictValueIterator
        case "dict_items": return BuiltinTypes.dictItemIterator
        default: return BuiltinTypes.iterator
        }
    }

    /// `it.__next__` (heapq.merge binds it, and reads the bound method's `__self__`) and
    /// `it.__iter__`, as on CPython's iterators.
    package override class var nativeMethods: [String: PyBuiltin]? { methods }

    package static let methods: [String: PyBuiltin] = [
        "__next__": PyBuiltin.method("__next__", of: PyIterator.self, owner: "iterator") { it, vm, _, _ in
            guard let item = try it.next(vm) else { throw PythonError(vm.makeException(BuiltinTypes.stopIteration)) }
            return item
        },
        "__iter__": PyBuiltin.method("__iter__", of: PyIterator.self, owner: "iterator") { it, _, _, _ in .object(it) },
    ]

    /// The iterator types whose CPython versions have `__length_hint__` and whose items
    /// are counted here (the reverse iterators of lists and of the sequence protocol, and
    /// the lazy types, step on demand and have none).
    package static let lengthHintTypes: [PyClass] = [
        BuiltinTypes.listIterator, BuiltinTypes.tupleIterator, BuiltinTypes.rangeIterator,
        BuiltinTypes.longRangeIterator, BuiltinTypes.strIterator, BuiltinTypes.strASCIIIterator,
        BuiltinTypes.setIterator, BuiltinTypes.bytesIterator, BuiltinTypes.bytearrayIterator,
        BuiltinTypes.dictKeyIterator, BuiltinTypes.dictValueIterator, BuiltinTypes.dictItemIterator,
        BuiltinTypes.dictReverseKeyIterator,
    ]

    /// `__length_hint__`: how many items are left (CPython's `listiter_len`,
    /// `rangeiter_len`, ...); nil for an iterator that steps on demand.
    package var itemsLeft: Value? {
        if let remainingItems { return .integer(remainingItems()) }
        let count: Int
        switch source {
        case .list(let l): count = l.items.count
        case .values(let v): count = v.count
        case .range(let r): count = r.count
        case .string(let chars): count = chars.count
        case .custom, .sequence, .stepper: return nil
        }
        return .int(max(0, count - index))
    }

    /// `it.__length_hint__` of the types that have one.
    package override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        guard name == "__length_hint__", Self.lengthHintTypes.contains(where: { $0 === type }) else { return nil }
        return .object(PyBoundMethod(receiver: .object(self), function: .object(Self.lengthHint)))
    }

    package static let lengthHint =
        PyBuiltin.method("__length_hint__", of: PyIterator.self, owner: "iterator") { it, _, _, _ in
            it.itemsLeft ?? .int(0)
        }

    /// The next item, running Python code for the sources that need it.
    package func next(_ vm: Interpreter) throws -> Value? {
        switch source {
        case .custom(let iterator):
            return try vm.userNext(iterator)
        case .stepper(let step):
            guard index >= 0, let item = try step(vm) else {
                index = -1
                return nil
            }
            return item
        case .sequence(let v):
            guard index >= 0, let item = try vm.sequenceItem(v, index) else {
                index = -1
                return nil
            }
            index += 1
            return item
        default:
            return next()
        }
    }

    /// The next item of a native source (nil at the end, and for Python iterators,
    /// which `next(_:)` steps).
    package func next() -> Value? {
        switch source {
        case .custom, .sequence, .stepper:
            return nil
        case .list(let l):
            guard index < l.items.count else { return nil }
            index += 1
            return l.items[index - 1]
        case .values(let v):
            guard index < v.count else { return nil }
            index += 1
            return v[index - 1]
        case .range(let r):
            guard index < r.count else { return nil }
            index += 1
            return .int(r.item(index - 1))
        case .string(let chars):
            guard index < chars.count else { return nil }
            index += 1
            return .str(String(chars[index - 1]))
        }
    }
}
