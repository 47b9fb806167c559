/// The methods `bytes` and `bytearray` share with `str` beyond searching and splitting
/// (Objects/bytes_methods.c, stringlib's transmogrify.h and split.h, Python/pystrhex.c):
/// padding, partitions, lines, ASCII case, `translate`/`maketrans`, `hex` with a
/// separator, and a bytearray's `remove`. Case and classes are ASCII only, as in CPython.
extension Interpreter {
    package func bytesTextMethod(_ b: PyBytes, _ name: String) -> Value? {
        let kind = b.isByteArray
        func make(_ bytes: [UInt8]) -> Value { .object(PyBytes(bytes, byteArray: kind)) }
        func method(_ signature: NativeSignature, _ body: @escaping (Interpreter, [Value]) throws -> Value) -> Value {
            nativeFunction(name, owner: kind ? "bytearray" : "bytes", signature) { vm, args, _ in try body(vm, args) }
        }
        func mapped(_ transform: @escaping ([UInt8]) -> [UInt8]) -> Value {
            method(.noArguments) { _, _ in make(transform(b.bytes)) }
        }
        switch name {
        case "center", "ljust", "rjust":
            return method(.positional(min: 1, max: 2)) { vm, args in
                let width = try vm.indexArgument(args[0])
                var fill: UInt8 = 0x20
                if args.count > 1 {
                    guard let f = args[1].byteValues, f.count == 1, !(args[1].asObject is PyMemoryView) else {
                        throw vm.typeError("\(name)() argument 2 must be a byte string of length 1, not \(args[1].typeName)")
                    }
                    fill = f[0]
                }
                let margin = width - b.bytes.count
                guard margin > 0 else { return make(b.bytes) }
                try vm.reserve(width)
                // center puts the odd byte on the left when the width is odd (stringlib's pad).
                let left = name == "ljust" ? 0 : name == "rjust" ? margin : margin / 2 + (margin & width & 1)
                return make([UInt8](repeating: fill, count: left) + b.bytes + [UInt8](repeating: fill, count: margin - left))
            }
        case "zfill":
            return method(.oneArgument) { vm, args in
                let width = try vm.indexArgument(args[0])
                let pad = width - b.bytes.count
                guard pad > 0 else { return make(b.bytes) }
                try vm.reserve(width)
                var out = [UInt8](repeating: 0x30, count: pad) + b.bytes
                if let sign = b.bytes.first, sign == 0x2B || sign == 0x2D {
                    out[0] = sign
                    out[pad] = 0x30
                }
                return make(out)
            }
        case "expandtabs":
            return nativeFunction(name, owner: kind ? "bytearray" : "bytes",
                                  .clinic(positionalOnly: 0, positionalOrKeyword: ["tabsize"], keywordOnly: [])) { vm, args, _ in
                let size = args.isEmpty || args[0].isNone ? 8 : try vm.indexArgument(args[0])
                var out: [UInt8] = [], column = 0
                for c in b.bytes {
                    if c == 0x09 {
                        let n = size > 0 ? size - column % size : 0
                        try vm.reserve(out.count + n)
                        out += [UInt8](repeating: 0x20, count: n)
                        column += n
                    } else {
                        out.append(c)
                        column = c == 0x0A || c == 0x0D ? 0 : column + 1
                    }
                }
                return make(out)
            }
        case "partition", "rpartition":
            return method(.oneArgument) { vm, args in
                let sep = try vm.bytesLike(args[0])
                guard !sep.isEmpty else { throw PythonError(vm.makeException(BuiltinTypes.valueError, "empty separator")) }
                let at: Int?
                if name == "partition" {
                    at = Self.findBytes(b.bytes, sep)
                } else {
                    // The last match: the first one of the reversed bytes.
                    at = Self.findBytes(b.bytes.reversed(), sep.reversed()).map { b.bytes.count - $0 - sep.count }
                }
                guard let at else {
                    let whole = make(b.bytes)
                    return .object(PyTuple(name == "partition" ? [whole, make([]), make([])] : [make([]), make([]), whole]))
                }
                return .object(PyTuple([make(Array(b.bytes[..<at])), make(sep), make(Array(b.bytes[(at + sep.count)...]))]))
            }
        case "splitlines":
            return nativeFunction(name, owner: kind ? "bytearray" : "bytes",
                                  .clinic(positionalOnly: 0, positionalOrKeyword: ["keepends"], keywordOnly: [])) { vm, args, _ in
                let keepEnds = try args.first.map { try vm.truthy($0) } ?? false
                var lines: [Value] = [], start = 0, i = 0
                let s = b.bytes
                while i < s.count {
                    guard s[i] == 0x0A || s[i] == 0x0D else { i += 1; continue }
                    let eol = s[i] == 0x0D && i + 1 < s.count && s[i + 1] == 0x0A ? i + 2 : i + 1
                    lines.append(make(Array(s[start..<(keepEnds ? eol : i)])))
                    start = eol
                    i = eol
                }
                if start < s.count { lines.append(make(Array(s[start...]))) }
                return .object(PyList(lines))
            }
        case "removeprefix", "removesuffix":
            return method(.oneArgument) { vm, args in
                let affix = try vm.bytesLike(args[0])
                if name == "removeprefix", b.bytes.starts(with: affix) { return make(Array(b.bytes.dropFirst(affix.count))) }
                if name == "removesuffix", !affix.isEmpty, b.bytes.reversed().starts(with: affix.reversed()) {
                    return make(Array(b.bytes.dropLast(affix.count)))
                }
                return make(b.bytes)
            }
        case "title":
            return mapped { bytes in
                var previousCased = false
                return bytes.map { c in
                    defer { previousCased = Self.isUpper(c) || Self.isLower(c) }
                    return previousCased ? Self.lower(c) : Self.upper(c)
                }
            }
        case "capitalize":
            return mapped { bytes in bytes.enumerated().map { $0.offset == 0 ? Self.upper($0.element) : Self.lower($0.element) } }
        case "swapcase":
            return mapped { bytes in bytes.map { Self.isUpper($0) ? Self.lower($0) : Self.upper($0) } }
        case "isascii": return method(.noArguments) { _, _ in .bool(b.bytes.allSatisfy { $0 < 0x80 }) }
        case "istitle":
            return method(.noArguments) { _, _ in
                // Uppercase only after an uncased byte, lowercase only after a cased one.
                var cased = false, previousCased = false
                for c in b.bytes {
                    if Self.isUpper(c) {
                        if previousCased { return .false }
                        previousCased = true
                        cased = true
                    } else if Self.isLower(c) {
                        if !previousCased { return .false }
                        previousCased = true
                        cased = true
                    } else {
                        previousCased = false
                    }
                }
                return .bool(cased)
            }
        case "translate":
            return nativeFunction(name, owner: kind ? "bytearray" : "bytes",
                                  .clinic(positionalOnly: 1, positionalOrKeyword: ["delete"], keywordOnly: [])) { vm, args, _ in
                var table: [UInt8]?
                if !args[0].isNone {
                    table = try vm.bytesLike(args[0])
                    guard table?.count == 256 else {
                        throw PythonError(vm.makeException(BuiltinTypes.valueError, "translation table must be 256 characters long"))
                    }
                }
                let delete = Set(args.count > 1 ? try vm.bytesLike(args[1]) : [])
                return make(b.bytes.compactMap { c in delete.contains(c) ? nil : table.map { $0[Int(c)] } ?? c })
            }
        case "maketrans":
            return nativeFunction(name, owner: nil, .positional(min: 2, max: 2)) { vm, args, _ in try vm.bytesMakeTrans(args) }
        case "hex":
            return nativeFunction(name, owner: kind ? "bytearray" : "bytes",
                                  .clinic(positionalOnly: 0, positionalOrKeyword: ["sep", "bytes_per_sep"], keywordOnly: [])) { vm, args, _ in
                .str(try vm.hexString(b.bytes, sep: args.first ?? .none, bytesPerSep: args.count > 1 ? args[1] : .int(1)))
            }
        case "remove" where kind:
            return method(.oneArgument) { vm, args in
                let value = try vm.byteValue(args[0])
                guard let at = b.bytes.firstIndex(of: value) else {
                    throw PythonError(vm.makeException(BuiltinTypes.valueError, "value not found in bytearray"))
                }
                b.bytes.remove(at: at)
                return .none
            }
        default: return nil
        }
    }

