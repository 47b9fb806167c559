import ScenarioLanguage

/// The bytecode VM. Frames live on explicit `Fiber` stacks, so a coroutine can stop at
/// any `await` and resume later: a task's `send` runs its fiber until the innermost frame
/// yields a pending future (or a bare yield), returns, or raises.
public final class Interpreter {
    package enum Resume {
        case start
        case send(Value)
        case throwing(PyException)
    }

    package enum Completion {
        case returned(Value)
        case raised(PyException)
        case yielded(Value)
    }

    /// What a call produced: a value, or a new frame to run on the current fiber.
    package enum CallResult {
        case value(Value)
        case frame(Frame)
    }

    package var builtins: [String: Value] = [:] {
        didSet { builtinsVersion &+= 1 }
    }
    package private(set) var builtinsVersion = 0
    /// `__builtins__` in a globals dict given to `exec`/`eval`: the builtins as a module.
    package lazy var builtinsModule: PyModule = {
        let m = PyModule(name: "builtins")
        m.attributes = ModuleNamespace(builtins)
        return m
    }()
    /// `sys.modules`: every module imported so far, by absolute name.
    package let modules = ModuleTable()
    /// Constant-time `len(s)` and `s[i]` on the long strings a program indexes in a loop.
    package let codePointIndex = CodePointIndex()
    /// The program's own modules, compiled before the run, by name (see `ImportSystem`).
    package var programModules: [String: LocalModule] = [:]
    /// The program's files: the scenario, then its own modules in the order found.
    package var programPaths: [String] = [] {
        didSet {
            fileNumbers = [:]
            for (n, path) in programPaths.enumerated() { fileNumbers[path] = n }
        }
    }
    /// Each program file's number in traces (0: the scenario), by path.
    package private(set) var fileNumbers: [String: Int] = [:]
    /// Python frames alive across all fibers (RecursionError at `recursionLimit`).
    package var depth = 0
    package let recursionLimit = 1000
    /// Containers whose repr is being built, so a self-referential one prints `[...]`
    /// (CPython's Py_ReprEnter).
    package var reprInProgress = Set<ObjectIdentifier>()
    /// Counts executed instructions for the step budget.
    package var instructionCount = 0
    /// Work beyond one unit per instruction, in instructions' worth, for the cost model
    /// (`SimulationState.clock`): calls (CPython runs plain instructions several times
    /// faster than a call), generator resumptions and large native operations. Counted
    /// in those paths only, never per instruction.
    package var extraWork = 0
    /// What a call costs beyond its instruction (`CPUCost`, calibrated with the rest).
    package static let callWork = CPUCost.callWork
    /// Called with each text `print` writes.
    package var writeOutput: (String) -> Void = { _ in }
    /// Where `sys.stderr` writes.
    package var writeError: (String) -> Void = { _ in }
    /// `sys.set_asyncgen_hooks`' pair (an event loop installs them while it runs).
    package var asyncGeneratorHooks: AsyncGeneratorHooks?
    /// The frame whose instruction is executing (for creation sites and tracebacks).
    package var activeFrame: Frame?
    /// The fiber `execute` is running (a simulated thread can stop only on its own; its
    /// frames are what `sys._getframe` walks).
    package private(set) var currentFiber: Fiber?
    /// Every fiber `execute` is running, outermost first: the program's, then each one
    /// started from inside it (a task's step, a native call back into Python).
    package private(set) var runningFibers: [Fiber] = []
    /// The library coroutine a host runs without its frame when it is awaited at once,
    /// and the host that does (see `FrameSkipping`).
    package var frameSkippedFunction: PyFunction?
    package weak var frameSkipper: FrameSkipping?
    /// Spare frame buffers (see `StackPool`).
    package let stackPool = StackPool()
    /// Constructors of native classes (Future, Event, ...), keyed by class.
    package var nativeConstructors: [ObjectIdentifier: PyBuiltin.Body] = [:]
    /// The program embedding the runtime, for its own extensions to find (the
    /// simulator's asyncio library). The runtime never looks at it.
    package var host: AnyObject?
    /// Where warnings the runtime raises from native code go.
    package var warningSink: WarningSink?
    /// Told when `halt` stops the run.
    package var onHalt: (() -> Void)?
    /// `list.append`, `dict.__getitem__`, ... made once per simulation (BuiltinSubclasses.swift).
    package var builtinTypeSlots: [String: Value?] = [:]
    /// str's methods as method descriptors (the receiver their first argument), made once
    /// per name for `s.method(...)` calls (StringMethods.swift).
    package var strMethodDescriptors: [String: Value?] = [:]
    /// Set when the simulation must stop (limits, deadlock): exceptions then unwind
    /// every frame without running handlers.
    package var halted: SimulationHalt?
    package var haltException: PyException?
    /// Stop after this many instructions (runaway code that never yields to the loop).
    package var instructionLimit = Int.max {
        didSet { instructionCheckpoint = min(instructionCheckpoint, instructionLimit) }
    }
    /// The hot loop's one test: past this count, `reachedCheckpoint` decides what happens
    /// (the instruction limit, or a thread switch). Never above `instructionLimit`.
    package var instructionCheckpoint = Int.max
    /// See PendingCalls.swift.
    package var pendingCalls: [() -> Void] = []
    /// Who switches threads (the simulator's `ThreadScheduler`), asked at checkpoints.
    package var threadSwitcher: ThreadSwitching?
    /// Bytes a value may take with what the process holds (`MemoryBudget.swift`).
    package var memoryLimit = Interpreter.defaultMemoryLimit
    /// Native modules the program embedding the runtime adds (the simulator's `_thread`
    /// and `_queue`), made on first import as `NativeModules`' own are.
    package var hostModules: [String: (Interpreter) -> PyModule] = [:]
    /// Files of the implementation's own Python (the asyncio prelude), whose frames
    /// tracebacks leave out as CPython's show no frames for code written in C.
    package var implementationFiles: Set<String> = []
    /// Lib/contextvars.py once imported, whose current context tasks switch (TaskContexts.swift).
    package var contextVarsModule: PyModule?
    /// Source of each file, for the lines tracebacks quote.
    package var sources: [String: SourceText] = [:]
    /// See `caretAnchors`.
    package var anchorCache: [String: CaretAnchors?] = [:]

