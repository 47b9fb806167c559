/// `with` and `async with` (CPython's `BEFORE_WITH` / `BEFORE_ASYNC_WITH`).
extension Interpreter {
    /// The bound exit and enter methods of `manager`: `__exit__` / `__enter__`, or
    /// `__aexit__` / `__aenter__`. Enter is looked up first, and a missing method is
    /// CPython's TypeError, not an AttributeError.
    package func contextManagerMethods(_ manager: Value, isAsync: Bool) throws -> (exit: Value, enter: Value) {
        let kind = isAsync ? "asynchronous context manager" : "context manager"
        func method(_ name: String, _ missing: String) throws -> Value {
            do {
                return try getAttribute(manager, name)
            } catch let e as PythonError where e.exception.isInstance(of: BuiltinTypes.attributeError) {
                throw typeError("'\(manager.typeName)' object does not support the \(kind) protocol\(missing)")
            }
        }
        let enter = try method(isAsync ? "__aenter__" : "__enter__", "")
        let exit = try method(isAsync ? "__aexit__" : "__exit__", isAsync ? " (missed __aexit__ method)" : " (missed __exit__ method)")
        return (exit, enter)
    }
}
