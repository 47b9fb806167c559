/// Splitting f-strings into literal text and replacement fields, as CPython 3.11 does
/// after tokenizing the whole f-string as one STRING token: `{{`/`}}` are literal braces,
/// a field is `{expr[=][!conv][:spec]}`, the spec may hold nested fields, and the
/// expression text is lexed and parsed by the ordinary lexer and parser starting at its
/// real source position, so errors and node ranges point into the f-string.
extension Parser {
    mutating func parseFString(_ literal: StringLiteral) throws -> [FStringPart] {
        let body = literal.body
        // Source location of every body scalar (and one past the end).
        var locs: [SourceLocation] = []
        locs.reserveCapacity(body.count + 1)
        var l = literal.bodyStart
        for s in body {
            locs.append(l)
            if s == "\n" { l = SourceLocation(line: l.line + 1, column: 1) } else { l.column += 1 }
        }
        locs.append(l)
        // Errors found while splitting are reported where CPython 3.11 reports them.
        fstringEnd = literal.end
        var k = 0
        return try parseFStringParts(body, locs, &k, raw: literal.isRaw, nesting: 0, inSpec: false)
    }

    private mutating func parseFStringParts(_ body: [Unicode.Scalar], _ locs: [SourceLocation], _ k: inout Int,
                                            raw: Bool, nesting: Int, inSpec: Bool) throws -> [FStringPart] {
        var parts: [FStringPart] = []
        var pending = String.UnicodeScalarView()
        func flush(_ parser: Parser) throws {
            guard !pending.isEmpty else { return }
            var text = String(pending)
            if !raw {
                switch StringEscapes.decode(pending) {
                case .success(let v): text = v
                case .failure(let e): throw parser.failure(e.message, at: fstringEnd)
                }
            }
            parts.append(.literal(text))
            pending = String.UnicodeScalarView()
        }
        while k < body.count {
            let c = body[k]
            if c == "{" {
                if !inSpec, k + 1 < body.count, body[k + 1] == "{" {
                    pending.append("{")
                    k += 2
                    continue
                }
                try flush(self)
                parts.append(try parseField(body, locs, &k, raw: raw, nesting: nesting))
            } else if c == "}" {
                if inSpec { break }
                if k + 1 < body.count, body[k + 1] == "}" {
                    pending.append("}")
                    k += 2
                    continue
                }
                throw failure("f-string: single '}' is not allowed", at: fstringEnd)
            } else if c == "\\", !raw, k + 1 < body.count {
                if body[k + 1] == "N" {
                    // `\N{NAME}` is literal text, braces included (CPython's
                    // `fstring_find_literal`: the character after N is taken, and when it
                    // is `{`, everything up to the next `}`); decoding it comes later.
                    pending.append(c)
                    pending.append(body[k + 1])
                    k += 2
                    if k < body.count {
                        let next = body[k]
                        pending.append(next)
                        k += 1
                        if next == "{" {
                            while k < body.count {
                                let d = body[k]
                                pending.append(d)
                                k += 1
                                if d == "}" { break }
                            }
                        }
                    }
                    continue
                }
                pending.append(c)
                if body[k + 1] != "{" && body[k + 1] != "}" {
                    pending.append(body[k + 1])
                    k += 1
                }
                k += 1
            } else {
                pending.append(c)
                k += 1
            }
        }
        try flush(self)
        return parts
    }

    /// Parses one `{...}` field starting at `body[k] == "{"`; leaves `k` after its `}`.
    private mutating func parseField(_ body: [Unicode.Scalar], _ locs: [SourceLocation], _ k: inout Int,
                                     raw: Bool, nesting: Int) throws -> FStringPart {
        let open = k
        if nesting >= 2 { throw failure("f-string: expressions nested too deeply", at: fstringEnd) }
        k += 1
        let exprStart = k
        var depth = 0
        var quote: Unicode.Scalar?
        scan: while k < body.count {
            let c = body[k]
            // A backslash is refused inside the expression's strings too (3.11's
            // `fstring_find_expr` checks it before it looks at quotes); `#` only outside.
            if c == "\\" { throw failure("f-string expression part cannot include a backslash", at: fstringEnd) }
            if let q = quote {
                if c == q { quote = nil }
                k += 1
                continue
            }
            switch c {
            case "#": throw failure("f-string expression part cannot include '#'", at: fstringEnd)
            case "'", "\"": quote = c
            case "(", "[", "{": depth += 1
            case ")", "]", "}":
                if depth == 0 {
                    if c == "}" { break scan }
                    throw failure("f-string: unmatched '\(Character(c))'", at: fstringEnd)
                }
                depth -= 1
            case "!" where depth == 0:
                if k + 1 < body.count, body[k + 1] == "=" { k += 2; continue }
                break scan
            case ":" where depth == 0:
                break scan
            case "=" where depth == 0:
                let nextIsEq = k + 1 < body.count && body[k + 1] == "="
                let prev = k > exprStart ? body[k - 1] : " "
                if nextIsEq { k += 2; continue }
                if !"=!<>".unicodeScalars.contains(prev) { break scan }
            default: break
            }
            k += 1
        }
        guard k < body.count else { throw failure("f-string: expecting '}'", at: fstringEnd) }
        let exprScalars = Array(body[exprStart..<k])
        if exprScalars.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" }) {
            throw failure("f-string: empty expression not allowed", at: fstringEnd)
        }
        var debugText: String?
        if body[k] == "=" {
            k += 1
            while k < body.count, body[k] == " " { k += 1 }
            var v = String.UnicodeScalarView()
            v.append(contentsOf: body[exprStart..<k])
            debugText = String(v)
        }
        var conversion: Character?
        if k < body.count, body[k] == "!" {
            k += 1
            guard k < body.count else { throw failure("f-string: expecting '}'", at: fstringEnd) }
            let c = body[k]
            guard c == "r" || c == "s" || c == "a" else {
                throw failure("f-string: invalid conversion character: expected 's', 'r', or 'a'", at: fstringEnd)
            }
            conversion = Character(c)
            k += 1
        }
        var spec: [FStringPart]?
        if k < body.count, body[k] == ":" {
            k += 1
            spec = try parseFStringParts(body, locs, &k, raw: raw, nesting: nesting + 1, inSpec: true)
        }
        guard k < body.count, body[k] == "}" else {
            throw failure("f-string: expecting '}'", at: fstringEnd)
        }
        k += 1
        if debugText != nil && conversion == nil && spec == nil { conversion = "r" }
        let expr = try parseFieldExpression(exprScalars, start: locs[exprStart])
        return .expression(expr, conversion: conversion, spec: spec, debugText: debugText)
    }

    /// Lexes and parses a field's expression with a fresh parser (CPython parses it as if
    /// parenthesised, so tuples and `yield` are allowed and newlines are insignificant).
    private mutating func parseFieldExpression(_ scalars: [Unicode.Scalar], start: SourceLocation) throws -> Expr {
        var sub = Parser(tokens: Lexer.tokenizeExpression(scalars, start: start))
        sub.messagePrefix = "f-string: "
        sub.depth = depth
        let e: Expr
        if sub.atKeyword("yield") {
            e = try sub.parseYield()
        } else {
            e = try sub.parseStarExpressions()
        }
        if sub.tok.kind != .endMarker {
            if let f = sub.missingComma(after: e) { throw f }
            throw sub.invalidSyntax()
        }
        return e
    }
}
