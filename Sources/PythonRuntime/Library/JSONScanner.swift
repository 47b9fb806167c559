/// `_json`, which CPython writes in C for `Lib/json`: the scanner (`make_scanner`,
/// `scanstring`) and the string encoders (`encode_basestring`,
/// `encode_basestring_ascii`), with `Modules/_json.c`'s algorithms and error messages.
/// Positions are code point indices, as Python's.
package enum JSONModule {
    package static func make(_ vm: Interpreter) -> PyModule {
        let module = PyModule(name: "_json")
        module.attributes["__name__"] = .str("_json")
        // CPython's make_scanner is the class `_json.Scanner`; here it makes the scanner's
        // `scan_once` as a function (a native object cannot be called).
        module.attributes["make_scanner"] = vm.nativeFunction("make_scanner", owner: nil, .oneArgument) { vm, args, _ in
            let scanner = try JSONScanner(context: args[0], vm)
            return vm.nativeFunction("scan_once", owner: nil, .positional(min: 2, max: 2)) { vm, args, _ in
                try scanner.scanOnce(vm, args)
            }
        }
        module.attributes["encode_basestring_ascii"] = vm.nativeFunction("encode_basestring_ascii", owner: nil, .oneArgument) { vm, args, _ in
            // A str subclass's instance encodes as its value.
            guard case .str(let s) = vm.derivedValue(args[0]) ?? args[0] else {
                throw vm.typeError("first argument must be a string, not \(args[0].typeName)")
            }
            return .str(encode(s, ascii: true))
        }
        module.attributes["encode_basestring"] = vm.nativeFunction("encode_basestring", owner: nil, .oneArgument) { vm, args, _ in
            // A str subclass's instance encodes as its value.
            guard case .str(let s) = vm.derivedValue(args[0]) ?? args[0] else {
                throw vm.typeError("first argument must be a string, not \(args[0].typeName)")
            }
            return .str(encode(s, ascii: false))
        }
        module.attributes["scanstring"] = vm.nativeFunction("scanstring", owner: nil, .positional(min: 2, max: 3)) { vm, args, _ in
            guard case .str(let s) = args[0], case .int(let end) = args[1] else {
                throw vm.typeError("first argument must be a string, not \(args[0].typeName)")
            }
            let strict = args.count > 2 ? try vm.truthy(args[2]) : true
            var scanner = JSONScan(vm: vm, text: Array(s.unicodeScalars), source: s)
            let (value, next) = try scanner.scanString(end, strict: strict)
            return .object(PyTuple([.str(value), .int(next)]))
        }
        return module
    }

    /// `escape_unicode` / `ascii_escape_unicode`: the JSON string literal of `s`.
    package static func encode(_ s: String, ascii: Bool) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{8}": out += "\\b"
            case "\u{c}": out += "\\f"
            default:
                let v = scalar.value
                if v < 0x20 || (ascii && v >= 0x7f) {
                    if v >= 0x10000 {
                        let c = v - 0x10000
                        out += hex4(0xd800 | (c >> 10)) + hex4(0xdc00 | (c & 0x3ff))
                    } else {
                        out += hex4(v)
                    }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex4(_ v: UInt32) -> String {
        let digits = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
    }
}

/// `_json.Scanner`: made from a JSONDecoder (its hooks and `strict`), called as
/// `scan_once(string, idx)` it returns `(value, end)` or raises StopIteration(idx).
package final class JSONScanner {
    package let strict: Bool
    package let objectHook: Value
    package let objectPairsHook: Value
    package let parseFloat: Value
    package let parseInt: Value
    package let parseConstant: Value

    package init(context: Value, _ vm: Interpreter) throws {
        strict = try vm.truthy(try vm.getAttribute(context, "strict"))
        objectHook = try vm.getAttribute(context, "object_hook")
        objectPairsHook = try vm.getAttribute(context, "object_pairs_hook")
        parseFloat = try vm.getAttribute(context, "parse_float")
        parseInt = try vm.getAttribute(context, "parse_int")
        parseConstant = try vm.getAttribute(context, "parse_constant")
    }

    package func scanOnce(_ vm: Interpreter, _ args: [Value]) throws -> Value {
        guard case .str(let s) = args[0] else { throw vm.typeError("first argument must be a string, not \(args[0].typeName)") }
        guard case .int(let idx) = args[1] else { throw vm.typeError("'\(args[1].typeName)' object cannot be interpreted as an integer") }
        var scan = JSONScan(vm: vm, text: Array(s.unicodeScalars), source: s, scanner: self)
        if idx < 0 { throw PythonError(vm.makeException(BuiltinTypes.valueError, "idx cannot be negative")) }
        let (value, end) = try scan.scanOnce(idx)
        return .object(PyTuple([value, .int(end)]))
    }
}

/// One scan over a string (`scan_once_unicode` and the functions it calls).
package struct JSONScan {
    package let vm: Interpreter
    package let text: [Unicode.Scalar]
    package let source: String
    package var scanner: JSONScanner?
    /// Object keys seen, so equal keys share one string (`memo`).
    package var depth = 0

    package init(vm: Interpreter, text: [Unicode.Scalar], source: String, scanner: JSONScanner? = nil) {
        self.vm = vm
        self.text = text
        self.source = source
        self.scanner = scanner
    }

    /// `raise_errmsg`: json.decoder.JSONDecodeError(msg, doc, pos).
    package func error(_ message: String, _ position: Int) -> Error {
        guard let decoder = vm.modules["json.decoder"], let cls = decoder.attributes["JSONDecodeError"],
              case .object(let o)? = try? vm.callNow(cls, [.str(message), .str(source), .int(position)]),
              let exc = o as? PyException else {
            return PythonError(vm.makeException(BuiltinTypes.valueError, "\(message) (char \(position))"))
        }
        return PythonError(exc)
    }

    package func stopIteration(_ position: Int) -> Error {
        PythonError(PyException(cls: BuiltinTypes.stopIteration, args: [.int(position)]))
    }

    package func isWhitespace(_ i: Int) -> Bool {
        i < text.count && (text[i] == " " || text[i] == "\t" || text[i] == "\n" || text[i] == "\r")
    }

    /// `scanstring_unicode`: the string whose opening quote is before `begin`.
    package func scanString(_ begin: Int, strict: Bool) throws -> (String, Int) {
        guard begin >= 0, begin <= text.count else {
            throw PythonError(vm.makeException(BuiltinTypes.valueError, "end is out of bounds"))
        }
        var out = String.UnicodeScalarView()
        var i = begin
        while true {
            // A run of plain characters.
            while i < text.count, text[i] != "\"", text[i] != "\\" {
                if strict && text[i].value <= 0x1f { throw error("Invalid control character at", i) }
                out.append(text[i])
                i += 1
            }
            guard i < text.count else { throw error("Unterminated string starting at", begin - 1) }
            if text[i] == "\"" { return (String(out), i + 1) }
            // A backslash.
            i += 1
            guard i < text.count else { throw error("Unterminated string starting at", begin - 1) }
            let c = text[i]
            if c != "u" {
                let map: [Unicode.Scalar: Unicode.Scalar] = ["\"": "\"", "\\": "\\", "/": "/", "b": "\u{8}",
                                                             "f": "\u{c}", "n": "\n", "r": "\r", "t": "\t"]
                guard let escaped = map[c] else { throw error("Invalid \\escape", i - 1) }
                out.append(escaped)
                i += 1
                continue
            }
            i += 1
            guard let high = hex4(i) else { throw error("Invalid \\uXXXX escape", i - 1) }
            i += 4
            var value = high
            // A surrogate pair makes one code point.
            if (0xd800...0xdbff).contains(high), i + 1 < text.count, text[i] == "\\", text[i + 1] == "u",
               let low = hex4(i + 2), (0xdc00...0xdfff).contains(low) {
                value = 0x10000 + (((high - 0xd800) << 10) | (low - 0xdc00))
                i += 6
            }
            // A lone surrogate cannot be a Swift string's code point: U+FFFD stands for it.
            out.append(Unicode.Scalar(value) ?? "\u{fffd}")
        }
    }

    private func hex4(_ i: Int) -> UInt32? {
        guard i + 4 <= text.count else { return nil }
        var v: UInt32 = 0
        for k in i..<(i + 4) {
            guard let d = Character(text[k]).hexDigitValue else { return nil }
            v = v * 16 + UInt32(d)
        }
        return v
    }

    /// `scan_once_unicode`
    package mutating func scanOnce(_ idx: Int) throws -> (Value, Int) {
        guard let scanner else { throw stopIteration(idx) }
        guard idx < text.count else { throw stopIteration(idx) }
        switch text[idx] {
        case "\"":
            let (s, end) = try scanString(idx + 1, strict: scanner.strict)
            return (.str(s), end)
        case "{":
            depth += 1
            defer { depth -= 1 }
            if depth > vm.recursionLimit {
                throw PythonError(vm.makeException(BuiltinTypes.recursionError, "maximum recursion depth exceeded while decoding a JSON object from a unicode string"))
            }
            return try parseObject(idx + 1, scanner)
        case "[":
            depth += 1
            defer { depth -= 1 }
            if depth > vm.recursionLimit {
                throw PythonError(vm.makeException(BuiltinTypes.recursionError, "maximum recursion depth exceeded while decoding a JSON array from a unicode string"))
            }
            return try parseArray(idx + 1, scanner)
        case "n" where matches("null", idx): return (.none, idx + 4)
        case "t" where matches("true", idx): return (.bool(true), idx + 4)
        case "f" where matches("false", idx): return (.bool(false), idx + 5)
        case "N" where matches("NaN", idx): return (try vm.callNow(scanner.parseConstant, [.str("NaN")]), idx + 3)
        case "I" where matches("Infinity", idx): return (try vm.callNow(scanner.parseConstant, [.str("Infinity")]), idx + 8)
        case "-" where matches("-Infinity", idx): return (try vm.callNow(scanner.parseConstant, [.str("-Infinity")]), idx + 9)
        default: return try matchNumber(idx, scanner)
        }
    }

    private func matches(_ word: String, _ idx: Int) -> Bool {
        let scalars = Array(word.unicodeScalars)
        return idx + scalars.count <= text.count && Array(text[idx..<(idx + scalars.count)]) == scalars
    }

    private func skipWhitespace(_ i: inout Int) {
        while isWhitespace(i) { i += 1 }
    }

    /// `_parse_object_unicode`
    private mutating func parseObject(_ start: Int, _ scanner: JSONScanner) throws -> (Value, Int) {
        var idx = start
        var pairs: [(Value, Value)] = []
        skipWhitespace(&idx)
        if idx >= text.count || text[idx] != "}" {
            while true {
                guard idx < text.count, text[idx] == "\"" else {
                    throw error("Expecting property name enclosed in double quotes", idx)
                }
                let (key, afterKey) = try scanString(idx + 1, strict: scanner.strict)
                idx = afterKey
                skipWhitespace(&idx)
                guard idx < text.count, text[idx] == ":" else { throw error("Expecting ':' delimiter", idx) }
                idx += 1
                skipWhitespace(&idx)
                let value: Value
                do {
                    (value, idx) = try scanOnce(idx)
                } catch let e as PythonError where e.exception.cls === BuiltinTypes.stopIteration {
                    throw error("Expecting value", stopPosition(e) ?? idx)
                }
                pairs.append((.str(key), value))
                skipWhitespace(&idx)
                if idx < text.count, text[idx] == "}" { break }
                guard idx < text.count, text[idx] == "," else { throw error("Expecting ',' delimiter", idx) }
                idx += 1
                skipWhitespace(&idx)
            }
        }
        let end = idx + 1
        if !scanner.objectPairsHook.isNone {
            let list = PyList(pairs.map { .object(PyTuple([$0.0, $0.1])) })
            return (try vm.callNow(scanner.objectPairsHook, [.object(list)]), end)
        }
        let dict = PyDict()
        for (k, v) in pairs { dict.set(k, v) }
        if !scanner.objectHook.isNone { return (try vm.callNow(scanner.objectHook, [.object(dict)]), end) }
        return (.object(dict), end)
    }

    /// `_parse_array_unicode`
    private mutating func parseArray(_ start: Int, _ scanner: JSONScanner) throws -> (Value, Int) {
        var idx = start
        var items: [Value] = []
        skipWhitespace(&idx)
        if idx >= text.count || text[idx] != "]" {
            while true {
                let value: Value
                do {
                    (value, idx) = try scanOnce(idx)
                } catch let e as PythonError where e.exception.cls === BuiltinTypes.stopIteration {
                    throw error("Expecting value", stopPosition(e) ?? idx)
                }
                items.append(value)
                skipWhitespace(&idx)
                if idx < text.count, text[idx] == "]" { break }
                guard idx < text.count, text[idx] == "," else { throw error("Expecting ',' delimiter", idx) }
                idx += 1
                skipWhitespace(&idx)
            }
        }
        return (.object(PyList(items)), idx + 1)
    }

    private func stopPosition(_ e: PythonError) -> Int? {
        if case .int(let i)? = e.exception.args.first { return i }
        return nil
    }

    /// `_match_number_unicode`: an int or a float by the context's parse_int/parse_float.
    private func matchNumber(_ start: Int, _ scanner: JSONScanner) throws -> (Value, Int) {
        func digit(_ i: Int) -> Bool { i < text.count && text[i].value >= 48 && text[i].value <= 57 }
        var idx = start
        if idx < text.count, text[idx] == "-" {
            idx += 1
            guard idx < text.count else { throw stopIteration(start) }
        }
        if idx < text.count, text[idx].value >= 49, text[idx].value <= 57 {
            idx += 1
            while digit(idx) { idx += 1 }
        } else if idx < text.count, text[idx] == "0" {
            idx += 1
        } else {
            throw stopIteration(start)
        }
        var isFloat = false
        if idx < text.count - 1, text[idx] == ".", digit(idx + 1) {
            isFloat = true
            idx += 2
            while digit(idx) { idx += 1 }
        }
        if idx < text.count - 1, text[idx] == "e" || text[idx] == "E" {
            let eStart = idx
            idx += 1
            if idx < text.count - 1, text[idx] == "-" || text[idx] == "+" { idx += 1 }
            while digit(idx) { idx += 1 }
            if digit(idx - 1) {
                isFloat = true
            } else {
                idx = eStart
            }
        }
        var numstr = String.UnicodeScalarView()
        numstr.append(contentsOf: text[start..<idx])
        let hook = isFloat ? scanner.parseFloat : scanner.parseInt
        return (try vm.callNow(hook, [.str(String(numstr))]), idx)
    }
}
