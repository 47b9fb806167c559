import BigInt
import ScenarioLanguage

/// The source text of an expression as CPython's Python/ast_unparse.c writes it: the
/// string an annotation becomes under `from __future__ import annotations`. Parentheses
/// come from the precedence levels alone (not from the source), constants are written by
/// `repr` (an infinite float as `1e309`), f-strings are rebuilt and quoted by `repr`.
enum ASTUnparse {
    /// ast_unparse.c's precedence levels, lowest first.
    enum Precedence: Int, Comparable {
        case tuple, test, or, and, not, cmp
        case bor, bxor, band, shift, arith, term, factor, power, await, atom
        static let expr = Precedence.bor
        static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }
        /// The next level up (`PR_TEST + 1`).
        var above: Precedence { Precedence(rawValue: rawValue + 1) ?? .atom }
    }

    /// `_PyAST_ExprAsUnicode`: the text of `e` at the lowest level.
    static func unparse(_ e: Expr) -> String {
        var out = ""
        append(e, .test, to: &out)
        return out
    }

    private static func append(_ e: Expr, _ level: Precedence, to out: inout String) {
        func open(_ pr: Precedence) { if level > pr { out += "(" } }
        func close(_ pr: Precedence) { if level > pr { out += ")" } }
        func list(_ items: [Expr], _ pr: Precedence) {
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                append(item, pr, to: &out)
            }
        }
        switch e.kind {
        case .boolOp(let op, let values):
            let pr: Precedence = op == .and ? .and : .or
            open(pr)
            for (i, v) in values.enumerated() {
                if i > 0 { out += op == .and ? " and " : " or " }
                append(v, pr.above, to: &out)
            }
            close(pr)
        case let .binary(op, left, right):
            let pr = precedence(of: op)
            let rightAssociative = op == .pow
            open(pr)
            append(left, rightAssociative ? pr.above : pr, to: &out)
            out += " \(op.rawValue) "
            append(right, rightAssociative ? pr : pr.above, to: &out)
            close(pr)
        case let .unary(op, operand):
            let pr: Precedence = op == .not ? .not : .factor
            open(pr)
            out += op == .not ? "not " : op.rawValue
            append(operand, pr, to: &out)
            close(pr)
        case let .lambda(params, body):
            open(.test)
            out += params.positional.isEmpty ? "lambda" : "lambda "
            appendParameters(params, to: &out)
            out += ": "
            append(body, .test, to: &out)
            close(.test)
        case let .ifExp(test, body, orelse):
            open(.test)
            append(body, Precedence.test.above, to: &out)
            out += " if "
            append(test, Precedence.test.above, to: &out)
            out += " else "
            append(orelse, .test, to: &out)
            close(.test)
        case .dict(let entries):
            out += "{"
            for (i, entry) in entries.enumerated() {
                if i > 0 { out += ", " }
                if let key = entry.key {
                    append(key, .test, to: &out)
                    out += ": "
                    append(entry.value, .test, to: &out)
                } else {
                    out += "**"
                    append(entry.value, .expr, to: &out)
                }
            }
            out += "}"
        case .set(let elements):
            out += "{"
            list(elements, .test)
            out += "}"
        case let .listComp(element, generators), let .setComp(element, generators),
             let .generatorExp(element, generators):
            let (opening, closing) = switch e.kind {
            case .listComp: ("[", "]")
            case .setComp: ("{", "}")
            default: ("(", ")")
            }
            out += opening
            append(element, .test, to: &out)
            appendComprehensions(generators, to: &out)
            out += closing
        case let .dictComp(key, value, generators):
            out += "{"
            append(key, .test, to: &out)
            out += ": "
            append(value, .test, to: &out)
            appendComprehensions(generators, to: &out)
            out += "}"
        case .await(let value):
            open(.await)
            out += "await "
            append(value, .atom, to: &out)
            close(.await)
        case .yield(let value):
            out += "(yield"
            if let value {
                out += " "
                append(value, .test, to: &out)
            }
            out += ")"
        case .yieldFrom(let value):
            out += "(yield from "
            append(value, .test, to: &out)
            out += ")"
        case let .compare(left, chain):
            open(.cmp)
            append(left, Precedence.cmp.above, to: &out)
            for (op, right) in chain {
                out += " \(op.rawValue) "
                append(right, Precedence.cmp.above, to: &out)
            }
            close(.cmp)
        case let .call(fn, args):
            append(fn, .atom, to: &out)
            if args.count == 1, case .positional = args[0].kind, case .generatorExp = args[0].value.kind {
                append(args[0].value, .test, to: &out)
                return
            }
            out += "("
            for (i, arg) in args.enumerated() {
                if i > 0 { out += ", " }
                switch arg.kind {
                case .positional: break
                case .star: out += "*"
                case .keyword(let name): out += name + "="
                case .doubleStar: out += "**"
                }
                // A `*x` argument is a Starred node: its value at PR_EXPR.
                if case .star = arg.kind { append(arg.value, .expr, to: &out) } else { append(arg.value, .test, to: &out) }
            }
            out += ")"
        case .fstring(let parts):
            out += "f" + PyString.repr(fstringBody(parts))
        case let .attribute(value, attr):
            append(value, .atom, to: &out)
            // `1 .real`: a period straight after an int literal would make it a float.
            switch value.kind {
            case .int, .bigInt: out += " ."
            default: out += "."
            }
            out += attr
        case let .subscript(value, index):
            append(value, .atom, to: &out)
            out += "["
            if case .tuple(let elements) = index.kind, !elements.isEmpty {
                list(elements, .test)
                if elements.count == 1 { out += "," }
            } else {
                append(index, .tuple, to: &out)
            }
            out += "]"
        case .starred(let value):
            out += "*"
            append(value, .expr, to: &out)
        case let .slice(lower, upper, step):
            if let lower { append(lower, .test, to: &out) }
            out += ":"
            if let upper { append(upper, .test, to: &out) }
            if let step {
                out += ":"
                append(step, .test, to: &out)
            }
        case .name(let id):
            out += id
        case .list(let elements):
            out += "["
            list(elements, .test)
            out += "]"
        case .tuple(let elements):
            if elements.isEmpty {
                out += "()"
                return
            }
            open(.tuple)
            list(elements, .test)
            if elements.count == 1 { out += "," }
            close(.tuple)
        case let .namedExpr(target, value):
            open(.tuple)
            append(target, .atom, to: &out)
            out += " := "
            append(value, .atom, to: &out)
            close(.tuple)
        case .int(let n): out += String(n)
        case let .bigInt(digits, radix): out += (BigInt(digits, radix: radix) ?? 0).description
        case .float(let d): out += replacingInf(PyFloat.repr(d))
        case .imaginary(let d): out += replacingInf(PyComplexArithmetic.repr(ComplexValue(0, d)))
        case .string(let s): out += PyString.repr(s)
        case .bytes(let b): out += PyBytes(b).repr
        case .bool(let b): out += b ? "True" : "False"
        case .none: out += "None"
        case .ellipsis: out += "..."
        }
    }

    /// The level of a binary operator (`ast_unparse.c`'s `append_ast_binop`).
    private static func precedence(of op: BinaryOperator) -> Precedence {
        switch op {
        case .add, .sub: return .arith
        case .mul, .matMul, .div, .mod, .floorDiv: return .term
        case .lshift, .rshift: return .shift
        case .bitOr: return .bor
        case .bitXor: return .bxor
        case .bitAnd: return .band
        case .pow: return .power
        }
    }

    /// `append_repr`'s `inf` -> `1e309`, so the text reads back as the same value.
    private static func replacingInf(_ text: String) -> String {
        text.replacing("inf", with: "1e309")
    }

    /// `append_ast_comprehension`, each generator in turn.
    private static func appendComprehensions(_ generators: [Comprehension], to out: inout String) {
        for g in generators {
            out += g.isAsync ? " async for " : " for "
            append(g.target, .tuple, to: &out)
            out += " in "
            append(g.iter, Precedence.test.above, to: &out)
            for cond in g.ifs {
                out += " if "
                append(cond, Precedence.test.above, to: &out)
            }
        }
    }

    /// `append_ast_args` for a lambda: defaults, `/`, a bare `*` before keyword-only ones.
    private static func appendParameters(_ p: Parameters, to out: inout String) {
        var first = true
        func separate() { if first { first = false } else { out += ", " } }
        let defaultStart = p.positional.count - p.positionalDefaults.count
        for (i, param) in p.positional.enumerated() {
            separate()
            out += param.name
            if i >= defaultStart {
                out += "="
                append(p.positionalDefaults[i - defaultStart], .test, to: &out)
            }
            if p.posonlyCount > 0 && i + 1 == p.posonlyCount { out += ", /" }
        }
        if p.varargs != nil || !p.keywordOnly.isEmpty {
            separate()
            out += "*"
            if let v = p.varargs { out += v.name }
        }
        for (param, value) in zip(p.keywordOnly, p.keywordOnlyDefaults) {
            separate()
            out += param.name
            if let value {
                out += "="
                append(value, .test, to: &out)
            }
        }
        if let k = p.kwargs {
            separate()
            out += "**" + k.name
        }
    }

    /// `build_fstring_body`: literal text with its braces doubled, replacement fields
    /// rebuilt (`append_formattedvalue`).
    private static func fstringBody(_ parts: [FStringPart]) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .literal(let text):
                out += text.replacing("{", with: "{{").replacing("}", with: "}}")
            case let .expression(e, conversion, spec, debugText):
                if let debugText { out += debugText.replacing("{", with: "{{").replacing("}", with: "}}") }
                var value = ""
                // PR_TEST + 1 so a lambda's `:` is parenthesized.
                append(e, Precedence.test.above, to: &value)
                out += value.hasPrefix("{") ? "{ " : "{"
                out += value
                if let conversion { out += "!" + String(conversion) }
                if let spec {
                    out += ":"
                    out += fstringBody(spec)
                }
                out += "}"
            }
        }
        return out
    }
}