    package init() {}

    // MARK: Running fibers

    /// Runs a fiber until it returns, raises or yields.
    package func execute(_ fiber: Fiber, _ resume: Resume) -> Completion {
        let savedActive = activeFrame, savedFiber = currentFiber
        currentFiber = fiber
        runningFibers.append(fiber)
        defer { activeFrame = savedActive; currentFiber = savedFiber; runningFibers.removeLast() }
        var pending: PyException?
        switch resume {
        case .start:
            break
        case .send(let value):
            guard let top = fiber.frames.last else { return .returned(.none) }
            do {
                try resumeSuspended(top, with: value)
            } catch {
                pending = exception(from: error, in: top)
            }
        case .throwing(let exc):
            if let top = fiber.frames.last {
                // A skipped frame's `finally` runs before the exception reaches the awaiting frame.
                if case .skippedFrame(_, let cleanup) = top.suspension { cleanup.runOnResume() }
                top.suspension = .none
                addTraceback(exc, top)
                pending = exc
            } else {
                return .raised(exc)
            }
        }

        while let frame = fiber.frames.last {
            if let exc = pending {
                if unwind(frame, exc) {
                    pending = nil
                } else {
                    popFrame(fiber, raising: exc)
                    var outcome = FrameOutcome.exception(exc)
                    if let gen = frame.asyncGenerator { outcome = leaveAsyncGenerator(gen, .raised(exc)) }
                    guard let caller = fiber.frames.last else { return completion(outcome) }
                    pending = deliver(outcome, to: caller)
                    continue
                }
            }
            do {
                switch try run(frame, fiber) {
                case .pushed:
                    continue
                case .pushedThrowing(let exc):
                    if let top = fiber.frames.last { addTraceback(exc, top) }
                    pending = exc
                case .returned(let value):
                    popFrame(fiber, raising: nil)
                    if let gen = frame.asyncGenerator {
                        let outcome = leaveAsyncGenerator(gen, .returned(value))
                        guard let caller = fiber.frames.last else { return completion(outcome) }
                        pending = deliver(outcome, to: caller)
                    } else {
                        guard let caller = fiber.frames.last else { return .returned(value) }
                        caller.stack.append(value)
                    }
                case .yielded(let value):
                    return .yielded(value)
                case .asyncYielded(let value):
                    // The generator keeps its frame; the await below it gets the value.
                    fiber.frames.removeLast()
                    depth -= 1
                    let outcome = frame.asyncGenerator.map { leaveAsyncGenerator($0, .yielded(value)) } ?? .value(value)
                    guard let caller = fiber.frames.last else { return completion(outcome) }
                    pending = deliver(outcome, to: caller)
                }
            } catch {
                pending = exception(from: error, in: frame)
            }
        }
        return .returned(.none)
    }

    /// How a frame ended, for the frame below it.
    package enum FrameOutcome {
        case value(Value)
        case exception(PyException)
    }

    /// What a frame's end gives the frame below it: a value to push, or an exception
    /// raised at its await or call (returned, to be unwound).
    private func deliver(_ outcome: FrameOutcome, to caller: Frame) -> PyException? {
        switch outcome {
        case .value(let value):
            caller.stack.append(value)
            return nil
        case .exception(let exc):
            addTraceback(exc, caller)
            return exc
        }
    }

    private func completion(_ outcome: FrameOutcome) -> Completion {
        switch outcome {
        case .value(let value): return .returned(value)
        case .exception(let exc): return .raised(exc)
        }
    }

    /// Pops the top frame; a coroutine's frame is finished then, and cleared as CPython
    /// clears it. `raising`: the exception leaving the frame, which keeps its locals.
    private func popFrame(_ fiber: Fiber, raising exc: PyException?) {
        let f = fiber.frames.removeLast()
        depth -= 1
        if let exc { f.keepLocals(in: exc) }
        if let c = f.coroutine {
            c.state = .closed
            f.coroutine = nil
            f.clearFinished()
        } else if f.code.isGenerator || f.code.isAsyncGenerator {
            // A generator's frame is cleared as a coroutine's is (CPython's
            // `_PyFrame_Clear`): what its locals held is freed when it finishes.
            f.clearFinished()
        }
    }

    /// Pushes a frame onto a fiber, enforcing the recursion limit.
    package func push(_ frame: Frame, on fiber: Fiber) throws {
        if depth >= recursionLimit {
            throw PythonError(makeException(BuiltinTypes.recursionError, "maximum recursion depth exceeded"))
        }
        depth += 1
        fiber.frames.append(frame)
    }

    /// The value an `await` receives when its task resumes the fiber.
    private func resumeSuspended(_ frame: Frame, with value: Value) throws {
        let suspension = frame.suspension
        frame.suspension = .none
        switch suspension {
        case .none:
            frame.stack.append(value)
        case .bareYield(let value):
            frame.stack.append(value)
        case let .skippedFrame(awaitable, cleanup):
            cleanup.runOnResume()
            frame.stack.append(try awaitedResult(awaitable))
        case .future(let future):
            frame.stack.append(try awaitedResult(future))
        case .threadSwitch(let replacesTop):
            // The instruction it stopped before runs now; a blocking call's placeholder
            // result becomes what the call returned.
            if replacesTop { frame.stack[frame.stack.count - 1] = value }
        }
    }

