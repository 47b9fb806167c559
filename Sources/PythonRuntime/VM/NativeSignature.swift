/// How a native function or method takes its arguments, so that a call is checked, and
/// its keywords bound, before the body runs: with the `TypeError` CPython raises for the
/// same bad call. CPython's asyncio is part C (`_asyncio.Future`/`Task`, parsed by
/// `METH_NOARGS`, `METH_O` or Argument Clinic) and part Python (`events.Handle`,
/// `BaseEventLoop`), and each kind words its errors differently.
package enum NativeSignature {
    /// A C method without arguments (`METH_NOARGS`): `Future.done()`.
    case noArguments
    /// A C method of one positional argument (`METH_O`): `Future.set_result(result)`.
    case oneArgument
    /// A C function taking `min...max` positional arguments, checked by
    /// `_PyArg_CheckPositional`: "pop expected at most 1 argument, got 2".
    case positional(min: Int, max: Int)
    /// The same, checked by the older `PyArg_ParseTuple`: "find() takes at least 1 argument
    /// (0 given)".
    case parseTuple(min: Int, max: Int)
    /// A C method taking keyword arguments only: "sort() takes no positional arguments".
    case keywordsOnly
    /// A C function parsed by Argument Clinic: `positionalOnly` required positional-only
    /// parameters, then optional positional-or-keyword ones, then optional keyword-only
    /// ones (`Future.cancel(msg=None)`, `Future.add_done_callback(fn, /, *, context=None)`).
    case clinic(positionalOnly: Int, positionalOrKeyword: [String], keywordOnly: [String])
    /// A function written in Python: its positional parameters (after `self` for a
    /// method), how many of them are required, whether it takes `*args`, and its
    /// keyword-only parameters (`BaseEventLoop.call_later(delay, callback, *args, context=None)`).
    case python(parameters: [String], required: Int, varargs: Bool = false, keywordOnly: [String] = [], isMethod: Bool = true)
}

extension NativeSignature {
    /// How many positional arguments, without keywords, a call may pass as they are.
    package var plainArguments: ClosedRange<Int> {
        switch self {
        case .noArguments, .keywordsOnly: return 0...0
        case .oneArgument: return 1...1
        case let .positional(least, most), let .parseTuple(least, most): return least...most
        case let .clinic(positionalOnly, positionalOrKeyword, _): return positionalOnly...(positionalOnly + positionalOrKeyword.count)
        case let .python(parameters, required, varargs, _, _): return required...(varargs ? Int.max : parameters.count)
        }
    }

    /// `METH_NOARGS` and `METH_O` messages name the method with its type (`str.upper()`).
    package var isMETH: Bool {
        switch self {
        case .noArguments, .oneArgument: return true
        default: return false
        }
    }
}

extension Interpreter {
    /// A native callable checking its calls against `signature` (messages name it
    /// `owner.name`, as CPython does); the body gets keywords naming positional
    /// parameters moved into place, so it reads those by position.
    package func nativeFunction(_ name: String, owner: String?, _ signature: NativeSignature,
                        _ body: @escaping PyBuiltin.Body) -> Value {
        let function = PyBuiltin(name, owner: owner, signature, body)
        function.isModuleFunction = true
        return .object(function)
    }

    /// Checks a call of `qualname` against `signature` and binds its keywords.
    package func bindNative(_ qualname: @autoclosure () -> String, _ signature: NativeSignature, _ args: [Value],
                    _ kwargs: [(String, Value)]) throws -> ([Value], [(String, Value)]) {
        // Names are built only for a message: most calls are fine.
        var callee: String { "\(qualname())()" }
        switch signature {
        case .noArguments, .oneArgument:
            if !kwargs.isEmpty { throw typeError("\(callee) takes no keyword arguments") }
            if case .noArguments = signature, !args.isEmpty {
                throw typeError("\(callee) takes no arguments (\(args.count) given)")
            }
            if case .oneArgument = signature, args.count != 1 {
                throw typeError("\(callee) takes exactly one argument (\(args.count) given)")
            }
            return (args, kwargs)
        case let .positional(least, most), let .parseTuple(least, most):
            if !kwargs.isEmpty { throw typeError("\(callee) takes no keyword arguments") }
            let n = args.count
            guard n < least || n > most else { return (args, kwargs) }
            func arguments(_ k: Int) -> String { "\(k) argument\(k == 1 ? "" : "s")" }
            let bound = least == most ? "" : n < least ? "at least " : "at most "
            let limit = n < least ? least : most
            if case .positional = signature {
                throw typeError("\(qualname()) expected \(bound)\(arguments(limit)), got \(n)")
            }
            throw typeError("\(callee) takes \(least == most ? "exactly " : bound)\(arguments(limit)) (\(n) given)")
        case .keywordsOnly:
            if !args.isEmpty { throw typeError("\(callee) takes no positional arguments") }
            return (args, kwargs)
        case let .clinic(positionalOnly, positionalOrKeyword, keywordOnly):
            return try bindClinic(callee, positionalOnly, positionalOrKeyword, keywordOnly, args, kwargs)
        case let .python(parameters, required, varargs, keywordOnly, isMethod):
            return try bindPython(callee, parameters, required, varargs, keywordOnly, isMethod, args, kwargs)
        }
    }

