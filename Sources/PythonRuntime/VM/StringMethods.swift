import ScenarioLanguage
import Foundation

/// The methods of `str`, with Python's argument rules (`split(sep=None, maxsplit=-1)`,
/// `replace(old, new, count=-1)`, `startswith` with a tuple, ...). Python strings index
/// by code point; Swift's by grapheme, so the methods work on Unicode scalars.
extension Interpreter {
    /// `s.name`: the bound method over `str.name`'s one descriptor (`strMethodDescriptor`),
    /// as CPython binds it: `<built-in method upper of str object at 0x...>`.
    package func stringMethod(_ s: String, _ name: String) -> Value? {
        guard let descriptor = strMethodDescriptor(name) else { return nil }
        return .object(PyBoundMethod(receiver: .str(s), function: descriptor))
    }

    /// `str.name` as CPython's method descriptor: `s.isalnum()` (LOAD_METHOD, CALL) calls it
    /// with `s` first, as CPython calls the descriptor, and makes no bound method. Binding
    /// one per call (a closure and an object, and the name hashed twice) was most of the
    /// time of a scanner's `while i < len(s): c = s[i]; if c.isalnum(): ...`.
    package func strMethodDescriptor(_ name: String) -> Value? {
        if let made = strMethodDescriptors[name] { return made }
        var descriptor: Value?
        if let body = Self.stringMethods[name] {
            // The receiver as the str it is; anything else is refused as CPython's
            // descriptor_check refuses it (`str.upper(5)`).
            func receiver(_ vm: Interpreter, _ args: [Value]) throws -> String {
                if case .str(let s)? = args.first { return s }
                guard let first = args.first else { throw vm.typeError("unbound method str.\(name)() needs an argument") }
                if case .str(let s)? = vm.derivedValue(first) { return s }
                throw vm.typeError("descriptor '\(name)' for 'str' objects doesn't apply to a '\(first.typeName)' object")
            }
            let made: PyBuiltin
            if let signature = Self.stringSignatures[name] {
                made = PyBuiltin(name, owner: signature.isMETH ? "str" : nil, signature, takesReceiver: true) {
                    vm, args, kwargs in try body(vm, try receiver(vm, args), vm.plainStrings(Array(args.dropFirst())), kwargs)
                }
            } else {
                made = PyBuiltin(name) { vm, args, kwargs in
                    try body(vm, try receiver(vm, args), vm.plainStrings(Array(args.dropFirst())), kwargs)
                }
            }
            made.descriptorOf = "str"
            descriptor = .object(made)
        }
        strMethodDescriptors[name] = descriptor
        return descriptor
    }

    /// The arguments with a str subclass's instance as the str it is (`s.startswith(tag)`).
    @inline(__always)
    package func plainStrings(_ args: [Value]) -> [Value] {
        guard args.contains(where: { derivedValue($0) != nil }) else { return args }
        return args.map { derivedValue($0) ?? $0 }
    }

    /// How CPython checks the arguments of the methods that bind none by keyword (the
    /// others check their own, in `bind`).
    private static let stringSignatures: [String: NativeSignature] = {
        var table: [String: NativeSignature] = ["join": .oneArgument]
        for name in ["upper", "lower", "casefold", "swapcase", "title", "capitalize", "isdigit", "isdecimal",
                     "isnumeric", "isalpha", "isalnum", "isspace", "isupper", "islower", "isidentifier", "isascii",
                     "istitle", "isprintable"] {
            table[name] = .noArguments
        }
        for name in ["strip", "lstrip", "rstrip"] { table[name] = .positional(min: 0, max: 1) }
        for name in ["removeprefix", "removesuffix", "format_map", "zfill", "partition", "rpartition", "translate"] {
            table[name] = .oneArgument
        }
        for name in ["ljust", "rjust", "center"] { table[name] = .positional(min: 1, max: 2) }
        table["replace"] = .positional(min: 2, max: 3)
        for name in ["count", "find", "rfind", "index", "rindex", "startswith", "endswith"] {
            table[name] = .parseTuple(min: 1, max: 3)
        }
        return table
    }()

    package typealias StringMethod = (Interpreter, String, [Value], [(String, Value)]) throws -> Value

