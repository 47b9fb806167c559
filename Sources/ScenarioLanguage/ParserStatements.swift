/// Statements: simple statements (one logical line, `;`-separated) and compound
/// statements with indented blocks.
extension Parser {
    mutating func parseFile() throws -> Module {
        var body: [Stmt] = []
        while tok.kind != .endMarker {
            if tok.kind == .newline { next(); continue }
            body.append(contentsOf: try parseStatement())
        }
        return Module(body: body)
    }

    /// One statement line: a compound statement, or one or more simple statements.
    mutating func parseStatement() throws -> [Stmt] {
        switch tok.kind {
        case .indent:
            let column = max(1, tok.range.end.column - 1)
            throw failure("unexpected indent", at: SourceLocation(line: tok.start.line, column: column))
        case .error, .dedent, .endMarker, .newline:
            throw invalidSyntax()
        default:
            break
        }
        if tok.kind == .name {
            switch tok.text {
            case "if": return [try parseIf()]
            case "while": return [try parseWhile()]
            case "for": return [try parseFor(isAsync: false, start: tok.start)]
            case "try": return [try parseTry()]
            case "with": return [try parseWith(isAsync: false, start: tok.start)]
            case "def": return [try parseFunctionDef(decorators: [], start: tok.start)]
            case "class": return [try parseClassDef(decorators: [], start: tok.start)]
            case "async": return [try parseAsync(decorators: [])]
            case "match":
                if let m = try parseMatchIfPresent() { return [m] }
            default: break
            }
        }
        if at("@") { return [try parseDecorated()] }
        return try parseSimpleStatements()
    }

    // MARK: - Blocks

    /// The block after a compound statement header's `:`. `what` names the header in
    /// CPython's "expected an indented block after ..." message.
    mutating func parseBlock(after what: String, line: Int) throws -> [Stmt] {
        guard tok.kind == .newline else { return try parseSimpleStatements() }
        let newline = next()
        guard tok.kind == .indent else {
            if tok.kind == .error, let d = tok.diagnostic { throw Failure(diagnostic: d) }
            let at = tok.kind == .endMarker ? newline.start : tok.start
            throw failure("expected an indented block after \(what) on line \(line)", at: at)
        }
        next()
        var body: [Stmt] = []
        while tok.kind != .dedent && tok.kind != .endMarker {
            body.append(contentsOf: try parseStatement())
        }
        if tok.kind == .dedent { next() }
        return body
    }

    // MARK: - Simple statements

    mutating func parseSimpleStatements() throws -> [Stmt] {
        var stmts = [try parseSimpleStatement()]
        while eat(";") {
            if tok.kind == .newline { break }
            stmts.append(try parseSimpleStatement())
        }
        guard tok.kind == .newline else { throw invalidSyntax() }
        next()
        return stmts
    }

    private mutating func parseSimpleStatement() throws -> Stmt {
        let start = tok.start
        if tok.kind == .name {
            switch tok.text {
            case "pass": next(); return Stmt(.pass, range(from: start))
            case "break": next(); return Stmt(.break, range(from: start))
            case "continue": next(); return Stmt(.continue, range(from: start))
            case "return":
                next()
                let value = atExpressionStart ? try parseStarExpressions() : nil
                return Stmt(.return(value), range(from: start))
            case "raise":
                next()
                var exc: Expr?, cause: Expr?
                if atExpressionStart {
                    exc = try parseExpression()
                    if eatKeyword("from") { cause = try parseExpression() }
                }
                return Stmt(.raise(exc: exc, cause: cause), range(from: start))
            case "global", "nonlocal":
                let isGlobal = next().text == "global"
                var names = [try expectName().0]
                while eat(",") { names.append(try expectName().0) }
                return Stmt(isGlobal ? .global(names) : .nonlocal(names), range(from: start))
            case "del":
                next()
                let targets = try parseStarExpressions()
                var list: [Expr] = [targets]
                if case .tuple(let elts) = targets.kind, !at(")") { list = elts }
                for t in list { try checkTarget(t, context: .delete) }
                return Stmt(.delete(list), range(from: start))
            case "assert":
                next()
                let test = try parseExpression()
                let msg = eat(",") ? try parseExpression() : nil
                return Stmt(.assert(test: test, msg: msg), range(from: start))
            case "import":
                return try parseImport()
            case "from":
                return try parseFromImport()
            case "print" where peekToken(1).kind == .string || peekToken(1).kind == .int:
                throw failure("Missing parentheses in call to 'print'. Did you mean print(...)?",
                              at: SourceRange(start: start, end: peekToken(1).range.end))
            default:
                break
            }
        }
        return try parseExpressionStatement()
    }