    /// Past `instructionCheckpoint`: the instruction limit halts the run; pending calls
    /// run (PendingCalls.swift); otherwise the thread switcher may suspend the running thread before this instruction (it resumes
    /// with `.send`, running the instruction then).
    @inline(never)
    private func reachedCheckpoint(_ frame: Frame, _ fiber: Fiber) throws -> FrameExit? {
        if instructionCount > instructionLimit { throw halt(.instructionLimit(instructionLimit)) }
        makePendingCalls()
        guard let switcher = threadSwitcher else {
            instructionCheckpoint = instructionLimit
            return nil
        }
        guard let replacesTop = try switcher.checkpoint(fiber) else { return nil }
        frame.pc -= 1
        instructionCount &-= 1
        frame.suspension = .threadSwitch(replacesTop: replacesTop)
        return .yielded(.none)
    }

    /// What `await future` gives once the task resumes (`Future.__await__` after its yield).
    package func awaitedResult(_ future: NativeAwaitable) throws -> Value {
        guard future.isDone else {
            throw PythonError(makeException(BuiltinTypes.runtimeError, "await wasn't used with future"))
        }
        return try future.result(self)
    }

    /// Converts a Swift error from an instruction into the Python exception raised in
    /// `frame`, with the frame's line prepended to its traceback.
    private func exception(from error: Error, in frame: Frame) -> PyException {
        if let r = error as? Reraise { return r.exception }
        let exc: PyException
        if let e = error as? PythonError {
            exc = e.exception
        } else {
            exc = makeException(BuiltinTypes.runtimeError, "internal error: \(error)")
        }
        addTraceback(exc, frame)
        // Raised while handling another exception: that one becomes its context. As
        // CPython's `_PyErr_SetObject`, it is the topmost exception being handled, which
        // may be a caller's: a function called from an `except` block, or an `__exit__`.
        if exc.context == nil, let current = frame.handled ?? handledException(), current !== exc {
            cutContextChain(of: current, at: exc)
            exc.context = current
        }
        return exc
    }

    /// Before `exc` takes `handled` as its context: if `exc` is already on `handled`'s
    /// context chain, the chain is cut there, so no new cycle is made; a cycle already in
    /// the chain ends the walk (`_PyErr_SetObject`, with Floyd's slow pointer).
    private func cutContextChain(of handled: PyException, at exc: PyException) {
        var o = handled
        var slow = handled
        var slowToggle = false
        while let context = o.context {
            if context === exc {
                o.context = nil
                return
            }
            o = context
            if o === slow { return }
            if slowToggle, let next = slow.context { slow = next }
            slowToggle.toggle()
        }
    }

    package func addTraceback(_ exc: PyException, _ frame: Frame) {
        var entry = TracebackEntry(file: frame.code.filename, function: frame.code.name, line: frame.currentLine,
                                   position: frame.currentPosition)
        entry.code = frame.code
        entry.globals = frame.globals
        exc.traceback.insert(entry, at: 0)
    }

    /// Finds the innermost handler for `exc` in `frame`. Returns false when the exception
    /// leaves the frame.
    private func unwind(_ frame: Frame, _ exc: PyException) -> Bool {
        if halted != nil { return false }
        while let block = frame.blocks.popLast() {
            switch block.kind {
            case .exceptHandler:
                // Leaving an except/finally body by an exception: restore the exception
                // that was being handled before it.
                if block.level < frame.stack.count, case .object(let o) = frame.stack[block.level] {
                    frame.handled = o as? PyException
                } else {
                    frame.handled = nil
                }
                frame.stack.truncate(to: block.level)
            case .handler:
                frame.stack.truncate(to: block.level)
                frame.stack.append(.object(exc))
                frame.pc = block.target
                return true
            }
        }
        return false
    }

    // MARK: The instruction loop

    package enum FrameExit {
        case pushed
        /// A frame was pushed and `exception` must be thrown into it (`athrow`, `aclose`).
        case pushedThrowing(PyException)
        case returned(Value)
        case yielded(Value)
        /// An async generator's `yield`: its frame leaves the fiber, and the await that
        /// ran it gets the value.
        case asyncYielded(Value)
    }

