import ScenarioLanguage

/// `unicodedata`, which CPython writes in C (`Modules/unicodedata.c`): CPython 3.11's
/// character database (Unicode 14.0.0, `UnicodeDatabase`) with its functions' argument
/// checks and error messages. `ucd_3_2_0` (the old database idna uses) is not provided.
package enum UnicodeDataModule {
    package static func make(_ vm: Interpreter) -> PyModule {
        let module = PyModule(name: "unicodedata")
        module.attributes["__name__"] = .str("unicodedata")
        module.attributes["unidata_version"] = .str(UnicodeDatabase.version)

        /// The one code point of a str of length 1, or CPython's TypeError naming `function`.
        func character(_ vm: Interpreter, _ v: Value, _ function: String, numbered: Bool) throws -> UInt32 {
            let plain = vm.derivedValue(v) ?? v
            let argument = numbered ? "argument 1" : "argument"
            guard case .str(let s) = plain else {
                throw vm.typeError("\(function)() \(argument) must be a unicode character, not \(v.typeName)")
            }
            let scalars = s.unicodeScalars
            guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else {
                throw vm.typeError("\(function)() \(argument) must be a unicode character, not str")
            }
            return first.value
        }
        func valueError(_ vm: Interpreter, _ message: String) -> PythonError {
            PythonError(vm.makeException(BuiltinTypes.valueError, message))
        }
        /// A property of one character: `category(chr)`, `combining(chr)`, ...
        func property(_ name: String, _ body: @escaping (UInt32) -> Value) {
            module.attributes[name] = vm.nativeFunction(name, owner: nil, .oneArgument) { vm, args, _ in
                body(try character(vm, args[0], name, numbered: false))
            }
        }
        property("category") { .str(UnicodeDatabase.category($0)) }
        property("bidirectional") { .str(UnicodeDatabase.bidirectional($0)) }
        property("east_asian_width") { .str(UnicodeDatabase.eastAsianWidth($0)) }
        property("combining") { .int(UnicodeDatabase.combining($0)) }
        property("mirrored") { .int(UnicodeDatabase.mirrored($0)) }
        property("decomposition") { .str(UnicodeDatabase.decomposition($0)) }

        /// `name(chr[, default])`, `decimal`, `digit`, `numeric`: the value, else the
        /// default when one is given, else ValueError.
        func withDefault(_ name: String, _ missing: String, _ body: @escaping (UInt32) -> Value?) {
            module.attributes[name] = vm.nativeFunction(name, owner: nil, .positional(min: 1, max: 2)) { vm, args, _ in
                let cp = try character(vm, args[0], name, numbered: true)
                if let v = body(cp) { return v }
                if args.count > 1 { return args[1] }
                throw valueError(vm, missing)
            }
        }
        withDefault("name", "no such name") { UnicodeDatabase.name($0).map(Value.str) }
        withDefault("decimal", "not a decimal") { UnicodeDatabase.decimal($0).map(Value.int) }
        withDefault("digit", "not a digit") { UnicodeDatabase.digit($0).map(Value.int) }
        withDefault("numeric", "not a numeric character") { UnicodeDatabase.numeric($0).map(Value.float) }

        module.attributes["lookup"] = vm.nativeFunction("lookup", owner: nil, .oneArgument) { vm, args, _ in
            guard case .str(let name) = vm.derivedValue(args[0]) ?? args[0] else {
                throw vm.typeError("lookup() argument must be str, not \(args[0].typeName)")
            }
            // CPython's NAME_MAXLEN.
            guard name.utf8.count <= 256 else { throw PythonError(vm.makeException(BuiltinTypes.keyError, "name too long")) }
            guard let cp = UnicodeDatabase.lookup(name), let scalar = Unicode.Scalar(cp) else {
                throw PythonError(vm.makeException(BuiltinTypes.keyError, "undefined character name '\(name)'"))
            }
            return .str(String(Character(scalar)))
        }

        func normalizing(_ name: String, _ body: @escaping (UnicodeNormalization.Form, [UInt32], String) -> Value) {
            module.attributes[name] = vm.nativeFunction(name, owner: nil, .positional(min: 2, max: 2)) { vm, args, _ in
                guard case .str(let formName) = vm.derivedValue(args[0]) ?? args[0] else {
                    throw vm.typeError("\(name)() argument 1 must be str, not \(args[0].typeName)")
                }
                guard case .str(let s) = vm.derivedValue(args[1]) ?? args[1] else {
                    throw vm.typeError("\(name)() argument 2 must be str, not \(args[1].typeName)")
                }
                guard let form = UnicodeNormalization.Form(rawValue: formName) else {
                    throw valueError(vm, "invalid normalization form")
                }
                return body(form, s.unicodeScalars.map(\.value), s)
            }
        }
        normalizing("normalize") { form, scalars, s in
            let out = UnicodeNormalization.normalize(form, scalars)
            if out == scalars { return .str(s) }
            var text = String.UnicodeScalarView()
            for cp in out { if let scalar = Unicode.Scalar(cp) { text.append(scalar) } }
            return .str(String(text))
        }
        normalizing("is_normalized") { form, scalars, _ in .bool(UnicodeNormalization.isNormalized(form, scalars)) }
        return module
    }
}
