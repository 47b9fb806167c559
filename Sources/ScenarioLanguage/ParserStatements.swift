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
            let asname = eatKeyword("as") ? try expectName().0 : nil
            names.append(ImportAlias(name: name, asname: asname, range: range(from: s)))
        } while eat(",")
        return Stmt(.import(names), range(from: start))
    }

    private mutating func parseFromImport() throws -> Stmt {
        let start = next().start
        var level = 0
        while at(".") || at("...") { level += next().text.count }
        var module: String?
        if !atKeyword("import") { module = try parseDottedName() }
        guard eatKeyword("import") else { throw invalidSyntax() }
        var names: [ImportAlias] = []
        if at("*") {
            let t = next()
            names.append(ImportAlias(name: "*", asname: nil, range: t.range))
            return Stmt(.importFrom(module: module, names: names, level: level), range(from: start))
        }
        let parenthesized = eat("(")
        repeat {
            if parenthesized && at(")") { break }
            let s = tok.start
            let name = try expectName().0
            let asname = eatKeyword("as") ? try expectName().0 : nil
            names.append(ImportAlias(name: name, asname: asname, range: range(from: s)))
        } while eat(",")
        if parenthesized { try expect(")") }
        if names.isEmpty { throw invalidSyntax() }
        return Stmt(.importFrom(module: module, names: names, level: level), range(from: start))
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
    /// `match SUBJECT:` NEWLINE INDENT. Its body is skipped (the validator rejects it).
    private mutating func parseMatchIfPresent() throws -> Stmt? {
        let saved = (p, prevEnd, depth)
        let start = tok.start
        next()
        let isMatch: Bool
        if atExpressionStart, !at("**"),
           (try? parseStarExpressions()) != nil, at(":"), peekToken(1).kind == .newline, peekToken(2).kind == .indent {
            isMatch = true
        } else {
            isMatch = false
        }
        guard isMatch else {
            (p, prevEnd, depth) = saved
            return nil
        }
        next(); next(); next()
        var level = 1
        while level > 0 && tok.kind != .endMarker && tok.kind != .error {
            if tok.kind == .indent { level += 1 }
            if tok.kind == .dedent { level -= 1 }
            next()
        }
        if tok.kind == .error, let d = tok.diagnostic { throw Failure(diagnostic: d) }
        return Stmt(.match, SourceRange(start: start, end: SourceLocation(line: start.line, column: start.column + 5)))
    }

    // MARK: - Strings

    /// One or more adjacent string literals, concatenated; f-strings among them make the
    /// result an f-string.
    mutating func parseStrings() throws -> Expr {
        let start = tok.start
        var literals: [StringLiteral] = []
        var anyF = false
        while tok.kind == .string, let s = tok.string {
            if s.isBytes { throw failure("bytes literals are not supported", at: tok.range) }
            anyF = anyF || s.isFString
            literals.append(s)
            next()
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