    private func run(_ frame: Frame, _ fiber: Fiber) throws -> FrameExit {
        activeFrame = frame
        let code = frame.code
        // Local copies: reading a class's array property in the loop would retain and
        // release its buffer on every access.
        let instructions = code.instructions
        let constants = code.constants
        while true {
            let instruction = instructions[frame.pc]
            frame.pc += 1
            instructionCount &+= 1
            if instructionCount > instructionCheckpoint, let exit = try reachedCheckpoint(frame, fiber) { return exit }
            switch instruction {
            case .loadConst(let i):
                frame.stack.append(constants[i])
            case .loadFast(let i):
                let v = frame.stack[i]
                guard !v.isUnboundLocal else {
                    throw PythonError(makeException(BuiltinTypes.unboundLocalError,
                        "cannot access local variable '\(code.localNames[i])' where it is not associated with a value"))
                }
                frame.stack.append(v)
            case .storeFast(let i):
                frame.stack[i] = frame.stack.removeLast()
            case .deleteFast(let i):
                guard !frame.stack[i].isUnboundLocal else {
                    throw PythonError(makeException(BuiltinTypes.unboundLocalError,
                        "cannot access local variable '\(code.localNames[i])' where it is not associated with a value"))
                }
                frame.stack[i] = .unboundLocal
            case .deleteDeref(let i):
                guard frame.cells[i].value != nil else {
                    let name = i < code.cellNames.count ? code.cellNames[i] : code.freeNames[i - code.cellNames.count]
                    throw PythonError(makeException(BuiltinTypes.nameError,
                        "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope"))
                }
                frame.cells[i].value = nil
            case .deleteGlobal(let i):
                guard frame.globals.attributes[code.names[i]] != nil else {
                    throw PythonError(makeException(BuiltinTypes.nameError, "name '\(code.names[i])' is not defined"))
                }
                frame.globals.bind(code.names[i], nil)
            case .deleteName(let i):
                if let mapping = frame.namespaceMapping {
                    try deleteMappingName(mapping, code.names[i])
                    break
                }
                guard frame.namespace?.removeValue(forKey: code.names[i]) != nil else {
                    throw PythonError(makeException(BuiltinTypes.nameError, "name '\(code.names[i])' is not defined"))
                }
            case .deleteAttr(let i):
                try deleteAttribute(frame.stack.removeLast(), code.names[i])
            case .loadDeref(let i):
                guard let v = frame.cells[i].value else {
                    let name = i < code.cellNames.count ? code.cellNames[i] : code.freeNames[i - code.cellNames.count]
                    throw PythonError(makeException(BuiltinTypes.nameError,
                        "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope"))
                }
                frame.stack.append(v)
            case .storeDeref(let i):
                frame.cells[i].value = frame.stack.removeLast()
            case .loadClosure(let i):
                frame.stack.append(.object(frame.cells[i]))
            case .loadGlobal(let i):
                if i < code.globalCache.count {
                    let entry = code.globalCache[i]
                    if entry.module == ObjectIdentifier(frame.globals), entry.moduleVersion == frame.globals.version,
                       entry.builtinsVersion == builtinsVersion {
                        frame.stack.append(entry.value)
                        break
                    }
                }
                let name = code.names[i]
                if let v = frame.globals.attributes[name] ?? builtins[name] {
                    if code.globalCache.count < code.names.count {
                        code.globalCache = Array(repeating: CodeObject.UnretainedGlobalEntry(), count: code.names.count)
                    }
                    code.globalCache[i] = CodeObject.UnretainedGlobalEntry(module: frame.globals,
                        builtinsVersion: builtinsVersion, value: v)
                    frame.stack.append(v)
                } else {
                    throw PythonError(makeException(BuiltinTypes.nameError, "name '\(name)' is not defined"))
                }
            case .storeGlobal(let i):
                frame.globals.bind(code.names[i], frame.stack.removeLast())
            case .loadName(let i):
                let name = code.names[i]
                if let mapping = frame.namespaceMapping, let v = try mappingName(mapping, name) {
                    frame.stack.append(v)
                } else if let v = frame.namespace?[name] ?? frame.globals.attributes[name] ?? builtins[name] {
                    frame.stack.append(v)
                } else {
                    throw PythonError(makeException(BuiltinTypes.nameError, "name '\(name)' is not defined"))
                }
            case .storeName(let i):
                let value = frame.stack.removeLast()
                if let mapping = frame.namespaceMapping {
                    try storeSubscript(mapping, .str(code.names[i]), value)
                } else if frame.namespace?.updateValue(value, forKey: code.names[i]) == nil {
                    frame.namespaceKeys.append(code.names[i])
                }
            case .loadAttr(let i):
                let obj = frame.stack.removeLast()
                frame.stack.append(try loadAttribute(obj, i, code))
            case .loadMethod(let i):
                let obj = frame.stack.removeLast()
                if let function = methodFunction(obj, code.names[i]) {
                    frame.stack.append(function)
                    frame.stack.append(obj)
                } else {
                    frame.stack.append(.unboundLocal)
                    frame.stack.append(try loadAttribute(obj, i, code))
                }
            case .storeAttr(let i):
                let obj = frame.stack.removeLast()
                let value = frame.stack.removeLast()
                try setAttribute(obj, code.names[i], value)
            case .loadSubscript:
                let key = frame.stack.removeLast()
                let obj = frame.stack.removeLast()
                frame.stack.append(try getItem(obj, key))
            case .storeSubscript:
                let key = frame.stack.removeLast()
                let obj = frame.stack.removeLast()
                let value = frame.stack.removeLast()
                try storeSubscript(obj, key, value)
            case .deleteSubscript:
                let key = frame.stack.removeLast()
                let obj = frame.stack.removeLast()
                try deleteSubscript(obj, key)
            case .exceptStarBegin:
                guard case .object(let o) = frame.stack.removeLast(), let exc = o as? PyException else { break }
                frame.stack.append(.object(ExceptStarState(exc)))
            case .exceptStarMatch:
                let type = frame.stack.removeLast()
                guard case .object(let o) = frame.stack[frame.stack.count - 1], let state = o as? ExceptStarState else { break }
                guard let rest = state.rest else {
                    frame.stack.append(.false)
                    break
                }
                let (matched, remaining) = try exceptStarMatch(rest, type)
                state.rest = remaining
                if let matched {
                    frame.handled = matched
                    frame.stack.append(.object(matched))
                    frame.stack.append(.true)
                } else {
                    frame.stack.append(.false)
                }
            case .exceptStarRaised:
                let raised = frame.stack.removeLast()
                if case .object(let o) = frame.stack[frame.stack.count - 1], let state = o as? ExceptStarState,
                   case .object(let r) = raised, let e = r as? PyException {
                    state.raised.append(e)
                }
            case .exceptStarEnd:
                guard case .object(let o) = frame.stack.removeLast(), let state = o as? ExceptStarState else { break }
                if let exc = try exceptStarReraise(state.original, state.raised + (state.rest.map { [$0] } ?? [])) {
                    throw Reraise(exception: exc)
                }
            case let .matchPattern(i, count):
                let values = Array(frame.stack.suffix(count))
                frame.stack.removeLast(count)
                let subject = frame.stack.removeLast()
                if let captured = try match(code.patterns[i], subject, values) {
                    frame.stack.append(contentsOf: captured)
                    frame.stack.append(.true)
                } else {
                    frame.stack.append(.false)
                }
            case .buildSlice:
                let step = frame.stack.removeLast()
                let upper = frame.stack.removeLast()
                let lower = frame.stack.removeLast()
                frame.stack.append(.object(PySlice(lower: lower, upper: upper, step: step)))
            case .pop:
                frame.stack.removeLast()
            case .dup:
                frame.stack.append(frame.stack[frame.stack.count - 1])
            case .dup2:
                let n = frame.stack.count
                frame.stack.append(frame.stack[n - 2])
                frame.stack.append(frame.stack[n - 1])
            case .rot2:
                frame.stack.swapAt(frame.stack.count - 1, frame.stack.count - 2)
            case .rot3:
                let top = frame.stack.removeLast()
                frame.stack.insert(top, at: frame.stack.count - 2)
            case .binary(let op):
                let b = frame.stack.removeLast()
                let a = frame.stack.removeLast()
                frame.stack.append(try binaryOperation(op, a, b))
            case .inplace(let op):
                let b = frame.stack.removeLast()
                let a = frame.stack.removeLast()
                frame.stack.append(try inplaceOperation(op, a, b))
            case .unary(let op):
                let a = frame.stack.removeLast()
                frame.stack.append(try unaryOperation(op, a))
            case .compare(let op):
                let b = frame.stack.removeLast()
                let a = frame.stack.removeLast()
                frame.stack.append(try compareValue(op, a, b))
            case .jump(let target):
                frame.pc = target
            case .popJumpIfFalse(let target):
                if !(try truthy(frame.stack.removeLast())) { frame.pc = target }
            case .popJumpIfTrue(let target):
                if try truthy(frame.stack.removeLast()) { frame.pc = target }
            case .jumpIfFalseOrPop(let target):
                if !(try truthy(frame.stack[frame.stack.count - 1])) { frame.pc = target } else { frame.stack.removeLast() }
            case .jumpIfTrueOrPop(let target):
                if try truthy(frame.stack[frame.stack.count - 1]) { frame.pc = target } else { frame.stack.removeLast() }
            case .buildList(let n):
                let items = Array(frame.stack.suffix(n))
                frame.stack.removeLast(n)
                frame.stack.append(.object(PyList(items)))
            case .buildTuple(let n):
                let items = Array(frame.stack.suffix(n))
                frame.stack.removeLast(n)
                frame.stack.append(.object(n == 0 ? PyTuple.empty : PyTuple(items)))
            case .listToTuple:
                guard case .object(let o) = frame.stack.removeLast(), let l = o as? PyList else { break }
                frame.stack.append(.object(PyTuple(l.items)))
            case .buildDict(let n):
                let dict = PyDict()
                let base = frame.stack.count - 2 * n
                for k in 0..<n {
                    let key = frame.stack[base + 2 * k]
                    guard key.isHashable else {
                        throw PythonError(makeException(BuiltinTypes.typeError, "unhashable type: '\(key.typeName)'"))
                    }
                    dict.set(key, frame.stack[base + 2 * k + 1])
                }
                frame.stack.removeLast(2 * n)
                frame.stack.append(.object(dict))
            case .buildSet(let n):
                let set = PySet()
                for v in frame.stack.suffix(n) { try setInsert(set, v) }
                frame.stack.removeLast(n)
                frame.stack.append(.object(set))
            case .setAdd(let depth):
                let v = frame.stack.removeLast()
                if case .object(let o) = frame.stack[frame.stack.count - depth], let set = o as? PySet {
                    try setInsert(set, v)
                }
            case .setUpdate:
                let iterable = frame.stack.removeLast()
                if case .object(let o) = frame.stack[frame.stack.count - 1], let set = o as? PySet {
                    try setUpdate(set, iterable)
                }
            case .mapAdd(let depth):
                let value = frame.stack.removeLast()
                let key = frame.stack.removeLast()
                if case .object(let o) = frame.stack[frame.stack.count - depth], let d = o as? PyDict {
                    guard key.isHashable else { throw typeError("unhashable type: '\(key.typeName)'") }
                    d.set(key, value)
                }
            case let .unpackEx(before, after):
                let items = try iterate(frame.stack.removeLast())
                guard items.count >= before + after else {
                    throw PythonError(makeException(BuiltinTypes.valueError,
                        "not enough values to unpack (expected at least \(before + after), got \(items.count))"))
                }
                for v in items.suffix(after).reversed() { frame.stack.append(v) }
                frame.stack.append(.object(PyList(Array(items[before..<(items.count - after)]))))
                for v in items.prefix(before).reversed() { frame.stack.append(v) }
            case .listAppend(let depth):
                let v = frame.stack.removeLast()
                if case .object(let o) = frame.stack[frame.stack.count - depth], let l = o as? PyList {
                    l.items.append(v)
                }
            case .listExtend:
                let iterable = frame.stack.removeLast()
                if case .object(let o) = frame.stack[frame.stack.count - 1], let l = o as? PyList {
                    do {
                        l.items.append(contentsOf: try iterate(iterable))
                    } catch let e as PythonError where e.exception.isInstance(of: BuiltinTypes.typeError) && !isIterable(iterable) {
                        throw typeError("Value after * must be an iterable, not \(iterable.typeName)")
                    }
                }
            case .dictMerge:
                let other = frame.stack.removeLast()
                // [callee, positional, kwargs]: the callee names the call in the messages.
                let callee = frame.stack[frame.stack.count - 3]
                try mergeKeywords(other, into: frame.stack[frame.stack.count - 1], callee: callee)
            case .dictUpdate:
                let other = frame.stack.removeLast()
                guard case .object(let o) = frame.stack[frame.stack.count - 1], let d = o as? PyDict else { break }
                try updateDict(d, from: other)
            case .buildString(let n):
                var s = ""
                for v in frame.stack.suffix(n) { if case .str(let part) = v { s += part } }
                frame.stack.removeLast(n)
                frame.stack.append(.str(s))
            case let .formatValue(conversion, hasSpec):
                let spec: String
                if hasSpec, case .str(let sp) = frame.stack.removeLast() { spec = sp } else { spec = "" }
                var value = frame.stack.removeLast()
                switch conversion {
                case UInt8(ascii: "r"): value = .str(try repr(value))
                case UInt8(ascii: "s"): value = .str(try str(value))
                case UInt8(ascii: "a"): value = .str(asciiRepr(try repr(value)))
                default: break
                }
                frame.stack.append(.str(try format(value, spec)))
            case .unpackSequence(let n):
                let items = try iterate(frame.stack.removeLast())
                guard items.count == n else {
                    if items.count > n {
                        throw PythonError(makeException(BuiltinTypes.valueError, "too many values to unpack (expected \(n))"))
                    }
                    throw PythonError(makeException(BuiltinTypes.valueError, "not enough values to unpack (expected \(n), got \(items.count))"))
                }
                frame.stack.append(contentsOf: items.reversed())
            case .getIter:
                frame.stack.append(.object(try makeIterator(frame.stack.removeLast())))
            case .forIter(let target):
                guard case .object(let o) = frame.stack[frame.stack.count - 1] else {
                    frame.stack.removeLast()
                    frame.pc = target
                    break
                }
                let next: Value?
                if let it = o as? PyIterator { next = try it.next(self) } else { next = try nextItem(o) }
                if let next {
                    frame.stack.append(next)
                } else {
                    frame.stack.removeLast()
                    frame.pc = target
                }
            case .call(let argc):
                extraWork &+= Self.callWork
                if try callOnStack(frame, argc, fiber) { return .pushed }
            case .callMethod(let argc):
                extraWork &+= Self.callWork
                if try callOnStack(frame, methodArgumentCount(frame, argc), fiber) { return .pushed }
            case .callAwait(let argc):
                extraWork &+= Self.callWork
                if let exit = try callAwaitOnStack(frame, argc, fiber) { return exit }
            case .callMethodAwait(let argc):
                extraWork &+= Self.callWork
                if let exit = try callAwaitOnStack(frame, methodArgumentCount(frame, argc), fiber) { return exit }
            case let .callKw(argc, kwNamesIndex):
                extraWork &+= Self.callWork
                guard case .object(let o) = code.constants[kwNamesIndex], let names = o as? PyTuple else { break }
                let all = Array(frame.stack.suffix(argc))
                frame.stack.removeLast(argc)
                let callee = frame.stack.removeLast()
                let positional = Array(all.prefix(argc - names.items.count))
                var kwargs: [(String, Value)] = []
                for (i, nameValue) in names.items.enumerated() {
                    if case .str(let name) = nameValue { kwargs.append((name, all[positional.count + i])) }
                }
                switch try call(callee, positional, kwargs) {
                case .value(let v): frame.stack.append(v)
                case .frame(let f):
                    try push(f, on: fiber)
                    return .pushed
                }
            case .callEx:
                extraWork &+= Self.callWork
                let kwValue = frame.stack.removeLast()
                let argsValue = frame.stack.removeLast()
                let callee = frame.stack.removeLast()
                let (args, kwargs) = try exCallArguments(callee, argsValue, kwValue)
                switch try call(callee, args, kwargs) {
                case .value(let v): frame.stack.append(v)
                case .frame(let f):
                    try push(f, on: fiber)
                    return .pushed
                }
            case let .makeFunction(codeIndex, defaultCount, hasKwDefaults, hasAnnotations, closureCount):
                guard case .object(let o) = code.constants[codeIndex], let constant = o as? CodeConstant else { break }
                var closure: [PyCell] = []
                for v in frame.stack.suffix(closureCount) {
                    if case .object(let c) = v, let cell = c as? PyCell { closure.append(cell) }
                }
                frame.stack.removeLast(closureCount)
                var annotations: PyDict?
                if hasAnnotations, case .object(let d) = frame.stack.removeLast() { annotations = d as? PyDict }
                var kwDefaults: [String: Value] = [:]
                if hasKwDefaults, case .object(let d) = frame.stack.removeLast(), let dict = d as? PyDict {
                    for (k, v) in dict.entries { if case .str(let name) = k { kwDefaults[name] = v } }
                }
                let defaults = Array(frame.stack.suffix(defaultCount))
                frame.stack.removeLast(defaultCount)
                let fn = PyFunction(code: constant.code, globals: frame.globals, defaults: defaults,
                                    kwDefaults: kwDefaults, closure: closure)
                fn.annotations = annotations
                frame.stack.append(.object(fn))
            case let .buildClass(nameIndex, baseCount, kwNamesIndex):
                guard case .object(let o) = code.constants[kwNamesIndex], let names = o as? PyTuple else { break }
                var keywords: [(String, Value)] = []
                for (name, value) in zip(names.items, frame.stack.suffix(names.items.count)) {
                    if case .str(let key) = name { keywords.append((key, value)) }
                }
                frame.stack.removeLast(names.items.count)
                let bases = Array(frame.stack.suffix(baseCount))
                frame.stack.removeLast(baseCount)
                let body = frame.stack.removeLast()
                frame.stack.append(try buildClass(name: code.names[nameIndex], body: body, bases: bases, keywords: keywords))
            case .returnValue:
                return .returned(frame.stack.removeLast())
            case .yieldValue:
                let value = frame.stack.removeLast()
                if code.isAsyncGenerator { return .asyncYielded(value) }
                return .yielded(value)
            case .getAIter:
                frame.stack.append(try asyncIterator(frame.stack.removeLast()))
            case .getANext:
                frame.stack.append(try asyncNext(frame.stack[frame.stack.count - 1]))
            case .endAsyncFor:
                let exc = frame.stack.removeLast()
                guard case .object(let o) = exc, let e = o as? PyException,
                      e.isInstance(of: BuiltinTypes.stopAsyncIteration) else {
                    if case .object(let o) = exc, let e = o as? PyException { throw Reraise(exception: e) }
                    break
                }
                frame.stack.removeLast()
            case .getYieldFromIter:
                frame.stack.append(try yieldFromIterator(frame.stack.removeLast()))
            case .send(let target):
                let value = frame.stack.removeLast()
                switch try sendToIterator(frame.stack[frame.stack.count - 1], value) {
                case .yielded(let v):
                    frame.stack.append(v)
                case .returned(let v):
                    frame.stack[frame.stack.count - 1] = v
                    frame.pc = target
                }
            case .await:
                let awaitable = frame.stack.removeLast()
                if let exit = try awaitValue(awaitable, frame, fiber) { return exit }
            case .beforeWith(let isAsync):
                let manager = frame.stack.removeLast()
                let (exit, enter) = try contextManagerMethods(manager, isAsync: isAsync)
                frame.stack.append(exit)
                frame.stack.append(enter)
            case .setupExcept(let target), .setupFinally(let target):
                frame.blocks.append(Frame.Block(kind: .handler, target: target, level: frame.stack.count))
            case .popBlock:
                frame.blocks.removeLast()
            case .pushExcInfo:
                let exc = frame.stack.removeLast()
                frame.stack.append(frame.handled.map { .object($0) } ?? .none)
                frame.blocks.append(Frame.Block(kind: .exceptHandler, target: 0, level: frame.stack.count - 1))
                frame.stack.append(exc)
                if case .object(let o) = exc { frame.handled = o as? PyException }
            case .popExcept:
                frame.blocks.removeLast()
                let previous = frame.stack.removeLast()
                if case .object(let o) = previous { frame.handled = o as? PyException } else { frame.handled = nil }
            case .reraise:
                guard case .object(let o) = frame.stack.removeLast(), let exc = o as? PyException else { break }
                throw Reraise(exception: exc)
            case .endFinally:
                let excValue = frame.stack.removeLast()
                frame.blocks.removeLast()
                let previous = frame.stack.removeLast()
                if case .object(let o) = previous { frame.handled = o as? PyException } else { frame.handled = nil }
                if case .object(let o) = excValue, let exc = o as? PyException { throw Reraise(exception: exc) }
            case .raise(let count):
                try raise(count, frame)
            case .checkExcMatch:
                let type = frame.stack.removeLast()
                let exc = frame.stack[frame.stack.count - 1]
                frame.stack.append(.bool(try exceptionMatches(exc, type)))
            case .importName(let i, let level, let top):
                frame.stack.append(.object(try importName(code.names[i], level: level, top: top, globals: frame.globals)))
            case .importFrom(let i):
                frame.stack.append(try importFrom(frame.stack[frame.stack.count - 1], code.names[i]))
            case .importStar:
                try importStar(frame.stack.removeLast(), into: frame.globals)
            case .raiseAssertion(let hasMessage):
                let args = hasMessage ? [frame.stack.removeLast()] : []
                throw PythonError(PyException(cls: BuiltinTypes.assertionError, args: args))
            }
        }
    }