    /// Positional-or-keyword arguments of a method, by parameter name.
    private static func bind(_ name: String, _ params: [String], _ args: [Value], _ kwargs: [(String, Value)],
                             _ vm: Interpreter) throws -> [Value?] {
        // _PyArg_UnpackKeywords' checks and messages.
        guard args.count + kwargs.count <= params.count else {
            throw vm.typeError("\(name)() takes at most \(params.count) argument\(params.count == 1 ? "" : "s") (\(args.count + kwargs.count) given)")
        }
        var out: [Value?] = args.map { $0 } + Array(repeating: nil, count: params.count - args.count)
        for (k, v) in kwargs {
            guard let i = params.firstIndex(of: k) else {
                throw vm.typeError("'\(k)' is an invalid keyword argument for \(name)()")
            }
            if i < args.count {
                throw vm.typeError("argument for \(name)() given by name ('\(k)') and position (\(i + 1))")
            }
            out[i] = v
        }
        return out
    }

    /// A str argument; `what` names it in the message (nil: CPython names nothing).
    private static func string(_ v: Value?, _ what: String?, _ vm: Interpreter) throws -> String {
        guard case .str(let s) = v ?? .none else {
            throw vm.typeError("\(what.map { $0 + " " } ?? "")must be str, not \((v ?? .none).typeName)")
        }
        return s
    }

    private static func optionalString(_ v: Value?, _ what: String, _ vm: Interpreter) throws -> String? {
        guard let v, !v.isNone else { return nil }
        return try string(v, what, vm)
    }

    /// `strip`'s argument: None or a str (CPython words its message its own way).
    private static func stripCharacters(_ v: Value?, _ name: String, _ vm: Interpreter) throws -> String? {
        switch v ?? .none {
        case .none: return nil
        case .str(let chars): return chars
        default: throw vm.typeError("\(name) arg must be None or str")
        }
    }

    /// `split`'s and `rsplit`'s `sep`: None (whitespace) or a non-empty str.
    private static func separator(_ v: Value?, _ vm: Interpreter) throws -> String? {
        switch v ?? .none {
        case .none: return nil
        case .str(let sep):
            if sep.isEmpty { throw PythonError(vm.makeException(BuiltinTypes.valueError, "empty separator")) }
            return sep
        case let other: throw vm.typeError("must be str or None, not \(other.typeName)")
        }
    }

    private static func int(_ v: Value?, default d: Int, _ vm: Interpreter) throws -> Int {
        switch v ?? .none {
        case .none: return d
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case let other: throw vm.typeError("'\(other.typeName)' object cannot be interpreted as an integer")
        }
    }

    /// `str.split` (`sep` nil: runs of whitespace) with `maxsplit`, optionally from the right.
    private static func split(_ s: String, sep: String?, maxsplit: Int, fromRight: Bool) -> [String] {
        var scalars = Array(s.unicodeScalars)
        if fromRight { scalars.reverse() }
        var parts: [String] = []
        var splits = 0
        if let sep {
            var needle = Array(sep.unicodeScalars)
            if fromRight { needle.reverse() }
            var current: [Unicode.Scalar] = []
            var i = 0
            while i < scalars.count {
                if (maxsplit < 0 || splits < maxsplit), i + needle.count <= scalars.count,
                   Array(scalars[i..<(i + needle.count)]) == needle {
                    parts.append(String(String.UnicodeScalarView(fromRight ? current.reversed() : current)))
                    current = []
                    i += needle.count
                    splits += 1
                } else {
                    current.append(scalars[i])
                    i += 1
                }
            }
            parts.append(String(String.UnicodeScalarView(fromRight ? current.reversed() : current)))
        } else {
            var i = 0
            while i < scalars.count && UnicodeCType.isSpace(scalars[i]) { i += 1 }
            while i < scalars.count {
                if maxsplit >= 0 && splits >= maxsplit {
                    var rest = Array(scalars[i...])
                    while let last = rest.last, UnicodeCType.isSpace(last) { rest.removeLast() }
                    parts.append(String(String.UnicodeScalarView(fromRight ? rest.reversed() : rest)))
                    break
                }
                var word: [Unicode.Scalar] = []
                while i < scalars.count && !UnicodeCType.isSpace(scalars[i]) { word.append(scalars[i]); i += 1 }
                parts.append(String(String.UnicodeScalarView(fromRight ? word.reversed() : word)))
                splits += 1
                while i < scalars.count && UnicodeCType.isSpace(scalars[i]) { i += 1 }
            }
        }
        return fromRight ? parts.reversed() : parts
    }

