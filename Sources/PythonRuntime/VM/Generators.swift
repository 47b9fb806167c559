import ScenarioLanguage
/// Generators: what calling a function with `yield` returns (CPython's `genobject.c`).
/// A generator owns its suspended frame; each `send`/`throw`/`next` runs that frame on a
/// fiber of its own until it yields, returns or raises. An async generator's frame runs
/// on the fiber of the task awaiting it instead (see AsyncGenerators.swift), so its
/// awaits suspend that task.
public class PyGenerator: PyObject {
    package enum State { case created, suspended, running, closed }

    package let frame: Frame
    package let function: PyFunction
    package var state: State = .created
    package let isAsync: Bool
    /// Runs `close()` when a suspended generator is freed, as CPython's finalizer does
    /// (so its `finally` blocks run when the last reference goes).
    package weak var vm: Interpreter?

    package required init(function: PyFunction, frame: Frame, vm: Interpreter?) {
        self.function = function
        self.frame = frame
        self.isAsync = function.code.isAsyncGenerator
        self.vm = vm
        super.init()
    }

    deinit {
        guard state == .suspended, let vm, vm.halted == nil else { return }
        // A second owner of the frame, so the finalizer can close it (CPython
        // resurrects the object instead; Swift cannot).
        let copy = type(of: self).init(function: function, frame: frame, vm: nil)
        copy.state = state
        if let async = self as? PyAsyncGenerator, let asyncCopy = copy as? PyAsyncGenerator {
            asyncCopy.hooksInitialized = async.hooksInitialized
            asyncCopy.finalizer = async.finalizer
            vm.finalizeAsyncGenerator(asyncCopy)
        } else if !frame.blocks.isEmpty {
            // A frame with no active handler would just be dropped by close(): skip it.
            vm.finalizeGenerator(copy)
        }
    }

    public override var pyClass: PyClass { BuiltinTypes.generator }
    public override class var nativeMethods: [String: PyBuiltin]? { Interpreter.generatorMethods }
    public override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? { vm.generatorAttribute(self, name) }
    public var name: String { function.code.name }
    public var qualname: String { function.code.qualname }
}

/// An async generator: what calling an `async def` with `yield` returns.
public final class PyAsyncGenerator: PyGenerator {
    // CPython's `ag_hooks_inited`, `ag_finalizer`, `ag_running_async`, `ag_closed`.
    package var hooksInitialized = false
    package weak var finalizer: AsyncGeneratorHooks?
    package var runningAsync = false
    package var closedByAclose = false
    /// What the await now running the frame asked of it.
    package var operation: AsyncGeneratorOperation = .next(.none)

    public override var pyClass: PyClass { BuiltinTypes.asyncGenerator }
    public override class var nativeMethods: [String: PyBuiltin]? { Interpreter.asyncGeneratorMethods }
}

/// How a generator's frame stopped.
package enum GeneratorStep {
    case yielded(Value)
    case returned(Value)
}

extension Interpreter {
    /// The generator (or async generator) a call of `fn` makes, or nil when `fn` is a
    /// plain function or a coroutine function.
    @inline(__always)
    package func generatorObject(_ fn: PyFunction, _ frame: Frame) -> Value? {
        if fn.code.isGenerator { return .object(PyGenerator(function: fn, frame: frame, vm: self)) }
        if fn.code.isAsyncGenerator { return .object(PyAsyncGenerator(function: fn, frame: frame, vm: self)) }
        return nil
    }

    /// Runs a generator's frame until it yields, returns or raises (`gen_send_ex`), with
    /// PEP 479: a StopIteration leaving the frame becomes a RuntimeError.
    package func resumeGenerator(_ gen: PyGenerator, _ resume: Resume) throws -> GeneratorStep {
        var resume = resume
        switch gen.state {
        case .running:
            throw PythonError(makeException(BuiltinTypes.valueError, "generator already executing"))
        case .closed:
            if case .throwing(let exc) = resume { throw PythonError(exc) }
            return .returned(.none)
        case .created:
            if case .send(let v) = resume {
                guard v.isNone else { throw typeError("can't send non-None value to a just-started generator") }
                resume = .start
            }
        case .suspended:
            break
        }
        extraWork &+= CPUCost.resumeWork
        let fiber = Fiber([])
        try push(gen.frame, on: fiber)
        gen.state = .running
        switch execute(fiber, resume) {
        case .yielded(let v):
            // The frame stays with the generator, off any fiber, until resumed.
            fiber.frames.removeAll()
            depth -= 1
            gen.state = .suspended
            return .yielded(v)
        case .returned(let v):
            gen.state = .closed
            return .returned(v)
        case .raised(let exc):
            gen.state = .closed
            throw PythonError(replacingStopIteration(exc, inAsyncGenerator: false))
        }
    }

