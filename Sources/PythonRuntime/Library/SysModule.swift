extension Interpreter {
    /// The exception being handled (`_PyErr_GetTopmostException`): the innermost frame's
    /// that handles one, so a function called from an `except` block sees it.
    package func handledException() -> PyException? {
        if let exc = activeFrame?.handled { return exc }
        for frame in (currentFiber?.frames ?? []).reversed() {
            if let exc = frame.handled { return exc }
        }
        return nil
    }
}

/// `sys`, which CPython builds into the interpreter: the parts programs use. Its streams
/// write where `print` does (stdout) and where tracebacks go (stderr); `argv` is the
/// scenario's path; `exc_info()` is the exception the calling frame is handling.
extension NativeModules {
    /// What `sys.version_info` says: the CPython loopscope mirrors.
    package static let versionInfo: [Value] = [.int(3), .int(11), .int(7), .str("final"), .int(0)]
    /// `sys.hexversion` of that version: 0x030B07F0.
    package static let hexVersion = 3 << 24 | 11 << 16 | 7 << 8 | 0xF0
    /// CPython's default `sys.getrecursionlimit()`.
    package static let recursionLimit = 1000

    package static func sys(_ vm: Interpreter) -> PyModule {
        let module = PyModule(name: "sys")
        func set(_ name: String, _ value: Value) { module.attributes[name] = value }
        set("__name__", .str("sys"))
        set("stdout", .object(PyTextStream(name: "<stdout>", write: { vm.writeOutput($0) })))
        set("stderr", .object(PyTextStream(name: "<stderr>", write: { vm.writeError($0) })))
        set("__stdout__", module.attributes["stdout"] ?? .none)
        set("__stderr__", module.attributes["stderr"] ?? .none)
        set("argv", .object(PyList([.str(vm.programPaths.first ?? "")])))
        set("version_info", .object(PyTuple(versionInfo)))
        set("modules", .object(vm.modules.dict))
        set("maxsize", .int(Int.max))
        // The numeric hash's parameters (PyHash.swift), which fractions and decimal hash by.
        set("hash_info", .object(PyStructSequence("sys.hash_info", [
            ("width", .int(64)), ("modulus", .int(PyHash.modulus)), ("inf", .int(PyHash.infinity)), ("nan", .int(0)),
            ("imag", .int(1_000_003)), ("algorithm", .str("siphash13")), ("hash_bits", .int(64)),
            ("seed_bits", .int(128)), ("cutoff", .int(0)),
        ])))
        set("float_info", .object(PyStructSequence("sys.float_info", [
            ("max", .float(.greatestFiniteMagnitude)), ("max_exp", .int(1024)), ("max_10_exp", .int(308)),
            ("min", .float(.leastNormalMagnitude)), ("min_exp", .int(-1021)), ("min_10_exp", .int(-307)),
            ("dig", .int(15)), ("mant_dig", .int(53)), ("epsilon", .float(.ulpOfOne)), ("radix", .int(2)), ("rounds", .int(1)),
        ])))
        // `python3 scenario.py`'s command-line flags: none given (locale asks utf8_mode).
        set("flags", .object(PyStructSequence("sys.flags", [
            ("debug", .int(0)), ("inspect", .int(0)), ("interactive", .int(0)), ("optimize", .int(0)),
            ("dont_write_bytecode", .int(0)), ("no_user_site", .int(0)), ("no_site", .int(0)),
            ("ignore_environment", .int(0)), ("verbose", .int(0)), ("bytes_warning", .int(0)), ("quiet", .int(0)),
            ("hash_randomization", .int(1)), ("isolated", .int(0)), ("dev_mode", .bool(false)), ("utf8_mode", .int(0)),
            ("warn_default_encoding", .int(0)), ("safe_path", .bool(false)), ("int_max_str_digits", .int(-1)),
        ])))
        // CPython's 30-bit digits on a 64-bit build, and its int/str conversion limit.
        set("int_info", .object(PyStructSequence("sys.int_info", [
            ("bits_per_digit", .int(30)), ("sizeof_digit", .int(4)), ("default_max_str_digits", .int(4300)),
            ("str_digits_check_threshold", .int(640)),
        ])))
        set("hexversion", .int(hexVersion))
        // A `types.SimpleNamespace` in CPython; `version` is `sys.version_info` (a plain
        // tuple here, see above).
        set("implementation", .object(PyStructSequence("namespace", [
            ("name", .str("cpython")), ("cache_tag", .str("cpython-311")), ("version", .object(PyTuple(versionInfo))),
            ("hexversion", .int(hexVersion)), ("_multiarch", .str("x86_64-linux-gnu")),
        ])))
        set("byteorder", .str("little"))
        set("platform", .str("linux"))
        set("builtin_module_names", .object(PyTuple(NativeModules.builtinNames.sorted().map { .str($0) })))
        set("exit", vm.nativeFunction("exit", owner: nil, .positional(min: 0, max: 1)) { vm, args, _ in
            throw PythonError(PyException(cls: BuiltinTypes.systemExit, args: args))
        })
        set("exc_info", vm.nativeFunction("exc_info", owner: nil, .noArguments) { vm, _, _ in
            guard let exc = vm.handledException() else { return .object(PyTuple([.none, .none, .none])) }
            return .object(PyTuple([.object(exc.cls), .object(exc), .none]))
        })
        set("exception", vm.nativeFunction("exception", owner: nil, .noArguments) { vm, _, _ in
            vm.handledException().map { .object($0) } ?? Value.none
        })
        set("_getframe", vm.nativeFunction("_getframe", owner: nil, .positional(min: 0, max: 1)) { vm, args, _ in
            let depth = args.first ?? .int(0)
            guard case .int(let n) = depth else {
                throw vm.typeError("'\(depth.typeName)' object cannot be interpreted as an integer")
            }
            return .object(try vm.getFrame(n))
        })
        set("getrecursionlimit", vm.nativeFunction("getrecursionlimit", owner: nil, .noArguments) { _, _, _ in
            .int(recursionLimit)
        })
        set("intern", vm.nativeFunction("intern", owner: nil, .oneArgument) { vm, args, _ in
            guard case .str = args[0] else { throw vm.typeError("intern() argument must be str, not \(args[0].typeName)") }
            return args[0]
        })
        return module
    }
}