    private static func isUpper(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
    private static func isLower(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }
    private static func upper(_ c: UInt8) -> UInt8 { isLower(c) ? c - 32 : c }
    private static func lower(_ c: UInt8) -> UInt8 { isUpper(c) ? c + 32 : c }

    /// `bytes.maketrans(frm, to)`: the 256-byte table mapping each byte of `frm` to the
    /// byte of `to` at the same position.
    package func bytesMakeTrans(_ args: [Value]) throws -> Value {
        let from = try bytesLike(args[0]), to = try bytesLike(args[1])
        guard from.count == to.count else {
            throw PythonError(makeException(BuiltinTypes.valueError, "maketrans arguments must have same length"))
        }
        var table = (0...255).map { UInt8($0) }
        for (f, t) in zip(from, to) { table[Int(f)] = t }
        return .object(PyBytes(table))
    }

    /// `_Py_strhex_impl`: two lowercase digits a byte, with a one-character ASCII
    /// separator every `bytesPerSep` bytes counted from the right (from the left when
    /// negative).
    package func hexString(_ bytes: [UInt8], sep: Value, bytesPerSep: Value) throws -> String {
        let digits = bytes.map { String($0 >> 4, radix: 16) + String($0 & 15, radix: 16) }
        if sep.isNone { return digits.joined() }
        let separator: Unicode.Scalar
        switch sep {
        case .str(let s):
            guard s.unicodeScalars.count == 1, let c = s.unicodeScalars.first else {
                throw PythonError(makeException(BuiltinTypes.valueError, "sep must be length 1."))
            }
            guard c.isASCII else { throw PythonError(makeException(BuiltinTypes.valueError, "sep must be ASCII.")) }
            separator = c
        default:
            guard let s = sep.byteValues else {
                if nativeLength(sep) == nil { throw typeError("object of type '\(sep.typeName)' has no len()") }
                throw typeError("sep must be str or bytes.")
            }
            guard s.count == 1 else { throw PythonError(makeException(BuiltinTypes.valueError, "sep must be length 1.")) }
            guard s[0] < 0x80 else { throw PythonError(makeException(BuiltinTypes.valueError, "sep must be ASCII.")) }
            separator = Unicode.Scalar(s[0])
        }
        let every = try indexArgument(bytesPerSep)
        guard every != 0, bytes.count > 1 else { return digits.joined() }
        let group = every.magnitude > UInt(bytes.count) ? bytes.count : Int(every.magnitude)
        var groups: [String] = []
        if every > 0 {
            // Whole groups end at the right; the first group takes the remainder.
            var end = digits.count
            while end > 0 {
                groups.insert(digits[max(0, end - group)..<end].joined(), at: 0)
                end -= group
            }
        } else {
            var start = 0
            while start < digits.count {
                groups.append(digits[start..<min(digits.count, start + group)].joined())
                start += group
            }
        }
        return groups.joined(separator: String(separator))
    }

    /// A length for `hex`'s separator check: what `len()` of a built-in value gives.
    private func nativeLength(_ v: Value) -> Int? {
        if case .str(let s) = v { return s.unicodeScalars.count }
        return v.asObject?.nativeCount
    }

    /// An index-sized int argument (`__index__` honoured), with CPython's TypeError.
    package func indexArgument(_ v: Value) throws -> Int {
        let i = try pythonIndex(v) ?? v
        if i.isBigInteger {
            throw PythonError(makeException(BuiltinTypes.overflowError, "Python int too large to convert to C ssize_t"))
        }
        guard let n = intValue(i) else { throw typeError("'\(v.typeName)' object cannot be interpreted as an integer") }
        return n
    }

    /// `b[start:end]` for `find(sub[, start[, end]])` and friends (ADJUST_INDICES: None is
    /// the default, negatives count from the end, then clamped); nil when start > end.
    package func searchWindow(_ count: Int, _ args: [Value]) throws -> Range<Int>? {
        func bound(_ at: Int, _ absent: Int) throws -> Int {
            guard args.count > at, !args[at].isNone else { return absent }
            let given = args[at]
            guard let v = try pythonIndex(given) else {
                throw typeError("slice indices must be integers or None or have an __index__ method")
            }
            if let i = intValue(v) { return i }
            // A big int clamps like any out-of-range bound.
            return (v.bigInteger?.sign ?? .plus) == .minus ? Int.min / 2 : Int.max / 2
        }
        var start = try bound(1, 0), end = try bound(2, count)
        if end > count { end = count } else if end < 0 { end = max(0, end + count) }
        if start < 0 { start = max(0, start + count) }
        return start <= end ? start..<end : nil
    }
}