    /// PEP 479 (and its async counterpart): StopIteration (or StopAsyncIteration in an
    /// async generator) escaping a generator's frame is re-raised as a RuntimeError
    /// caused by it.
    package func replacingStopIteration(_ exc: PyException, inAsyncGenerator: Bool) -> PyException {
        let message: String
        if exc.isInstance(of: BuiltinTypes.stopIteration) {
            message = inAsyncGenerator ? "async generator raised StopIteration" : "generator raised StopIteration"
        } else if inAsyncGenerator && exc.isInstance(of: BuiltinTypes.stopAsyncIteration) {
            message = "async generator raised StopAsyncIteration"
        } else {
            return exc
        }
        let replaced = makeException(BuiltinTypes.runtimeError, message)
        replaced.cause = exc
        replaced.context = exc
        replaced.suppressContext = true
        return replaced
    }

    /// `StopIteration(value)` for a generator's return value (no arguments for None).
    package func stopIteration(_ value: Value) -> PythonError {
        PythonError(PyException(cls: BuiltinTypes.stopIteration, args: value.isNone ? [] : [value]))
    }

    /// `gen.send(value)` / `next(gen)`: the yielded value, or StopIteration.
    package func sendToGenerator(_ gen: PyGenerator, _ value: Value) throws -> Value {
        switch try resumeGenerator(gen, .send(value)) {
        case .yielded(let v): return v
        case .returned(let v): throw stopIteration(v)
        }
    }

    /// The iterator a suspended generator's `yield from` is delegating to, and where its
    /// SEND loop ends (CPython's `_PyGen_yf`: the frame stopped at the loop's yield).
    package func yieldFromDelegate(_ frame: Frame) -> (iterator: Value, exit: Int)? {
        let instructions = frame.code.instructions
        guard frame.pc >= 2, case .yieldValue = instructions[frame.pc - 1],
              case .send(let exit) = instructions[frame.pc - 2], frame.stack.count > 0 else { return nil }
        return (frame.stack[frame.stack.count - 1], exit)
    }

    /// `gen.throw(exc)` (`_gen_throw`): a delegate of `yield from` gets it first; when the
    /// delegate finishes, the generator goes on after its `yield from`.
    package func throwIntoGenerator(_ gen: PyGenerator, _ exc: PyException) throws -> GeneratorStep {
        guard gen.state == .suspended, let (delegate, exit) = yieldFromDelegate(gen.frame) else {
            return try resumeGenerator(gen, .throwing(exc))
        }
        if exc.isInstance(of: BuiltinTypes.generatorExit) {
            do {
                gen.state = .running
                defer { gen.state = .suspended }
                try closeIterator(delegate)
            } catch let error as PythonError {
                return try resumeGenerator(gen, .throwing(error.exception))
            }
            return try resumeGenerator(gen, .throwing(exc))
        }
        let outcome: Result<GeneratorStep, PythonError>
        do {
            gen.state = .running
            defer { gen.state = .suspended }
            if case .object(let o) = delegate, let inner = o as? PyGenerator, !inner.isAsync {
                outcome = .success(try throwIntoGenerator(inner, exc))
            } else if let method = try? getAttribute(delegate, "throw") {
                outcome = .success(.yielded(try callNow(method, [.object(exc)])))
            } else {
                return try resumeGenerator(gen, .throwing(exc))
            }
        } catch let error as PythonError {
            outcome = .failure(error)
        }
        let finished: Result<Value, PythonError>
        switch outcome {
        case .success(.yielded(let v)):
            return .yielded(v)
        case .success(.returned(let v)):
            finished = .success(v)
        case .failure(let error):
            if error.exception.isInstance(of: BuiltinTypes.stopIteration) {
                finished = .success(error.exception.args.first ?? .none)
            } else {
                finished = .failure(error)
            }
        }
        // The delegate is done: leave the SEND loop as its end would.
        gen.frame.stack.removeLast()
        gen.frame.pc = exit
        switch finished {
        case .success(let v): return try resumeGenerator(gen, .send(v))
        case .failure(let error): return try resumeGenerator(gen, .throwing(error.exception))
        }
    }

    /// `gen.close()`: GeneratorExit thrown in; yielding again is a RuntimeError.
    package func closeGenerator(_ gen: PyGenerator) throws {
        switch gen.state {
        case .created:
            gen.state = .closed
            return
        case .closed:
            return
        case .running, .suspended:
            break
        }
        let step: GeneratorStep
        do {
            step = try throwIntoGenerator(gen, makeException(BuiltinTypes.generatorExit))
        } catch let error as PythonError where error.exception.isInstance(of: BuiltinTypes.generatorExit)
                    || error.exception.isInstance(of: BuiltinTypes.stopIteration) {
            return
        }
        if case .yielded = step {
            throw PythonError(makeException(BuiltinTypes.runtimeError, "generator ignored GeneratorExit"))
        }
    }