    private mutating func parseRightHandSide() throws -> Expr {
        let value = atKeyword("yield") ? try parseYield() : try parseStarExpressions()
        if case .starred = value.kind { throw failure("can't use starred expression here", at: value.range) }
        return value
    }

    private mutating func parseExpressionStatement() throws -> Stmt {
        let start = tok.start
        let first = atKeyword("yield") ? try parseYield() : try parseStarExpressions()
        if eat(":") {
            switch first.kind {
            case .name, .attribute, .subscript: break
            case .tuple: throw failure("only single target (not tuple) can be annotated", at: first.range)
            case .list: throw failure("only single target (not list) can be annotated", at: first.range)
            default: throw failure("illegal target for annotation", at: first.range)
            }
            let annotation = try parseExpression()
            let value = eat("=") ? try parseRightHandSide() : nil
            return Stmt(.annAssign(target: first, annotation: annotation, value: value), range(from: start))
        }
        if tok.kind == .op, tok.text.count >= 2, tok.text.hasSuffix("="),
           !["==", "!=", "<=", ">=", ":="].contains(tok.text) {
            let opText = String(next().text.dropLast())
            guard let op = BinaryOperator(rawValue: opText) else { throw invalidSyntax() }
            try checkAugTarget(first)
            let value = try parseRightHandSide()
            return Stmt(.augAssign(target: first, op: op, value: value), range(from: start))
        }
        if at("=") {
            var targets = [first]
            var value = first
            while eat("=") {
                value = try parseRightHandSide()
                targets.append(value)
            }
            targets.removeLast()
            for t in targets { try checkTarget(t, context: .assignment) }
            return Stmt(.assign(targets: targets, value: value), range(from: start))
        }
        if case .starred = first.kind { throw failure("can't use starred expression here", at: first.range) }
        if tok.kind != .newline && !at(";") {
            throw invalidSyntax()
        }
        return Stmt(.expr(first), range(from: start))
    }

    private mutating func parseDottedName() throws -> String {
        var name = try expectName().0
        while eat(".") { name += "." + (try expectName().0) }
        return name
    }

    private mutating func parseImport() throws -> Stmt {
        let start = next().start
        var names: [ImportAlias] = []
        repeat {
            let s = tok.start
            let name = try parseDottedName()
            let nameRange = range(from: s)
            let asname = eatKeyword("as") ? try expectName().0 : nil
            names.append(ImportAlias(name: name, asname: asname, range: range(from: s), nameRange: nameRange))
        } while eat(",")
        return Stmt(.import(names), range(from: start))
    }

    private mutating func parseFromImport() throws -> Stmt {
        let start = next().start
        var level = 0
        let moduleStart = tok.start
        while at(".") || at("...") { level += next().text.count }
        var module: String?
        if !atKeyword("import") { module = try parseDottedName() }
        let moduleRange = range(from: moduleStart)
        guard eatKeyword("import") else { throw invalidSyntax() }
        var names: [ImportAlias] = []
        if at("*") {
            let t = next()
            names.append(ImportAlias(name: "*", asname: nil, range: t.range))
            return Stmt(.importFrom(module: module, names: names, level: level, moduleRange: moduleRange), range(from: start))
        }
        let parenthesized = eat("(")
        repeat {
            if parenthesized && at(")") { break }
            let s = tok.start
            let name = try expectName().0
            let nameRange = range(from: s)
            let asname = eatKeyword("as") ? try expectName().0 : nil
            names.append(ImportAlias(name: name, asname: asname, range: range(from: s), nameRange: nameRange))
        } while eat(",")
        if parenthesized { try expect(")") }
        if names.isEmpty { throw invalidSyntax() }
        return Stmt(.importFrom(module: module, names: names, level: level, moduleRange: moduleRange), range(from: start))
    }

