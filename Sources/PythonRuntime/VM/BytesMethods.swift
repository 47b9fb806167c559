/// The methods of `bytes` and `bytearray` (Objects/bytes_methods.c, bytearrayobject.c):
/// decoding, hex, searching, splitting, stripping, case, and a bytearray's in-place
/// changes. The receiver's type is kept where CPython keeps it (a bytearray's `upper()`
/// is a bytearray).
extension Interpreter {
    /// A bytes-like argument's bytes, or CPython's TypeError.
    package func bytesLike(_ v: Value) throws -> [UInt8] {
        guard let b = v.byteValues else { throw typeError("a bytes-like object is required, not '\(v.typeName)'") }
        return b
    }

    /// An int 0...255 (a bytearray item, `x in b`), with CPython's errors.
    package func byteValue(_ v: Value) throws -> UInt8 {
        guard let i = intValue(try pythonIndex(v) ?? v) else {
            throw typeError("'\(v.typeName)' object cannot be interpreted as an integer")
        }
        guard let b = UInt8(exactly: i) else { throw PythonError(makeException(BuiltinTypes.valueError, "byte must be in range(0, 256)")) }
        return b
    }

    /// The bytes an iterable of ints gives (`bytes([1, 2])`, `bytearray.extend`).
    package func bytesFromInts(_ v: Value) throws -> [UInt8] {
        if let b = v.byteValues { return b }
        if case .str = v { throw typeError("cannot convert 'str' object to bytes") }
        return try iterate(v).map { item in
            guard let i = intValue(try pythonIndex(item) ?? item) else {
                throw typeError("'\(item.typeName)' object cannot be interpreted as an integer")
            }
            guard let b = UInt8(exactly: i) else { throw PythonError(makeException(BuiltinTypes.valueError, "bytes must be in range(0, 256)")) }
            return b
        }
    }

    /// `bytes(...)` / `bytearray(...)`: empty, n zero bytes, a str encoded, or the bytes
    /// of a bytes-like object or an iterable of ints.
    package func makeBytes(_ args: [Value], _ kwargs: [(String, Value)], byteArray: Bool) throws -> Value {
        let name = byteArray ? "bytearray" : "bytes"
        var source: Value? = args.first, encoding: String?, errors: String?
        for (k, v) in kwargs {
            switch k {
            case "source": source = v
            case "encoding", "errors":
                guard case .str(let s) = v else { throw typeError("\(name)() argument '\(k)' must be str, not \(v.typeName)") }
                if k == "encoding" { encoding = s } else { errors = s }
            default: throw typeError("'\(k)' is an invalid keyword argument for \(name)()")
            }
        }
        if args.count > 1 {
            guard case .str(let s) = args[1] else { throw typeError("\(name)() argument 'encoding' must be str, not \(args[1].typeName)") }
            encoding = s
        }
        if args.count > 2 {
            guard case .str(let s) = args[2] else { throw typeError("\(name)() argument 'errors' must be str, not \(args[2].typeName)") }
            errors = s
        }
        if args.count > 3 { throw typeError("\(name)() takes at most 3 arguments (\(args.count) given)") }
        guard let source else {
            if encoding != nil || errors != nil { throw typeError("encoding or errors without sequence argument") }
            return .object(PyBytes([], byteArray: byteArray))
        }
        if case .str(let s) = source {
            guard let encoding else { throw typeError("string argument without an encoding") }
            return .object(PyBytes(try encode(s, encoding: encoding, errors: errors ?? "strict"), byteArray: byteArray))
        }
        if encoding != nil { throw typeError("encoding without a string argument") }
        if errors != nil { throw typeError("errors without a string argument") }
        if let n = intValue(source) {
            guard n >= 0 else { throw PythonError(makeException(BuiltinTypes.valueError, "negative count")) }
            try reserve(n)
            return .object(PyBytes([UInt8](repeating: 0, count: n), byteArray: byteArray))
        }
        if !isIterable(source) { throw typeError("cannot convert '\(source.typeName)' object to \(name)") }
        return .object(PyBytes(try bytesFromInts(source), byteArray: byteArray))
    }

