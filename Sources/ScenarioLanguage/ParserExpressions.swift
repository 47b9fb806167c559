/// Expressions, following the precedence levels of CPython's PEG grammar (lowest first):
/// lambda, conditional expression, `or`, `and`, `not`, comparisons, `|`, `^`, `&`,
/// shifts, `+ -`, `* / // % @`, unary `+ - ~`, `**` (right-associative, and binding tighter
/// than a unary operator on its left), `await`, primaries (calls, subscripts, attributes).
extension Parser {
    /// Can the current token begin an expression?
    var atExpressionStart: Bool {
        switch tok.kind {
        case .name:
            return !pythonKeywords.contains(tok.text)
                || ["None", "True", "False", "not", "lambda", "await", "yield"].contains(tok.text)
        case .int, .float, .imaginary, .string: return true
        case .op: return ["(", "[", "{", "-", "+", "~", "*", "...", "**"].contains(tok.text)
        default: return false
        }
    }

    /// `star_expressions`: an expression or an unparenthesised tuple, `*x` allowed.
    mutating func parseStarExpressions() throws -> Expr {
        let start = tok.start
        let first = try parseStarExpression()
        guard at(",") else { return first }
        var elts = [first]
        while eat(",") {
            if !atExpressionStart { break }
            elts.append(try parseStarExpression())
        }
        return Expr(.tuple(elts), range(from: start))
    }

    mutating func parseStarExpression() throws -> Expr {
        if at("*") {
            let start = next().start
            let value = try parseBitOr()
            return Expr(.starred(value), range(from: start))
        }
        return try parseExpression()
    }

    /// `star_named_expression`: an element of a list/tuple/set display.
    mutating func parseStarNamedExpression() throws -> Expr {
        if at("*") {
            let start = next().start
            let value = try parseBitOr()
            return Expr(.starred(value), range(from: start))
        }
        return try parseNamedExpression()
    }

    /// `named_expression`: `NAME := expression` or an expression.
    mutating func parseNamedExpression() throws -> Expr {
        let start = tok.start
        if tok.kind == .name, !pythonKeywords.contains(tok.text), peekToken(1).isOp(":=") {
            let (name, nameRange) = try expectName()
            next()
            let value = try parseExpression()
            return Expr(.namedExpr(target: Expr(.name(name), nameRange), value: value), range(from: start))
        }
        let e = try parseExpression()
        if at(":=") {
            let what = Parser.targetDescription(e) ?? "expression"
            throw failure("cannot use assignment expressions with \(what)", at: e.range)
        }
        return e
    }

    /// `expression`: lambda, conditional expression or disjunction.
    mutating func parseExpression() throws -> Expr {
        try descend()
        defer { depth -= 1 }
        if atKeyword("lambda") { return try parseLambda() }
        let start = tok.start
        let body = try parseDisjunction()
        guard atKeyword("if") else { return body }
        next()
        let test = try parseDisjunction()
        guard eatKeyword("else") else {
            throw failure("expected 'else' after 'if' expression", at: SourceRange(start: start, end: prevEnd))
        }
        let orelse = try parseExpression()
        return Expr(.ifExp(test: test, body: body, orelse: orelse), range(from: start))
    }

    /// An expression without conditional expressions or lambdas: comprehension `if`
    /// clauses and the iterable of a comprehension `for` use this.
    mutating func parseDisjunction() throws -> Expr {
        let start = tok.start
        let first = try parseConjunction()
        guard atKeyword("or") else { return first }
        var values = [first]
        while eatKeyword("or") { values.append(try parseConjunction()) }
        return Expr(.boolOp(.or, values), range(from: start))
    }

    mutating func parseConjunction() throws -> Expr {
        let start = tok.start
        let first = try parseInversion()
        guard atKeyword("and") else { return first }
        var values = [first]
        while eatKeyword("and") { values.append(try parseInversion()) }
        return Expr(.boolOp(.and, values), range(from: start))
    }

    mutating func parseInversion() throws -> Expr {
        guard atKeyword("not") else { return try parseComparison() }
        try descend()
        defer { depth -= 1 }
        let start = next().start
        let operand = try parseInversion()
        return Expr(.unary(.not, operand), range(from: start))
    }

