/// Async generators (CPython's `async_gen_asend` / `async_gen_athrow` in genobject.c).
/// `__anext__()`, `asend()`, `athrow()` and `aclose()` return awaitables; awaiting one
/// pushes the generator's frame on the awaiting fiber, so the generator's own awaits
/// suspend the awaiting task (and its lane shows the generator's line). The generator's
/// `yield` takes its frame off the fiber again and gives the value to the await.

/// What an awaitable asks of its async generator.
package enum AsyncGeneratorOperation {
    /// `__anext__()` / `asend(value)`.
    case next(Value)
    /// `athrow(exc)`.
    case throwing(PyException)
    /// `aclose()`: GeneratorExit thrown in, which the generator must not survive.
    case close
}

/// The awaitable of one `__anext__`/`asend`/`athrow`/`aclose` call.
package final class PyAsyncGeneratorAwaitable: PyObject {
    package let generator: PyAsyncGenerator
    package let operation: AsyncGeneratorOperation
    package var used = false
    /// An exception thrown into an `aclose()` awaitable before it ran
    /// (`async_gen_athrow_throw` in its initial state): the generator gets it instead of
    /// GeneratorExit, and the await still ends as `aclose()`'s does.
    package var thrownBeforeStart: PyException?

    package init(_ generator: PyAsyncGenerator, _ operation: AsyncGeneratorOperation) {
        self.generator = generator
        self.operation = operation
    }

    package var isSend: Bool {
        if case .next = operation { return true }
        return false
    }

    package override var pyClass: PyClass { isSend ? Self.asendClass : Self.athrowClass }
    package static let asendClass = PyClass(name: "async_generator_asend", bases: [BuiltinTypes.object])
    package static let athrowClass = PyClass(name: "async_generator_athrow", bases: [BuiltinTypes.object])
}

/// How an async generator's frame left the fiber.
package enum AsyncGeneratorExit {
    case yielded(Value)
    case returned(Value)
    case raised(PyException)
}

extension Interpreter {
    /// An async generator method's awaitable. The first one made runs the event loop's
    /// `firstiter` hook and remembers its finalizer (`async_gen_init_hooks`).
    package func asyncGeneratorAwaitable(_ gen: PyAsyncGenerator, _ operation: AsyncGeneratorOperation) -> Value {
        if !gen.hooksInitialized {
            gen.hooksInitialized = true
            if let hooks = asyncGeneratorHooks {
                gen.finalizer = hooks
                hooks.asyncGeneratorFirstIteration(gen)
            }
        }
        return .object(PyAsyncGeneratorAwaitable(gen, operation))
    }

    /// `await awaitable`: checks as `async_gen_asend_send` / `async_gen_athrow_send`
    /// do, then runs the generator's frame on `fiber`.
    package func awaitAsyncGenerator(_ awaitable: PyAsyncGeneratorAwaitable, _ fiber: Fiber) throws -> FrameExit? {
        let gen = awaitable.generator
        let verb: String
        switch awaitable.operation {
        case .next: verb = "anext()"
        case .throwing: verb = "athrow()"
        case .close: verb = "aclose()"
        }
        guard !awaitable.used else {
            throw PythonError(makeException(BuiltinTypes.runtimeError, awaitable.isSend
                ? "cannot reuse already awaited __anext__()/asend()" : "cannot reuse already awaited aclose()/athrow()"))
        }
        awaitable.used = true
        if gen.runningAsync || gen.state == .running {
            throw PythonError(makeException(BuiltinTypes.runtimeError, "\(verb): asynchronous generator is already running"))
        }
        if gen.state == .closed {
            // A finished frame: anext ends the iteration; athrow/aclose are done.
            if awaitable.isSend { throw PythonError(makeException(BuiltinTypes.stopAsyncIteration)) }
            return try valueForAwait(.none, fiber)
        }
        if !awaitable.isSend && gen.closedByAclose {
            throw PythonError(makeException(BuiltinTypes.stopAsyncIteration))
        }
        let wasCreated = gen.state == .created
        if case .next(let value) = awaitable.operation, wasCreated, !value.isNone {
            throw typeError("can't send non-None value to a just-started async generator")
        }
        if case .close = awaitable.operation, awaitable.thrownBeforeStart == nil { gen.closedByAclose = true }
        try push(gen.frame, on: fiber)
        gen.runningAsync = true
        gen.state = .running
        gen.operation = awaitable.operation
        gen.frame.asyncGenerator = gen
        switch awaitable.operation {
        case .next(let value):
            if !wasCreated { gen.frame.stack.append(value) }
            return .pushed
        case .throwing(let exc):
            return .pushedThrowing(exc)
        case .close:
            return .pushedThrowing(awaitable.thrownBeforeStart ?? makeException(BuiltinTypes.generatorExit))
        }
    }

