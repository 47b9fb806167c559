import PythonRuntime

/// A done callback of asyncio's own Python code (gather's `_done_callback`, shield's
/// `_inner_done_callback`) handed to a Future subclass's `add_done_callback` override,
/// as CPython's `fut.add_done_callback(_done_callback)` hands it: a callable whose
/// `__name__` is the function's. Passed on to `Future.add_done_callback` (`super()`), it
/// is the native callback again, with its label; called by Python code, it runs it.
final class NativeDoneCallback: PyObject {
    let label: String
    let body: (PyFuture) -> Void

    init(label: String, body: @escaping (PyFuture) -> Void) {
        self.label = label
        self.body = body
    }

    /// The callable a Python `add_done_callback` gets: bound to the callback, named `name`.
    func callable(named name: String) -> Value {
        let method = PyBuiltin.method(name, of: NativeDoneCallback.self, owner: nil, .oneArgument) { callback, vm, args, _ in
            guard case .object(let o) = args[0], let fut = o as? PyFuture else {
                throw vm.typeError("\(name)() expected a Future, not '\(args[0].typeName)'")
            }
            callback.body(fut)
            return .none
        }
        return .object(PyBoundMethod(receiver: .object(self), function: .object(method)))
    }
}

extension PyFuture {
    /// `fut.add_done_callback(fn)` as asyncio's Python code calls it: an exact Future (or
    /// Task) takes the native callback; a Python subclass's instance is asked through its
    /// attribute, so an override runs.
    func dispatchAddDoneCallback(_ label: String, name: String, _ vm: Interpreter,
                                 _ body: @escaping (PyFuture) -> Void) throws {
        guard instancePart != nil else {
            addDoneCallback(label, body)
            return
        }
        let callback = NativeDoneCallback(label: label, body: body)
        _ = try vm.callNow(try vm.getAttribute(.object(self), "add_done_callback"), [callback.callable(named: name)])
    }
}