    // MARK: - Compound statements

    private mutating func parseIf() throws -> Stmt {
        let ifToken = next()
        let test = try parseNamedExpression()
        try expectColon()
        let body = try parseBlock(after: "'\(ifToken.text)' statement", line: ifToken.start.line)
        var orelse: [Stmt] = []
        if atKeyword("elif") {
            try lengthenChain()
            defer { chainDepth -= 1 }
            orelse = [try parseIf()]
        } else if atKeyword("else") {
            let elseToken = next()
            try expectColon()
            orelse = try parseBlock(after: "'else' statement", line: elseToken.start.line)
        }
        return Stmt(.if(test: test, body: body, orelse: orelse), range(from: ifToken.start))
    }

    private mutating func parseElse() throws -> [Stmt] {
        guard atKeyword("else") else { return [] }
        let elseToken = next()
        try expectColon()
        return try parseBlock(after: "'else' statement", line: elseToken.start.line)
    }

    private mutating func parseWhile() throws -> Stmt {
        let whileToken = next()
        let test = try parseNamedExpression()
        try expectColon()
        let body = try parseBlock(after: "'while' statement", line: whileToken.start.line)
        let orelse = try parseElse()
        return Stmt(.while(test: test, body: body, orelse: orelse), range(from: whileToken.start))
    }

    private mutating func parseFor(isAsync: Bool, start: SourceLocation) throws -> Stmt {
        let forToken = next()
        let target = try parseTargetList()
        try checkTarget(target, context: .forLoop)
        guard eatKeyword("in") else { throw invalidSyntax() }
        let iter = try parseStarExpressions()
        try expectColon()
        let body = try parseBlock(after: "'for' statement", line: forToken.start.line)
        let orelse = try parseElse()
        return Stmt(.for(target: target, iter: iter, body: body, orelse: orelse, isAsync: isAsync), range(from: start))
    }

    private mutating func parseTry() throws -> Stmt {
        let tryToken = next()
        try expectColon()
        let body = try parseBlock(after: "'try' statement", line: tryToken.start.line)
        var handlers: [ExceptHandler] = []
        var isStar: Bool?
        while atKeyword("except") {
            let exceptToken = next()
            let star = eat("*")
            if let isStar, isStar != star {
                throw failure("cannot have both 'except' and 'except*' on the same 'try'", at: exceptToken.range)
            }
            isStar = star
            var type: Expr?, name: String?
            if !at(":") {
                type = try parseExpression()
                if at(",") { throw failure("multiple exception types must be parenthesized", at: type!.range) }
                if eatKeyword("as") { name = try expectName().0 }
            } else if star {
                throw failure("expected one or more exception types", at: tok.range)
            }
            try expectColon()
            let handlerBody = try parseBlock(after: star ? "'except*' statement" : "'except' statement",
                                             line: exceptToken.start.line)
            handlers.append(ExceptHandler(type: type, name: name, body: handlerBody, range: range(from: exceptToken.start)))
        }
        let orelse = handlers.isEmpty ? [] : try parseElse()
        var finalbody: [Stmt] = []
        if atKeyword("finally") {
            let finallyToken = next()
            try expectColon()
            finalbody = try parseBlock(after: "'finally' statement", line: finallyToken.start.line)
        }
        if handlers.isEmpty && finalbody.isEmpty {
            throw failure("expected 'except' or 'finally' block", at: tok.range)
        }
        return Stmt(.try(body: body, handlers: handlers, orelse: orelse, finalbody: finalbody, isStar: isStar ?? false),
                    range(from: tryToken.start))
    }

    private mutating func parseWithItem() throws -> WithItem {
        let context = try parseExpression()
        var vars: Expr?
        if eatKeyword("as") {
            // A single target: in `with a as b, c:` the comma separates with-items.
            let target = try parseBitOr()
            try checkTarget(target, context: .withItem)
            vars = target
        }
        return WithItem(contextExpr: context, optionalVars: vars)
    }

