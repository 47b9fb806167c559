/// CPython's builtin hash modules, written in C (`Modules/md5module.c`, `sha1module.c`,
/// `sha256module.c`, `sha512module.c`): `_md5.md5`, `_sha1.sha1`, `_sha256.sha224` and
/// `sha256`, `_sha512.sha384` and `sha512`, the constructors `Lib/hashlib.py` falls back
/// to where there is no OpenSSL `_hashlib` (as here). Each takes `(string=b'', *,
/// usedforsecurity=True)` and makes a hash object with `update`, `digest`, `hexdigest`,
/// `copy`, `name`, `digest_size` and `block_size`.
enum HashModules {
    /// The module of each algorithm.
    static let modules: [String: [MessageDigest.Algorithm]] = [
        "_md5": [.md5], "_sha1": [.sha1], "_sha256": [.sha224, .sha256], "_sha512": [.sha384, .sha512],
    ]

    static func make(_ name: String, _ vm: Interpreter) -> PyModule? {
        guard let algorithms = modules[name] else { return nil }
        let module = PyModule(name: name)
        module.attributes["__name__"] = .str(name)
        for algorithm in algorithms {
            let constructor = algorithm.rawValue
            module.attributes[constructor] = vm.nativeFunction(constructor, owner: nil,
                .clinic(positionalOnly: 0, positionalOrKeyword: ["string"], keywordOnly: ["usedforsecurity"])) { vm, args, _ in
                let hash = PyHashObject(algorithm)
                if let data = args.first { hash.state.update(try PyHashObject.hashedBytes(data, vm)) }
                return .object(hash)
            }
        }
        return module
    }
}

/// A hash object of the builtin modules (`_sha256.sha256` and its kin).
package final class PyHashObject: PyObject {
    package var state: MessageDigest

    package init(_ algorithm: MessageDigest.Algorithm) {
        state = MessageDigest(algorithm)
    }

    private static let classes: [MessageDigest.Algorithm: PyClass] = {
        var classes: [MessageDigest.Algorithm: PyClass] = [:]
        for (module, algorithms) in HashModules.modules {
            for algorithm in algorithms {
                classes[algorithm] = PyClass(name: algorithm.rawValue, bases: [BuiltinTypes.object], module: module)
            }
        }
        return classes
    }()

    package override var pyClass: PyClass { Self.classes[state.algorithm] ?? BuiltinTypes.object }

    /// `GET_BUFFER_VIEW_OR_ERROUT` (Modules/hashlib.h): what may be hashed, and its messages.
    static func hashedBytes(_ data: Value, _ vm: Interpreter) throws -> [UInt8] {
        if case .str = data { throw vm.typeError("Strings must be encoded before hashing") }
        guard let bytes = data.byteValues else { throw vm.typeError("object supporting the buffer API required") }
        return bytes
    }

    package override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        switch name {
        case "name": return .str(state.algorithm.rawValue)
        case "digest_size": return .int(state.algorithm.digestSize)
        case "block_size": return .int(state.algorithm.blockSize)
        default: return nil
        }
    }

    package override class var nativeMethods: [String: PyBuiltin]? { methods }

    private static let methods: [String: PyBuiltin] = {
        typealias Body = (PyHashObject, Interpreter, MethodArguments, [(String, Value)]) throws -> Value
        func m(_ name: String, _ signature: NativeSignature, _ body: @escaping Body) -> (String, PyBuiltin) {
            (name, PyBuiltin.method(name, of: PyHashObject.self, owner: "HASH", signature, body))
        }
        return Dictionary(uniqueKeysWithValues: [
            m("update", .oneArgument) { h, vm, args, _ in
                h.state.update(try hashedBytes(args[0], vm))
                return .none
            },
            m("digest", .noArguments) { h, _, _, _ in .object(PyBytes(h.state.digest())) },
            m("hexdigest", .noArguments) { h, vm, _, _ in
                .str(try vm.hexString(h.state.digest(), sep: .none, bytesPerSep: .int(1)))
            },
            m("copy", .noArguments) { h, _, _, _ in
                let copy = PyHashObject(h.state.algorithm)
                copy.state = h.state
                return .object(copy)
            },
        ])
    }()
}
