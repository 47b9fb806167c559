import BigInt

/// `map`, `filter`, `zip`, `enumerate` and `reversed`: in CPython each is a type
/// (`bltinmodule.c`, `enumobject.c`), so `isinstance(m, map)` holds, `type(m) is map`,
/// and a class may derive from one (`class Numbered(enumerate)`). Their instances are
/// `PyIterator`s over a lazy stepper; calling the type runs its constructor here, with
/// CPython's argument checks and messages.
extension Interpreter {
    /// The lazy iterator types a `class` statement may derive from (all have
    /// `Py_TPFLAGS_BASETYPE` in CPython). An instance of such a class is the native
    /// iterator with `instancePart` set, as for the built-in containers.
    package static let lazyIteratorTypes: Set<ObjectIdentifier> = Set([
        BuiltinTypes.mapIterator, BuiltinTypes.filterIterator, BuiltinTypes.zipIterator,
        BuiltinTypes.enumerateIterator, BuiltinTypes.reversedIterator,
    ].map(ObjectIdentifier.init))

    package func installLazyIteratorTypes(into b: inout [String: Value]) {
        func install(_ cls: PyClass, _ body: @escaping PyBuiltin.Body) {
            b[cls.name] = .object(cls)
            nativeConstructors[ObjectIdentifier(cls)] = body
        }
        // map_new / map_vectorcall.
        install(BuiltinTypes.mapIterator) { vm, args, kwargs in
            if !kwargs.isEmpty { throw vm.typeError("map() takes no keyword arguments") }
            guard args.count >= 2 else { throw vm.typeError("map() must have at least two arguments.") }
            let sources = try args.dropFirst().map { try vm.makeIterator($0) }
            return .object(PyIterator(.stepper { vm in
                var items: [Value] = []
                items.reserveCapacity(sources.count)
                for source in sources {
                    guard let item = try vm.nextItem(source) else { return nil }
                    items.append(item)
                }
                return try vm.callNow(args[0], items)
            }, type: BuiltinTypes.mapIterator))
        }
        // filter_new / filter_vectorcall: None keeps the true items.
        install(BuiltinTypes.filterIterator) { vm, args, kwargs in
            if !kwargs.isEmpty { throw vm.typeError("filter() takes no keyword arguments") }
            guard args.count == 2 else { throw vm.typeError("filter expected 2 arguments, got \(args.count)") }
            let source = try vm.makeIterator(args[1])
            return .object(PyIterator(.stepper { vm in
                while let item = try vm.nextItem(source) {
                    let keep = args[0].isNone ? item : try vm.callNow(args[0], [item])
                    if try vm.truthy(keep) { return item }
                }
                return nil
            }, type: BuiltinTypes.filterIterator))
        }
        // zip_new: `strict` is its only keyword.
        install(BuiltinTypes.zipIterator) { vm, args, kwargs in
            var strict = false
            for (k, v) in kwargs {
                guard k == "strict" else { throw vm.typeError("'\(k)' is an invalid keyword argument for zip()") }
                strict = try vm.truthy(v)
            }
            return .object(PyIterator(.stepper(try vm.zipped(args, strict: strict)), type: BuiltinTypes.zipIterator))
        }
        install(BuiltinTypes.enumerateIterator) { vm, args, kwargs in try vm.enumerateIterator(args, kwargs) }
        // reversed_new: the argument's `__reversed__` decides, so the result need not be a
        // `reversed` (`reversed([1])` is a list_reverseiterator).
        install(BuiltinTypes.reversedIterator) { vm, args, kwargs in
            if !kwargs.isEmpty { throw vm.typeError("reversed() takes no keyword arguments") }
            guard args.count == 1 else { throw vm.typeError("reversed expected 1 argument, got \(args.count)") }
            return try vm.reversedIterator(args[0])
        }
    }

    /// `enumerate(iterable, start=0)` (enum_new_impl): `start` is read with `__index__`
    /// and may be an int of any size.
    private func enumerateIterator(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        var iterable = args.first
        var start: Value = args.count > 1 ? args[1] : .int(0)
        let given = args.count + kwargs.count
        if given > 2 { throw typeError("enumerate() takes at most 2 arguments (\(given) given)") }
        for (k, v) in kwargs {
            // Argument Clinic's unpacking: a keyword for a parameter given by position, or
            // any keyword while `iterable` is missing, is reported as invalid.
            switch k {
            case "iterable" where args.isEmpty: iterable = v
            case "start" where args.count < 2 && (!args.isEmpty || kwargs.contains { $0.0 == "iterable" }): start = v
            default: throw typeError("'\(k)' is an invalid keyword argument for enumerate()")
            }
        }
        guard let iterable else { throw typeError("enumerate() missing required argument 'iterable'") }
        guard let first = try pythonIndex(start) else {
            throw typeError("'\(start.typeName)' object cannot be interpreted as an integer")
        }
        let source = try makeIterator(iterable)
        // The count stays a machine int while it fits (enumobject.c's en_index), then grows.
        var small: Int? = intValue(first)
        var big: BigInt = small == nil ? (first.bigInteger ?? 0) : 0
        return .object(PyIterator(.stepper { vm in
            guard let item = try vm.nextItem(source) else { return nil }
            let index: Value
            if let i = small {
                index = .int(i)
                let (next, overflow) = i.addingReportingOverflow(1)
                if overflow { small = nil; big = BigInt(i) + 1 } else { small = next }
            } else {
                index = .integer(big)
                big += 1
            }
            return .object(PyTuple([index, item]))
        }, type: BuiltinTypes.enumerateIterator))
    }

    /// `T.__new__(cls, ...)` for a lazy iterator type `T`: the iterator `T(...)` makes,
    /// now an instance of `cls`. When `T(...)` made something else (`reversed` of a list
    /// is its `__reversed__`'s iterator), that is the result, as in reversed_new.
    package func newDerivedIterator(_ cls: PyClass, base: PyClass, _ made: Value) -> Value {
        guard case .object(let o) = made, let it = o as? PyIterator, it.pyClass === base else { return made }
        let derived = PyIterator(it.source, type: base)
        derived.index = it.index
        derived.remainingItems = it.remainingItems
        let part = PyInstance(cls: cls)
        part.vm = self
        derived.instancePart = part
        return .object(derived)
    }
}