    private mutating func parseWith(isAsync: Bool, start: SourceLocation) throws -> Stmt {
        let withToken = next()
        var items: [WithItem] = []
        // `with (a as b, c as d):` needs a look at what follows the parenthesis; try it
        // first and fall back to an ordinary expression (`with (a):`, `with (a, b):`).
        if at("(") {
            let saved = (p, prevEnd)
            do {
                next()
                var parsed: [WithItem] = []
                repeat {
                    if at(")") { break }
                    parsed.append(try parseWithItem())
                } while eat(",")
                try expect(")")
                guard at(":") else { throw invalidSyntax() }
                items = parsed
            } catch {
                (p, prevEnd) = saved
                items = []
            }
        }
        if items.isEmpty {
            repeat { items.append(try parseWithItem()) } while eat(",")
        }
        try expectColon()
        let body = try parseBlock(after: "'with' statement", line: withToken.start.line)
        return Stmt(.with(items: items, body: body, isAsync: isAsync), range(from: start))
    }

    private mutating func parseAsync(decorators: [Expr]) throws -> Stmt {
        let asyncToken = next()
        if atKeyword("def") { return try parseFunctionDef(decorators: decorators, start: asyncToken.start, isAsync: true) }
        if decorators.isEmpty {
            if atKeyword("with") { return try parseWith(isAsync: true, start: asyncToken.start) }
            if atKeyword("for") { return try parseFor(isAsync: true, start: asyncToken.start) }
        }
        throw invalidSyntax()
    }

    private mutating func parseDecorated() throws -> Stmt {
        let start = tok.start
        var decorators: [Expr] = []
        while eat("@") {
            decorators.append(try parseNamedExpression())
            guard tok.kind == .newline else { throw invalidSyntax() }
            next()
        }
        if atKeyword("def") { return try parseFunctionDef(decorators: decorators, start: start) }
        if atKeyword("class") { return try parseClassDef(decorators: decorators, start: start) }
        if atKeyword("async") { return try parseAsync(decorators: decorators) }
        throw invalidSyntax()
    }

    private mutating func parseFunctionDef(decorators: [Expr], start: SourceLocation, isAsync: Bool = false) throws -> Stmt {
        let defToken = next()
        let (name, _) = try expectName()
        try expect("(")
        let params = try parseParameters(closing: ")", annotations: true)
        try expect(")")
        let returns = eat("->") ? try parseExpression() : nil
        try expectColon()
        let header = SourceRange(start: isAsync ? start : defToken.start, end: prevEnd)
        let body = try parseBlock(after: "function definition", line: defToken.start.line)
        let def = FunctionDef(name: name, params: params, body: body, isAsync: isAsync, decorators: decorators,
                              returns: returns, headerRange: header)
        return Stmt(.functionDef(def), range(from: start))
    }

    private mutating func parseClassDef(decorators: [Expr], start: SourceLocation) throws -> Stmt {
        let classToken = next()
        let (name, _) = try expectName()
        var bases: [Expr] = []
        var keywords: [Argument] = []
        if at("(") {
            for arg in try parseCallArguments() {
                if case .positional = arg.kind { bases.append(arg.value) } else { keywords.append(arg) }
            }
        }
        try expectColon()
        let header = SourceRange(start: classToken.start, end: prevEnd)
        let body = try parseBlock(after: "class definition", line: classToken.start.line)
        let def = ClassDef(name: name, bases: bases, body: body, decorators: decorators, keywords: keywords,
                           headerRange: header)
        return Stmt(.classDef(def), range(from: start))
    }

