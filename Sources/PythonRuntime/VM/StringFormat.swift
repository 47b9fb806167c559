/// `str.format`: a port of CPython 3.11's Objects/stringlib/unicode_format.h —
/// `MarkupIterator_next`, `parse_field`, `field_name_split`, `FieldNameIterator_next`,
/// `get_field_object` and `build_string` — with its error messages, automatic and manual
/// field numbering, `.attr` and `[key]` accessors, conversions, and replacement fields
/// nested in a format spec (two levels, as CPython allows).
extension Interpreter {
    package func strFormat(_ template: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> String {
        var numbering = AutoNumber()
        return try buildString(Array(template.unicodeScalars)[...], args, .pairs(kwargs), depth: 2, &numbering)
    }

    /// `str.format_map(mapping)`: named fields are looked up in `mapping` with `[]`, so a
    /// dict subclass's `__missing__` answers for the keys it lacks.
    package func strFormatMap(_ template: String, _ mapping: Value) throws -> String {
        var numbering = AutoNumber()
        return try buildString(Array(template.unicodeScalars)[...], [], .mapping(mapping), depth: 2, &numbering)
    }

    /// Where named fields come from: `format`'s keyword arguments, or `format_map`'s mapping.
    private enum Keywords {
        case pairs([(String, Value)])
        case mapping(Value)
    }

    /// CPython's `auto_number`: whether fields are numbered automatically (`{}`) or by hand.
    package struct AutoNumber {
        package enum State { case initial, automatic, manual }
        package var state = State.initial
        package var next = 0
    }

    private typealias Scalars = ArraySlice<Unicode.Scalar>

    private func formatError(_ message: String) -> PythonError {
        PythonError(makeException(BuiltinTypes.valueError, message))
    }

    /// `build_string`: literal text and rendered fields, in order.
    private func buildString(_ template: Scalars, _ args: [Value], _ kwargs: Keywords, depth: Int,
                             _ numbering: inout AutoNumber) throws -> String {
        guard depth > 0 else { throw formatError("Max string recursion exceeded") }
        var out = String.UnicodeScalarView()
        var rest = template
        while let (literal, field) = try markupNext(&rest) {
            out.append(contentsOf: literal)
            guard let field else { continue }
            out.append(contentsOf: try renderField(field, args, kwargs, depth: depth, &numbering).unicodeScalars)
        }
        return String(out)
    }

    package typealias FormatScalars = ArraySlice<Unicode.Scalar>

    /// `MarkupIterator_next`: the literal text up to the next replacement field (an escaped
    /// brace ends it, keeping one brace) and the field, if one follows; nil at the end.
    /// `str.format` and `_string.formatter_parser` (string.Formatter) both walk with it.
    package func markupNext(_ rest: inout FormatScalars) throws -> (literal: FormatScalars, field: FormatField?)? {
        guard !rest.isEmpty else { return nil }
        var c: Unicode.Scalar = "\0"
        var markupFollows = false
        var i = rest.startIndex
        while i < rest.endIndex {
            c = rest[i]
            i += 1
            if c == "{" || c == "}" { markupFollows = true; break }
        }
        let atEnd = i >= rest.endIndex
        var literalEnd = i
        if c == "}", atEnd || rest[i] != c { throw formatError("Single '}' encountered in format string") }
        if atEnd, c == "{" { throw formatError("Single '{' encountered in format string") }
        if !atEnd {
            if rest[i] == c {
                // An escaped brace: the literal keeps one, no field follows.
                i += 1
                markupFollows = false
            } else {
                literalEnd -= 1
            }
        }
        let literal = rest[rest.startIndex..<literalEnd]
        rest = rest[i...]
        guard markupFollows else { return (literal, nil) }
        return (literal, try parseField(&rest))
    }

    package struct FormatField {
        package var name: FormatScalars
        package var spec: FormatScalars
        package var specNeedsExpanding = false
        package var conversion: Unicode.Scalar?
    }

    /// `parse_field`: the field's name, conversion and spec, up to its closing '}'.
    private func parseField(_ str: inout Scalars) throws -> FormatField {
        var c: Unicode.Scalar = "\0"
        let nameStart = str.startIndex
        var i = str.startIndex
        scan: while i < str.endIndex {
            c = str[i]
            i += 1
            switch c {
            case "{": throw formatError("unexpected '{' in field name")
            case "[":
                while i < str.endIndex, str[i] != "]" { i += 1 }
                continue
            case "}", ":", "!": break scan
            default: continue
            }
        }
        var field = FormatField(name: str[nameStart..<max(nameStart, i - 1)], spec: str[i..<i])
        if c == "!" || c == ":" {
            if c == "!" {
                guard i < str.endIndex else { throw formatError("end of string while looking for conversion specifier") }
                field.conversion = str[i]
                i += 1
                if i < str.endIndex {
                    c = str[i]
                    i += 1
                    if c == "}" { str = str[i...]; return field }
                    if c != ":" { throw formatError("expected ':' after conversion specifier") }
                }
            }
            let specStart = i
            var count = 1
            while i < str.endIndex {
                c = str[i]
                i += 1
                if c == "{" {
                    field.specNeedsExpanding = true
                    count += 1
                } else if c == "}" {
                    count -= 1
                    if count == 0 {
                        field.spec = str[specStart..<(i - 1)]
                        str = str[i...]
                        return field
                    }
                }
            }
            throw formatError("unmatched '{' in format spec")
        } else if c != "}" {
            throw formatError("expected '}' before end of string")
        }
        // Without a closing brace the name ran to the end (`{0`), handled above.
        str = str[i...]
        return field
    }

    /// `output_markup`: the field's object, converted, formatted with its (expanded) spec.
    private func renderField(_ field: FormatField, _ args: [Value], _ kwargs: Keywords, depth: Int,
                             _ numbering: inout AutoNumber) throws -> String {
        var value = try fieldObject(field.name, args, kwargs, &numbering)
        if let conversion = field.conversion {
            switch conversion {
            case "r": value = .str(try repr(value))
            case "s": value = .str(try str(value))
            case "a": value = .str(asciiRepr(try repr(value)))
            default:
                let shown = conversion.value > 32 && conversion.value < 127 ? String(conversion)
                    : "\\x" + String(conversion.value, radix: 16)
                throw formatError("Unknown conversion specifier \(shown)")
            }
        }
        let spec = field.specNeedsExpanding
            ? try buildString(field.spec, args, kwargs, depth: depth - 1, &numbering)
            : CodePoints.string(field.spec)
        return try format(value, spec)
    }

    /// `get_integer`: a run of decimal digits as an index, nil when it is anything else.
    package func formatIndex(_ s: FormatScalars) throws -> Int? {
        guard !s.isEmpty, s.allSatisfy({ $0.properties.numericType == .decimal }) else { return nil }
        var n = 0
        for d in s {
            let digit = Int(d.properties.numericValue ?? 0)
            let (m, o1) = n.multipliedReportingOverflow(by: 10)
            let (r, o2) = m.addingReportingOverflow(digit)
            if o1 || o2 { throw formatError("Too many decimal digits in format string") }
            n = r
        }
        return n
    }

    /// `field_name_split` and `get_field_object`: the first part names a positional
    /// argument (a number, or nothing: the next one) or a keyword; `.attr` and `[key]`
    /// follow.
    private func fieldObject(_ name: Scalars, _ args: [Value], _ kwargs: Keywords,
                             _ numbering: inout AutoNumber) throws -> Value {
        var i = name.startIndex
        while i < name.endIndex, name[i] != ".", name[i] != "[" { i += 1 }
        let first = name[name.startIndex..<i]
        var index = try formatIndex(first)
        let isEmpty = first.isEmpty
        if isEmpty || index != nil {
            if numbering.state == .initial { numbering.state = isEmpty ? .automatic : .manual }
            if numbering.state == .manual, isEmpty {
                throw formatError("cannot switch from manual field specification to automatic field numbering")
            }
            if numbering.state == .automatic, !isEmpty {
                throw formatError("cannot switch from automatic field numbering to manual field specification")
            }
            if isEmpty {
                index = numbering.next
                numbering.next += 1
            }
        }
        var value: Value
        if let index {
            if case .mapping = kwargs { throw formatError("Format string contains positional fields") }
            guard index < args.count else {
                throw PythonError(makeException(BuiltinTypes.indexError, "Replacement index \(index) out of range for positional args tuple"))
            }
            value = args[index]
        } else {
            let key = CodePoints.string(first)
            switch kwargs {
            case .pairs(let pairs):
                guard let found = pairs.last(where: { CodePoints.equal($0.0, key) }) else {
                    throw PythonError(PyException(cls: BuiltinTypes.keyError, args: [.str(key)]))
                }
                value = found.1
            case .mapping(let mapping):
                value = try getItem(mapping, .str(key))
            }
        }
        // One accessor at a time (each applied before the next is read).
        var rest = name[i...]
        while let (isAttribute, part) = try fieldNameNext(&rest) {
            if isAttribute {
                value = try getAttribute(value, CodePoints.string(part))
            } else if let n = try formatIndex(part) {
                value = try getItem(value, .int(n))
            } else {
                value = try getItem(value, .str(CodePoints.string(part)))
            }
        }
        return value
    }

    /// `FieldNameIterator_next`: the next `.attr` or `[key]` of a field name (whether it is
    /// an attribute, and its text), nil at the end.
    package func fieldNameNext(_ rest: inout FormatScalars) throws -> (isAttribute: Bool, part: FormatScalars)? {
        var i = rest.startIndex
        guard i < rest.endIndex else { return nil }
        let c = rest[i]
        i += 1
        let part: Scalars
        let isAttribute: Bool
        switch c {
        case ".":
            isAttribute = true
            let start = i
            while i < rest.endIndex, rest[i] != ".", rest[i] != "[" { i += 1 }
            part = rest[start..<i]
        case "[":
            isAttribute = false
            let start = i
            while i < rest.endIndex, rest[i] != "]" { i += 1 }
            guard i < rest.endIndex else { throw formatError("Missing ']' in format string") }
            part = rest[start..<i]
            i += 1
        default:
            throw formatError("Only '.' or '[' may follow ']' in format field specifier")
        }
        guard !part.isEmpty else { throw formatError("Empty attribute in format string") }
        rest = rest[i...]
        return (isAttribute, part)
    }
}