    /// `obj.name` for `LOAD_ATTR` and `LOAD_METHOD`. `module.name` (asyncio.sleep,
    /// time.time) is cached like a global.
    @inline(__always)
    private func loadAttribute(_ obj: Value, _ i: Int, _ code: CodeObject) throws -> Value {
        guard case .object(let o) = obj, let module = o as? PyModule else { return try getAttribute(obj, code.names[i]) }
        if i < code.attributeCache.count {
            let entry = code.attributeCache[i]
            if entry.module == ObjectIdentifier(module), entry.moduleVersion == module.version {
                return entry.value
            }
        }
        let value = try getAttribute(obj, code.names[i])
        if code.attributeCache.count < code.names.count {
            code.attributeCache = Array(repeating: CodeObject.GlobalCacheEntry(), count: code.names.count)
        }
        code.attributeCache[i] = CodeObject.GlobalCacheEntry(module: ObjectIdentifier(module),
            moduleVersion: module.version, builtinsVersion: 0, value: value)
        return value
    }

    /// After `loadMethod`: the number of arguments the call passes. [function, obj, args]
    /// passes `obj` too; [NULL, callable, args] loses its NULL.
    @inline(__always)
    private func methodArgumentCount(_ frame: Frame, _ argc: Int) -> Int {
        let slot = frame.stack.count - argc - 2
        guard frame.stack[slot].isUnboundLocal else { return argc + 1 }
        frame.stack.remove(at: slot)
        return argc
    }

