/// Python 3.11 tokenization of the scenario language.
///
/// The lexer works on an array of Unicode scalars (columns are counted in scalars, like
/// CPython's SyntaxError offsets) and produces the whole token stream at once. It follows
/// CPython's tokenizer closely: NEWLINE/INDENT/DEDENT from an indentation stack (tabs
/// advance to the next multiple of 8, and a second "alternate" width with tabs counted as
/// 1 detects inconsistent tab/space mixes), blank and comment-only lines produce nothing,
/// newlines inside brackets are ignored, `\` joins lines.
///
/// Errors become a final `.error` token instead of being thrown, so the parser can report
/// an earlier syntax error first, as CPython's lazy tokenizer would.
public struct Lexer {
    private let src: [Unicode.Scalar]
    private var i = 0
    private var line: Int
    private var col: Int
    private var tokens: [Token] = []
    private var brackets: [(Unicode.Scalar, SourceLocation)] = []
    private var indents: [Int] = [0]
    private var altIndents: [Int] = [0]
    /// Lexing the expression of an f-string replacement field: newlines are insignificant
    /// (CPython parses the field as if it were parenthesised) and there is no
    /// NEWLINE/INDENT/DEDENT/ENDMARKER processing beyond a final end marker.
    private let expressionMode: Bool
    private var failed = false

    /// CPython's limits: MAXLEVEL nested brackets and MAXINDENT indentation levels.
    static let maxBracketDepth = 200
    static let maxIndentDepth = 100

    /// Tokenize a whole module. The result always ends with `.endMarker` or `.error`.
    public static func tokenize(_ source: String) -> [Token] {
        var lexer = Lexer(scalars: normalizedScalars(source), start: SourceLocation(line: 1, column: 1),
                          expressionMode: false)
        lexer.run()
        return lexer.tokens
    }

    /// Tokenize the expression text of an f-string field that starts at `start`.
    static func tokenizeExpression(_ scalars: [Unicode.Scalar], start: SourceLocation) -> [Token] {
        var lexer = Lexer(scalars: scalars, start: start, expressionMode: true)
        lexer.run()
        return lexer.tokens
    }

    /// `\r\n` and lone `\r` become `\n`, so the rest of the lexer sees one line ending
    /// (SourceText splits lines the same way, so line numbers agree).
    static func normalizedScalars(_ source: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(source.utf8.count)
        var previousWasCR = false
        for s in source.unicodeScalars {
            if s == "\r" {
                out.append("\n")
                previousWasCR = true
            } else {
                if !(s == "\n" && previousWasCR) { out.append(s) }
                previousWasCR = false
            }
        }
        return out
    }

    private init(scalars: [Unicode.Scalar], start: SourceLocation, expressionMode: Bool) {
        self.src = scalars
        self.line = start.line
        self.col = start.column
        self.expressionMode = expressionMode
        tokens.reserveCapacity(scalars.count / 3 + 8)
    }

    // MARK: - Helpers

