/// `BaseExceptionGroup` / `ExceptionGroup` (CPython's `Objects/exceptions.c`): the
/// constructor, `split`, `subgroup` and `derive`, and the `except*` machinery of
/// `ceval.c` (CHECK_EG_MATCH, PREP_RERAISE_STAR).
extension Interpreter {
    /// `BaseExceptionGroup(message, exceptions)`: an ExceptionGroup when every member is
    /// an Exception, as CPython's `__new__` decides.
    package func newExceptionGroup(_ args: [Value]) throws -> PyException {
        guard args.count == 2 else {
            throw typeError("BaseExceptionGroup.__new__() takes exactly 2 arguments (\(args.count) given)")
        }
        guard case .str = args[0] else {
            throw typeError("argument 1 must be str, not \(args[0].typeName)")
        }
        let items = try iterate(args[1])
        guard !items.isEmpty else {
            throw PythonError(makeException(BuiltinTypes.valueError, "second argument (exceptions) must be a non-empty sequence"))
        }
        var allExceptions = true
        for (i, item) in items.enumerated() {
            guard case .object(let o) = item, let e = o as? PyException else {
                throw PythonError(makeException(BuiltinTypes.valueError, "Item \(i) of second argument (exceptions) is not an exception"))
            }
            if !e.isInstance(of: BuiltinTypes.exception) { allExceptions = false }
        }
        let cls = allExceptions ? BuiltinTypes.exceptionGroup : BuiltinTypes.baseExceptionGroup
        // args keep the sequence as given (TaskGroup passes a list); `.exceptions` is a tuple.
        let group = PyException(cls: cls, args: [args[0], args[1]])
        group.attributes["exceptions"] = .object(PyTuple(items))
        group.attributes["message"] = args[0]
        return group
    }

    package func members(of group: PyException) -> [PyException] {
        ((group.attributes["exceptions"]?.asObject as? PyTuple)?.items ?? []).compactMap { $0.asObject as? PyException }
    }

    package func isExceptionGroup(_ e: PyException) -> Bool { e.isInstance(of: BuiltinTypes.baseExceptionGroup) }

    /// `eg.derive(excs)`: a group with this one's message (a subclass overrides it).
    package func derive(_ group: PyException, _ items: [PyException]) throws -> PyException {
        let list = Value.object(PyList(items.map { .object($0) }))
        if let method = userMethod(.object(group), "derive") {
            guard case .object(let o) = try callSpecial(method, .object(group), [list]), let e = o as? PyException else {
                throw typeError("derive must return an instance of BaseExceptionGroup")
            }
            return e
        }
        return try newExceptionGroup([group.attributes["message"] ?? .str(""), list])
    }

    /// `exceptiongroup_split_recursive`: the leaves (and whole subgroups) that `matches`
    /// accepts, and the rest, each keeping the group structure (a group that matches as a
    /// whole is returned as it is; any other part is derived anew). Derived groups share the original's
    /// traceback, cause, context and notes.
    package func split(_ e: PyException, _ matches: (PyException) throws -> Bool) throws -> (match: PyException?, rest: PyException?) {
        if try matches(e) { return (e, nil) }
        guard isExceptionGroup(e) else { return (nil, e) }
        var matched: [PyException] = [], rest: [PyException] = []
        for member in members(of: e) {
            let (m, r) = try split(member, matches)
            if let m { matched.append(m) }
            if let r { rest.append(r) }
        }
        func derived(_ items: [PyException]) throws -> PyException? {
            if items.isEmpty { return nil }
            let d = try derive(e, items)
            d.traceback = e.traceback
            d.cause = e.cause
            d.context = e.context
            d.suppressContext = e.suppressContext
            if let notes = e.attributes["__notes__"] { d.attributes["__notes__"] = notes }
            return d
        }
        return (try derived(matched), try derived(rest))
    }

    /// The condition `split`/`subgroup` take: an exception type, a tuple of them, or a
    /// predicate (any other callable).
    package func splitCondition(_ condition: Value) throws -> (PyException) throws -> Bool {
        if case .object(let o) = condition {
            if let cls = o as? PyClass, cls.isExceptionClass { return { $0.isInstance(of: cls) } }
            if let t = o as? PyTuple, t.items.allSatisfy({ ($0.asObject as? PyClass)?.isExceptionClass == true }) {
                let classes = t.items.compactMap { $0.asObject as? PyClass }
                return { e in classes.contains { e.isInstance(of: $0) } }
            }
            if o is PyFunction || o is PyBuiltin || o is PyBoundMethod || o is PyPartial || userMethod(condition, "__call__") != nil {
                return { [unowned self] e in try self.truthy(try self.callNow(condition, [.object(e)])) }
            }
        }
        throw typeError("expected a function, exception type or tuple of exception types")
    }