    /// `CALL`: calls the callable below `argc` arguments on the stack, leaving the result
    /// there, or pushes a Python function's frame on the fiber (true).
    @inline(__always)
    private func callOnStack(_ frame: Frame, _ argc: Int, _ fiber: Fiber) throws -> Bool {
        if let (fn, newFrame) = positionalCall(frame, argc, coroutinesOnly: false) {
            if fn.code.isCoroutine {
                let coro = PyCoroutine(function: fn, frame: newFrame, creationLine: frame.code.line(at: frame.pc - 1))
                coro.warnings = warningSink
                frame.stack.append(.object(coro))
                return false
            }
            if let gen = generatorObject(fn, newFrame) {
                frame.stack.append(gen)
                return false
            }
            try push(newFrame, on: fiber)
            return true
        }
        let args = Array(frame.stack.suffix(argc))
        frame.stack.removeLast(argc)
        let callee = frame.stack.removeLast()
        switch try call(callee, args, []) {
        case .value(let v):
            frame.stack.append(v)
            return false
        case .frame(let f):
            try push(f, on: fiber)
            return true
        }
    }

    /// `await f(args)` (`callAwait`): an `async def` runs its frame on this fiber
    /// without a coroutine object; anything else is called, then awaited.
    @inline(__always)
    private func callAwaitOnStack(_ frame: Frame, _ argc: Int, _ fiber: Fiber) throws -> FrameExit? {
        if let exit = try awaitWithoutFrame(frame, argc) { return exit }
        if let (_, newFrame) = positionalCall(frame, argc, coroutinesOnly: true) {
            try push(newFrame, on: fiber)
            return .pushed
        }
        let args = Array(frame.stack.suffix(argc))
        frame.stack.removeLast(argc)
        let callee = frame.stack.removeLast()
        // A plain function returning an awaitable runs to its end first (rare).
        return try awaitValue(try callNow(callee, args), frame, fiber)
    }