    /// `_PyArg_UnpackKeywords`'s checks, in its order.
    private func bindClinic(_ callee: @autoclosure () -> String, _ positionalOnly: Int, _ positionalOrKeyword: [String],
                            _ keywordOnly: [String], _ args: [Value],
                            _ kwargs: [(String, Value)]) throws -> ([Value], [(String, Value)]) {
        let maxPositional = positionalOnly + positionalOrKeyword.count
        if kwargs.isEmpty, args.count >= positionalOnly, args.count <= maxPositional { return (args, kwargs) }
        let callee = callee()
        let maxArguments = maxPositional + keywordOnly.count
        let total = args.count + kwargs.count
        func plural(_ n: Int) -> String { n == 1 ? "" : "s" }
        if total > maxArguments {
            throw typeError("\(callee) takes at most \(maxArguments) \(args.isEmpty ? "keyword " : "")argument\(plural(maxArguments)) (\(total) given)")
        }
        if args.count > maxPositional {
            let bound = positionalOnly < maxPositional ? "at most" : "exactly"
            throw typeError("\(callee) takes \(bound) \(maxPositional) positional argument\(plural(maxPositional)) (\(args.count) given)")
        }
        if args.count < positionalOnly {
            let bound = positionalOnly < maxPositional ? "at least" : "exactly"
            throw typeError("\(callee) takes \(bound) \(positionalOnly) positional argument\(plural(positionalOnly)) (\(args.count) given)")
        }
        var bound = args
        var keywords: [(String, Value)] = []
        for (key, value) in kwargs {
            if let i = positionalOrKeyword.firstIndex(of: key) {
                let position = positionalOnly + i
                if position < args.count {
                    throw typeError("argument for \(callee) given by name ('\(key)') and position (\(position + 1))")
                }
                while bound.count < position { bound.append(.none) }
                if position == bound.count { bound.append(value) } else { bound[position] = value }
            } else if keywordOnly.contains(key) {
                keywords.append((key, value))
            } else {
                throw typeError("'\(key)' is an invalid keyword argument for \(callee)")
            }
        }
        return (bound, keywords)
    }

    /// Binding as `_PyEval_MakeFrame` does for a Python function (see `makeFrame`).
    private func bindPython(_ callee: @autoclosure () -> String, _ parameters: [String], _ required: Int, _ varargs: Bool,
                            _ keywordOnly: [String], _ isMethod: Bool, _ args: [Value],
                            _ kwargs: [(String, Value)]) throws -> ([Value], [(String, Value)]) {
        if kwargs.isEmpty, args.count >= required, varargs || args.count <= parameters.count { return (args, kwargs) }
        let callee = callee()
        // Messages count `self` among the positional arguments, as CPython's do.
        let selfCount = isMethod ? 1 : 0
        if !varargs && args.count > parameters.count {
            let most = parameters.count + selfCount, least = required + selfCount
            let takes = least < most ? "from \(least) to \(most) positional arguments"
                                     : "\(most) positional argument\(most == 1 ? "" : "s")"
            let given = args.count + selfCount
            throw typeError("\(callee) takes \(takes) but \(given) \(given == 1 ? "was" : "were") given")
        }
        var slots: [Value?] = parameters.indices.map { $0 < args.count ? args[$0] : nil }
        var keywords: [(String, Value)] = []
        for (key, value) in kwargs {
            if let i = parameters.firstIndex(of: key) {
                if slots[i] != nil { throw typeError("\(callee) got multiple values for argument '\(key)'") }
                slots[i] = value
            } else if keywordOnly.contains(key) {
                keywords.append((key, value))
            } else {
                throw typeError("\(callee) got an unexpected keyword argument '\(key)'")
            }
        }
        let missing = (0..<required).filter { slots[$0] == nil }.map { parameters[$0] }
        if !missing.isEmpty {
            throw typeError("\(callee) missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(listNames(missing))")
        }
        // Optional parameters not given are left off the end (the body applies defaults).
        let given = slots.lastIndex { $0 != nil }.map { $0 + 1 } ?? 0
        var bound = slots[..<given].map { $0 ?? .none }
        if args.count > parameters.count { bound.append(contentsOf: args[parameters.count...]) }
        return (bound, keywords)
    }
}
