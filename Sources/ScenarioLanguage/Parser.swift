/// Recursive-descent parser for Python 3.11 (the part of the grammar scenarios and the
/// built-in library can use, plus enough of the rest to name unsupported constructs).
///
/// The parser stops at the first syntax error, as CPython does, and mirrors CPython's
/// messages and positions where that is reasonable. Statements are in
/// `ParserStatements.swift`, expressions in `ParserExpressions.swift`, f-strings in
/// `FStringParser.swift`, assignment-target checks in `ParserTargets.swift`.
struct Parser {
    /// Thrown to unwind to `parseModule` on the first syntax error.
    struct Failure: Error {
        let diagnostic: Diagnostic
    }

    var tokens: [Token]
    var p = 0
    /// End of the last consumed token: the end of every node's range.
    var prevEnd: SourceLocation
    /// Expression recursion depth, bounded so that no input can overflow the stack.
    var depth = 0
    static let maxDepth = 1000
    /// How deep the syntax tree may grow through chains the parser builds in a loop
    /// (`a + b + ...`, `x.f().g()...`, `elif`s), which nest one node per link. CPython's
    /// compiler refuses trees deeper than its recursion limit times 3 (3,000) with
    /// "RecursionError: maximum recursion depth exceeded during compilation"; the same
    /// bound keeps every later walk of the tree (validator, compiler) within its stack.
    static let maxTreeDepth = 3000
    /// Tree depth added by the chains being parsed (see `maxTreeDepth`).
    var chainDepth = 0
    /// Prefix for messages from a replacement field of an f-string ("f-string: ").
    var messagePrefix = ""
    /// End of the f-string being split (see `StringLiteral.end`).
    var fstringEnd = SourceLocation(line: 1, column: 1)

    init(tokens: [Token]) {
        self.tokens = tokens
        self.prevEnd = tokens.first?.start ?? SourceLocation(line: 1, column: 1)
    }

    /// Parses a whole module, returning the first syntax error if there is one.
    static func parseModule(_ source: String) -> Result<Module, Diagnostic> {
        var parser = Parser(tokens: Lexer.tokenize(source))
        do {
            return .success(try parser.parseFile())
        } catch let failure as Failure {
            return .failure(failure.diagnostic)
        } catch {
            return .failure(Diagnostic(.error, "invalid syntax", at: SourceRange(SourceLocation(line: 1, column: 1))))
        }
    }

    // MARK: - Token access

    var tok: Token { tokens[p] }

    func peekToken(_ n: Int) -> Token { tokens[min(p + n, tokens.count - 1)] }

    @discardableResult
    mutating func next() -> Token {
        let t = tokens[p]
        if p < tokens.count - 1 {
            p += 1
            prevEnd = t.range.end
        }
        return t
    }

    func at(_ op: String) -> Bool { tok.isOp(op) }
    func atKeyword(_ kw: String) -> Bool { tok.isKeyword(kw) }

    mutating func eat(_ op: String) -> Bool {
        guard at(op) else { return false }
        next()
        return true
    }

    mutating func eatKeyword(_ kw: String) -> Bool {
        guard atKeyword(kw) else { return false }
        next()
        return true
    }

    func range(from start: SourceLocation) -> SourceRange {
        SourceRange(start: start, end: max(prevEnd, start))
    }

    // MARK: - Errors

    /// Builds the error to throw. A tokenizer error at the current token is reported
    /// instead (the parser only failed because of it), and a generic "invalid syntax" is
    /// superseded by a tokenizer error anywhere later in the file, as CPython does by
    /// tokenizing the rest of the source after a parse failure.
    func failure(_ message: String, at range: SourceRange) -> Failure {
        if tok.kind == .error, let d = tok.diagnostic { return Failure(diagnostic: prefixed(d)) }
        if message.hasPrefix("invalid syntax"), let last = tokens.last, last.kind == .error, let d = last.diagnostic {
            return Failure(diagnostic: prefixed(d))
        }
        return Failure(diagnostic: prefixed(Diagnostic(.error, message, at: range)))
    }

    func failure(_ message: String, at location: SourceLocation) -> Failure {
        failure(message, at: SourceRange(location))
    }

    private func prefixed(_ d: Diagnostic) -> Diagnostic {
        guard !messagePrefix.isEmpty, !d.message.hasPrefix(messagePrefix) else { return d }
        var d = d
        d.message = messagePrefix + d.message
        return d
    }

    /// "invalid syntax" at the current token.
    func invalidSyntax() -> Failure {
        failure("invalid syntax", at: tok.range)
    }

    mutating func expect(_ op: String) throws {
        if !eat(op) { throw invalidSyntax() }
    }

    /// The `:` ending a compound statement header: CPython says "expected ':'" when the
    /// line ends there, and "invalid syntax" when something else follows.
    mutating func expectColon() throws {
        if eat(":") { return }
        if tok.kind == .newline { throw failure("expected ':'", at: tok.range) }
        throw invalidSyntax()
    }

    mutating func expectName() throws -> (String, SourceRange) {
        guard tok.kind == .name, !pythonKeywords.contains(tok.text) else { throw invalidSyntax() }
        let t = next()
        return (t.text, t.range)
    }

    /// Adds one link to a chain; undone by the caller (`chainDepth -= links`).
    mutating func lengthenChain() throws {
        chainDepth += 1
        if chainDepth + depth > Parser.maxTreeDepth {
            throw failure("too deeply nested: maximum recursion depth exceeded during compilation (CPython raises RecursionError; the limit is \(Parser.maxTreeDepth) levels)", at: tok.range)
        }
    }

    /// Enters one level of expression recursion.
    mutating func descend() throws {
        depth += 1
        if depth > Parser.maxDepth {
            throw failure("too many nested expressions (the nesting limit is \(Parser.maxDepth))", at: tok.range)
        }
    }
}