    private var loc: SourceLocation { SourceLocation(line: line, column: col) }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let k = i + offset
        return k < src.count ? src[k] : nil
    }

    private mutating func advance() {
        if src[i] == "\n" {
            line += 1
            col = 1
        } else {
            col += 1
        }
        i += 1
    }

    private mutating func emit(_ kind: Token.Kind, _ text: String, from start: SourceLocation) {
        tokens.append(Token(kind, text, SourceRange(start: start, end: loc)))
    }

    private mutating func fail(_ message: String, at location: SourceLocation) {
        var token = Token(.error, "", SourceRange(location))
        token.diagnostic = Diagnostic(.error, message, at: SourceRange(location))
        tokens.append(token)
        failed = true
    }

    private func text(_ from: Int, _ to: Int) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: src[from..<to])
        return String(s)
    }

    static func isIdentStart(_ c: Unicode.Scalar) -> Bool {
        if c.value < 128 {
            return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
        }
        return c.properties.isXIDStart
    }

    static func isIdentContinue(_ c: Unicode.Scalar) -> Bool {
        if c.value < 128 {
            return isIdentStart(c) || (c >= "0" && c <= "9")
        }
        return c.properties.isXIDContinue
    }

    static func isDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return c >= "0" && c <= "9"
    }

    /// Length in scalars of the physical line containing index `k` (without its newline).
    private func lineLength(around k: Int) -> Int {
        var a = min(k, src.count)
        while a > 0 && src[a - 1] != "\n" { a -= 1 }
        var b = a
        while b < src.count && src[b] != "\n" { b += 1 }
        return b - a
    }

    // MARK: - Main loop

    private mutating func run() {
        var atLineStart = !expressionMode
        while !failed {
            if atLineStart {
                atLineStart = false
                if !indentation() {
                    atLineStart = true
                    if i >= src.count { break }
                    continue
                }
                if failed { break }
            }
            while i < src.count, src[i] == " " || src[i] == "\t" || src[i] == "\u{0C}" { advance() }
            guard i < src.count else { break }
            let c = src[i]
            let start = loc
            if c == "#" {
                while i < src.count && src[i] != "\n" { advance() }
                continue
            }
            if c == "\n" {
                let insignificant = expressionMode || !brackets.isEmpty
                if !insignificant { emit(.newline, "\n", from: start) }
                advance()
                if !insignificant {
                    tokens[tokens.count - 1].range.end = SourceLocation(line: start.line, column: start.column + 1)
                    atLineStart = true
                }
                continue
            }
            if c == "\\" {
                if peek(1) == "\n" {
                    let after = SourceLocation(line: line, column: col + 1)
                    advance(); advance()
                    if i >= src.count && !expressionMode {
                        fail("unexpected EOF while parsing", at: after)
                    }
                    continue
                }
                if peek(1) == nil {
                    fail("unexpected EOF while parsing", at: SourceLocation(line: line, column: col + 1))
                } else {
                    fail("unexpected character after line continuation character",
                         at: SourceLocation(line: line, column: col + 1))
                }
                break
            }
            if c == "\0" {
                fail("source code cannot contain null bytes", at: start)
                break
            }
            if Lexer.isIdentStart(c) {
                let from = i
                while i < src.count && Lexer.isIdentContinue(src[i]) { advance() }
                let name = text(from, i)
                if let q = peek(), q == "'" || q == "\"", isStringPrefix(name) {
                    lexString(prefix: name.lowercased(), start: start)
                } else {
                    emit(.name, name, from: start)
                }
                continue
            }
            if c == "'" || c == "\"" {
                lexString(prefix: "", start: start)
                continue
            }
            if Lexer.isDigit(c) || (c == "." && Lexer.isDigit(peek(1))) {
                lexNumber(start: start)
                continue
            }
            lexOperator(start: start)
        }
        if failed { return }
        if let (open, at) = brackets.last {
            fail("'\(Character(open))' was never closed", at: at)
            return
        }
        if !expressionMode {
            if let last = tokens.last, last.kind != .newline, last.kind != .dedent, last.kind != .indent {
                emit(.newline, "", from: loc)
            }
            while indents.count > 1 {
                indents.removeLast()
                emit(.dedent, "", from: loc)
            }
        }
        emit(.endMarker, "", from: loc)
    }

    /// Measures the indentation at the start of a physical line and emits INDENT/DEDENT.
    /// Returns false for a blank or comment-only line (consumed entirely, nothing emitted).
    private mutating func indentation() -> Bool {
        var width = 0, altWidth = 0, k = i
        while k < src.count {
            let s = src[k]
            if s == " " { width += 1; altWidth += 1 }
            else if s == "\t" { width = (width / 8 + 1) * 8; altWidth += 1 }
            else if s == "\u{0C}" { width = 0; altWidth = 0 }
            else { break }
            k += 1
        }
        let scalarsOfIndent = k - i
        if k >= src.count || src[k] == "#" || src[k] == "\n" {
            while i < src.count && src[i] != "\n" { advance() }
            if i < src.count { advance() }
            return false
        }
        let lineStart = loc
        while i < k { advance() }
        let tabError = "inconsistent use of tabs and spaces in indentation"
        if width == indents.last! {
            if altWidth != altIndents.last! { fail(tabError, at: SourceLocation(line: line, column: 1)) }
        } else if width > indents.last! {
            if altWidth <= altIndents.last! {
                fail(tabError, at: SourceLocation(line: line, column: 1))
                return true
            }
            if indents.count > Lexer.maxIndentDepth {
                fail("too many levels of indentation", at: SourceLocation(line: line, column: max(1, scalarsOfIndent)))
                return true
            }
            indents.append(width)
            altIndents.append(altWidth)
            emit(.indent, "", from: lineStart)
        } else {
            while indents.count > 1 && width < indents.last! {
                indents.removeLast()
                altIndents.removeLast()
                emit(.dedent, "", from: loc)
            }
            if width != indents.last! {
                fail("unindent does not match any outer indentation level",
                     at: SourceLocation(line: line, column: lineLength(around: i) + 1))
            } else if altWidth != altIndents.last! {
                fail(tabError, at: SourceLocation(line: line, column: 1))
            }
        }
        return true
    }

    // MARK: - Strings

    private func isStringPrefix(_ name: String) -> Bool {
        switch name.lowercased() {
        case "r", "u", "f", "b", "br", "rb", "fr", "rf": return true
        default: return false
        }
    }

    private mutating func lexString(prefix: String, start: SourceLocation) {
        let quote = src[i]
        let triple = peek(1) == quote && peek(2) == quote
        advance()
        if triple { advance(); advance() }
        let bodyStart = loc
        let bodyFrom = i
        var bodyTo = i
        while true {
            guard i < src.count else {
                let detected = (i > 0 && src[i - 1] == "\n") ? line - 1 : line
                fail(triple ? "unterminated triple-quoted string literal (detected at line \(detected))"
                            : "unterminated string literal (detected at line \(detected))", at: start)
                return
            }
            let c = src[i]
            if c == "\\" {
                advance()
                if i < src.count { advance() }
                continue
            }
            if c == "\n" && !triple {
                fail("unterminated string literal (detected at line \(line))", at: start)
                return
            }
            if c == quote {
                if !triple {
                    bodyTo = i
                    advance()
                    break
                }
                if peek(1) == quote && peek(2) == quote {
                    bodyTo = i
                    advance(); advance(); advance()
                    break
                }
            }
            advance()
        }
        let body = Array(src[bodyFrom..<bodyTo])
        let isRaw = prefix.contains("r"), isF = prefix.contains("f"), isBytes = prefix.contains("b")
        var literal = StringLiteral(isFString: isF, isRaw: isRaw, isBytes: isBytes, value: "",
                                    body: [], bodyStart: bodyStart)
        if isBytes, body.contains(where: { $0.value > 0x7F }) {
            fail("bytes can only contain ASCII literal characters", at: start)
            return
        }
        if isF {
            literal.body = body
        } else if isRaw {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: body)
            literal.value = String(v)
        } else {
            switch StringEscapes.decode(body, bytes: isBytes) {
            case .success(let v): literal.value = v
            case .failure(let error):
                fail(error.message, at: start)
                return
            }
        }
        literal.end = loc
        var token = Token(.string, literal.value, SourceRange(start: start, end: loc))
        token.string = literal
        tokens.append(token)
    }

    // MARK: - Numbers

    /// Consumes `digit+ ('_' digit+)*`. Returns the index of a misplaced underscore, if any.
    private mutating func digitRun(_ isValid: (Unicode.Scalar) -> Bool) -> SourceLocation? {
        while i < src.count {
            if isValid(src[i]) {
                advance()
            } else if src[i] == "_" {
                let at = loc
                advance()
                guard let next = peek(), isValid(next) else { return at }
            } else {
                break
            }
        }
        return nil
    }

    /// CPython's verify_end_of_number: a number may be directly followed by a keyword that
    /// begins with one of these (deprecated but accepted), never by another identifier.
    private func endsCleanly() -> Bool {
        guard let c = peek(), Lexer.isIdentContinue(c) else { return true }
        for kw in ["and", "else", "for", "if", "in", "is", "not", "or"] {
            var ok = true
            for (n, s) in kw.unicodeScalars.enumerated() where peek(n) != s { ok = false; break }
            if ok { return true }
        }
        return false
    }

    private mutating func lexNumber(start: SourceLocation) {
        let from = i
        if src[i] == "0", let p = peek(1), "xXoObB".unicodeScalars.contains(p) {
            let (radix, kindName): (Int, String) = switch p {
            case "x", "X": (16, "hexadecimal")
            case "o", "O": (8, "octal")
            default: (2, "binary")
            }
            advance(); advance()
            let isValid: (Unicode.Scalar) -> Bool = { c in
                guard c.value < 128, let d = Int(String(c), radix: 16) else { return false }
                return d < radix
            }
            if peek() == "_" { advance() }
            let digitsFrom = i
            if let bad = digitRun(isValid) {
                fail("invalid \(kindName) literal", at: bad)
                return
            }
            if radix != 16, let c = peek(), Lexer.isDigit(c) {
                fail("invalid digit '\(Character(c))' in \(kindName) literal", at: loc)
                return
            }
            if i == digitsFrom || !endsCleanly() {
                fail("invalid \(kindName) literal", at: i == digitsFrom ? loc : start)
                return
            }
            let digits = text(digitsFrom, i).replacingOccurrences("_")
            var token = Token(.int, text(from, i), SourceRange(start: start, end: loc))
            // Python ints have no size limit: what does not fit in 64 bits keeps its digits.
            if let value = Int(digits, radix: radix) { token.intValue = value } else { token.bigIntDigits = (digits, radix) }
            tokens.append(token)
            return
        }
        var isFloat = false
        if src[i] != "." {
            if let bad = digitRun({ $0 >= "0" && $0 <= "9" }) {
                fail("invalid decimal literal", at: bad)
                return
            }
        }
        let intPart = text(from, i).replacingOccurrences("_")
        if peek() == "." {
            isFloat = true
            advance()
            if Lexer.isDigit(peek()), let bad = digitRun({ $0 >= "0" && $0 <= "9" }) {
                fail("invalid decimal literal", at: bad)
                return
            }
        }
        if let e = peek(), e == "e" || e == "E" {
            let hasSign = peek(1) == "+" || peek(1) == "-"
            if Lexer.isDigit(peek(hasSign ? 2 : 1)) {
                isFloat = true
                advance()
                if hasSign { advance() }
                if let bad = digitRun({ $0 >= "0" && $0 <= "9" }) {
                    fail("invalid decimal literal", at: bad)
                    return
                }
            } else if !endsCleanly() {
                fail("invalid decimal literal", at: start)
                return
            }
        }
        if let j = peek(), j == "j" || j == "J" {
            // `1j`, `2.5J`, `1e3j`, `09j` (leading zeros are fine before a j).
            let number = text(from, i).replacingOccurrences("_")
            advance()
            if !endsCleanly() {
                fail("invalid imaginary literal", at: start)
                return
            }
            var token = Token(.imaginary, text(from, i), SourceRange(start: start, end: loc))
            token.floatValue = Double(number) ?? .infinity
            tokens.append(token)
            return
        }
        if !endsCleanly() {
            fail("invalid decimal literal", at: start)
            return
        }
        let literal = text(from, i)
        if isFloat {
            var token = Token(.float, literal, SourceRange(start: start, end: loc))
            token.floatValue = Double(literal.replacingOccurrences("_")) ?? .infinity
            tokens.append(token)
            return
        }
        if intPart.count > 1, intPart.first == "0", intPart.contains(where: { $0 != "0" }) {
            fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                 at: start)
            return
        }
        var token = Token(.int, literal, SourceRange(start: start, end: loc))
        if let value = Int(intPart) { token.intValue = value } else { token.bigIntDigits = (intPart, 10) }
        tokens.append(token)
    }

    // MARK: - Operators

    private static let threeCharOps: Set<String> = ["**=", "//=", ">>=", "<<=", "..."]
    private static let twoCharOps: Set<String> = [
        "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", ":=", "+=", "-=", "*=", "/=",
        "%=", "&=", "|=", "^=", "@=",
    ]
    private static let oneCharOps: Set<Unicode.Scalar> = [
        "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{",
        "}", ",", ":", ";", ".", "=",
    ]

    private mutating func lexOperator(start: SourceLocation) {
        let c = src[i]
        if i + 2 < src.count {
            let t = text(i, i + 3)
            if Lexer.threeCharOps.contains(t) {
                advance(); advance(); advance()
                emit(.op, t, from: start)
                return
            }
        }
        if i + 1 < src.count {
            let t = text(i, i + 2)
            if Lexer.twoCharOps.contains(t) {
                advance(); advance()
                emit(.op, t, from: start)
                return
            }
        }
        guard Lexer.oneCharOps.contains(c) else {
            if c.value < 128 {
                fail("invalid syntax", at: start)
            } else {
                let hex = String(c.value, radix: 16, uppercase: true)
                let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                fail("invalid character '\(Character(c))' (U+\(padded))", at: start)
            }
            return
        }
        switch c {
        case "(", "[", "{":
            if brackets.count >= Lexer.maxBracketDepth {
                fail("too many nested parentheses", at: start)
                return
            }
            brackets.append((c, start))
        case ")", "]", "}":
            guard let (open, openAt) = brackets.last else {
                fail("unmatched '\(Character(c))'", at: start)
                return
            }
            let expected: Unicode.Scalar = open == "(" ? ")" : open == "[" ? "]" : "}"
            if c != expected {
                let onLine = openAt.line != start.line ? " on line \(openAt.line)" : ""
                fail("closing parenthesis '\(Character(c))' does not match opening parenthesis '\(Character(open))'\(onLine)",
                     at: start)
                return
            }
            brackets.removeLast()
        default:
            break
        }
        advance()
        emit(.op, String(Character(c)), from: start)
    }
}

extension String {
    /// Removes every occurrence of `s` (without pulling in Foundation).
    func replacingOccurrences(_ s: Character) -> String {
        String(filter { $0 != s })
    }
}
