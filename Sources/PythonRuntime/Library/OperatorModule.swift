/// `_operator`, the C accelerator CPython's Lib/operator.py imports its functions from
/// (`from _operator import *`): loopscope provides the ones whose pure-Python definition
/// behaves differently from the C one — `index` (`PyNumber_Index`: a TypeError for what
/// has no `__index__`, where the Python `a.__index__()` raises AttributeError) — and
/// `_compare_digest`, which `hmac` takes as its `compare_digest`. The rest stay operator.py's pure-Python definitions, which give the same results.
enum OperatorModule {
    static func make(_ vm: Interpreter) -> PyModule {
        let module = PyModule(name: "_operator")
        module.attributes["__name__"] = .str("_operator")
        module.attributes["__doc__"] = .str("Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience.")
        module.attributes["index"] = vm.nativeFunction("index", owner: nil, .oneArgument) { vm, args, _ in
            guard let index = try vm.pythonIndex(args[0]) else {
                throw vm.typeError("'\(args[0].typeName)' object cannot be interpreted as an integer")
            }
            return index
        }
        // `_operator__compare_digest_impl`: two ASCII strs, or two bytes-like objects;
        // the whole length is compared whatever differs first (no early exit).
        module.attributes["_compare_digest"] = vm.nativeFunction("_compare_digest", owner: nil, .positional(min: 2, max: 2)) { vm, args, _ in
            let a: [UInt8], b: [UInt8]
            if case .str(let x) = args[0], case .str(let y) = args[1] {
                guard x.unicodeScalars.allSatisfy(\.isASCII), y.unicodeScalars.allSatisfy(\.isASCII) else {
                    throw vm.typeError("comparing strings with non-ASCII characters is not supported")
                }
                a = Array(x.utf8); b = Array(y.utf8)
            } else if args[0].byteValues == nil && args[1].byteValues == nil {
                throw vm.typeError("unsupported operand types(s) or combination of types: '\(args[0].typeName)' and '\(args[1].typeName)'")
            } else {
                a = try vm.bytesLike(args[0]); b = try vm.bytesLike(args[1])
            }
            var differences = UInt8(a.count == b.count ? 0 : 1)
            for (i, byte) in b.enumerated() { differences |= byte ^ (i < a.count ? a[i] : ~byte) }
            return .bool(differences == 0)
        }
        return module
    }
}