    /// `match` is a soft keyword: a line is a match statement only if it has the shape
    /// `match SUBJECT:` NEWLINE INDENT, then `case` blocks.
    private mutating func parseMatchIfPresent() throws -> Stmt? {
        let saved = (p, prevEnd, depth)
        let start = tok.start
        next()
        if atExpressionStart, !at("**"),
           (try? parseStarExpressions()) != nil, at(":"), peekToken(1).kind == .newline, peekToken(2).kind == .indent {
            (p, prevEnd, depth) = saved
        } else {
            (p, prevEnd, depth) = saved
            return nil
        }
        next()
        let subject = try parseStarExpressions()
        try expectColon()
        next()  // newline
        next()  // indent
        var cases: [MatchCase] = []
        while tok.kind != .dedent && tok.kind != .endMarker {
            guard tok.kind == .name, tok.text == "case" else { throw invalidSyntax() }
            let caseLine = tok.start.line
            next()
            let pattern = try parseOpenSequencePattern()
            var guardExpr: Expr?
            if eatKeyword("if") { guardExpr = try parseNamedExpression() }
            try expectColon()
            let body = try parseBlock(after: "'case' statement", line: caseLine)
            cases.append(MatchCase(pattern: pattern, guardExpr: guardExpr, body: body))
        }
        if tok.kind == .dedent { next() }
        return Stmt(.match(subject: subject, cases: cases), range(from: start))
    }

    /// `case a, *rest:` is a sequence pattern without brackets.
    private mutating func parseOpenSequencePattern() throws -> Pattern {
        let start = tok.start
        let first = try parseMaybeStarPattern()
        guard at(",") else {
            if case .star = first.kind { throw invalidSyntax() }
            return first
        }
        var items = [first]
        while eat(",") {
            if at(":") || atKeyword("if") { break }
            items.append(try parseMaybeStarPattern())
        }
        return Pattern(.sequence(items), range(from: start))
    }

    private mutating func parseMaybeStarPattern() throws -> Pattern {
        let start = tok.start
        if eat("*") {
            let (name, _) = try expectName()
            return Pattern(.star(name == "_" ? nil : name), range(from: start))
        }
        return try parsePattern()
    }

    /// `or_pattern ['as' NAME]`
    private mutating func parsePattern() throws -> Pattern {
        let start = tok.start
        var alternatives = [try parseClosedPattern()]
        while eat("|") { alternatives.append(try parseClosedPattern()) }
        var pattern = alternatives.count == 1 ? alternatives[0] : Pattern(.or(alternatives), range(from: start))
        if tok.kind == .name, tok.text == "as" {
            next()
            let (name, nameRange) = try expectName()
            if name == "_" { throw failure("cannot use '_' as a target", at: nameRange) }
            pattern = Pattern(.asPattern(pattern, name), range(from: start))
        }
        return pattern
    }

    private mutating func parseClosedPattern() throws -> Pattern {
        let start = tok.start
        if at("(") || at("[") {
            let closing = at("(") ? ")" : "]"
            let isParen = closing == ")"
            next()
            var items: [Pattern] = []
            var sawComma = false
            while !at(closing) {
                items.append(try parseMaybeStarPattern())
                if eat(",") { sawComma = true } else { break }
            }
            try expect(closing)
            if isParen, items.count == 1, !sawComma {
                if case .star = items[0].kind { throw invalidSyntax() }
                return items[0]
            }
            return Pattern(.sequence(items), range(from: start))
        }
        if at("{") {
            next()
            var keys: [Expr] = [], patterns: [Pattern] = []
            var rest: String?
            while !at("}") {
                if eat("**") {
                    rest = try expectName().0
                } else {
                    keys.append(try parseLiteralOrValueExpr())
                    try expect(":")
                    patterns.append(try parsePattern())
                }
                if !eat(",") { break }
            }
            try expect("}")
            return Pattern(.mapping(keys: keys, patterns: patterns, rest: rest), range(from: start))
        }
        if tok.kind == .name, !["None", "True", "False"].contains(tok.text) {
            var expr = Expr(.name(tok.text), tok.range)
            let first = tok.text
            next()
            var dotted = false
            while eat(".") {
                let (attr, _) = try expectName()
                expr = Expr(.attribute(expr, attr), range(from: start))
                dotted = true
            }
            if eat("(") {
                var positional: [Pattern] = []
                var keywords: [(name: String, pattern: Pattern)] = []
                while !at(")") {
                    if tok.kind == .name, peekToken(1).isOp("=") {
                        let name = tok.text
                        next(); next()
                        keywords.append((name, try parsePattern()))
                    } else {
                        if !keywords.isEmpty { throw failure("positional patterns follow keyword patterns", at: tok.range) }
                        positional.append(try parsePattern())
                    }
                    if !eat(",") { break }
                }
                try expect(")")
                return Pattern(.classPattern(cls: expr, positional: positional, keywords: keywords), range(from: start))
            }
            if dotted { return Pattern(.value(expr), range(from: start)) }
            return Pattern(.capture(first == "_" ? nil : first), range(from: start))
        }
        let value = try parseLiteralOrValueExpr()
        if case .none = value.kind { return Pattern(.singleton(value), value.range) }
        if case .bool = value.kind { return Pattern(.singleton(value), value.range) }
        return Pattern(.value(value), value.range)
    }

