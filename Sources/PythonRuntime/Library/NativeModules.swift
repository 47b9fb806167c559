import BigInt
import ScenarioLanguage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The modules CPython writes in C that the simulator provides natively, made on first
/// import: `math` (the functions programs use, on C's libm as CPython's are), `_random`
/// (the Mersenne Twister behind `Lib/random.py`) and `_collections` (`deque`,
/// `defaultdict`, `OrderedDict`, `Counter`, for `Lib/collections`), `sys` (SysModule),
/// `_json` (JSONScanner), `_sre` (SREModule, the matcher behind `Lib/re`),
/// `unicodedata` (UnicodeDataModule), `_operator` (OperatorModule), `_string`
/// (StringModule), `binascii` (BinasciiModule) and the hash modules `_md5`, `_sha1`,
/// `_sha256` and `_sha512` (HashModules), `_weakref` (WeakReferences) and `atexit`
/// (AtexitModule).
package enum NativeModules {
    /// Modules CPython compiles into the interpreter (`sys.builtin_module_names`) that
    /// loopscope provides: `sys` here, `time` (on the virtual clock) by the simulator.
    package static let builtinNames: Set<String> = ["time", "sys", "builtins"]

    package static let names: Set<String> = ["math", "_random", "_collections", "sys", "linecache", "_traceback", "_json", "_sre", "builtins", "unicodedata", "cmath", "_operator", "_string", "binascii", "_md5", "_sha1", "_sha256", "_sha512", "_weakref", "atexit"]

    package static func make(_ name: String, _ vm: Interpreter) -> PyModule? {
        if let make = vm.hostModules[name] { return make(vm) }
        switch name {
        case "linecache": return linecache(vm)
        case "_traceback": return traceback(vm)
        case "_json": return JSONModule.make(vm)
        case "_sre": return SREModule.make(vm)
        case "unicodedata": return UnicodeDataModule.make(vm)
        case "math": return math(vm)
        case "cmath": return CMathModule.make(vm)
        case "_operator": return OperatorModule.make(vm)
        case "_string": return StringModule.make(vm)
        case "binascii": return BinasciiModule.make(vm)
        case "_md5", "_sha1", "_sha256", "_sha512": return HashModules.make(name, vm)
        case "_weakref": return WeakrefModule.make(vm)
        case "atexit": return AtexitModule.make(vm)
        case "_random": return random(vm)
        case "_collections": return collections(vm)
        case "sys": return sys(vm)
        case "builtins": return builtins(vm)
        default: return nil
        }
    }

    /// `builtins`: the names every module sees without importing (enum reaches
    /// `builtins.property` past its own `property`).
    private static func builtins(_ vm: Interpreter) -> PyModule {
        let module = PyModule(name: "builtins")
        for (name, value) in vm.builtins { module.attributes[name] = value }
        module.attributes["__name__"] = .str("builtins")
        return module
    }

    // MARK: math

    private static func math(_ vm: Interpreter) -> PyModule {
        let module = PyModule(name: "math")
        module.attributes["__name__"] = .str("math")
        module.attributes["pi"] = .float(Double.pi)
        module.attributes["e"] = .float(M_E)
        module.attributes["tau"] = .float(2 * Double.pi)
        module.attributes["inf"] = .float(.infinity)
        module.attributes["nan"] = .float(.nan)
        func number(_ vm: Interpreter, _ v: Value) throws -> Double {
            try vm.floatArgument(v) { "must be real number, not \($0.typeName)" }
        }
        func domainError(_ vm: Interpreter) -> PythonError {
            PythonError(vm.makeException(BuiltinTypes.valueError, "math domain error"))
        }
        /// A one-argument libm function; `domain` says where CPython raises "math domain error".
        func unary(_ name: String, domain: @escaping (Double) -> Bool = { _ in true }, _ f: @escaping (Double) -> Double) {
            module.attributes[name] = vm.nativeFunction(name, owner: nil, .oneArgument) { vm, args, _ in
                let x = try number(vm, args[0])
                guard x.isNaN || domain(x) else { throw domainError(vm) }
                return .float(f(x))
            }
        }
        unary("sqrt", domain: { $0 >= 0 }, sqrt)
        unary("exp", exp)
        unary("cos", domain: { $0.isFinite }, cos)
        unary("sin", domain: { $0.isFinite }, sin)
        unary("tan", domain: { $0.isFinite }, tan)
        unary("acos", domain: { abs($0) <= 1 }, acos)
        unary("asin", domain: { abs($0) <= 1 }, asin)
        unary("atan", atan)
        unary("fabs", fabs)
        unary("log2", domain: { $0 > 0 }, log2)
        unary("log10", domain: { $0 > 0 }, log10)
        module.attributes["log"] = vm.nativeFunction("log", owner: nil, .positional(min: 1, max: 2)) { vm, args, _ in
            let x = try number(vm, args[0])
            guard x.isNaN || x > 0 else { throw domainError(vm) }
            guard args.count == 2 else { return .float(log(x)) }
            let base = try number(vm, args[1])
            guard base.isNaN || base > 0 else { throw domainError(vm) }
            let denominator = log(base)
            guard denominator != 0 else { throw PythonError(vm.makeException(BuiltinTypes.zeroDivisionError, "float division by zero")) }
            return .float(log(x) / denominator)
        }
        module.attributes["atan2"] = vm.nativeFunction("atan2", owner: nil, .positional(min: 2, max: 2)) { vm, args, _ in
            .float(atan2(try number(vm, args[0]), try number(vm, args[1])))
        }
        // `math_hypot` and `math_dist`: the absolute coordinates (differences) and their
        // largest, for `vector_norm`.
        module.attributes["hypot"] = vm.nativeFunction("hypot", owner: nil, .positional(min: 0, max: Int.max)) { vm, args, _ in
            var coordinates: [Double] = [], largest = 0.0, foundNaN = false
            for arg in args {
                let x = abs(try number(vm, arg))
                coordinates.append(x)
                foundNaN = foundNaN || x.isNaN
                if x > largest { largest = x }
            }
            return .float(MathVectorNorm.norm(coordinates, max: largest, foundNaN: foundNaN))
        }
        module.attributes["dist"] = vm.nativeFunction("dist", owner: nil, .positional(min: 2, max: 2)) { vm, args, _ in
            // A point that is not a tuple is made one (`PySequence_Tuple`).
            func point(_ v: Value) throws -> [Value] {
                if let tuple = v.asObject as? PyTuple { return tuple.items }
                return try vm.iterate(v)
            }
            let p = try point(args[0]), q = try point(args[1])
            guard p.count == q.count else {
                throw PythonError(vm.makeException(BuiltinTypes.valueError, "both points must have the same number of dimensions"))
            }
            var differences: [Double] = [], largest = 0.0, foundNaN = false
            for (px, qx) in zip(p, q) {
                let x = abs(try number(vm, px) - number(vm, qx))
                differences.append(x)
                foundNaN = foundNaN || x.isNaN
                if x > largest { largest = x }
            }
            return .float(MathVectorNorm.norm(differences, max: largest, foundNaN: foundNaN))
        }
        // `math_1a`: the function's errno decides (`is_error`: an ERANGE result under 1.5
        // in size is an underflow, not an error).
        for (name, f) in [("gamma", MathGamma.tgamma), ("lgamma", MathGamma.lgamma)] {
            module.attributes[name] = vm.nativeFunction(name, owner: nil, .oneArgument) { vm, args, _ in
                let (r, errno) = f(try number(vm, args[0]))
                switch errno {
                case .domain?: throw domainError(vm)
                case .range? where abs(r) >= 1.5:
                    throw PythonError(vm.makeException(BuiltinTypes.overflowError, "math range error"))
                default: return .float(r)
                }
            }
        }
        module.attributes["pow"] = vm.nativeFunction("pow", owner: nil, .positional(min: 2, max: 2)) { vm, args, _ in
            let x = try number(vm, args[0]), y = try number(vm, args[1])
            if x == 0, y < 0 { throw domainError(vm) }
            if x < 0, y != y.rounded(), x.isFinite, y.isFinite { throw domainError(vm) }
            return .float(pow(x, y))
        }
        for (name, test) in [("isfinite", { (x: Double) in x.isFinite }), ("isinf", { $0.isInfinite }), ("isnan", { $0.isNaN })] {
            module.attributes[name] = vm.nativeFunction(name, owner: nil, .oneArgument) { vm, args, _ in
                .bool(test(try number(vm, args[0])))
            }
        }
        MathIntegers.install(into: module, vm)
        MathFloats.install(into: module, vm)
        return module
    }

    // MARK: linecache

    /// `linecache`: the lines of the program's own files and of `Lib/`'s, as loaded (the
    /// simulator reads no other files, so any other file has no lines, as a missing one).
    private static func linecache(_ vm: Interpreter) -> PyModule {
        // A file's lines as `readlines()` has them: no empty line after a final newline.
        func lineCount(_ source: SourceText) -> Int {
            source.lines.last == "" ? source.lines.count - 1 : source.lines.count
        }
        let module = PyModule(name: "linecache")
        module.attributes["__name__"] = .str("linecache")
        let signature = NativeSignature.python(parameters: ["filename", "lineno", "module_globals"], required: 2, isMethod: false)
        module.attributes["getline"] = vm.nativeFunction("getline", owner: nil, signature) { vm, args, _ in
            guard case .str(let file) = args[0], case .int(let n) = args[1], let source = vm.sources[file],
                  n >= 1, n <= lineCount(source) else { return .str("") }
            return .str((source.line(n) ?? "") + "\n")
        }
        let getlines = NativeSignature.python(parameters: ["filename", "module_globals"], required: 1, isMethod: false)
        module.attributes["getlines"] = vm.nativeFunction("getlines", owner: nil, getlines) { vm, args, _ in
            guard case .str(let file) = args[0], let source = vm.sources[file], lineCount(source) > 0 else { return .object(PyList()) }
            return .object(PyList((1...lineCount(source)).map { .str((source.line($0) ?? "") + "\n") }))
        }
        for name in ["clearcache", "checkcache"] {
            module.attributes[name] = vm.nativeFunction(name, owner: nil, .positional(min: 0, max: 1)) { _, _, _ in .none }
        }
        return module
    }

    // MARK: _traceback

    /// What `Lib/traceback.py` formats with: the simulator has no traceback or frame
    /// objects behind an exception, only the entries it recorded as it unwound.
    /// `format_exception(exc, chain)` gives the text an uncaught exception prints, in the
    /// pieces `TracebackException.format` yields (a `File` line with its source line is
    /// one piece; a chaining message with its blank lines is one).
    private static func traceback(_ vm: Interpreter) -> PyModule {
        let module = PyModule(name: "_traceback")
        module.attributes["__name__"] = .str("_traceback")
        let signature = NativeSignature.python(parameters: ["exc", "chain"], required: 2, isMethod: false)
        module.attributes["format_exception"] = vm.nativeFunction("format_exception", owner: nil, signature) { vm, args, _ in
            guard case .object(let o) = args[0], let exc = o as? PyException else {
                throw vm.typeError("Exception expected for value, \(args[0].typeName) found")
            }
            let text = vm.formatTraceback(exc, chain: try vm.truthy(args[1]), style: .library)
            var pieces: [String] = []
            var pendingMessage: String?
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map({ String($0) + "\n" }) {
                if let message = pendingMessage {
                    pendingMessage = message + line
                    if line == "\n", message != "\n" {
                        pieces.append(message + line)
                        pendingMessage = nil
                    }
                } else if line == "\n" {
                    pendingMessage = line
                } else if line.hasPrefix("    "), let last = pieces.last, last.hasPrefix("  File ") {
                    pieces[pieces.count - 1] = last + line
                } else {
                    pieces.append(line)
                }
            }
            if let message = pendingMessage { pieces.append(message) }
            return .object(PyList(pieces.map { .str($0) }))
        }
        return module
    }

    // MARK: _collections

    private static func collections(_ vm: Interpreter) -> PyModule {
        let module = PyModule(name: "_collections")
        module.attributes["__name__"] = .str("_collections")
        module.attributes["deque"] = .object(PyDeque.pyClass)
        vm.nativeConstructors[ObjectIdentifier(PyDeque.pyClass)] = PyDeque.construct
        module.attributes["defaultdict"] = .object(BuiltinTypes.defaultdict)
        vm.nativeConstructors[ObjectIdentifier(BuiltinTypes.defaultdict)] = { vm, args, kwargs in
            // defdict_init: the factory first (callable or None), the rest as dict()'s.
            let factory = args.first ?? .none
            guard factory.isNone || vm.isCallable(factory) else {
                throw vm.typeError("first argument must be callable or None")
            }
            let d = try vm.makeDict(Array(args.dropFirst()), kwargs, name: "defaultdict")
            d.flavor = .defaultdict(factory: factory)
            return .object(d)
        }
        module.attributes["Counter"] = .object(BuiltinTypes.counter)
        vm.nativeConstructors[ObjectIdentifier(BuiltinTypes.counter)] = { vm, args, kwargs in try vm.makeCounter(args, kwargs) }
        module.attributes["OrderedDict"] = .object(BuiltinTypes.orderedDict)
        vm.nativeConstructors[ObjectIdentifier(BuiltinTypes.orderedDict)] = { vm, args, kwargs in
            let d = try vm.makeDict(args, kwargs, name: "OrderedDict")
            d.flavor = .ordered
            return .object(d)
        }
        return module
    }

    // MARK: _random

    /// `_random.Random`: a generator object with `random`, `getrandbits` and `seed`.
    package static let randomClass = PyClass(name: "Random", bases: [BuiltinTypes.object], module: "_random")

    private static func random(_ vm: Interpreter) -> PyModule {
        let module = PyModule(name: "_random")
        module.attributes["__name__"] = .str("_random")
        module.attributes["Random"] = .object(randomClass)
        vm.nativeConstructors[ObjectIdentifier(randomClass)] = { vm, args, kwargs in
            _ = try vm.bindNative("Random", .positional(min: 0, max: 1), args, kwargs)
            let generator = PyRandomGenerator(seed: 0)
            if let seed = args.first { try generator.seed(seed, vm) }
            return .object(generator)
        }
        return module
    }
}