    private mutating func comparisonOperator() -> CompareOperator? {
        if tok.kind == .op {
            let op: CompareOperator? = switch tok.text {
            case "==": .eq
            case "!=": .notEq
            case "<": .lt
            case "<=": .ltE
            case ">": .gt
            case ">=": .gtE
            default: nil
            }
            if op != nil { next() }
            return op
        }
        if atKeyword("in") { next(); return .in }
        if atKeyword("not") && peekToken(1).isKeyword("in") { next(); next(); return .notIn }
        if atKeyword("is") {
            next()
            return eatKeyword("not") ? .isNot : .is
        }
        return nil
    }

    mutating func parseComparison() throws -> Expr {
        let start = tok.start
        let first = try parseBitOr()
        var ops: [(CompareOperator, Expr)] = []
        while let op = comparisonOperator() {
            ops.append((op, try parseBitOr()))
        }
        return ops.isEmpty ? first : Expr(.compare(first, ops), range(from: start))
    }

    /// Binary operator precedence levels from `|` (1) to `* / // % @` (6).
    private func binaryOperator() -> (BinaryOperator, Int)? {
        guard tok.kind == .op else { return nil }
        switch tok.text {
        case "|": return (.bitOr, 1)
        case "^": return (.bitXor, 2)
        case "&": return (.bitAnd, 3)
        case "<<": return (.lshift, 4)
        case ">>": return (.rshift, 4)
        case "+": return (.add, 5)
        case "-": return (.sub, 5)
        case "*": return (.mul, 6)
        case "/": return (.div, 6)
        case "//": return (.floorDiv, 6)
        case "%": return (.mod, 6)
        case "@": return (.matMul, 6)
        default: return nil
        }
    }

    /// `bitwise_or` and everything down to `term`, by precedence climbing (all these
    /// operators are left-associative).
    mutating func parseBitOr() throws -> Expr {
        try parseBinary(minLevel: 1)
    }

    private mutating func parseBinary(minLevel: Int) throws -> Expr {
        let start = tok.start
        var left = try parseFactor()
        var links = 0
        defer { chainDepth -= links }
        while let (op, level) = binaryOperator(), level >= minLevel {
            try lengthenChain()
            links += 1
            next()
            let right = try parseBinaryOperand(above: level)
            left = Expr(.binary(op, left, right), range(from: start))
        }
        return left
    }

    private mutating func parseBinaryOperand(above level: Int) throws -> Expr {
        if level >= 6 { return try parseFactor() }
        return try parseBinary(minLevel: level + 1)
    }

    /// `factor`: unary `+ - ~`, then `power`.
    mutating func parseFactor() throws -> Expr {
        guard tok.kind == .op, tok.text == "-" || tok.text == "+" || tok.text == "~" else {
            return try parsePower()
        }
        try descend()
        defer { depth -= 1 }
        let opToken = next()
        let op: UnaryOperator = opToken.text == "-" ? .neg : opToken.text == "+" ? .pos : .invert
        let operand = try parseFactor()
        return Expr(.unary(op, operand), range(from: opToken.start))
    }

    /// `power`: `await_primary ['**' factor]`, so `-2 ** 2` is `-(2 ** 2)` and `2 ** -1`
    /// works, and `2 ** 3 ** 2` is `2 ** (3 ** 2)`.
    mutating func parsePower() throws -> Expr {
        let start = tok.start
        let base = try parseAwaitPrimary()
        guard eat("**") else { return base }
        try descend()
        defer { depth -= 1 }
        let exponent = try parseFactor()
        return Expr(.binary(.pow, base, exponent), range(from: start))
    }

    mutating func parseAwaitPrimary() throws -> Expr {
        guard atKeyword("await") else { return try parsePrimary() }
        let start = next().start
        let value = try parsePrimary()
        return Expr(.await(value), range(from: start))
    }

    /// An atom followed by any number of `.name`, `(args)` and `[subscript]` trailers.
    mutating func parsePrimary() throws -> Expr {
        let start = tok.start
        var e = try parseAtom()
        var links = 0
        defer { chainDepth -= links }
        while true {
            if at(".") || at("(") || at("[") {
                try lengthenChain()
                links += 1
            }
            if eat(".") {
                let (name, _) = try expectName()
                e = Expr(.attribute(e, name), range(from: start))
            } else if at("(") {
                let args = try parseCallArguments()
                e = Expr(.call(func: e, args: args), range(from: start))
            } else if eat("[") {
                let index = try parseSlices()
                try expect("]")
                e = Expr(.subscript(e, index: index), range(from: start))
            } else {
                return e
            }
        }
    }

