import BigInt
import ScenarioLanguage
/// The builtins scenarios use: `print`, `range`, `len`, conversions, `isinstance`,
/// aggregates, `sorted`, `enumerate`, `type`, and the exception classes.
extension Interpreter {
    package func installBuiltins() {
        var b: [String: Value] = [:]
        func fn(_ name: String, _ body: @escaping PyBuiltin.Body) {
            b[name] = .object(PyBuiltin(name, body))
        }
        /// A builtin whose argument checks CPython words by its kind (see `NativeSignature`).
        func fn(_ name: String, _ signature: NativeSignature, _ body: @escaping PyBuiltin.Body) {
            b[name] = nativeFunction(name, owner: nil, signature, body)
        }
        for cls in BuiltinTypes.builtinExceptions { b[cls.name] = .object(cls) }
        // Old names kept as aliases (PEP 3151).
        b["EnvironmentError"] = .object(BuiltinTypes.osError)
        b["IOError"] = .object(BuiltinTypes.osError)
        b["None"] = Value.none
        b["Ellipsis"] = .object(PyEllipsis.shared)
        b["True"] = .true
        b["False"] = .false

        // site.py's `exit` and `quit` (`_sitebuiltins.Quitter.__call__`): SystemExit(code).
        for name in ["exit", "quit"] {
            fn(name, .positional(min: 0, max: 1)) { _, args, _ in
                throw PythonError(PyException(cls: BuiltinTypes.systemExit, args: [args.first ?? .none]))
            }
        }
        fn("print") { vm, args, kwargs in
            var sep = " ", end = "\n"
            var file = Value.none, flush = false
            for (k, v) in kwargs {
                switch (k, v) {
                case ("sep", .str(let s)): sep = s
                case ("end", .str(let s)): end = s
                case ("sep", .none), ("end", .none): break
                case ("file", _): file = v
                case ("flush", _): flush = try vm.truthy(v)
                case ("sep", _), ("end", _): throw vm.typeError("\(k) must be None or a string, not \(v.typeName)")
                default: throw vm.typeError("print() got an unexpected keyword argument '\(k)'")
                }
            }
            // No file: sys.stdout, which a program may have replaced (contextlib's
            // redirect_stdout does).
            if file.isNone, let replaced = vm.modules["sys"]?.attributes["stdout"], !(replaced.asObject is PyTextStream) {
                file = replaced
            }
            guard !file.isNone else {
                try vm.printArguments(args, sep: sep, end: end, to: vm.writeOutput)
                return .none
            }
            if case .object(let o) = file, let stream = o as? PyTextStream {
                try vm.printArguments(args, sep: sep, end: end, to: stream.write)
                return .none
            }
            // builtin_print: each argument, separator and the end go through the file's
            // own write(), then flush().
            let write = try vm.getAttribute(file, "write")
            for (i, arg) in args.enumerated() {
                if i > 0 { _ = try vm.callNow(write, [.str(sep)]) }
                _ = try vm.callNow(write, [.str(try vm.str(arg))])
            }
            _ = try vm.callNow(write, [.str(end)])
            if flush { _ = try vm.callNow(try vm.getAttribute(file, "flush"), []) }
            return .none
        }
        fn("len") { vm, args, _ in
            guard args.count == 1 else { throw vm.typeError("len() takes exactly one argument (\(args.count) given)") }
            switch args[0] {
            case .str(let s): return .int(vm.codePointIndex.count(s))
            case .object(let o):
                // A subclass's own `__len__` first; without one, the built-in length.
                if o.instancePart != nil || o is PyDerivedValue {
                    if let n = try vm.userLength(args[0]) { return .int(n) }
                }
                if let l = o as? PyList { return .int(l.items.count) }
                if let t = o as? PyTuple { return .int(t.items.count) }
                if let d = o as? PyDict { return .int(d.count) }
                if let r = o as? PyLongRange {
                    guard let n = Int(exactly: r.length) else {
                        throw PythonError(vm.makeException(BuiltinTypes.overflowError, "Python int too large to convert to C ssize_t"))
                    }
                    return .int(n)
                }
                if let r = o as? PyRange {
                    if r.lengthOverflows { throw PythonError(vm.makeException(BuiltinTypes.overflowError, "Python int too large to convert to C ssize_t")) }
                    return .int(r.count)
                }
                if let m = o as? PyMemoryView { try vm.checkReleased(m) }
                if let n = o.nativeCount { return .int(n) }
                if let n = try vm.userLength(args[0]) { return .int(n) }
            default: break
            }
            throw vm.typeError("object of type '\(args[0].typeName)' has no len()")
        }
        fn("repr") { vm, args, _ in .str(try vm.repr(vm.single(args, "repr"))) }
        fn("abs") { vm, args, _ in
            switch try vm.single(args, "abs") {
            case .int(let i): return i == .min ? .integer(BigInt(BigInt(i).magnitude)) : .int(abs(i))
            case .object(let big as PyLong): return .integer(BigInt(big.value.magnitude))
            case .bool(let x): return .int(x ? 1 : 0)
            case .float(let d): return .float(abs(d))
            case .object(let c as PyComplex): return try vm.complexAbs(c.value)
            case let v:
                if let method = vm.userMethod(v, "__abs__") { return try vm.callSpecial(method, v, []) }
                if let plain = vm.derivedValue(v) { return try vm.callNow(vm.builtins["abs"] ?? .none, [plain]) }
                throw vm.typeError("bad operand type for abs(): '\(v.typeName)'")
            }
        }
        fn("isinstance") { vm, args, _ in
            guard args.count == 2 else { throw vm.typeError("isinstance expected 2 arguments, got \(args.count)") }
            return .bool(try vm.isInstance(args[0], args[1]))
        }
        fn("sum", .clinic(positionalOnly: 1, positionalOrKeyword: ["start"], keywordOnly: [])) { vm, args, _ in
            var total: Value = args.count > 1 ? args[1] : .int(0)
            for v in try vm.iterate(args[0]) { total = try vm.binaryOperation(.add, total, v) }
            return total
        }
        fn("min") { vm, args, kwargs in try vm.extreme(args, kwargs, "min") { try vm.lessThan($0, $1) } }
        fn("max") { vm, args, kwargs in try vm.extreme(args, kwargs, "max") { try vm.lessThan($1, $0) } }
        fn("any") { vm, args, _ in .bool(try vm.iterate(vm.single(args, "any")).contains { try vm.truthy($0) }) }
        fn("all") { vm, args, _ in .bool(try vm.iterate(vm.single(args, "all")).allSatisfy { try vm.truthy($0) }) }
        fn("round") { vm, args, kwargs in
            guard var x = args.first else { throw vm.typeError("round() missing required argument 'number' (pos 1)") }
            var nd = args.count > 1 ? args[1] : (kwargs.first { $0.0 == "ndigits" }?.1 ?? .none)
            // A class's `__round__` (Fraction, Decimal) is called with ndigits only when given.
            if let method = vm.userMethod(x, "__round__") { return try vm.callSpecial(method, x, nd.isNone ? [] : [nd]) }
            // An int or float subclass's instance rounds as its value.
            if let plain = vm.derivedValue(x) { x = plain }
            // bool is an int, as ndigits and (with ndigits) as the number.
            if case .bool(let b) = nd { nd = .int(b ? 1 : 0) }
            if case .bool(let b) = x, !(nd.isNone) { x = .int(b ? 1 : 0) }
            switch (x, nd) {
            case (.int, .none), (.object(is PyLong), .none): return x
            case (.bool(let b), .none): return .int(b ? 1 : 0)
            case (.float(let d), .none):
                // Past 64 bits every float is already an integer: convert it exactly.
                if let i = try? PyFloat.roundToInt(d) { return .int(i) }
                return .integer(try vm.arithmetic { () throws(PyArithmeticError) in
                    try PyLongArithmetic.fromDouble(d.rounded(.toNearestOrEven))
                })
            case (.float(let d), .int(let n)):
                return .float(try vm.arithmetic { () throws(PyArithmeticError) in try PyFloat.roundChecked(d, ndigits: n) })
            case (.float(let d), .object(let big as PyLong)):
                // ndigits past 64 bits: nothing to round, or everything (CPython clamps it).
                return .float(big.value.signum() > 0 ? d : 0.0 * d)
            case (.int, .int(let n)), (.object(is PyLong), .int(let n)):
                guard n < 0, let i = x.bigInteger else { return x }
                // Round half to even at the 10^-n place, in integers (`long_round`).
                let p = BigInt(10).power(-n)
                var (q, r) = try vm.arithmetic { () throws(PyArithmeticError) in try PyLongArithmetic.divMod(i, p) }
                if r * 2 > p || (r * 2 == p && (q.magnitude.words.first ?? 0) & 1 == 1) { q += 1; r -= p }
                return .integer(i - r)
            case (.int, _), (.bool, _), (.float, _), (.object(is PyLong), _):
                // ndigits goes through __index__, as float.__round__ and int.__round__ take it.
                throw vm.typeError("'\(nd.typeName)' object cannot be interpreted as an integer")
            default: throw vm.typeError("type \(x.typeName) doesn't define __round__ method")
            }
        }
        fn("sorted") { vm, args, kwargs in
            guard args.count == 1 else { throw vm.typeError("sorted expected 1 argument, got \(args.count)") }
            return .object(PyList(try vm.sortedValues(try vm.iterate(args[0]), kwargs)))
        }
        fn("iter") { vm, args, _ in .object(try vm.makeIterator(vm.single(args, "iter"))) }
        // `anext(async_iterator)` and `aiter(async_iterable)`: contextlib's
        // asynccontextmanager steps its generator with anext.
        fn("anext", .positional(min: 1, max: 2)) { vm, args, _ in
            guard args.count == 1 else {
                throw vm.typeError("anext() with a default value is not supported by loopscope: catch StopAsyncIteration instead")
            }
            if case .object(let o) = args[0], o is PyAsyncGenerator { return try vm.asyncNext(args[0]) }
            guard vm.userMethod(args[0], "__anext__") != nil else {
                throw vm.typeError("'\(args[0].typeName)' object is not an async iterator")
            }
            return try vm.asyncNext(args[0])
        }
        fn("aiter", .oneArgument) { vm, args, _ in
            if case .object(let o) = args[0], o is PyAsyncGenerator { return args[0] }
            guard vm.userMethod(args[0], "__aiter__") != nil else {
                throw vm.typeError("'\(args[0].typeName)' object is not an async iterable")
            }
            return try vm.asyncIterator(args[0])
        }
        fn("next") { vm, args, _ in
            let iterator = args.first ?? .none
            if vm.userMethod(iterator, "__next__") != nil {
                if let v = try vm.userNext(iterator) { return v }
                if args.count > 1 { return args[1] }
                throw PythonError(PyException(cls: BuiltinTypes.stopIteration, args: []))
            }
            guard case .object(let o) = iterator, o is PyIterator || (o as? PyGenerator)?.isAsync == false else {
                throw vm.typeError("'\(args.first?.typeName ?? "NoneType")' object is not an iterator")
            }
            if let gen = o as? PyGenerator {
                switch try vm.resumeGenerator(gen, .send(.none)) {
                case .yielded(let v): return v
                case .returned(let v):
                    if args.count > 1 { return args[1] }
                    throw vm.stopIteration(v)
                }
            }
            if let v = try vm.nextItem(o) { return v }
            if args.count > 1 { return args[1] }
            throw PythonError(PyException(cls: BuiltinTypes.stopIteration, args: []))
        }
        fn("hasattr", .positional(min: 2, max: 2)) { vm, args, _ in
            guard case .str(let name) = args[1] else { throw vm.typeError("attribute name must be string, not '\(args[1].typeName)'") }
            return .bool(try vm.optionalAttribute(args[0], name) != nil)
        }
        fn("getattr", .positional(min: 2, max: 3)) { vm, args, _ in
            guard case .str(let name) = args[1] else { throw vm.typeError("attribute name must be string, not '\(args[1].typeName)'") }
            guard args.count > 2 else { return try vm.getAttribute(args[0], name) }
            return try vm.optionalAttribute(args[0], name) ?? args[2]
        }
        fn("id", .oneArgument) { vm, args, _ in
            if case .object(let o) = args[0] { return .int(vm.identity(o)) }
            return .int(0)
        }
        fn("divmod") { vm, args, _ in
            guard args.count == 2 else { throw vm.typeError("divmod expected 2 arguments, got \(args.count)") }
            return .object(PyTuple([try vm.binaryOperation(.floorDiv, args[0], args[1]), try vm.binaryOperation(.mod, args[0], args[1])]))
        }
        fn("chr") { vm, args, _ in
            guard case .int(let i) = try vm.single(args, "chr") else { throw vm.typeError("an integer is required") }
            guard i >= 0 && i < 0x110000, let scalar = Unicode.Scalar(UInt32(i)) else {
                throw PythonError(vm.makeException(BuiltinTypes.valueError, "chr() arg not in range(0x110000)"))
            }
            return .str(String(scalar))
        }
        fn("ord") { vm, args, _ in
            guard case .str(let s) = try vm.single(args, "ord") else { throw vm.typeError("ord() expected string of length 1, but \(args[0].typeName) found") }
            guard s.unicodeScalars.count == 1, let c = s.unicodeScalars.first else {
                throw vm.typeError("ord() expected a character, but string of length \(s.unicodeScalars.count) found")
            }
            return .int(Int(c.value))
        }
        for (name, radix, prefix) in [("hex", 16, "0x"), ("oct", 8, "0o"), ("bin", 2, "0b")] {
            fn(name) { vm, args, _ in
                let given = try vm.single(args, name)
                let v = try vm.pythonIndex(given) ?? given
                guard let i = v.bigInteger else {
                    throw vm.typeError("'\(v.typeName)' object cannot be interpreted as an integer")
                }
                let digits = String(i.magnitude, radix: radix)
                return .str((i.sign == .minus && !i.isZero ? "-" : "") + prefix + digits)
            }
        }
        fn("callable") { vm, args, _ in .bool(vm.isCallable(try vm.single(args, "callable"))) }

        // Types are classes that convert when called.
        b["int"] = .object(BuiltinTypes.int)
        b["float"] = .object(BuiltinTypes.float)
        b["complex"] = .object(BuiltinTypes.complex)
        b["str"] = .object(BuiltinTypes.str)
        b["bool"] = .object(BuiltinTypes.bool)
        b["list"] = .object(BuiltinTypes.list)
        b["tuple"] = .object(BuiltinTypes.tuple)
        b["dict"] = .object(BuiltinTypes.dict)
        b["set"] = .object(BuiltinTypes.set)
        b["frozenset"] = .object(BuiltinTypes.frozenset)
        b["bytes"] = .object(BuiltinTypes.bytes)
        b["bytearray"] = .object(BuiltinTypes.bytearray)
        b["memoryview"] = .object(BuiltinTypes.memoryview)
        b["range"] = .object(BuiltinTypes.range)
        b["type"] = .object(BuiltinTypes.type)
        b["object"] = .object(BuiltinTypes.object)
        installTypeConstructors()
        installAttributeBuiltins(into: &b)
        installLazyIteratorTypes(into: &b)
        installHashBuiltin(into: &b)
        installConversionBuiltins(into: &b)
        installClassBuiltins(&b)
        installNamespaceBuiltins(&b)
        installDynamicCodeBuiltins(into: &b)
        builtins = b
    }