    /// `s[start:end]` for `find(sub[, start[, end]])` and friends (CPython's
    /// ADJUST_INDICES: None is the default, negatives count from the end, then clamped),
    /// with `start`; nil when the window is empty past the string's end.
    private static func window(_ s: String, _ args: [Value], _ vm: Interpreter) throws -> (String, Int)? {
        guard args.count > 1 else { return (s, 0) }
        let scalars = Array(s.unicodeScalars)
        let length = scalars.count
        var start = try int(args[1], default: 0, vm), end = try int(args.count > 2 ? args[2] : nil, default: length, vm)
        if end > length { end = length } else if end < 0 { end = max(0, end + length) }
        if start < 0 { start = max(0, start + length) }
        guard start <= end else { return nil }
        return (CodePoints.string(scalars[start..<end]), start)
    }

    /// `find`/`rfind`/`index`/`rindex`: the code-point index, nil when absent.
    private static func find(_ s: String, _ args: [Value], fromRight: Bool, _ vm: Interpreter) throws -> Int? {
        let sub = try string(args.first, nil, vm)
        guard let (part, offset) = try window(s, args, vm) else { return nil }
        return CodePoints.find(part, sub, fromRight: fromRight).map { $0 + offset }
    }

    private static func prefixTest(_ name: String, _ s: String, _ args: [Value], _ vm: Interpreter,
                                   _ test: (String, String) -> Bool) throws -> Value {
        guard let first = args.first else { throw vm.typeError("\(name)() takes at least 1 argument (0 given)") }
        let candidates: [Value]
        if case .object(let o) = first, let t = o as? PyTuple { candidates = t.items } else { candidates = [first] }
        // `tailmatch`: the test is on s[start:end] (false when start is past the end).
        let part = try window(s, args, vm)?.0
        for c in candidates {
            guard case .str(let p) = vm.derivedValue(c) ?? c else {
                throw vm.typeError(candidates.count == 1 && !(first.asObject is PyTuple)
                    ? "\(name) first arg must be str or a tuple of str, not \(c.typeName)"
                    : "tuple for \(name) must only contain str, not \(c.typeName)")
            }
            if let part, test(part, p) { return .true }
        }
        return .false
    }

