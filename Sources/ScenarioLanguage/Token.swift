/// One token of Python source, as produced by `Lexer`.
///
/// Keywords are `.name` tokens: the parser decides what is a keyword, which keeps the soft
/// keyword `match` (and `case`, `_`) ordinary names everywhere else.
public struct Token: Sendable {
    public enum Kind: Sendable, Equatable {
        case name
        case int
        case float
        /// An imaginary literal (`2.5j`): its `floatValue` is the imaginary part.
        case imaginary
        case string
        /// Operators and delimiters, including brackets.
        case op
        case newline
        case indent
        case dedent
        case endMarker
        /// A tokenizer error. The lexer stops at the first one and the parser reports it
        /// only when it reaches it, so that (as in CPython, whose tokenizer runs lazily) a
        /// syntax error earlier in the file wins over a tokenizer error later on.
        case error
    }

    public var kind: Kind
    /// The source text for names and operators; the decoded value for non-f strings.
    public var text: String
    public var range: SourceRange
    public var intValue: Int = 0
    /// The digits and base of an int literal too large for 64 bits (`intValue` is then 0).
    public var bigIntDigits: (digits: String, radix: Int)?
    public var floatValue: Double = 0
    /// Set for `.string` tokens.
    public var string: StringLiteral?
    /// Set for `.error` tokens.
    public var diagnostic: Diagnostic?

    public init(_ kind: Kind, _ text: String, _ range: SourceRange) {
        self.kind = kind
        self.text = text
        self.range = range
    }

    public var start: SourceLocation { range.start }

    func isOp(_ s: String) -> Bool { kind == .op && text == s }
    func isKeyword(_ s: String) -> Bool { kind == .name && text == s }
}

/// A string literal token. Plain strings are decoded by the lexer; f-strings keep their
/// raw body so the parser can split them into literal and replacement-field parts and
/// parse each field with correct source positions.
public struct StringLiteral: Sendable {
    public var isFString: Bool
    public var isRaw: Bool
    public var isBytes: Bool
    /// Decoded value (plain strings only).
    public var value: String
    /// Raw body between the quotes (f-strings only).
    public var body: [Unicode.Scalar]
    /// Location of the first body scalar.
    public var bodyStart: SourceLocation
    /// One past the closing quote. CPython 3.11 reports errors found while splitting an
    /// f-string (a lone `}`, an empty field, ...) here rather than inside the string.
    public var end: SourceLocation = SourceLocation(line: 1, column: 1)
}

/// Python 3.11's hard keywords.
let pythonKeywords: Set<String> = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "while", "with", "yield",
]