    private func installTypeConstructors() {
        func ctor(_ cls: PyClass, _ body: @escaping PyBuiltin.Body) {
            nativeConstructors[ObjectIdentifier(cls)] = body
        }
        /// `list(x)`, `float(x)`, ...: at most one argument, no keywords.
        func ctor(_ cls: PyClass, _ signature: NativeSignature, _ body: @escaping PyBuiltin.Body) {
            nativeConstructors[ObjectIdentifier(cls)] = { vm, args, kwargs in
                let (bound, keywords) = try vm.bindNative(cls.name, signature, args, kwargs)
                return try body(vm, bound, keywords)
            }
        }
        ctor(BuiltinTypes.int) { vm, given, kwargs in
            // `int(x, base=b)`: the base may be given by keyword.
            let args = given + kwargs.filter { $0.0 == "base" && given.count == 1 }.map(\.1)
            if args.count > 2 { throw vm.typeError("int() takes at most 2 arguments (\(args.count) given)") }
            guard let given = args.first else { return .int(0) }
            // An int/str/float subclass's instance converts as its value.
            let v = vm.derivedValue(given) ?? given
            // A bytes-like object is parsed as its ASCII text (`int(b'42')`).
            if let b = v.byteValues {
                let text = String(String.UnicodeScalarView(b.map { Unicode.Scalar($0) }))
                var base = 10
                if args.count > 1, case .int(let given) = args[1] { base = given }
                if let i = PyInt.parse(text, base: base) { return .int(i) }
                if let big = try vm.arithmetic({ () throws(PyArithmeticError) in try PyLongArithmetic.parse(text, base: base) }) {
                    return .integer(big)
                }
                throw PythonError(vm.makeException(BuiltinTypes.valueError, "invalid literal for int() with base \(base): \(try vm.repr(v))"))
            }
            switch v {
            case .int, .object(is PyLong): return v
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let d):
                if let i = try? PyInt.fromFloat(d) { return .int(i) }
                return .integer(try vm.arithmetic { () throws(PyArithmeticError) in try PyLongArithmetic.fromDouble(d) })
            case .str(let s):
                var base = 10
                if args.count > 1, case .int(let given) = args[1] { base = given }
                if let i = PyInt.parse(s, base: base) { return .int(i) }
                if let big = try vm.arithmetic({ () throws(PyArithmeticError) in try PyLongArithmetic.parse(s, base: base) }) {
                    return .integer(big)
                }
                throw PythonError(vm.makeException(BuiltinTypes.valueError, "invalid literal for int() with base \(base): \(PyString.repr(s))"))
            default:
                // CPython's `PyNumber_Long`: a class's `__int__`, then its `__index__` (NumberProtocol.swift).
                if args.count == 1, let converted = try vm.intFromSpecial(v) { return converted }
                throw vm.typeError("int() argument must be a string, a bytes-like object or a real number, not '\(v.typeName)'")
            }
        }
        ctor(BuiltinTypes.float, .positional(min: 0, max: 1)) { vm, args, _ in
            guard let given = args.first else { return .float(0) }
            let v = vm.derivedValue(given) ?? given
            switch v {
            case .float: return v
            case .int(let i): return .float(Double(i))
            case .object(let big as PyLong):
                return .float(try vm.arithmetic { () throws(PyArithmeticError) in try PyLongArithmetic.toDouble(big.value) })
            case .bool(let b): return .float(b ? 1 : 0)
            case .str(let s):
                if let d = PyFloat.parse(s) { return .float(d) }
                throw PythonError(vm.makeException(BuiltinTypes.valueError, "could not convert string to float: \(PyString.repr(s))"))
            case let bytesLike where bytesLike.byteValues != nil:
                let b = bytesLike.byteValues ?? []
                if let d = PyFloat.parse(String(String.UnicodeScalarView(b.map { Unicode.Scalar($0) }))) { return .float(d) }
                throw PythonError(vm.makeException(BuiltinTypes.valueError, "could not convert string to float: \(try vm.repr(bytesLike))"))
            default:
                // CPython's `PyNumber_Float`: a class's `__float__`, then its `__index__`.
                return .float(try vm.floatArgument(v) { "float() argument must be a string or a real number, not '\($0.typeName)'" })
            }
        }
        ctor(BuiltinTypes.complex) { vm, args, kwargs in try vm.makeComplex(args, kwargs, exactType: true) }
        ctor(BuiltinTypes.str) { vm, args, _ in
            if args.count > 3 { throw vm.typeError("str() takes at most 3 arguments (\(args.count) given)") }
            // str(obj, encoding[, errors]) decodes a bytes-like object (`PyUnicode_FromEncodedObject`).
            if args.count > 1 {
                if case .str = args[0] { throw vm.typeError("decoding str is not supported") }
                guard case .object(let o) = args[0], let bytes = o as? PyBytes else {
                    throw vm.typeError("decoding to str: need a bytes-like object, \(args[0].typeName) found")
                }
                var texts: [String] = []
                for (i, v) in args.dropFirst().enumerated() {
                    guard case .str(let s) = v else {
                        throw vm.typeError("str() argument '\(i == 0 ? "encoding" : "errors")' must be str, not \(v.typeName)")
                    }
                    texts.append(s)
                }
                return .str(try vm.decode(bytes.bytes, encoding: texts[0], errors: texts.count > 1 ? texts[1] : "strict"))
            }
            return .str(args.isEmpty ? "" : try vm.str(args[0])) }
        ctor(BuiltinTypes.bool, .positional(min: 0, max: 1)) { vm, args, _ in .bool(args.isEmpty ? false : try vm.truthy(args[0])) }
        ctor(BuiltinTypes.list, .positional(min: 0, max: 1)) { vm, args, _ in .object(PyList(args.isEmpty ? [] : try vm.iterate(args[0]))) }
        ctor(BuiltinTypes.tuple, .positional(min: 0, max: 1)) { vm, args, _ in .object(PyTuple(args.isEmpty ? [] : try vm.iterate(args[0]))) }
        ctor(BuiltinTypes.dict) { vm, args, kwargs in .object(try vm.makeDict(args, kwargs)) }
        ctor(BuiltinTypes.range, .positional(min: 1, max: 3)) { vm, args, _ in
            var ints: [Int] = []
            var bigs: [BigInt] = []
            for given in args {
                let a = try vm.pythonIndex(given) ?? given
                switch a {
                case .int(let i): ints.append(i)
                case .bool(let b): ints.append(b ? 1 : 0)
                case .object(let o as PyLong): ints.append(0); bigs.append(o.value)
                default: throw vm.typeError("'\(a.typeName)' object cannot be interpreted as an integer")
                }
                if bigs.count < ints.count, let last = ints.last { bigs.append(BigInt(last)) }
            }
            // A bound past 64 bits: CPython's range keeps Python ints (PyLongRange).
            if args.contains(where: \.isBigInteger) {
                let (start, stop, step): (BigInt, BigInt, BigInt) = bigs.count == 1 ? (0, bigs[0], 1)
                    : (bigs[0], bigs[1], bigs.count > 2 ? bigs[2] : 1)
                guard step != 0 else { throw PythonError(vm.makeException(BuiltinTypes.valueError, "range() arg 3 must not be zero")) }
                return .object(PyLongRange(start: start, stop: stop, step: step))
            }
            switch ints.count {
            case 1: return .object(PyRange(start: 0, stop: ints[0], step: 1))
            case 2: return .object(PyRange(start: ints[0], stop: ints[1], step: 1))
            case 3:
                guard ints[2] != 0 else { throw PythonError(vm.makeException(BuiltinTypes.valueError, "range() arg 3 must not be zero")) }
                return .object(PyRange(start: ints[0], stop: ints[1], step: ints[2]))
            default: throw vm.typeError("range expected at least 1 argument, got \(ints.count)")
            }
        }
        // `types.MethodType(function, instance)`: contextlib's ExitStack binds `__exit__`s.
        ctor(BuiltinTypes.method, .positional(min: 2, max: 2)) { vm, args, _ in
            guard vm.isCallable(args[0]) else { throw vm.typeError("first argument must be callable") }
            guard !args[1].isNone else { throw vm.typeError("instance must not be None") }
            return .object(PyBoundMethod(receiver: args[1], function: args[0]))
        }
        ctor(BuiltinTypes.bytes) { vm, args, kwargs in try vm.makeBytes(args, kwargs, byteArray: false) }
        ctor(BuiltinTypes.bytearray) { vm, args, kwargs in try vm.makeBytes(args, kwargs, byteArray: true) }
        ctor(BuiltinTypes.memoryview) { vm, args, kwargs in try vm.makeMemoryView(args, kwargs) }
        ctor(BuiltinTypes.type) { vm, args, kwargs in
            guard args.count == 1 || args.count == 3 else { throw vm.typeError("type() takes 1 or 3 arguments") }
            // type_new: when the bases' metaclass is more derived than `type`, that
            // metaclass makes the class (its `__new__`), and type_call runs its `__init__`.
            if args.count == 3, case .object(let b) = args[1], let bases = b as? PyTuple {
                let winner = try vm.calculateMetaclass(BuiltinTypes.type, bases.items)
                if winner !== BuiltinTypes.type { return try vm.instantiate(winner, args, kwargs) }
            }
            return try vm.typeNewSlot([.object(BuiltinTypes.type)] + args, kwargs)
        }
        for (cls, frozen) in [(BuiltinTypes.set, false), (BuiltinTypes.frozenset, true)] {
            ctor(cls) { vm, args, kwargs in
                if !kwargs.isEmpty { throw vm.typeError("\(cls.name)() takes no keyword arguments") }
                if args.count > 1 { throw vm.typeError("\(cls.name) expected at most 1 argument, got \(args.count)") }
                if frozen, case .object(let o)? = args.first, let s = o as? PySet, s.isFrozen { return args[0] }
                let s = PySet(frozen: frozen)
                if let source = args.first { try vm.setUpdate(s, source) }
                return .object(s)
            }
        }
    }

    package func single(_ args: [Value], _ name: String) throws -> Value {
        guard args.count == 1 else { throw typeError("\(name)() takes exactly one argument (\(args.count) given)") }
        return args[0]
    }

    /// `PyObject_IsInstance` (Objects/abstract.c): an exact type match first, a tuple
    /// (or a union's args) item by item, then the metaclass's `__instancecheck__` (`abc.ABCMeta`'s virtual
    /// subclasses), else the class's MRO.
    package func isInstance(_ v: Value, _ classInfo: Value) throws -> Bool {
        guard case .object(let o) = classInfo else {
            throw typeError("isinstance() arg 2 must be a type, a tuple of types, or a union")
        }
        if let cls = o as? PyClass {
            let own = classOf(v)
            if own === cls { return true }
            if let checker = cls.metaclass?.lookup("__instancecheck__") {
                return try truthy(try callSpecial(checker, classInfo, [v]))
            }
            return own.isSubclass(of: cls)
        }
        if let args = unionArgs(o) { return try isInstance(v, args) }
        if let t = o as? PyTuple {
            for item in t.items where try isInstance(v, item) { return true }
            return false
        }
        // Any other object whose class has `__instancecheck__` (a GenericAlias refuses).
        if let checker = userMethod(classInfo, "__instancecheck__") {
            return try truthy(try callSpecial(checker, classInfo, [v]))
        }
        throw typeError("isinstance() arg 2 must be a type, a tuple of types, or a union")
    }

    /// `min` / `max` over one iterable or several arguments, with `key=` and `default=`.
    private func extreme(_ args: [Value], _ kwargs: [(String, Value)], _ name: String,
                         _ better: (Value, Value) throws -> Bool) throws -> Value {
        if args.isEmpty { throw typeError("\(name) expected at least 1 argument, got 0") }
        let key = kwargs.first { $0.0 == "key" }?.1
        let defaultValue = kwargs.first { $0.0 == "default" }?.1
        let items = args.count == 1 ? try iterate(args[0]) : args
        guard var best = items.first else {
            if let defaultValue { return defaultValue }
            throw PythonError(makeException(BuiltinTypes.valueError, "\(name)() arg is an empty sequence"))
        }
        var bestKey = try key.map { try callNow($0, [best]) } ?? best
        for item in items.dropFirst() {
            let k = try key.map { try callNow($0, [item]) } ?? item
            if try better(k, bestKey) {
                best = item
                bestKey = k
            }
        }
        return best
    }

    /// A stable merge sort using only `<`, as Python's sort does.
    package func sortedValues(_ items: [Value], _ kwargs: [(String, Value)]) throws -> [Value] {
        let key = kwargs.first { $0.0 == "key" }?.1
        let reverse = try kwargs.first { $0.0 == "reverse" }.map { try truthy($0.1) } ?? false
        let keys = try items.map { item in try key.flatMap { $0.isNone ? nil : $0 }.map { try callNow($0, [item]) } ?? item }
        var order = Array(items.indices)
        var comparisons = 0
        // Python reverses by sorting with the comparison flipped while keeping stability.
        try mergeSort(&order) { a, b in
            comparisons &+= 1
            return reverse ? try lessThan(keys[b], keys[a]) : try lessThan(keys[a], keys[b])
        }
        // The cost model charges the comparisons (a merge sort makes n·log n of them even
        // on sorted input, where CPython's timsort makes n: that case is overcharged).
        extraWork &+= comparisons &* CPUCost.compareWork
        return order.map { items[$0] }
    }

    private func mergeSort(_ a: inout [Int], _ less: (Int, Int) throws -> Bool) throws {
        guard a.count > 1 else { return }
        var left = Array(a[..<(a.count / 2)])
        var right = Array(a[(a.count / 2)...])
        try mergeSort(&left, less)
        try mergeSort(&right, less)
        var i = 0, j = 0, k = 0
        while i < left.count && j < right.count {
            if try less(right[j], left[i]) { a[k] = right[j]; j += 1 } else { a[k] = left[i]; i += 1 }
            k += 1
        }
        while i < left.count { a[k] = left[i]; i += 1; k += 1 }
        while j < right.count { a[k] = right[j]; j += 1; k += 1 }
    }
}

import BigInt
import Foundation
