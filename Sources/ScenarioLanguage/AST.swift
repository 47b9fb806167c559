/// The syntax tree of a scenario. It follows Python's own `ast` module closely (same node
/// names where possible) so a reader can hold the two side by side. Every node carries the
/// source range it was parsed from.
///
/// The parser accepts more than the scenario subset (classes, lambdas, `yield`, ...) so
/// that `Validator` can name an unsupported construct precisely instead of reporting a
/// bare syntax error. The built-in asyncio library (written in Python, see LoopSimulator)
/// is parsed by the same parser and validated in `.library` mode, which allows classes
/// and `nonlocal`.

public struct Module: Sendable {
    public var body: [Stmt]
    public init(body: [Stmt]) { self.body = body }
}

// MARK: - Statements

public struct Stmt: Sendable {
    public var kind: StmtKind
    public var range: SourceRange
    public init(_ kind: StmtKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public indirect enum StmtKind: Sendable {
    case expr(Expr)
    /// `a = b = value`: one or more targets, assigned left to right.
    case assign(targets: [Expr], value: Expr)
    case augAssign(target: Expr, op: BinaryOperator, value: Expr)
    /// `x: T = v` (parsed to be rejected).
    case annAssign(target: Expr, annotation: Expr, value: Expr?)
    case `return`(Expr?)
    case pass
    case `break`
    case `continue`
    case `if`(test: Expr, body: [Stmt], orelse: [Stmt])
    case `while`(test: Expr, body: [Stmt], orelse: [Stmt])
    case `for`(target: Expr, iter: Expr, body: [Stmt], orelse: [Stmt], isAsync: Bool)
    case `try`(body: [Stmt], handlers: [ExceptHandler], orelse: [Stmt], finalbody: [Stmt], isStar: Bool)
    case raise(exc: Expr?, cause: Expr?)
    case assert(test: Expr, msg: Expr?)
    case with(items: [WithItem], body: [Stmt], isAsync: Bool)
    case functionDef(FunctionDef)
    case classDef(ClassDef)
    /// `import a, b as c`
    case `import`([ImportAlias])
    /// `from module import a, b as c` (`level` counts leading dots).
    /// `moduleRange`: the dots and dotted name after `from`, where errors about the module go.
    case importFrom(module: String?, names: [ImportAlias], level: Int, moduleRange: SourceRange)
    case global([String])
    case nonlocal([String])
    case delete([Expr])
    /// `match subject:` and its `case` blocks, tried in order (PEP 634).
    case match(subject: Expr, cases: [MatchCase])
}

/// One `case pattern if guard:` block of a `match` statement.
public struct MatchCase: Sendable {
    public var pattern: Pattern
    public var guardExpr: Expr?
    public var body: [Stmt]
    public init(pattern: Pattern, guardExpr: Expr?, body: [Stmt]) {
        self.pattern = pattern
        self.guardExpr = guardExpr
        self.body = body
    }
}

public struct Pattern: Sendable {
    public var kind: PatternKind
    public var range: SourceRange
    public init(_ kind: PatternKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// The pattern kinds of PEP 634.
public indirect enum PatternKind: Sendable {
    /// A literal or dotted name, compared with `==`.
    case value(Expr)
    /// `None`, `True`, `False`, compared with `is`.
    case singleton(Expr)
    /// A name bound to the subject; nil for the wildcard `_`.
    case capture(String?)
    /// `*name` (or `*_`, nil) inside a sequence pattern.
    case star(String?)
    case sequence([Pattern])
    /// `{key: pattern, ..., **rest}`; the keys are literals or dotted names.
    case mapping(keys: [Expr], patterns: [Pattern], rest: String?)
    /// `Cls(p, ..., name=p, ...)`.
    case classPattern(cls: Expr, positional: [Pattern], keywords: [(name: String, pattern: Pattern)])
    case or([Pattern])
    /// `pattern as name`.
    case asPattern(Pattern, String)
}

extension Pattern {
    /// The names the pattern binds, in the order they appear (each once).
    public var boundNames: [String] {
        var out: [String] = []
        func add(_ n: String?) { if let n, !out.contains(n) { out.append(n) } }
        func walk(_ p: Pattern) {
            switch p.kind {
            case .value, .singleton: break
            case .capture(let n), .star(let n): add(n)
            case .sequence(let items): items.forEach(walk)
            case let .mapping(_, patterns, rest): patterns.forEach(walk); add(rest)
            case let .classPattern(_, positional, keywords): positional.forEach(walk); keywords.forEach { walk($0.pattern) }
            case .or(let alternatives): alternatives.forEach(walk)
            case let .asPattern(inner, name): walk(inner); add(name)
            }
        }
        walk(self)
        return out
    }

    /// The expressions the pattern evaluates (values, mapping keys, classes), in order.
    public var expressions: [Expr] {
        var out: [Expr] = []
        func walk(_ p: Pattern) {
            switch p.kind {
            case .value(let e), .singleton(let e): out.append(e)
            case .capture, .star: break
            case .sequence(let items): items.forEach(walk)
            case let .mapping(keys, patterns, _): out.append(contentsOf: keys); patterns.forEach(walk)
            case let .classPattern(cls, positional, keywords):
                out.append(cls); positional.forEach(walk); keywords.forEach { walk($0.pattern) }
            case .or(let alternatives): alternatives.forEach(walk)
            case .asPattern(let inner, _): walk(inner)
            }
        }
        walk(self)
        return out
    }
}

public struct ExceptHandler: Sendable {
    /// nil for a bare `except:`.
    public var type: Expr?
    public var name: String?
    public var body: [Stmt]
    public var range: SourceRange
    public init(type: Expr?, name: String?, body: [Stmt], range: SourceRange) {
        self.type = type
        self.name = name
        self.body = body
        self.range = range
    }
}

public struct WithItem: Sendable {
    public var contextExpr: Expr
    public var optionalVars: Expr?
    public init(contextExpr: Expr, optionalVars: Expr?) {
        self.contextExpr = contextExpr
        self.optionalVars = optionalVars
    }
}

public struct ImportAlias: Sendable {
    public var name: String
    public var asname: String?
    public var range: SourceRange
    /// The (dotted) name alone, without `as ...`: where errors about it go.
    public var nameRange: SourceRange
    public init(name: String, asname: String?, range: SourceRange, nameRange: SourceRange? = nil) {
        self.name = name
        self.asname = asname
        self.range = range
        self.nameRange = nameRange ?? range
    }
}

public struct FunctionDef: Sendable {
    public var name: String
    public var params: Parameters
    public var body: [Stmt]
    public var isAsync: Bool
    public var decorators: [Expr]
    public var returns: Expr?
    /// The range of the `def` / `async def` header line (for diagnostics and tracebacks).
    public var headerRange: SourceRange
    public init(name: String, params: Parameters, body: [Stmt], isAsync: Bool,
                decorators: [Expr], returns: Expr?, headerRange: SourceRange) {
        self.name = name
        self.params = params
        self.body = body
        self.isAsync = isAsync
        self.decorators = decorators
        self.returns = returns
        self.headerRange = headerRange
    }
}

public struct ClassDef: Sendable {
    public var name: String
    public var bases: [Expr]
    public var body: [Stmt]
    public var decorators: [Expr]
    /// The class arguments other than plain bases (`metaclass=M`, `*bases`, `**kw`).
    public var keywords: [Argument]
    public var headerRange: SourceRange
    public init(name: String, bases: [Expr], body: [Stmt], decorators: [Expr], keywords: [Argument] = [],
                headerRange: SourceRange) {
        self.name = name
        self.bases = bases
        self.body = body
        self.decorators = decorators
        self.keywords = keywords
        self.headerRange = headerRange
    }
}

/// A function's parameter list: `def f(a, b=1, *args, c, d=2, **kwargs)`.
/// Positional-only markers (`/`) are parsed; `posonlyCount` says how many of `positional`
/// came before it.
public struct Parameters: Sendable {
    public struct Param: Sendable {
        public var name: String
        public var annotation: Expr?
        public var range: SourceRange
        public init(name: String, annotation: Expr? = nil, range: SourceRange) {
            self.name = name
            self.annotation = annotation
            self.range = range
        }
    }
    public var positional: [Param] = []
    /// Defaults of the last `positionalDefaults.count` positional parameters.
    public var positionalDefaults: [Expr] = []
    public var posonlyCount: Int = 0
    public var varargs: Param?
    public var keywordOnly: [Param] = []
    /// One entry per keyword-only parameter; nil where it has no default.
    public var keywordOnlyDefaults: [Expr?] = []
    public var kwargs: Param?
    public init() {}
}

// MARK: - Expressions

public struct Expr: Sendable {
    public var kind: ExprKind
    public var range: SourceRange
    public init(_ kind: ExprKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public indirect enum ExprKind: Sendable {
    case name(String)
    case int(Int)
    /// An int literal past 64 bits, as its digits in `radix`.
    case bigInt(digits: String, radix: Int)
    case float(Double)
    /// An imaginary literal (`2.5j`), its imaginary part.
    case imaginary(Double)
    case string(String)
    /// A bytes literal (`b'...'`), its bytes.
    case bytes([UInt8])
    /// A (possibly implicitly concatenated) f-string.
    case fstring([FStringPart])
    case bool(Bool)
    case none
    /// `...`
    case ellipsis
    case list([Expr])
    case tuple([Expr])
    /// `{k: v}`; a nil key is a `**mapping` entry.
    case dict([(key: Expr?, value: Expr)])
    case set([Expr])
    case attribute(Expr, String)
    case call(func: Expr, args: [Argument])
    case `subscript`(Expr, index: Expr)
    /// `a:b:c` inside a subscript.
    case slice(lower: Expr?, upper: Expr?, step: Expr?)
    case listComp(element: Expr, generators: [Comprehension])
    case setComp(element: Expr, generators: [Comprehension])
    case dictComp(key: Expr, value: Expr, generators: [Comprehension])
    case generatorExp(element: Expr, generators: [Comprehension])
    case binary(BinaryOperator, Expr, Expr)
    case unary(UnaryOperator, Expr)
    /// `a and b and c` / `a or b`.
    case boolOp(BoolOperator, [Expr])
    /// `a < b <= c`: the first operand and the (operator, operand) chain.
    case compare(Expr, [(CompareOperator, Expr)])
    case ifExp(test: Expr, body: Expr, orelse: Expr)
    case await(Expr)
    case lambda(Parameters, body: Expr)
    case yield(Expr?)
    case yieldFrom(Expr)
    /// `name := value`
    case namedExpr(target: Expr, value: Expr)
    /// `*value` in a call, a display or an assignment target.
    case starred(Expr)
}

public enum FStringPart: Sendable {
    case literal(String)
    /// `{expr!conversion:spec}`. `conversion` is "r", "s" or "a"; `spec` may itself hold
    /// replacement fields (`{x:>{width}}`), so it is a list of parts. `debugText` is the
    /// `expr=` self-documenting text when present.
    case expression(Expr, conversion: Character?, spec: [FStringPart]?, debugText: String?)
}

public struct Argument: Sendable {
    public enum Kind: Sendable {
        case positional
        /// `*iterable`
        case star
        /// `name=value`
        case keyword(String)
        /// `**mapping`
        case doubleStar
    }
    public var kind: Kind
    public var value: Expr
    public var range: SourceRange
    public init(kind: Kind, value: Expr, range: SourceRange) {
        self.kind = kind
        self.value = value
        self.range = range
    }
}

public struct Comprehension: Sendable {
    public var target: Expr
    public var iter: Expr
    public var ifs: [Expr]
    public var isAsync: Bool
    public init(target: Expr, iter: Expr, ifs: [Expr], isAsync: Bool) {
        self.target = target
        self.iter = iter
        self.ifs = ifs
        self.isAsync = isAsync
    }
}

public enum BinaryOperator: String, Sendable {
    case add = "+", sub = "-", mul = "*", div = "/", floorDiv = "//", mod = "%", pow = "**"
    case matMul = "@", lshift = "<<", rshift = ">>", bitAnd = "&", bitOr = "|", bitXor = "^"
}

public enum UnaryOperator: String, Sendable {
    case not = "not", neg = "-", pos = "+", invert = "~"
}

public enum BoolOperator: String, Sendable {
    case and, or
}

public enum CompareOperator: String, Sendable {
    case eq = "==", notEq = "!=", lt = "<", ltE = "<=", gt = ">", gtE = ">="
    case `is` = "is", isNot = "is not", `in` = "in", notIn = "not in"
}
