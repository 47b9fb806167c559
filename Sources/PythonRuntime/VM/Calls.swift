/// Calling: binding arguments to parameters as CPython's `_PyEval_MakeFrame` does, making
/// coroutines from `async def`, instantiating classes, and running Python callables from
/// native code (loop callbacks, `sorted(key=...)`, `__init__`).
extension Interpreter {
    /// Calls `callee`. A plain Python function returns a frame for the caller's fiber to
    /// run; everything else completes here.
    package func call(_ callee: Value, _ args: [Value], _ kwargs: [(String, Value)]) throws -> CallResult {
        guard case .object(let o) = callee else {
            throw typeError("'\(callee.typeName)' object is not callable")
        }
        if let fn = o as? PyFunction {
            let frame = try makeFrame(fn, args, kwargs)
            if fn.code.isCoroutine {
                let coro = PyCoroutine(function: fn, frame: frame, creationLine: callerLine)
                coro.warnings = warningSink
                return .value(.object(coro))
            }
            if let gen = generatorObject(fn, frame) { return .value(gen) }
            return .frame(frame)
        }
        if let builtin = o as? PyBuiltin {
            let receivers = builtin.takesReceiver ? 1 : 0
            guard let signature = builtin.signature,
                  !(kwargs.isEmpty && builtin.plainArguments.contains(args.count - receivers)) else {
                return .value(try builtin.body(self, args, kwargs))
            }
            if receivers == 1 && args.isEmpty {
                throw typeError("unbound method \(builtin.qualname)() needs an argument")
            }
            let (bound, keywords) = try bindNative(builtin.qualname, signature, Array(args.dropFirst(receivers)), kwargs)
            return .value(try builtin.body(self, Array(args.prefix(receivers)) + bound, keywords))
        }
        if let method = o as? PyBoundMethod {
            return try call(method.function, [method.receiver] + args, kwargs)
        }
        if let cls = o as? PyClass {
            // `Meta.__call__` decides what calling the class does (`type.__call__`,
            // reached by `super().__call__(...)`, is `instantiate`).
            if let meta = cls.metaclass, let hook = meta.lookup("__call__") {
                return try call(try descriptorGet(hook, instance: callee, owner: meta), args, kwargs)
            }
            return .value(try instantiate(cls, args, kwargs))
        }
        if let partial = o as? PyPartial {
            return try call(partial.function, partial.args + args, partial.kwargs + kwargs)
        }
        if let target = try userCallTarget(callee) { return try call(target, args, kwargs) }
        if let proxy = o as? PyWeakProxy { return try call(try proxy.target(self), args, kwargs) }
        if o is PyWeakReference, let call = PyWeakReference.nativeMethods?["__call__"] {
            return .value(try callNow(.object(call), [callee] + args, kwargs))
        }
        throw typeError("'\(callee.typeName)' object is not callable")
    }

    /// The line of the innermost running frame, for a coroutine's creation site.
    package var callerLine: Int { activeFrame?.currentLine ?? 0 }

    /// Calls `callee` to completion from native code.
    @discardableResult
    package func callNow(_ callee: Value, _ args: [Value], _ kwargs: [(String, Value)] = []) throws -> Value {
        switch try call(callee, args, kwargs) {
        case .value(let v):
            return v
        case .frame(let frame):
            let fiber = Fiber([])
            try push(frame, on: fiber)
            switch execute(fiber, .start) {
            case .returned(let v): return v
            case .raised(let exc): throw PythonError(exc)
            case .yielded:
                throw PythonError(makeException(BuiltinTypes.runtimeError, "a plain function cannot await"))
            }
        }
    }