    /// The calls' fast path: when the callee below `argc` arguments on `frame`'s stack is a
    /// Python function taking just positional parameters (and, with `coroutinesOnly`, an
    /// `async def`), its frame is built straight from the stack, which loses the callee and
    /// the arguments. Otherwise nothing changes and the result is nil.
    @inline(__always)
    private func positionalCall(_ frame: Frame, _ argc: Int, coroutinesOnly: Bool) -> (PyFunction, Frame)? {
        guard case .object(let o) = frame.stack[frame.stack.count - argc - 1], let fn = o as? PyFunction,
              !coroutinesOnly || fn.code.isCoroutine else { return nil }
        let first = frame.stack.count - argc
        guard let newFrame = positionalFrame(fn, argc, { frame.stack[first + $0] }) else { return nil }
        frame.stack.removeLast(argc + 1)
        return (fn, newFrame)
    }

    /// The frame of a call of `fn` with `count` positional arguments (`argument(k)` is the
    /// k-th), when `fn` takes just positional parameters: they are bound by position and
    /// the missing ones from the defaults. Nil when the call needs the general binding of
    /// `makeFrame` (other kinds of parameters, too few or too many arguments).
    @inline(__always)
    package func positionalFrame(_ fn: PyFunction, _ count: Int, _ argument: (Int) -> Value) -> Frame? {
        let callee = fn.code
        guard callee.isSimple, count <= callee.argCount, count >= callee.argCount - fn.defaults.count else { return nil }
        let newFrame = Frame(code: callee, globals: fn.globals, cells: [], pool: stackPool)
        for k in 0..<count { newFrame.stack[k] = argument(k) }
        let firstDefault = callee.argCount - fn.defaults.count
        for k in count..<callee.argCount { newFrame.stack[k] = fn.defaults[k - firstDefault] }
        return newFrame
    }