    // MARK: - Atoms

    mutating func parseAtom() throws -> Expr {
        let t = tok
        switch t.kind {
        case .name:
            switch t.text {
            case "True": next(); return Expr(.bool(true), t.range)
            case "False": next(); return Expr(.bool(false), t.range)
            case "None": next(); return Expr(.none, t.range)
            default:
                if pythonKeywords.contains(t.text) { throw invalidSyntax() }
                next()
                return Expr(.name(t.text), t.range)
            }
        case .int:
            next()
            if let big = t.bigIntDigits { return Expr(.bigInt(digits: big.digits, radix: big.radix), t.range) }
            return Expr(.int(t.intValue), t.range)
        case .float:
            next()
            return Expr(.float(t.floatValue), t.range)
        case .imaginary:
            next()
            return Expr(.imaginary(t.floatValue), t.range)
        case .string:
            return try parseStrings()
        case .op:
            switch t.text {
            case "(": return try parseParenthesized()
            case "[": return try parseListDisplay()
            case "{": return try parseBraceDisplay()
            case "...": next(); return Expr(.ellipsis, t.range)
            default: throw invalidSyntax()
            }
        default:
            throw invalidSyntax()
        }
    }

    /// "invalid syntax. Perhaps you forgot a comma?" when two expressions sit side by side
    /// inside brackets, as CPython reports it (pointing at the first of them).
    func missingComma(after element: Expr) -> Failure? {
        guard atExpressionStart, tok.kind != .op || ["(", "[", "{"].contains(tok.text) else { return nil }
        if tok.kind == .name, ["not", "lambda", "await", "yield"].contains(tok.text) { return nil }
        return failure("invalid syntax. Perhaps you forgot a comma?", at: element.range)
    }

    mutating func parseParenthesized() throws -> Expr {
        let start = next().start
        if eat(")") { return Expr(.tuple([]), range(from: start)) }
        if atKeyword("yield") {
            let y = try parseYield()
            try expect(")")
            return y
        }
        let first = try parseStarNamedExpression()
        if atKeyword("for") || (atKeyword("async") && peekToken(1).isKeyword("for")) {
            let generators = try parseComprehensionClauses()
            try expect(")")
            return Expr(.generatorExp(element: first, generators: generators), range(from: start))
        }
        if eat(")") {
            if case .starred = first.kind { throw failure("cannot use starred expression here", at: first.range) }
            return first
        }
        guard at(",") else {
            if let f = missingComma(after: first) { throw f }
            throw invalidSyntax()
        }
        var elts = [first]
        while eat(",") {
            if at(")") { break }
            let e = try parseStarNamedExpression()
            elts.append(e)
            if !at(",") && !at(")"), let f = missingComma(after: e) { throw f }
        }
        try expect(")")
        return Expr(.tuple(elts), range(from: start))
    }

    mutating func parseListDisplay() throws -> Expr {
        let start = next().start
        if eat("]") { return Expr(.list([]), range(from: start)) }
        let first = try parseStarNamedExpression()
        if atKeyword("for") || (atKeyword("async") && peekToken(1).isKeyword("for")) {
            let generators = try parseComprehensionClauses()
            try expect("]")
            return Expr(.listComp(element: first, generators: generators), range(from: start))
        }
        var elts = [first]
        if !at(",") && !at("]"), let f = missingComma(after: first) { throw f }
        while eat(",") {
            if at("]") { break }
            let e = try parseStarNamedExpression()
            elts.append(e)
            if !at(",") && !at("]"), let f = missingComma(after: e) { throw f }
        }
        try expect("]")
        return Expr(.list(elts), range(from: start))
    }

