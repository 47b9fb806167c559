/// What an event loop needs of `contextvars` (Lib/contextvars.py) to run each task in a
/// context of its own, as CPython's `Task` does (`self._context = copy_context()`, and
/// every step run by `self._context.run`): a task's `ContextVar.set` — and so a decimal
/// context a task makes — is then seen by that task only. Until a program imports
/// contextvars, there are no contexts to switch and nothing is done.
extension Interpreter {
    /// `contextvars.copy_context()`, or nil when the program has not imported contextvars.
    package func copyContext() throws -> Value? {
        guard let module = contextVarsModule, let copy = module.attributes["copy_context"] else { return nil }
        return try callNow(copy, [])
    }

    /// Makes `context` the current one for a task's step; returns what to restore after.
    package func enterContext(_ context: Value) -> Value? {
        guard let module = contextVarsModule else { return nil }
        let previous = module.attributes[Self.currentContextName]
        module.bind(Self.currentContextName, context)
        return previous
    }

    /// Restores the context `enterContext` replaced.
    package func exitContext(_ previous: Value?) {
        guard let module = contextVarsModule, let previous else { return }
        module.bind(Self.currentContextName, previous)
    }

    /// The global of Lib/contextvars.py naming the context code runs in.
    private static let currentContextName = "_current_context"
}