    /// A literal pattern's value: a (signed) number, strings, None/True/False, or a
    /// dotted name (a mapping pattern's key).
    private mutating func parseLiteralOrValueExpr() throws -> Expr {
        let start = tok.start
        if tok.kind == .name, !["None", "True", "False"].contains(tok.text) {
            var expr = Expr(.name(tok.text), tok.range)
            next()
            guard at(".") else { throw failure("invalid syntax", at: expr.range) }
            while eat(".") {
                let (attr, _) = try expectName()
                expr = Expr(.attribute(expr, attr), range(from: start))
            }
            return expr
        }
        var isNumber = false
        let number: Expr
        if at("-") {
            next()
            guard tok.kind == .int || tok.kind == .float || tok.kind == .imaginary else { throw invalidSyntax() }
            let operand = try parseAtom()
            number = Expr(.unary(.neg, operand), range(from: start))
            isNumber = true
        } else {
            guard tok.kind == .int || tok.kind == .float || tok.kind == .imaginary || tok.kind == .string || tok.kind == .name else {
                throw invalidSyntax()
            }
            isNumber = tok.kind != .string && tok.kind != .name
            number = try parseAtom()
        }
        guard isNumber, at("+") || at("-") else { return number }
        return try parseComplexLiteral(real: number, start: start)
    }

    /// The grammar's `complex_number`: `signed_real_number ('+' | '-') imaginary_number`
    /// (`case -1+2j:`), with CPython's messages for a part of the wrong kind.
    private mutating func parseComplexLiteral(real: Expr, start: SourceLocation) throws -> Expr {
        var realPart = real
        if case .unary(_, let operand) = real.kind { realPart = operand }
        if case .imaginary = realPart.kind { throw failure("real number required in complex literal", at: realPart.range) }
        let op: BinaryOperator = at("+") ? .add : .sub
        next()
        guard tok.kind == .int || tok.kind == .float || tok.kind == .imaginary else { throw invalidSyntax() }
        let imaginary = try parseAtom()
        guard case .imaginary = imaginary.kind else {
            throw failure("imaginary number required in complex literal", at: imaginary.range)
        }
        return Expr(.binary(op, real, imaginary), range(from: start))
    }

    // MARK: - Strings

    /// One or more adjacent string literals, concatenated; f-strings among them make the
    /// result an f-string.
    mutating func parseStrings() throws -> Expr {
        let start = tok.start
        var literals: [StringLiteral] = []
        var anyF = false
        while tok.kind == .string, let s = tok.string {
            if let first = literals.first, first.isBytes != s.isBytes {
                throw failure("cannot mix bytes and nonbytes literals", at: SourceRange(start: start, end: tok.range.end))
            }
            anyF = anyF || s.isFString
            literals.append(s)
            next()
        }
        if literals.first?.isBytes == true {
            // The lexer kept each byte as the code point of its value.
            return Expr(.bytes(literals.flatMap { $0.value.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } }), range(from: start))
        }
        guard anyF else {
            return Expr(.string(literals.map(\.value).joined()), range(from: start))
        }
        var parts: [FStringPart] = []
        func append(_ part: FStringPart) {
            if case .literal(let text) = part, case .literal(let previous)? = parts.last {
                parts[parts.count - 1] = .literal(previous + text)
            } else if case .literal(let text) = part, text.isEmpty {
                return
            } else {
                parts.append(part)
            }
        }
        for s in literals {
            if s.isFString {
                for part in try parseFString(s) { append(part) }
            } else {
                append(.literal(s.value))
            }
        }
        return Expr(.fstring(parts), range(from: start))
    }
}