    /// `{}` dict, `{k: v, **m}` dict, `{a, *b}` set, and their comprehensions.
    mutating func parseBraceDisplay() throws -> Expr {
        let start = next().start
        if eat("}") { return Expr(.dict([]), range(from: start)) }
        var entries: [(key: Expr?, value: Expr)] = []
        if eat("**") {
            entries.append((nil, try parseBitOr()))
        } else {
            let first = try parseStarNamedExpression()
            if eat(":") {
                let value = try parseExpression()
                if atKeyword("for") || (atKeyword("async") && peekToken(1).isKeyword("for")) {
                    let generators = try parseComprehensionClauses()
                    try expect("}")
                    return Expr(.dictComp(key: first, value: value, generators: generators), range(from: start))
                }
                entries.append((first, value))
            } else {
                // A set display or set comprehension.
                if atKeyword("for") || (atKeyword("async") && peekToken(1).isKeyword("for")) {
                    let generators = try parseComprehensionClauses()
                    try expect("}")
                    return Expr(.setComp(element: first, generators: generators), range(from: start))
                }
                var elts = [first]
                while eat(",") {
                    if at("}") { break }
                    elts.append(try parseStarNamedExpression())
                }
                try expect("}")
                return Expr(.set(elts), range(from: start))
            }
        }
        while eat(",") {
            if at("}") { break }
            if eat("**") {
                entries.append((nil, try parseBitOr()))
                continue
            }
            let key = try parseExpression()
            guard eat(":") else {
                if at(",") || at("}") { throw failure("':' expected after dictionary key", at: key.range) }
                throw invalidSyntax()
            }
            entries.append((key, try parseExpression()))
        }
        try expect("}")
        return Expr(.dict(entries), range(from: start))
    }

    /// `for target in iter [if cond]...`, possibly several, possibly `async for`.
    mutating func parseComprehensionClauses() throws -> [Comprehension] {
        var generators: [Comprehension] = []
        while atKeyword("for") || (atKeyword("async") && peekToken(1).isKeyword("for")) {
            let isAsync = eatKeyword("async")
            next()
            let target = try parseTargetList()
            try checkTarget(target, context: .forLoop)
            guard eatKeyword("in") else { throw invalidSyntax() }
            let iter = try parseDisjunction()
            var ifs: [Expr] = []
            while eatKeyword("if") { ifs.append(try parseDisjunction()) }
            generators.append(Comprehension(target: target, iter: iter, ifs: ifs, isAsync: isAsync))
        }
        return generators
    }

    /// Targets of `for` loops and comprehensions: `star_targets`, parsed at the
    /// `bitwise_or` level so that the `in` that follows is not taken as an operator.
    mutating func parseTargetList() throws -> Expr {
        let start = tok.start
        func one(_ parser: inout Parser) throws -> Expr {
            if parser.at("*") {
                let s = parser.next().start
                let v = try parser.parseBitOr()
                return Expr(.starred(v), parser.range(from: s))
            }
            return try parser.parseBitOr()
        }
        let first = try one(&self)
        guard at(",") else { return first }
        var elts = [first]
        while eat(",") {
            if atKeyword("in") || at("=") || at(":") { break }
            elts.append(try one(&self))
        }
        return Expr(.tuple(elts), range(from: start))
    }

    // MARK: - Subscripts

    /// The inside of `x[...]`: an expression, a slice, or a tuple of them.
    mutating func parseSlices() throws -> Expr {
        let start = tok.start
        let first = try parseSlice()
        guard at(",") else {
            // `x[*a]` is a one-element tuple, as `x[*a,]` (the grammar's `slices`).
            if case .starred = first.kind { return Expr(.tuple([first]), range(from: start)) }
            return first
        }
        var elts = [first]
        while eat(",") {
            if at("]") { break }
            elts.append(try parseSlice())
        }
        return Expr(.tuple(elts), range(from: start))
    }

    private mutating func parseSlice() throws -> Expr {
        let start = tok.start
        if at("*") { return try parseStarNamedExpression() }
        var lower: Expr?
        if !at(":") {
            lower = try parseNamedExpression()
            if !at(":") { return lower! }
        }
        next()
        var upper: Expr?, step: Expr?
        if !at(":") && !at("]") && !at(",") { upper = try parseExpression() }
        if eat(":") {
            if !at("]") && !at(",") { step = try parseExpression() }
        }
        return Expr(.slice(lower: lower, upper: upper, step: step), range(from: start))
    }

    // MARK: - Calls