    /// Closes the iterator a `yield from` delegates to (`gen_close_iter`).
    private func closeIterator(_ iterator: Value) throws {
        if case .object(let o) = iterator, let gen = o as? PyGenerator, !gen.isAsync {
            try closeGenerator(gen)
        } else if let method = try? getAttribute(iterator, "close") {
            try callNow(method, [])
        }
    }

    /// A freed suspended generator is closed (CPython's `_PyGen_Finalize`); what it
    /// raises is reported as unraisable, never propagated.
    package func finalizeGenerator(_ gen: PyGenerator) {
        do {
            try closeGenerator(gen)
        } catch {
            gen.state = .closed
        }
        gen.state = .closed
    }

    /// `gen.throw(type[, value[, tb]])`: the exception to throw in.
    package func thrownException(_ args: MethodArguments) throws -> PyException {
        guard let first = args.first else { throw typeError("throw expected at least 1 argument, got 0") }
        if args.count > 1, !args[1].isNone, case .object(let o) = first, let cls = o as? PyClass, cls.isExceptionClass {
            if case .object(let v) = args[1], let e = v as? PyException { return e }
            return try exceptionInstance(try callNow(first, [args[1]]))
        }
        return try exceptionInstance(first)
    }

    // MARK: Iteration

    /// The next item of an iterator (`tp_iternext`), nil when it is exhausted.
    package func nextItem(_ iterator: PyObject) throws -> Value? {
        if let it = iterator as? PyIterator { return try it.next(self) }
        if let gen = iterator as? PyGenerator, !gen.isAsync {
            switch try resumeGenerator(gen, .send(.none)) {
            case .yielded(let v): return v
            case .returned: return nil
            }
        }
        throw typeError("'\(iterator.typeName)' object is not an iterator")
    }

    /// `yield from x`: x's iterator, where a generator is its own.
    package func yieldFromIterator(_ v: Value) throws -> Value {
        if case .object(let o) = v {
            if o is PyCoroutine {
                throw typeError("cannot 'yield from' a coroutine object in a non-coroutine generator")
            }
            if let gen = o as? PyGenerator, !gen.isAsync { return v }
        }
        return .object(try makeIterator(v))
    }

    /// One step of `yield from` (CPython's `SEND`): what the iterator yields, or nil and
    /// its return value.
    package func sendToIterator(_ iterator: Value, _ value: Value) throws -> GeneratorStep {
        guard case .object(let o) = iterator else { throw typeError("'\(iterator.typeName)' object is not an iterator") }
        if let gen = o as? PyGenerator, !gen.isAsync {
            return try resumeGenerator(gen, .send(value))
        }
        do {
            if value.isNone {
                if let v = try nextItem(o) { return .yielded(v) }
                return .returned(.none)
            }
            return .yielded(try callNow(try getAttribute(iterator, "send"), [value]))
        } catch let error as PythonError where error.exception.isInstance(of: BuiltinTypes.stopIteration) {
            return .returned(error.exception.args.first ?? .none)
        }
    }

    // MARK: Methods

    package static let generatorMethods: [String: PyBuiltin] = {
        typealias Body = (PyGenerator, Interpreter, MethodArguments, [(String, Value)]) throws -> Value
        func m(_ name: String, _ signature: NativeSignature = .noArguments, _ body: @escaping Body) -> (String, PyBuiltin) {
            (name, PyBuiltin.method(name, of: PyGenerator.self, owner: "generator", signature, body))
        }
        return Dictionary(uniqueKeysWithValues: [
            m("send", .oneArgument) { g, vm, args, _ in try vm.sendToGenerator(g, args[0]) },
            m("__next__") { g, vm, _, _ in try vm.sendToGenerator(g, .none) },
            m("__iter__") { g, _, _, _ in .object(g) },
            m("throw", .positional(min: 1, max: 3)) { g, vm, args, _ in
                switch try vm.throwIntoGenerator(g, try vm.thrownException(args)) {
                case .yielded(let v): return v
                case .returned(let v): throw vm.stopIteration(v)
                }
            },
            m("close") { g, vm, _, _ in
                try vm.closeGenerator(g)
                return .none
            },
        ])
    }()

    /// `gi_running`, `gi_yieldfrom`, `__name__`, ... of a generator or async generator.
    package func generatorAttribute(_ gen: PyGenerator, _ name: String) -> Value? {
        switch name {
        case "__name__": return .str(gen.name)
        case "__qualname__": return .str(gen.qualname)
        case "gi_running" where !gen.isAsync: return .bool(gen.state == .running)
        case "ag_running": return (gen as? PyAsyncGenerator).map { .bool($0.runningAsync) }
        case "gi_yieldfrom" where !gen.isAsync:
            guard gen.state == .suspended else { return Value.none }
            return yieldFromDelegate(gen.frame)?.iterator ?? Value.none
        case "gi_suspended" where !gen.isAsync:
            return .bool(gen.state == .suspended)
        default:
            return nil
        }
    }
}
