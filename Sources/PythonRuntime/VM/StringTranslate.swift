/// `str.maketrans` and `str.translate`, as CPython's `unicode_maketrans_impl` and
/// `_PyUnicode_TranslateCharmap`: a table maps code points (ints) to a code point, a
/// string, or None (delete); code points the table lacks (a LookupError) are kept.
extension Interpreter {
    package static func maketrans(_ vm: Interpreter, _ args: [Value]) throws -> Value {
        guard (1...3).contains(args.count) else {
            throw vm.typeError("maketrans expected at most 3 arguments, got \(args.count)")
        }
        let table = PyDict()
        if args.count == 1 {
            guard case .object(let o) = args[0], let d = o as? PyDict else {
                throw vm.typeError("if you give only one argument to maketrans it must be a dict")
            }
            for (key, value) in d.entries {
                switch key {
                case .int: table.set(key, value)
                case .str(let s):
                    let scalars = Array(s.unicodeScalars)
                    guard scalars.count == 1 else {
                        throw PythonError(vm.makeException(BuiltinTypes.valueError, "string keys in translate table must be of length 1"))
                    }
                    table.set(.int(Int(scalars[0].value)), value)
                default:
                    throw vm.typeError("keys in translate table must be strings or integers")
                }
            }
            return .object(table)
        }
        guard case .str(let x) = args[0] else { throw vm.typeError("maketrans() argument 1 must be str, not \(args[0].typeName)") }
        guard case .str(let y) = args[1] else { throw vm.typeError("maketrans() argument 2 must be str, not \(args[1].typeName)") }
        let from = Array(x.unicodeScalars), to = Array(y.unicodeScalars)
        guard from.count == to.count else {
            throw PythonError(vm.makeException(BuiltinTypes.valueError, "the first two maketrans arguments must have equal length"))
        }
        for (a, b) in zip(from, to) { table.set(.int(Int(a.value)), .int(Int(b.value))) }
        if args.count == 3 {
            guard case .str(let z) = args[2] else { throw vm.typeError("maketrans() argument 3 must be str, not \(args[2].typeName)") }
            for c in z.unicodeScalars { table.set(.int(Int(c.value)), .none) }
        }
        return .object(table)
    }

    package static func translate(_ vm: Interpreter, _ s: String, _ table: Value) throws -> Value {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            guard let mapped = try vm.nilOn(BuiltinTypes.lookupError, { try vm.getItem(table, .int(Int(c.value))) }) else {
                out.append(c)
                continue
            }
            switch mapped {
            case .none: continue
            case .int(let i):
                guard i >= 0, i < 0x110000, let scalar = Unicode.Scalar(UInt32(i)) else {
                    throw PythonError(vm.makeException(BuiltinTypes.valueError, "character mapping must be in range(0x110000)"))
                }
                out.append(scalar)
            case .str(let r): out.append(contentsOf: r.unicodeScalars)
            default: throw vm.typeError("character mapping must return integer, None or str")
            }
        }
        return .str(String(out))
    }
}