    mutating func parseCallArguments() throws -> [Argument] {
        try expect("(")
        var args: [Argument] = []
        var sawKeyword = false, sawDoubleStar = false
        while !at(")") {
            let start = tok.start
            if eat("*") {
                let value = try parseExpression()
                if sawDoubleStar {
                    throw failure("iterable argument unpacking follows keyword argument unpacking", at: start)
                }
                args.append(Argument(kind: .star, value: value, range: range(from: start)))
            } else if eat("**") {
                let value = try parseExpression()
                sawDoubleStar = true
                args.append(Argument(kind: .doubleStar, value: value, range: range(from: start)))
            } else if tok.kind == .name, !pythonKeywords.contains(tok.text), peekToken(1).isOp("=") {
                let name = next().text
                next()
                let value = try parseExpression()
                sawKeyword = true
                args.append(Argument(kind: .keyword(name), value: value, range: range(from: start)))
            } else {
                let value = try parseNamedExpression()
                if at("=") {
                    throw failure("expression cannot contain assignment, perhaps you meant \"==\"?",
                                  at: SourceRange(start: value.range.start, end: tok.range.end))
                }
                if atKeyword("for") || (atKeyword("async") && peekToken(1).isKeyword("for")) {
                    let generators = try parseComprehensionClauses()
                    let genexp = Expr(.generatorExp(element: value, generators: generators), range(from: start))
                    if !args.isEmpty || !at(")") {
                        throw failure("Generator expression must be parenthesized", at: genexp.range)
                    }
                    args.append(Argument(kind: .positional, value: genexp, range: genexp.range))
                    continue
                }
                if sawDoubleStar {
                    throw failure("positional argument follows keyword argument unpacking", at: value.range)
                }
                if sawKeyword {
                    // CPython points at the token after the offending argument.
                    throw failure("positional argument follows keyword argument", at: tok.range)
                }
                args.append(Argument(kind: .positional, value: value, range: range(from: start)))
                if !at(",") && !at(")"), let f = missingComma(after: value) { throw f }
            }
            if !eat(",") { break }
        }
        try expect(")")
        return args
    }

    // MARK: - Lambda, yield

    mutating func parseLambda() throws -> Expr {
        let start = next().start
        let params = try parseParameters(closing: ":", annotations: false)
        try expect(":")
        let body = try parseExpression()
        return Expr(.lambda(params, body: body), range(from: start))
    }

    mutating func parseYield() throws -> Expr {
        let start = next().start
        if eatKeyword("from") {
            let value = try parseExpression()
            return Expr(.yieldFrom(value), range(from: start))
        }
        if atExpressionStart && !at("**") {
            let value = try parseStarExpressions()
            return Expr(.yield(value), range(from: start))
        }
        return Expr(.yield(nil), range(from: start))
    }

    // MARK: - Parameters

    /// A parameter list up to (not including) `closing`: `)` for `def`, `:` for `lambda`.
    mutating func parseParameters(closing: String, annotations: Bool) throws -> Parameters {
        var params = Parameters()
        var seenStar = false, seenDefault = false
        var bareStar: SourceRange?
        while !at(closing) {
            if params.kwargs != nil {
                throw failure("arguments cannot follow var-keyword argument", at: tok.range)
            }
            if at("/") {
                let slash = next()
                if seenStar || params.positional.isEmpty || params.posonlyCount > 0 {
                    throw failure("invalid syntax", at: slash.range)
                }
                params.posonlyCount = params.positional.count
            } else if at("*") && !seenStar {
                let star = next()
                seenStar = true
                if at(",") || at(closing) {
                    bareStar = star.range
                } else {
                    params.varargs = try parseParam(annotations: annotations)
                }
            } else if eat("**") {
                params.kwargs = try parseParam(annotations: annotations)
            } else {
                let param = try parseParam(annotations: annotations)
                var defaultValue: Expr?
                if eat("=") { defaultValue = try parseExpression() }
                if seenStar {
                    params.keywordOnly.append(param)
                    params.keywordOnlyDefaults.append(defaultValue)
                    bareStar = nil
                } else {
                    if let d = defaultValue {
                        params.positionalDefaults.append(d)
                        seenDefault = true
                    } else if seenDefault {
                        throw failure("non-default argument follows default argument", at: param.range)
                    }
                    params.positional.append(param)
                }
            }
            if !eat(",") { break }
        }
        if let bareStar, !at(closing) || params.keywordOnly.isEmpty {
            throw failure("named arguments must follow bare *", at: bareStar)
        }
        if !at(closing) { throw invalidSyntax() }
        return params
    }

    private mutating func parseParam(annotations: Bool) throws -> Parameters.Param {
        let (name, nameRange) = try expectName()
        var annotation: Expr?
        if annotations && eat(":") { annotation = try parseExpression() }
        return Parameters.Param(name: name, annotation: annotation, range: nameRange)
    }
}