    /// Binds arguments to parameters in the order and with the messages of CPython's
    /// `initialize_locals`: positionals, then keywords (an unknown keyword is reported
    /// before too many positionals), then defaults and what is still missing.
    package func makeFrame(_ fn: PyFunction, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Frame {
        if kwargs.isEmpty, let frame = positionalFrame(fn, args.count, { args[$0] }) { return frame }
        let code = fn.code
        var locals = [Value?](repeating: nil, count: code.localNames.count)
        let name = fn.qualname
        let positionalCount = code.argCount
        // Positional parameters.
        let given = min(args.count, positionalCount)
        for i in 0..<given { locals[i] = args[i] }
        var slot = positionalCount
        if code.hasVarargs {
            locals[slot] = .object(PyTuple(args.count > positionalCount ? Array(args[positionalCount...]) : []))
            slot += 1
        }
        let kwOnlyStart = slot
        slot += code.kwOnlyNames.count
        var extraKwargs: PyDict?
        if code.hasKwargs {
            let extra = PyDict()
            extraKwargs = extra
            locals[slot] = .object(extra)
        }
        // Keyword arguments: positional-only parameters cannot be named.
        for (key, value) in kwargs {
            if let i = code.localNames[code.posOnlyCount..<positionalCount].firstIndex(of: key) {
                if locals[i] != nil {
                    throw typeError("\(name)() got multiple values for argument '\(key)'")
                }
                locals[i] = value
            } else if let k = code.kwOnlyNames.firstIndex(of: key) {
                if locals[kwOnlyStart + k] != nil {
                    throw typeError("\(name)() got multiple values for argument '\(key)'")
                }
                locals[kwOnlyStart + k] = value
            } else if let extra = extraKwargs {
                extra.set(.str(key), value)
            } else {
                let positionalOnly = kwargs.map(\.0).filter { code.localNames[..<code.posOnlyCount].contains($0) }
                if !positionalOnly.isEmpty {
                    throw typeError("\(name)() got some positional-only arguments passed as keyword arguments: '\(positionalOnly.joined(separator: ", "))'")
                }
                throw typeError("\(name)() got an unexpected keyword argument '\(key)'")
            }
        }
        if args.count > positionalCount && !code.hasVarargs {
            throw tooManyPositional(fn, given: args.count, kwOnlyGiven: (0..<code.kwOnlyNames.count).filter { locals[kwOnlyStart + $0] != nil }.count)
        }
        // Defaults and missing arguments.
        let firstDefault = positionalCount - fn.defaults.count
        var missing: [String] = []
        for i in 0..<positionalCount where locals[i] == nil {
            if i >= firstDefault {
                locals[i] = fn.defaults[i - firstDefault]
            } else {
                missing.append(code.localNames[i])
            }
        }
        if !missing.isEmpty {
            throw typeError("\(name)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(listNames(missing))")
        }
        var missingKw: [String] = []
        for (k, kwName) in code.kwOnlyNames.enumerated() where locals[kwOnlyStart + k] == nil {
            if let d = fn.kwDefaults[kwName] { locals[kwOnlyStart + k] = d } else { missingKw.append(kwName) }
        }
        if !missingKw.isEmpty {
            throw typeError("\(name)() missing \(missingKw.count) required keyword-only argument\(missingKw.count == 1 ? "" : "s"): \(listNames(missingKw))")
        }
        var cells: [PyCell] = []
        if !code.cellNames.isEmpty || !fn.closure.isEmpty {
            cells = code.cellNames.map { _ in PyCell() }
            for (cell, local) in code.cellParameters { cells[cell].value = locals[local] }
            cells.append(contentsOf: fn.closure)
        }
        return Frame(code: code, globals: fn.globals, locals: locals, cells: cells, pool: stackPool)
    }

    /// CPython's `too_many_positional`.
    private func tooManyPositional(_ fn: PyFunction, given: Int, kwOnlyGiven: Int) -> PythonError {
        let count = fn.code.argCount, defaults = fn.defaults.count
        let takes = defaults > 0
            ? "from \(count - defaults) to \(count) positional arguments"
            : "\(count) positional argument\(count == 1 ? "" : "s")"
        let kwOnly = kwOnlyGiven == 0 ? ""
            : " positional argument\(given == 1 ? "" : "s") (and \(kwOnlyGiven) keyword-only argument\(kwOnlyGiven == 1 ? "" : "s"))"
        let verb = given == 1 && kwOnlyGiven == 0 ? "was" : "were"
        return typeError("\(fn.qualname)() takes \(takes) but \(given)\(kwOnly) \(verb) given")
    }

    /// "'a' and 'b'", "'a', 'b', and 'c'" as CPython's `format_missing` lists them.
    package func listNames(_ names: [String]) -> String {
        let quoted = names.map { "'\($0)'" }
        switch quoted.count {
        case 1: return quoted[0]
        case 2: return quoted[0] + " and " + quoted[1]
        default: return quoted.dropLast().joined(separator: ", ") + ", and " + quoted[quoted.count - 1]
        }
    }

    /// `callable(v)`.
    package func isCallable(_ v: Value) -> Bool {
        guard case .object(let o) = v else { return false }
        return o is PyFunction || o is PyBuiltin || o is PyBoundMethod || o is PyClass || o is PyPartial
            || o is PyStaticMethod || o is PyWeakReference || userMethod(v, "__call__") != nil
    }

    /// `dict(*args, **kwargs)`: a mapping's items or an iterable of pairs, then the
    /// keywords; `name` is the type CPython's messages name.
    package func makeDict(_ args: [Value], _ kwargs: [(String, Value)], name: String = "dict") throws -> PyDict {
        if args.count > 1 { throw typeError("\(name) expected at most 1 argument, got \(args.count)") }
        let d = PyDict()
        if let src = args.first { try dictUpdate(d, src) }
        for (k, v) in kwargs { d.set(.str(k), v) }
        return d
    }
}