/// An instance of `_random.Random`.
package final class PyRandomGenerator: PyObject {
    /// What an unseeded generator (`random.seed()`, `Random()`) is seeded with: CPython
    /// seeds from the operating system, which no run could repeat; loopscope's runs repeat.
    package static let unseededSeed = 0

    package var twister: MersenneTwister

    package init(seed: Int) {
        twister = MersenneTwister(seed: seed)
    }

    package override var pyClass: PyClass { NativeModules.randomClass }

    /// `random_seed`: None; an int (bools are ints) by its absolute value; anything else by
    /// its hash, cast to an unsigned 64-bit number as C's `size_t`. (A str seed reaches
    /// here only with a version other than 1 or 2, and then, as its hash differs from
    /// CPython's randomized one, draws other numbers than CPython's.)
    package func seed(_ value: Value, _ vm: Interpreter) throws {
        if value.isNone {
            twister = MersenneTwister(seed: Self.unseededSeed)
        } else if let n = value.bigInteger {
            twister = MersenneTwister(magnitude: n.magnitude)
        } else {
            let hash = try vm.pythonHash(value)
            twister = MersenneTwister(magnitude: BigInt.Magnitude(UInt64(bitPattern: Int64(hash))))
        }
    }

    /// `PyLong_AsUnsignedLong`: an int (not an object with `__index__`) in 0..<2**64.
    fileprivate func unsignedLong(_ value: Value, _ vm: Interpreter) throws -> UInt64 {
        guard let n = value.bigInteger else {
            throw vm.typeError("an integer is required")
        }
        guard n.signum() >= 0 else {
            throw PythonError(vm.makeException(BuiltinTypes.overflowError, "can't convert negative int to unsigned"))
        }
        guard let word = UInt64(exactly: n) else {
            throw PythonError(vm.makeException(BuiltinTypes.overflowError, "Python int too large to convert to C unsigned long"))
        }
        return word
    }

    package override class var nativeMethods: [String: PyBuiltin]? { methods }

    private static let methods: [String: PyBuiltin] = {
        typealias Body = (PyRandomGenerator, Interpreter, MethodArguments, [(String, Value)]) throws -> Value
        func m(_ name: String, _ signature: NativeSignature, _ body: @escaping Body) -> (String, PyBuiltin) {
            (name, PyBuiltin.method(name, of: PyRandomGenerator.self, owner: "Random", signature, body))
        }
        return Dictionary(uniqueKeysWithValues: [
            m("random", .noArguments) { r, _, _, _ in .float(r.twister.random()) },
            m("getrandbits", .oneArgument) { r, vm, args, _ in
                guard case .int(let k) = args[0] else {
                    throw vm.typeError("'\(args[0].typeName)' object cannot be interpreted as an integer")
                }
                guard k >= 0 else { throw PythonError(vm.makeException(BuiltinTypes.valueError, "number of bits must be non-negative")) }
                guard k <= 62 else { return .integer(BigInt(r.twister.getrandbitsBig(k))) }
                return .int(r.twister.getrandbits(k))
            },
            m("seed", .positional(min: 0, max: 1)) { r, vm, args, _ in
                try r.seed(args.first ?? .none, vm)
                return .none
            },
            // `random_getstate`: the 624 words and the index, as a tuple of ints.
            m("getstate", .noArguments) { r, _, _, _ in
                let (words, index) = r.twister.state
                return .object(PyTuple(words.map { .int(Int($0)) } + [.int(index)]))
            },
            // `random_setstate`: each word as C's `unsigned long` (then cut to 32 bits), the
            // index as a `long` in 0...624.
            m("setstate", .oneArgument) { r, vm, args, _ in
                guard let tuple = args[0].asObject as? PyTuple else {
                    throw vm.typeError("state vector must be a tuple")
                }
                let size = MersenneTwister.stateSize
                guard tuple.items.count == size + 1 else {
                    throw PythonError(vm.makeException(BuiltinTypes.valueError, "state vector is the wrong size"))
                }
                var words: [UInt32] = []
                for item in tuple.items.prefix(size) {
                    words.append(UInt32(truncatingIfNeeded: try r.unsignedLong(item, vm)))
                }
                guard let indexValue = try vm.pythonIndex(tuple.items[size]) else {
                    throw vm.typeError("'\(tuple.items[size].typeName)' object cannot be interpreted as an integer")
                }
                guard let index = vm.intValue(indexValue) else {
                    throw PythonError(vm.makeException(BuiltinTypes.overflowError, "Python int too large to convert to C long"))
                }
                guard index >= 0, index <= size else {
                    throw PythonError(vm.makeException(BuiltinTypes.valueError, "invalid state"))
                }
                r.twister.state = (words, index)
                return .none
            },
        ])
    }()
}