    /// `split`, `subgroup` and `derive` of a group.
    package func exceptionGroupMethod(_ group: PyException, _ name: String) -> Value? {
        switch name {
        case "split":
            return nativeFunction("split", owner: group.typeName, .oneArgument) { vm, args, _ in
                let (m, r) = try vm.split(group, try vm.splitCondition(args[0]))
                return .object(PyTuple([m.map { .object($0) } ?? .none, r.map { .object($0) } ?? .none]))
            }
        case "subgroup":
            return nativeFunction("subgroup", owner: group.typeName, .oneArgument) { vm, args, _ in
                try vm.split(group, try vm.splitCondition(args[0])).match.map { .object($0) } ?? .none
            }
        case "derive":
            return nativeFunction("derive", owner: group.typeName, .oneArgument) { vm, args, _ in
                .object(try vm.newExceptionGroup([group.attributes["message"] ?? .str(""), args[0]]))
            }
        default: return nil
        }
    }

    // MARK: except*

    /// CHECK_EG_MATCH: splits what is left of the exception by an `except*` clause's type.
    /// A naked exception that matches is wrapped in `ExceptionGroup('', [exc])`.
    package func exceptStarMatch(_ rest: PyException, _ type: Value) throws -> (match: PyException?, rest: PyException?) {
        let classes: [Value]
        if case .object(let t as PyTuple) = type { classes = t.items } else { classes = [type] }
        for c in classes {
            if case .object(let o) = c, let cls = o as? PyClass, cls.isSubclass(of: BuiltinTypes.baseExceptionGroup) {
                throw typeError("catching ExceptionGroup with except* is not allowed. Use except instead.")
            }
        }
        if !isExceptionGroup(rest) {
            guard try exceptionMatches(.object(rest), type) else { return (nil, rest) }
            let wrapped = try newExceptionGroup([.str(""), .object(PyTuple([.object(rest)]))])
            wrapped.traceback = rest.traceback
            return (wrapped, nil)
        }
        return try split(rest) { e in try self.exceptionMatches(.object(e), type) }
    }

    /// PREP_RERAISE_STAR: what a `try`/`except*` raises once its clauses ran. `raised`
    /// holds what the clauses raised (re-raised parts of the original keep its structure,
    /// new exceptions are listed beside them), then the unhandled rest.
    package func exceptStarReraise(_ original: PyException, _ raised: [PyException]) throws -> PyException? {
        if raised.isEmpty { return nil }
        // A naked exception was wrapped: at most one clause ran, so one exception is left.
        guard isExceptionGroup(original) else { return raised.last }
        var leaves: [PyException] = []
        func collectLeaves(_ e: PyException) {
            if isExceptionGroup(e) { members(of: e).forEach(collectLeaves) } else { leaves.append(e) }
        }
        collectLeaves(original)
        func isReraise(_ e: PyException) -> Bool {
            // Parts split from the original share its metadata (CPython's test).
            e === original || (e.cause === original.cause && e.context === original.context && isExceptionGroup(e)
                && { var own: [PyException] = []; func walk(_ x: PyException) { if isExceptionGroup(x) { members(of: x).forEach(walk) } else { own.append(x) } }; walk(e); return own.allSatisfy { l in leaves.contains { $0 === l } } }())
        }
        var reraisedLeaves: [PyException] = []
        var newlyRaised: [PyException] = []
        for e in raised {
            if isReraise(e) {
                func walk(_ x: PyException) { if isExceptionGroup(x) { members(of: x).forEach(walk) } else { reraisedLeaves.append(x) } }
                walk(e)
            } else {
                newlyRaised.append(e)
            }
        }
        let projected = reraisedLeaves.isEmpty ? nil
            : try split(original) { e in reraisedLeaves.contains { $0 === e } }.match
        if newlyRaised.isEmpty { return projected }
        if let projected { newlyRaised.append(projected) }
        if newlyRaised.count == 1 { return newlyRaised[0] }
        return try newExceptionGroup([.str(""), .object(PyList(newlyRaised.map { .object($0) }))])
    }
}

/// The state of one `try`/`except*` while its clauses run: the exception caught, what is
/// left to match, and what the clauses raised.
package final class ExceptStarState: PyObject {
    package let original: PyException
    package var rest: PyException?
    package var raised: [PyException] = []
    package init(_ original: PyException) {
        self.original = original
        self.rest = original
    }
}