    private static func scalars(_ s: String, _ test: (Unicode.Scalar) -> Bool) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy(test)
    }

    private static func strip(_ s: String, _ chars: String?, leading: Bool, trailing: Bool) -> String {
        let set = chars.map { Set($0.unicodeScalars) }
        let drop: (Unicode.Scalar) -> Bool = { c in set.map { $0.contains(c) } ?? UnicodeCType.isSpace(c) }
        let view = s.unicodeScalars
        var lo = view.startIndex, hi = view.endIndex
        // ASCII first, byte by byte: padding is ASCII nearly always, and decoding a scalar
        // per step cost 3 ns on a hundred-million-space string (CPython: well under 1 ns).
        // The scan stops at the first byte it cannot drop, a scalar boundary, and the scalar
        // loop goes on from there for whatever is not ASCII.
        let ascii = ASCIIByteSet(set, default: Self.asciiSpaces)
        _ = s.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            var l = 0, h = bytes.count
            // Padding is a run of one character: a run is skipped eight bytes at a time.
            if leading {
                while l < h, ascii.contains(base[l]) {
                    let c = base[l], run = UInt64(c) &* 0x0101_0101_0101_0101
                    while l + 8 <= h, raw.loadUnaligned(fromByteOffset: l, as: UInt64.self) == run { l += 8 }
                    while l < h, base[l] == c { l += 1 }
                }
            }
            if trailing {
                while h > l, ascii.contains(base[h - 1]) {
                    let c = base[h - 1], run = UInt64(c) &* 0x0101_0101_0101_0101
                    while h - 8 >= l, raw.loadUnaligned(fromByteOffset: h - 8, as: UInt64.self) == run { h -= 8 }
                    while h > l, base[h - 1] == c { h -= 1 }
                }
            }
            lo = s.utf8.index(s.utf8.startIndex, offsetBy: l)
            hi = s.utf8.index(s.utf8.startIndex, offsetBy: h)
        }
        // Indices move over the scalars; the view itself is never mutated (removing one
        // scalar at a time from a slice cost 80 ns each on a 100-million-space string).
        if leading { while lo < hi, drop(view[lo]) { lo = view.index(after: lo) } }
        if trailing {
            while lo < hi {
                let before = view.index(before: hi)
                guard drop(view[before]) else { break }
                hi = before
            }
        }
        return lo == view.startIndex && hi == view.endIndex ? s : String(view[lo..<hi])
    }

    /// The ASCII characters `str.strip()` drops without arguments (`str.isspace`'s).
    private static let asciiSpaces = ASCIIByteSet((0..<128).filter { UnicodeCType.isSpace(Unicode.Scalar(UInt8($0))) })

    package static let stringMethods: [String: StringMethod] = [
        "translate": { vm, s, args, _ in try translate(vm, s, args[0]) },
        // A static method: `'x'.maketrans(...)` ignores the string, as `str.maketrans` does.
        "maketrans": { vm, _, args, _ in try maketrans(vm, args) },
        "encode": { vm, s, args, kwargs in
            let bound = try bind("encode", ["encoding", "errors"], args, kwargs, vm)
            let encoding = try optionalString(bound[0], "encode() argument 'encoding'", vm) ?? "utf-8"
            let errors = try optionalString(bound[1], "encode() argument 'errors'", vm) ?? "strict"
            return .object(PyBytes(try vm.encode(s, encoding: encoding, errors: errors)))
        },
        "upper": { _, s, _, _ in .str(CaseMapping.upper(s)) },
        "lower": { _, s, _, _ in .str(CaseMapping.lower(s)) },
        "casefold": { _, s, _, _ in .str(CaseMapping.casefold(s)) },
        "swapcase": { _, s, _, _ in .str(CaseMapping.swapcase(s)) },
        "title": { _, s, _, _ in .str(CaseMapping.title(s)) },
        "capitalize": { _, s, _, _ in .str(CaseMapping.capitalize(s)) },
        "removeprefix": { vm, s, args, _ in
            let prefix = try string(args[0], "removeprefix() argument", vm)
            guard s.unicodeScalars.starts(with: prefix.unicodeScalars) else { return .str(s) }
            return .str(String(s.unicodeScalars.dropFirst(prefix.unicodeScalars.count)))
        },
        "removesuffix": { vm, s, args, _ in
            let suffix = try string(args[0], "removesuffix() argument", vm)
            guard !suffix.isEmpty, s.unicodeScalars.reversed().starts(with: suffix.unicodeScalars.reversed()) else { return .str(s) }
            return .str(String(s.unicodeScalars.dropLast(suffix.unicodeScalars.count)))
        },
        "strip": { vm, s, args, _ in .str(strip(s, try stripCharacters(args.first, "strip", vm), leading: true, trailing: true)) },
        "lstrip": { vm, s, args, _ in .str(strip(s, try stripCharacters(args.first, "lstrip", vm), leading: true, trailing: false)) },
        "rstrip": { vm, s, args, _ in .str(strip(s, try stripCharacters(args.first, "rstrip", vm), leading: false, trailing: true)) },
        "startswith": { vm, s, args, _ in try prefixTest("startswith", s, args, vm) { $0.unicodeScalars.starts(with: $1.unicodeScalars) } },
        "endswith": { vm, s, args, _ in
            try prefixTest("endswith", s, args, vm) { $0.unicodeScalars.reversed().starts(with: $1.unicodeScalars.reversed()) }
        },
        "split": { vm, s, args, kwargs in
            let a = try bind("split", ["sep", "maxsplit"], args, kwargs, vm)
            let sep = try separator(a[0], vm)
            return .object(PyList(split(s, sep: sep, maxsplit: try int(a[1], default: -1, vm), fromRight: false).map { .str($0) }))
        },
        "rsplit": { vm, s, args, kwargs in
            let a = try bind("rsplit", ["sep", "maxsplit"], args, kwargs, vm)
            let sep = try separator(a[0], vm)
            return .object(PyList(split(s, sep: sep, maxsplit: try int(a[1], default: -1, vm), fromRight: true).map { .str($0) }))
        },
        "splitlines": { vm, s, args, kwargs in
            let keepEnds = try vm.truthy(try bind("splitlines", ["keepends"], args, kwargs, vm)[0] ?? .bool(false))
            return .object(PyList(CodePoints.splitLines(s, keepEnds: keepEnds).map { .str($0) }))
        },
        "join": { vm, s, args, _ in
            // PySequence_Fast: a TypeError getting the iterator becomes its own message;
            // anything raised while iterating goes through as it is.
            var iterable = args[0]
            if let o = iterable.asObject, (o is PyList || o is PyTuple) && o.instancePart == nil {
                // A list or tuple is read as it is.
            } else {
                do {
                    iterable = .object(try vm.makeIterator(iterable))
                } catch let error as PythonError where error.exception.isInstance(of: BuiltinTypes.typeError) {
                    throw vm.typeError("can only join an iterable")
                }
            }
            let parts = try vm.iterate(iterable)
            var strings: [String] = []
            for (i, p) in parts.enumerated() {
                guard case .str(let ps) = vm.derivedValue(p) ?? p else {
                    throw vm.typeError("sequence item \(i): expected str instance, \(p.typeName) found")
                }
                strings.append(ps)
            }
            vm.extraWork &+= strings.count &* CPUCost.joinItemWork
            return .str(strings.joined(separator: s))
        },
        "replace": { vm, s, args, _ in
            guard args.count >= 2 else { throw vm.typeError("replace expected at least 2 arguments, got \(args.count)") }
            let old = try string(args[0], "replace() argument 1", vm), new = try string(args[1], "replace() argument 2", vm)
            let count = try int(args.count > 2 ? args[2] : nil, default: -1, vm)
            if old.isEmpty {
                // An empty `old` matches before every code point and at the end, up to `count` times.
                var left = count < 0 ? Int.max : count
                var out = String.UnicodeScalarView()
                for c in s.unicodeScalars {
                    if left > 0 { out.append(contentsOf: new.unicodeScalars); left -= 1 }
                    out.append(c)
                }
                if left > 0 { out.append(contentsOf: new.unicodeScalars) }
                return .str(String(out))
            }
            // Code point by code point (Foundation's replacingOccurrences matches graphemes:
            // it would not find the 'e' of 'e\u0301').
            return .str(split(s, sep: old, maxsplit: count, fromRight: false).joined(separator: new))
        },
        "count": { vm, s, args, _ in
            let sub = try string(args.first, nil, vm)
            guard let (part, _) = try window(s, args, vm) else { return .int(0) }
            if sub.isEmpty { return .int(part.unicodeScalars.count + 1) }
            return .int(split(part, sep: sub, maxsplit: -1, fromRight: false).count - 1)
        },
        "find": { vm, s, args, _ in .int(try find(s, args, fromRight: false, vm) ?? -1) },
        "rfind": { vm, s, args, _ in .int(try find(s, args, fromRight: true, vm) ?? -1) },
        "index": { vm, s, args, _ in
            guard let i = try find(s, args, fromRight: false, vm) else {
                throw PythonError(vm.makeException(BuiltinTypes.valueError, "substring not found"))
            }
            return .int(i)
        },
        "rindex": { vm, s, args, _ in
            guard let i = try find(s, args, fromRight: true, vm) else {
                throw PythonError(vm.makeException(BuiltinTypes.valueError, "substring not found"))
            }
            return .int(i)
        },
        "partition": { vm, s, args, _ in
            let sep = try string(args.first, nil, vm)
            guard !sep.isEmpty else { throw PythonError(vm.makeException(BuiltinTypes.valueError, "empty separator")) }
            let parts = split(s, sep: sep, maxsplit: 1, fromRight: false)
            return .object(PyTuple(parts.count == 2 ? [.str(parts[0]), .str(sep), .str(parts[1])] : [.str(s), .str(""), .str("")]))
        },
        "rpartition": { vm, s, args, _ in
            let sep = try string(args.first, nil, vm)
            guard !sep.isEmpty else { throw PythonError(vm.makeException(BuiltinTypes.valueError, "empty separator")) }
            let parts = split(s, sep: sep, maxsplit: 1, fromRight: true)
            return .object(PyTuple(parts.count == 2 ? [.str(parts[0]), .str(sep), .str(parts[1])] : [.str(""), .str(""), .str(s)]))
        },
        "ljust": { vm, s, args, _ in try pad(vm, s, args, "<") },
        "rjust": { vm, s, args, _ in try pad(vm, s, args, ">") },
        "center": { vm, s, args, _ in try pad(vm, s, args, "^") },
        "zfill": { vm, s, args, _ in
            let width = try int(args.first, default: 0, vm)
            let pad = max(0, width - s.unicodeScalars.count)
            try vm.reserve(pad + s.utf8.count)
            if let f = s.unicodeScalars.first, f == "-" || f == "+" {
                return .str(String(f) + repeatedString("0", count: pad) + String(s.unicodeScalars.dropFirst()))
            }
            return .str(repeatedString("0", count: pad) + s)
        },
        "expandtabs": { vm, s, args, kwargs in
            let size = try int(try bind("expandtabs", ["tabsize"], args, kwargs, vm)[0], default: 8, vm)
            // CPython takes the tab size as a C int.
            guard size <= Int(Int32.max) else {
                throw PythonError(vm.makeException(BuiltinTypes.overflowError, "Python int too large to convert to C int"))
            }
            var out = "", column = 0
            for c in s.unicodeScalars {
                if c == "\t" {
                    let n = size > 0 ? size - column % size : 0
                    try vm.reserve(out.utf8.count + n)
                    out += String(repeating: " ", count: n)
                    column += n
                } else {
                    out.unicodeScalars.append(c)
                    column = (c == "\n" || c == "\r") ? 0 : column + 1
                }
            }
            return .str(out)
        },
        "format": { vm, s, args, kwargs in .str(try vm.strFormat(s, args, kwargs)) },
        "format_map": { vm, s, args, _ in .str(try vm.strFormatMap(s, args[0])) },
        "isdigit": { _, s, _, _ in .bool(scalars(s, UnicodeCType.isDigit)) },
        "isascii": { _, s, _, _ in .bool(s.unicodeScalars.allSatisfy(\.isASCII)) },
        "isdecimal": { _, s, _, _ in .bool(scalars(s, UnicodeCType.isDecimal)) },
        "isnumeric": { _, s, _, _ in .bool(scalars(s, UnicodeCType.isNumeric)) },
        "isalpha": { _, s, _, _ in .bool(scalars(s, UnicodeCType.isAlpha)) },
        "isalnum": { _, s, _, _ in .bool(scalars(s, UnicodeCType.isAlnum)) },
        "isprintable": { _, s, _, _ in .bool(s.unicodeScalars.allSatisfy(UnicodeCType.isPrintable)) },
        "istitle": { _, s, _, _ in .bool(CaseMapping.isTitle(s)) },
        "isspace": { _, s, _, _ in .bool(scalars(s) { UnicodeCType.isSpace($0) }) },
        "isupper": { _, s, _, _ in .bool(CaseMapping.isUpper(s)) },
        "islower": { _, s, _, _ in .bool(CaseMapping.isLower(s)) },
        // `_PyUnicode_IsXidStart` (or `_`) first, `_PyUnicode_IsXidContinue` after.
        "isidentifier": { _, s, _, _ in
            guard let first = s.unicodeScalars.first, first == "_" || UnicodeCType.isXIDStart(first) else { return .bool(false) }
            return .bool(s.unicodeScalars.dropFirst().allSatisfy(UnicodeCType.isXIDContinue))
        },
    ]

    private static func pad(_ vm: Interpreter, _ s: String, _ args: [Value], _ align: String) throws -> Value {
        let width = try int(args.first, default: 0, vm)
        var fill = " "
        if args.count > 1 {
            guard case .str(let f) = args[1] else {
                throw vm.typeError("The fill character must be a unicode character, not \(args[1].typeName)")
            }
            fill = f
        }
        guard fill.unicodeScalars.count == 1 else {
            throw vm.typeError("The fill character must be exactly one character long")
        }
        let length = s.unicodeScalars.count
        guard width > length else { return .str(s) }
        try vm.reserve(width)
        let margin = width - length
        let left: Int
        switch align {
        case "<": left = 0
        case ">": left = margin
        // str.center puts the odd space on the left when the width is odd (CPython's rule).
        default: left = margin / 2 + (margin & width & 1)
        }
        let scalar = fill.unicodeScalars.first!
        return .str(padded([.fill(scalar, left), .text(s), .fill(scalar, margin - left)]))
    }
}