    /// A re-raise that must not add another traceback entry for the current frame.
    package struct Reraise: Error { let exception: PyException }

    private func raise(_ count: Int, _ frame: Frame) throws {
        switch count {
        case 0:
            guard let current = frame.handled else {
                throw PythonError(makeException(BuiltinTypes.runtimeError, "No active exception to reraise"))
            }
            throw Reraise(exception: current)
        case 1:
            throw PythonError(try exceptionInstance(frame.stack.removeLast()))
        default:
            let causeValue = frame.stack.removeLast()
            let exc = try exceptionInstance(frame.stack.removeLast())
            if causeValue.isNone {
                exc.cause = nil
            } else {
                exc.cause = try exceptionInstance(causeValue)
            }
            exc.suppressContext = true
            throw PythonError(exc)
        }
    }

    /// `raise X` accepts an exception class (instantiated with no arguments) or instance.
    package func exceptionInstance(_ value: Value) throws -> PyException {
        if case .object(let o) = value {
            if let e = o as? PyException { return e }
            if let cls = o as? PyClass, cls.isExceptionClass {
                if case .object(let made) = try callNow(value, [], []), let e = made as? PyException { return e }
            }
        }
        throw PythonError(makeException(BuiltinTypes.typeError, "exceptions must derive from BaseException"))
    }

    package func exceptionMatches(_ exc: Value, _ type: Value) throws -> Bool {
        guard case .object(let o) = exc, let e = o as? PyException else { return false }
        switch type {
        case .object(let t):
            if let cls = t as? PyClass {
                guard cls.isExceptionClass else {
                    throw PythonError(makeException(BuiltinTypes.typeError, "catching classes that do not inherit from BaseException is not allowed"))
                }
                return e.isInstance(of: cls)
            }
            if let tuple = t as? PyTuple {
                for item in tuple.items where try exceptionMatches(exc, item) { return true }
                return false
            }
        default: break
        }
        throw PythonError(makeException(BuiltinTypes.typeError, "catching classes that do not inherit from BaseException is not allowed"))
    }

    // MARK: await

    /// `await x`: a coroutine runs inline on this fiber; a pending future is yielded to
    /// the task (CPython's `Future.__await__`); a done future gives its result at once.
    private func awaitValue(_ awaitable: Value, _ frame: Frame, _ fiber: Fiber) throws -> FrameExit? {
        guard case .object(let o) = awaitable else { throw notAwaitable(awaitable) }
        if let coro = o as? PyCoroutine {
            switch coro.state {
            case .created:
                coro.wasAwaited = true
                coro.state = .running
                coro.frame.coroutine = coro
                try push(coro.frame, on: fiber)
                return .pushed
            case .closed:
                throw PythonError(makeException(BuiltinTypes.runtimeError, "cannot reuse already awaited coroutine"))
            case .running, .suspended:
                throw PythonError(makeException(BuiltinTypes.runtimeError, "coroutine is being awaited already"))
            }
        }
        if let future = o as? NativeAwaitable {
            if future.isDone {
                frame.stack.append(try future.result(self))
                return nil
            }
            future.willSuspendAwaiter()
            frame.suspension = .future(future)
            return .yielded(awaitable)
        }
        if let awaitable = o as? PyAsyncGeneratorAwaitable {
            return try awaitAsyncGenerator(awaitable, fiber)
        }
        if o is BareYield {
            frame.suspension = .bareYield(resumeWith: .none)
            return .yielded(.none)
        }
        if let it = o as? PyAwaitIterator { return try awaitValue(it.target, frame, fiber) }
        if let target = try userAwaitTarget(awaitable) { return try awaitValue(target, frame, fiber) }
        throw notAwaitable(awaitable)
    }

    private func notAwaitable(_ v: Value) -> PythonError {
        PythonError(makeException(BuiltinTypes.typeError, "object \(v.typeName) can't be used in 'await' expression"))
    }

    // MARK: Helpers

    /// Stops the simulation: the returned error unwinds everything.
    package func halt(_ reason: SimulationHalt) -> PythonError {
        if halted == nil { halted = reason }
        onHalt?()
        let exc = haltException ?? PyException(cls: BuiltinTypes.systemExit, args: [])
        haltException = exc
        return PythonError(exc)
    }

    package func makeException(_ cls: PyClass, _ message: String? = nil) -> PyException {
        PyException(cls: cls, args: message.map { [.str($0)] } ?? [])
    }

    package func typeError(_ message: String) -> PythonError {
        PythonError(makeException(BuiltinTypes.typeError, message))
    }
}
