/// `_string`, the C helpers behind Lib/string.py's `Formatter` (Objects/unicodeobject.c's
/// `formatter_parser` and `formatter_field_name_split`), on the same markup and field-name
/// scanners `str.format` uses (StringFormat.swift), so both accept and refuse the same
/// format strings with the same messages. Both return lazy iterators, as CPython's do: a
/// malformed field is reported when the iteration reaches it.
enum StringModule {
    static let formatterIterator = PyClass(name: "formatteriterator", bases: [BuiltinTypes.object], module: "builtins")
    static let fieldNameIterator = PyClass(name: "fieldnameiterator", bases: [BuiltinTypes.object], module: "builtins")

    static func make(_ vm: Interpreter) -> PyModule {
        let module = PyModule(name: "_string")
        module.attributes["__name__"] = .str("_string")
        module.attributes["__doc__"] = .str("string helper module")
        func text(_ v: Value) throws -> String {
            guard case .str(let s) = v else { throw vm.typeError("expected str, got \(v.typeName)") }
            return s
        }
        // (literal, field name, format spec, conversion): the name and spec are None when no
        // field follows the literal; the spec is a str (maybe empty) when one does; the
        // conversion is None when the field has none.
        module.attributes["formatter_parser"] = vm.nativeFunction("formatter_parser", owner: nil, .oneArgument) { vm, args, _ in
            var rest = Array(try text(args[0]).unicodeScalars)[...]
            let iterator = PyIterator(.stepper { vm in
                guard let (literal, field) = try vm.markupNext(&rest) else { return nil }
                let string = { (s: Interpreter.FormatScalars) in Value.str(CodePoints.string(s)) }
                guard let field else { return .object(PyTuple([string(literal), .none, .none, .none])) }
                let conversion = field.conversion.map { Value.str(String($0)) } ?? .none
                return .object(PyTuple([string(literal), string(field.name), string(field.spec), conversion]))
            }, type: formatterIterator)
            return .object(iterator)
        }
        // (first, rest): first is an int when it is all decimal digits, else a str; rest
        // gives (is_attribute, key) pairs, a key in brackets an int when it is all digits.
        module.attributes["formatter_field_name_split"] = vm.nativeFunction("formatter_field_name_split", owner: nil, .oneArgument) { vm, args, _ in
            let name = Array(try text(args[0]).unicodeScalars)[...]
            var i = name.startIndex
            while i < name.endIndex, name[i] != ".", name[i] != "[" { i += 1 }
            let first = name[name.startIndex..<i]
            let firstValue: Value = try vm.formatIndex(first).map { .int($0) } ?? .str(CodePoints.string(first))
            var rest = name[i...]
            let iterator = PyIterator(.stepper { vm in
                guard let (isAttribute, part) = try vm.fieldNameNext(&rest) else { return nil }
                let key: Value = isAttribute ? .str(CodePoints.string(part))
                    : try vm.formatIndex(part).map { .int($0) } ?? .str(CodePoints.string(part))
                return .object(PyTuple([.bool(isAttribute), key]))
            }, type: fieldNameIterator)
            return .object(PyTuple([firstValue, .object(iterator)]))
        }
        return module
    }
}
