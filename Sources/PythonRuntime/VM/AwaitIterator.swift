/// What `coro.__await__()` and `fut.__await__()` return (CPython's `coroutine_wrapper`
/// and `_asyncio.FutureIter`), so that a class's `__await__` can hand on a coroutine's or
/// a future's: `await obj` then awaits that coroutine or future.
package final class PyAwaitIterator: PyObject {
    package let target: Value
    package init(_ target: Value) { self.target = target }
    package override var pyClass: PyClass {
        if case .object(let o) = target, o is PyCoroutine { return BuiltinTypes.coroutineWrapper }
        return BuiltinTypes.futureIter
    }
}

extension BuiltinTypes {
    package static let coroutineWrapper = PyClass(name: "coroutine_wrapper", bases: [object])
    package static let futureIter = PyClass(name: "FutureIter", bases: [object], module: "_asyncio")
}

extension Interpreter {
    /// `__await__` of coroutines and futures.
    package func awaitMethod(_ receiver: Value) -> Value {
        builtin("__await__") { vm, args, _ in
            guard args.isEmpty else { throw vm.typeError("__await__() takes no arguments (\(args.count) given)") }
            return .object(PyAwaitIterator(receiver))
        }
    }

    /// `await obj` for an instance whose class defines `__await__`: what to await instead.
    package func userAwaitTarget(_ awaitable: Value) throws -> Value? {
        guard let method = userMethod(awaitable, "__await__") else { return nil }
        let it = try callSpecial(method, awaitable, [])
        guard case .object(let o) = it, let iterator = o as? PyAwaitIterator else {
            throw typeError("__await__() returned non-iterator of type '\(it.typeName)'")
        }
        return iterator.target
    }
}