/// `sys.stdout` / `sys.stderr`: text streams whose `write` goes to the run's output.
package final class PyTextStream: PyObject {
    package let name: String
    package let write: (String) -> Void

    package init(name: String, write: @escaping (String) -> Void) {
        self.name = name
        self.write = write
    }

    package override var pyClass: PyClass { Self.pyClass }
    package static let pyClass = PyClass(name: "TextIOWrapper", bases: [BuiltinTypes.object], module: "_io")

    package override class var nativeMethods: [String: PyBuiltin]? { methods }

    private static let methods: [String: PyBuiltin] = [
        "write": PyBuiltin.method("write", of: PyTextStream.self, owner: "TextIOWrapper", .oneArgument) { stream, vm, args, _ in
            guard case .str(let text) = args[0] else {
                throw vm.typeError("write() argument must be str, not \(args[0].typeName)")
            }
            stream.write(text)
            return .int(text.unicodeScalars.count)
        },
        "flush": PyBuiltin.method("flush", of: PyTextStream.self, owner: "TextIOWrapper") { _, _, _, _ in .none },
        "isatty": PyBuiltin.method("isatty", of: PyTextStream.self, owner: "TextIOWrapper") { _, _, _, _ in .false },
    ]

    package override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        switch name {
        case "name": return .str(self.name)
        case "encoding": return .str("utf-8")
        case "mode": return .str("w")
        default: return nil
        }
    }

    package override func pythonRepr(_ vm: Interpreter) throws -> String? {
        "<_io.TextIOWrapper name='\(name)' mode='w' encoding='utf-8'>"
    }
}