    /// `bytes.fromhex(s)`: pairs of hex digits, whitespace between pairs allowed.
    package func bytesFromHex(_ v: Value, byteArray: Bool) throws -> Value {
        guard case .str(let s) = v else { throw typeError("fromhex() argument must be str, not \(v.typeName)") }
        var out: [UInt8] = []
        let chars = Array(s.unicodeScalars)
        var i = 0
        while i < chars.count {
            if chars[i] == " " || ("\t"..."\r").contains(chars[i]) { i += 1; continue }
            func nonHex(_ at: Int) -> PythonError {
                PythonError(makeException(BuiltinTypes.valueError, "non-hexadecimal number found in fromhex() arg at position \(at)"))
            }
            guard let high = UInt8(String(chars[i]), radix: 16) else { throw nonHex(i) }
            guard i + 1 < chars.count, let low = UInt8(String(chars[i + 1]), radix: 16) else { throw nonHex(i + 1) }
            out.append(high << 4 | low)
            i += 2
        }
        return .object(PyBytes(out, byteArray: byteArray))
    }

    package static func findBytes(_ haystack: [UInt8], _ needle: [UInt8], from: Int = 0) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        if needle.isEmpty { return from <= haystack.count ? from : nil }
        var i = from
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    package static let asciiWhitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C]

    /// A search argument: bytes-like, or an int byte (`b.find(0x2C)`).
    package func needle(_ v: Value) throws -> [UInt8] {
        if let b = v.byteValues { return b }
        if intValue(v) != nil { return [try byteValue(v)] }
        throw typeError("argument should be integer or bytes-like object, not '\(v.typeName)'")
    }

    package func bytesMethod(_ b: PyBytes, _ name: String) -> Value? {
        let kind = b.isByteArray
        func make(_ bytes: [UInt8]) -> Value { .object(PyBytes(bytes, byteArray: kind)) }
        func method(_ signature: NativeSignature, _ body: @escaping (Interpreter, [Value], [(String, Value)]) throws -> Value) -> Value {
            nativeFunction(name, owner: kind ? "bytearray" : "bytes", signature, body)
        }
        func stripping(leading: Bool, trailing: Bool) -> Value {
            method(.positional(min: 0, max: 1)) { vm, args, _ in
                let chars: Set<UInt8> = args.first.map { $0.isNone ? Self.asciiWhitespace : Set((try? vm.bytesLike($0)) ?? []) } ?? Self.asciiWhitespace
                if let a = args.first, !a.isNone, a.byteValues == nil { _ = try vm.bytesLike(a) }
                var s = b.bytes[...]
                if leading { while let f = s.first, chars.contains(f) { s.removeFirst() } }
                if trailing { while let l = s.last, chars.contains(l) { s.removeLast() } }
                return make(Array(s))
            }
        }
        func mapped(_ transform: @escaping (UInt8) -> UInt8) -> Value {
            method(.noArguments) { _, _, _ in make(b.bytes.map(transform)) }
        }
        func test(_ predicate: @escaping (UInt8) -> Bool) -> Value {
            method(.noArguments) { _, _, _ in .bool(!b.bytes.isEmpty && b.bytes.allSatisfy(predicate)) }
        }
        let isLower = { (c: UInt8) in c >= 0x61 && c <= 0x7A }, isUpper = { (c: UInt8) in c >= 0x41 && c <= 0x5A }
        let isDigit = { (c: UInt8) in c >= 0x30 && c <= 0x39 }
        switch name {
        case "decode":
            return method(.clinic(positionalOnly: 0, positionalOrKeyword: ["encoding", "errors"], keywordOnly: [])) { vm, args, kwargs in
                var encoding = "utf-8", errors = "strict"
                // The binder fills a parameter given by keyword, or not at all, with None.
                for (i, v) in args.enumerated() where !v.isNone {
                    guard case .str(let s) = v else { throw vm.typeError("decode() argument '\(i == 0 ? "encoding" : "errors")' must be str, not \(v.typeName)") }
                    if i == 0 { encoding = s } else { errors = s }
                }
                for (k, v) in kwargs {
                    guard case .str(let s) = v else { throw vm.typeError("decode() argument '\(k)' must be str, not \(v.typeName)") }
                    if k == "encoding" { encoding = s } else { errors = s }
                }
                return .str(try vm.decode(b.bytes, encoding: encoding, errors: errors))
            }
        case "fromhex":
            return method(.oneArgument) { vm, args, _ in try vm.bytesFromHex(args[0], byteArray: kind) }
        case "join":
            return method(.oneArgument) { vm, args, _ in
                var out: [UInt8] = []
                for (i, item) in try vm.iterate(args[0]).enumerated() {
                    guard let part = item.byteValues else {
                        throw vm.typeError("sequence item \(i): expected a bytes-like object, \(item.typeName) found")
                    }
                    if i > 0 { out += b.bytes }
                    out += part
                }
                return make(out)
            }
        case "split", "rsplit":
            return method(.clinic(positionalOnly: 0, positionalOrKeyword: ["sep", "maxsplit"], keywordOnly: [])) { vm, args, _ in
                let sep = args.first ?? .none
                let maxsplit = args.count > 1 && !args[1].isNone ? try vm.indexArgument(args[1]) : -1
                var by: [UInt8]?
                if !sep.isNone {
                    by = try vm.bytesLike(sep)
                    guard by?.isEmpty == false else { throw PythonError(vm.makeException(BuiltinTypes.valueError, "empty separator")) }
                }
                let parts = name == "split"
                    ? Self.splitBytes(b.bytes, sep: by, maxsplit: maxsplit)
                    // rsplit is split of the reversed bytes by the reversed separator.
                    : Self.splitBytes(b.bytes.reversed(), sep: by?.reversed(), maxsplit: maxsplit).reversed().map { $0.reversed() }
                return .object(PyList(parts.map(make)))
            }
        case "partition", "rpartition":
            // Three parts around the first (last) occurrence of the separator; without
            // one, the whole before two empties (after two empties, for rpartition).
            return method(.oneArgument) { vm, args, _ in
                let sep = try vm.bytesLike(args[0])
                guard !sep.isEmpty else { throw PythonError(vm.makeException(BuiltinTypes.valueError, "empty separator")) }
                var found = Self.findBytes(b.bytes, sep)
                if name == "rpartition", let first = found {
                    var from = first + 1
                    while from <= b.bytes.count, let at = Self.findBytes(b.bytes, sep, from: from) { found = at; from = at + 1 }
                }
                guard let at = found else {
                    let whole = make(b.bytes), empty = make([])
                    return .object(PyTuple(name == "partition" ? [whole, empty, make([])] : [empty, make([]), whole]))
                }
                return .object(PyTuple([make(Array(b.bytes[..<at])), make(sep), make(Array(b.bytes[(at + sep.count)...]))]))
            }
        case "strip": return stripping(leading: true, trailing: true)
        case "lstrip": return stripping(leading: true, trailing: false)
        case "rstrip": return stripping(leading: false, trailing: true)
        case "startswith", "endswith":
            return method(.parseTuple(min: 1, max: 3)) { vm, args, _ in
                let candidates = (args[0].asObject as? PyTuple)?.items ?? [args[0]]
                // `tailmatch`: the test is on b[start:end] (false when start is past the end).
                let window = try vm.searchWindow(b.bytes.count, args)
                for c in candidates {
                    guard let p = c.byteValues else {
                        throw vm.typeError("\(name) first arg must be bytes or a tuple of bytes, not \(c.typeName)")
                    }
                    guard let window else { continue }
                    let part = b.bytes[window]
                    if name == "startswith" ? part.starts(with: p) : part.reversed().starts(with: p.reversed()) { return .true }
                }
                return .false
            }
        case "find", "index", "count", "rfind", "rindex":
            return method(.parseTuple(min: 1, max: 3)) { vm, args, _ in
                let n = try vm.needle(args[0])
                let window = try vm.searchWindow(b.bytes.count, args)
                if name == "count" {
                    guard let window else { return .int(0) }
                    if n.isEmpty { return .int(window.count + 1) }
                    var count = 0, from = window.lowerBound
                    let part = Array(b.bytes[..<window.upperBound])
                    while let at = Self.findBytes(part, n, from: from) { count += 1; from = at + n.count }
                    return .int(count)
                }
                var found: Int?
                if let window {
                    let part = Array(b.bytes[..<window.upperBound])
                    found = Self.findBytes(part, n, from: window.lowerBound)
                    if name.hasPrefix("r"), let first = found {
                        var from = first + 1
                        while from <= part.count, let at = Self.findBytes(part, n, from: from) { found = at; from = at + 1 }
                    }
                }
                if name.hasSuffix("index"), found == nil { throw PythonError(vm.makeException(BuiltinTypes.valueError, "subsection not found")) }
                return .int(found ?? -1)
            }
        case "replace":
            return method(.positional(min: 2, max: 3)) { vm, args, _ in
                let old = try vm.bytesLike(args[0]), new = try vm.bytesLike(args[1])
                var left = args.count > 2 ? (vm.intValue(args[2]) ?? -1) : -1
                var out: [UInt8] = [], from = 0
                if old.isEmpty {
                    for c in b.bytes {
                        if left != 0 { out += new; left -= 1 }
                        out.append(c)
                    }
                    if left != 0 { out += new }
                    return make(out)
                }
                while left != 0, let at = Self.findBytes(b.bytes, old, from: from) {
                    out += b.bytes[from..<at] + new
                    from = at + old.count
                    left -= 1
                }
                return make(out + b.bytes[from...])
            }
        case "upper": return mapped { isLower($0) ? $0 - 32 : $0 }
        case "lower": return mapped { isUpper($0) ? $0 + 32 : $0 }
        case "isdigit": return test(isDigit)
        case "isalpha": return test { isLower($0) || isUpper($0) }
        case "isalnum": return test { isLower($0) || isUpper($0) || isDigit($0) }
        case "isspace": return test { Self.asciiWhitespace.contains($0) }
        case "isupper": return method(.noArguments) { _, _, _ in .bool(b.bytes.contains(where: isUpper) && !b.bytes.contains(where: isLower)) }
        case "islower": return method(.noArguments) { _, _, _ in .bool(b.bytes.contains(where: isLower) && !b.bytes.contains(where: isUpper)) }
        case "copy" where kind: return method(.noArguments) { _, _, _ in make(b.bytes) }
        case "append" where kind:
            return method(.oneArgument) { vm, args, _ in
                b.bytes.append(try vm.byteValue(args[0]))
                return .none
            }
        case "extend" where kind:
            return method(.oneArgument) { vm, args, _ in
                b.bytes += try vm.bytesFromInts(args[0])
                return .none
            }
        case "insert" where kind:
            return method(.positional(min: 2, max: 2)) { vm, args, _ in
                guard let i = vm.intValue(args[0]) else { throw vm.typeError("'\(args[0].typeName)' object cannot be interpreted as an integer") }
                let at = i < 0 ? max(0, i + b.bytes.count) : min(i, b.bytes.count)
                b.bytes.insert(try vm.byteValue(args[1]), at: at)
                return .none
            }
        case "pop" where kind:
            return method(.positional(min: 0, max: 1)) { vm, args, _ in
                guard !b.bytes.isEmpty else { throw PythonError(vm.makeException(BuiltinTypes.indexError, "pop from empty bytearray")) }
                let i = try args.first.map { try vm.index($0, count: b.bytes.count, "pop") } ?? b.bytes.count - 1
                return .int(Int(b.bytes.remove(at: i)))
            }
        case "clear" where kind:
            return method(.noArguments) { _, _, _ in
                b.bytes.removeAll()
                return .none
            }
        case "reverse" where kind:
            return method(.noArguments) { _, _, _ in
                b.bytes.reverse()
                return .none
            }
        default: return bytesTextMethod(b, name)
        }
    }

    /// `bytes.split`: by `sep`, or (nil) at runs of ASCII whitespace, at most `maxsplit`
    /// times when that is not negative.
    package static func splitBytes(_ s: [UInt8], sep: [UInt8]?, maxsplit: Int) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        guard let sep else {
            var i = 0
            while i < s.count {
                while i < s.count, asciiWhitespace.contains(s[i]) { i += 1 }
                guard i < s.count else { break }
                // The rest, once maxsplit is reached, keeps its trailing whitespace.
                if maxsplit >= 0 && parts.count == maxsplit {
                    parts.append(Array(s[i...]))
                    break
                }
                let start = i
                while i < s.count, !asciiWhitespace.contains(s[i]) { i += 1 }
                parts.append(Array(s[start..<i]))
            }
            return parts
        }
        var start = 0
        while maxsplit < 0 || parts.count < maxsplit, let at = findBytes(s, sep, from: start) {
            parts.append(Array(s[start..<at]))
            start = at + sep.count
        }
        parts.append(Array(s[start...]))
        return parts
    }

    /// `ba[key] = value` and `del ba[key]` on a bytearray: done on a list of its ints (the
    /// list's own index and slice rules), then stored back as bytes.
    package func byteArrayStore(_ b: PyBytes, _ key: Value, _ value: Value?) throws {
        let list = PyList(b.bytes.map { .int(Int($0)) })
        if let value {
            var stored = value
            if case .object(let k) = key, k is PySlice {
                stored = .object(PyList(try bytesFromInts(value).map { .int(Int($0)) }))
            } else {
                stored = .int(Int(try byteValue(value)))
            }
            try storeSubscript(.object(list), key, stored)
        } else {
            try deleteSubscript(.object(list), key)
        }
        b.bytes = list.items.compactMap { intValue($0).flatMap(UInt8.init(exactly:)) }
    }
}