    /// An await that completes at once pushes its value on the awaiting frame.
    private func valueForAwait(_ value: Value, _ fiber: Fiber) throws -> FrameExit? {
        fiber.frames.last?.stack.append(value)
        return nil
    }

    /// What the await that ran an async generator's frame gets when the frame yields,
    /// returns or raises (`async_gen_unwrap_value` and the athrow checks).
    package func leaveAsyncGenerator(_ gen: PyAsyncGenerator, _ exit: AsyncGeneratorExit) -> FrameOutcome {
        gen.runningAsync = false
        gen.frame.asyncGenerator = nil
        let closing: Bool
        if case .close = gen.operation { closing = true } else { closing = false }
        switch exit {
        case .yielded(let value):
            gen.state = .suspended
            if closing { return .exception(makeException(BuiltinTypes.runtimeError, "async generator ignored GeneratorExit")) }
            return .value(value)
        case .returned:
            gen.state = .closed
            if closing { return .value(.none) }
            return .exception(makeException(BuiltinTypes.stopAsyncIteration))
        case .raised(let raised):
            gen.state = .closed
            let exc = replacingStopIteration(raised, inAsyncGenerator: true)
            if closing && (exc.isInstance(of: BuiltinTypes.stopAsyncIteration) || exc.isInstance(of: BuiltinTypes.generatorExit)) {
                return .value(.none)
            }
            return .exception(exc)
        }
    }

    /// `async for`'s `__aiter__()`.
    package func asyncIterator(_ value: Value) throws -> Value {
        if case .object(let o) = value, o is PyAsyncGenerator { return value }
        guard let method = try? getAttribute(value, "__aiter__") else {
            throw typeError("'async for' requires an object with __aiter__ method, got \(value.typeName)")
        }
        return try callNow(method, [])
    }

    /// `async for`'s `__anext__()`: the awaitable for the next item.
    package func asyncNext(_ iterator: Value) throws -> Value {
        if case .object(let o) = iterator, let gen = o as? PyAsyncGenerator {
            return asyncGeneratorAwaitable(gen, .next(.none))
        }
        guard let method = try? getAttribute(iterator, "__anext__") else {
            throw typeError("'async for' received an object from __aiter__ that does not implement __anext__: \(iterator.typeName)")
        }
        return try callNow(method, [])
    }

    /// A freed async generator that did not finish: the loop's finalizer hook schedules
    /// its `aclose()` (`BaseEventLoop._asyncgen_finalizer_hook`).
    package func finalizeAsyncGenerator(_ gen: PyAsyncGenerator) {
        guard let finalizer = gen.finalizer else {
            gen.state = .closed
            return
        }
        finalizer.asyncGeneratorFinalized(gen)
    }

    package static let asyncGeneratorMethods: [String: PyBuiltin] = {
        typealias Body = (PyAsyncGenerator, Interpreter, MethodArguments, [(String, Value)]) throws -> Value
        func m(_ name: String, _ signature: NativeSignature = .noArguments, _ body: @escaping Body) -> (String, PyBuiltin) {
            (name, PyBuiltin.method(name, of: PyAsyncGenerator.self, owner: "async_generator", signature, body))
        }
        return Dictionary(uniqueKeysWithValues: [
            m("__aiter__") { g, _, _, _ in .object(g) },
            m("__anext__") { g, vm, _, _ in vm.asyncGeneratorAwaitable(g, .next(.none)) },
            m("asend", .oneArgument) { g, vm, args, _ in vm.asyncGeneratorAwaitable(g, .next(args[0])) },
            m("athrow", .positional(min: 1, max: 3)) { g, vm, args, _ in
                vm.asyncGeneratorAwaitable(g, .throwing(try vm.thrownException(args)))
            },
            m("aclose") { g, vm, _, _ in vm.asyncGeneratorAwaitable(g, .close) },
        ])
    }()
}
