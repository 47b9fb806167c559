/// What a parsed module may contain.
public enum ValidationMode: Sendable {
    /// A user scenario: only the documented subset (see DESIGN.md, "The scenario language").
    case scenario
    /// The project's built-in asyncio library, written in Python: additionally allows
    /// `nonlocal` and `del`.
    case library
}

/// Walks a parsed module and reports (1) what CPython's compiler rejects with a
/// SyntaxError after parsing — `return`/`await`/`break`/`continue` placement, duplicate
/// parameters, repeated keyword arguments — and (2) every construct outside the subset,
/// named precisely. Unlike syntax errors it keeps going, so a scenario with several
/// problems gets them all at once (up to `limit`).
public struct Validator {
    public static let limit = 20

    let mode: ValidationMode
    private(set) var diagnostics: [Diagnostic] = []

    /// The enclosing function scopes, innermost last.
    private struct Scope {
        var isFunction: Bool
        var isAsync: Bool
        /// Loops enclosing the current statement in this scope.
        var loops = 0
        /// `loops` where the innermost enclosing `except*` block began (nil outside one):
        /// `break`/`continue` may not leave it, nor `return`.
        var exceptStarLoops: Int?
        /// Start of the outermost enclosing comprehension (where `await` needs an async
        /// function, and CPython reports the comprehension rather than the `await`).
        var comprehension: SourceLocation?
        /// What the innermost enclosing comprehension is ("list comprehension", ...), for
        /// CPython's "'yield' inside ..." error.
        var comprehensionKind: String?
        /// Whether the function contains `yield`, and where it returns a value: in an
        /// `async def` the two together are a SyntaxError.
        var hasYield = false
        var valueReturns: [SourceRange] = []
    }
    private var scopes: [Scope] = [Scope(isFunction: false, isAsync: false)]
    /// Reported constructs stop being searched once the limit is comfortably exceeded.
    private var full: Bool { diagnostics.count > Validator.limit }

    /// Library classes the simulator implements natively, which a class cannot extend
    /// (`run` would raise TypeError at the class statement).
    static let nativeLibraryTypes: [String: Set<String>] = [
        "asyncio": ["Task"],
    ]

    public init(mode: ValidationMode) {
        self.mode = mode
    }

    public static func validate(_ module: Module, mode: ValidationMode) -> [Diagnostic] {
        var v = Validator(mode: mode)
        v.visit(module.body)
        return v.diagnostics
    }

    // MARK: - Reporting

    private var suffix: String { mode == .scenario ? "in scenarios" : "in the built-in library" }

    private mutating func error(_ message: String, _ range: SourceRange) {
        guard !full else { return }
        diagnostics.append(Diagnostic(.error, message, at: range))
    }

    private mutating func unsupported(_ what: String, _ range: SourceRange, plural: Bool = true, hint: String = "") {
        error("\(what) \(plural ? "are" : "is") not supported \(suffix)\(hint)", range)
    }

    /// A range covering a keyword of `length` scalars at `start`.
    private func keyword(_ start: SourceLocation, _ length: Int) -> SourceRange {
        SourceRange(start: start, end: SourceLocation(line: start.line, column: start.column + length))
    }

    // MARK: - Statements

    private mutating func visit(_ body: [Stmt]) {
        for stmt in body where !full { visit(stmt) }
    }

    private var inFunction: Bool { scopes.last!.isFunction }

    private mutating func visit(_ stmt: Stmt) {
        let r = stmt.range
        switch stmt.kind {
        case .expr(let e):
            visit(e)
        case .assign(let targets, let value):
            for t in targets { visitTarget(t) }
            visit(value)
        case .augAssign(let target, _, let value):
            visit(target)
            visit(value)
        case .annAssign(let target, let annotation, let value):
            visit(annotation)
            visit(target)
            if let value { visit(value) }
        case .return(let value):
            if !inFunction { error("'return' outside function", keyword(r.start, 6)) }
            if scopes.last!.exceptStarLoops != nil { error(Self.exceptStarExit, keyword(r.start, 6)) }
            if let value {
                scopes[scopes.count - 1].valueReturns.append(r)
                visit(value)
            }
        case .pass:
            break
        case .break:
            if scopes.last!.loops == 0 { error("'break' outside loop", keyword(r.start, 5)) }
            else if scopes.last!.exceptStarLoops == scopes.last!.loops { error(Self.exceptStarExit, keyword(r.start, 5)) }
        case .continue:
            if scopes.last!.loops == 0 { error("'continue' not properly in loop", keyword(r.start, 8)) }
            else if scopes.last!.exceptStarLoops == scopes.last!.loops { error(Self.exceptStarExit, keyword(r.start, 8)) }
        case .if(let test, let body, let orelse):
            visit(test)
            visit(body)
            visit(orelse)
        case .while(let test, let body, let orelse):
            visit(test)
            scopes[scopes.count - 1].loops += 1
            visit(body)
            scopes[scopes.count - 1].loops -= 1
            visit(orelse)
        case .for(let target, let iter, let body, let orelse, let isAsync):
            if isAsync {
                if !(scopes.last!.isAsync) {
                    error("'async for' outside async function", keyword(r.start, 5))
                }
            }
            visitTarget(target)
            visit(iter)
            scopes[scopes.count - 1].loops += 1
            visit(body)
            scopes[scopes.count - 1].loops -= 1
            visit(orelse)
        case .try(let body, let handlers, let orelse, let finalbody, let isStar):
            visit(body)
            for h in handlers {
                if let t = h.type { visit(t) }
                let saved = scopes[scopes.count - 1].exceptStarLoops
                if isStar { scopes[scopes.count - 1].exceptStarLoops = scopes[scopes.count - 1].loops }
                visit(h.body)
                scopes[scopes.count - 1].exceptStarLoops = saved
            }
            visit(orelse)
            visit(finalbody)
        case .raise(let exc, let cause):
            if let exc { visit(exc) }
            // `raise X from e` is part of the subset: exception chaining is how scenarios
            // turn a CancelledError into a TimeoutError, as asyncio itself does.
            if let cause { visit(cause) }
        case .assert(let test, let msg):
            visit(test)
            if let msg { visit(msg) }
        case .with(let items, let body, let isAsync):
            if isAsync && !scopes.last!.isAsync {
                error("'async with' outside async function", keyword(r.start, 5))
            }
            for item in items {
                visit(item.contextExpr)
                if let v = item.optionalVars { visitTarget(v) }
            }
            visit(body)
        case .functionDef(let def):
            visitFunction(def)
        case .classDef(let def):
            // Decorators and bases are evaluated in the enclosing scope, before the body.
            for d in def.decorators { visit(d) }
            for b in def.bases {
                // A built-in type CPython does not let a class extend (`bool`, `range`)
                // is left to the class statement, which raises CPython's TypeError.
                if case .attribute(let module, let n) = b.kind, case .name(let m) = module.kind,
                   Validator.nativeLibraryTypes[m]?.contains(n) == true {
                    unsupported("subclasses of '\(m).\(n)' (a native type in loopscope)", b.range)
                }
                visit(b)
            }
            for k in def.keywords {
                // `metaclass=M` and `__init_subclass__` keywords are supported.
                switch k.kind {
                case .star, .doubleStar: unsupported("'*' and '**' in a class's arguments", k.range)
                default: break
                }
                visit(k.value)
            }
            scopes.append(Scope(isFunction: false, isAsync: false))
            visit(def.body)
            scopes.removeLast()
        case .import:
            // Which modules exist is decided when the program's files are loaded
            // (LoopSimulator's ModuleFinder), where the file system is known.
            break
        case .importFrom(_, let names, _, _):
            if let star = names.first, star.name == "*", scopes.count > 1 {
                error("import * only allowed at module level", star.range)
            }
        case .global:
            break
        case .nonlocal:
            if !inFunction {
                error("nonlocal declaration not allowed at module level", r)
            }
        case .delete(let targets):
            for t in targets { visitTarget(t) }
        case let .match(subject, cases):
            visit(subject)
            for c in cases {
                for e in c.pattern.expressions { visit(e) }
                if let g = c.guardExpr { visit(g) }
                visit(c.body)
            }
        }
    }

    static let exceptStarExit = "'break', 'continue' and 'return' cannot appear in an except* block"

    private mutating func visitFunction(_ def: FunctionDef) {
        for d in def.decorators { visit(d) }
        checkParameters(def.params, isLambda: false)
        visitDefaults(def.params)
        // Annotations are evaluated when the `def` runs, in the enclosing scope.
        let p = def.params
        for param in p.positional + p.keywordOnly + [p.varargs, p.kwargs].compactMap({ $0 }) {
            if let a = param.annotation { visit(a) }
        }
        if let r = def.returns { visit(r) }
        scopes.append(Scope(isFunction: true, isAsync: def.isAsync))
        visit(def.body)
        let scope = scopes.removeLast()
        if def.isAsync && scope.hasYield {
            for r in scope.valueReturns { error("'return' with value in async generator", r) }
        }
    }

    private mutating func visitDefaults(_ params: Parameters) {
        for d in params.positionalDefaults { visit(d) }
        for case let d? in params.keywordOnlyDefaults { visit(d) }
    }

    /// Duplicate parameter names (a compile-time SyntaxError in CPython) and the
    /// parameter kinds the subset leaves out. Annotations are accepted and ignored.
    private mutating func checkParameters(_ params: Parameters, isLambda: Bool) {
        var seen = Set<String>()
        var all = params.positional
        if let v = params.varargs { all.append(v) }
        all += params.keywordOnly
        if let k = params.kwargs { all.append(k) }
        for p in all {
            if !seen.insert(p.name).inserted {
                error("duplicate argument '\(p.name)' in function definition", p.range)
            }
        }
    }

    /// Assignment targets: starred targets are outside the subset.
    private mutating func visitTarget(_ e: Expr) {
        switch e.kind {
        case .tuple(let elts), .list(let elts):
            for elt in elts { visitTarget(elt) }
        case .starred(let inner):
            visitTarget(inner)
        default:
            visit(e)
        }
    }

    // MARK: - Expressions

    private mutating func visit(_ e: Expr) {
        guard !full else { return }
        switch e.kind {
        case .name, .int, .bigInt, .float, .imaginary, .string, .bytes, .bool, .none:
            break
        case .ellipsis:
            break
        case .fstring(let parts):
            visit(parts)
        case .list(let elts), .tuple(let elts):
            for elt in elts { visit(elt) }
        case .dict(let entries):
            for entry in entries {
                if let k = entry.key { visit(k) }
                visit(entry.value)
            }
        case .set(let elts):
            for elt in elts { visit(elt) }
        case .attribute(let base, let name):
            // An object's size is CPython's memory layout, which loopscope does not have
            // (as `sys.getsizeof`, which it leaves out).
            if name == "__sizeof__" {
                unsupported("'__sizeof__'", e.range, plural: false,
                            hint: ": object sizes are CPython's memory layout, which loopscope does not model")
            }
            visit(base)
        case .call(let fn, let args):
            visit(fn)
            var keywords = Set<String>()
            for arg in args {
                switch arg.kind {
                case .keyword(let name):
                    if !keywords.insert(name).inserted {
                        error("keyword argument repeated: \(name)", arg.range)
                    }
                case .doubleStar, .positional, .star:
                    break
                }
                visit(arg.value)
            }
        case .subscript(let base, let index):
            visit(base)
            visit(index)
        case .slice(let lower, let upper, let step):
            if let lower { visit(lower) }
            if let upper { visit(upper) }
            if let step { visit(step) }
        case .listComp(let element, let generators):
            visitComprehension([element], generators, e.range.start, kind: "list comprehension")
        case .setComp(let element, let generators):
            visitComprehension([element], generators, e.range.start, kind: "set comprehension")
        case .dictComp(let key, let value, let generators):
            visitComprehension([key, value], generators, e.range.start, kind: "dict comprehension")
        case .generatorExp(let element, let generators):
            visitComprehension([element], generators, e.range.start, kind: "generator expression")
        case .binary(let op, let l, let r):
            if op == .matMul { unsupported("the '@' operator", e.range, plural: false) }
            visit(l)
            visit(r)
        case .unary(_, let operand):
            visit(operand)
        case .boolOp(_, let values):
            for v in values { visit(v) }
        case .compare(let first, let rest):
            visit(first)
            for (_, v) in rest { visit(v) }
        case .ifExp(let test, let body, let orelse):
            visit(test)
            visit(body)
            visit(orelse)
        case .await(let value):
            let scope = scopes.last!
            if !scope.isFunction {
                error("'await' outside function", keyword(e.range.start, 5))
            } else if !scope.isAsync {
                if let start = scope.comprehension {
                    error("asynchronous comprehension outside of an asynchronous function", SourceRange(start))
                } else {
                    error("'await' outside async function", keyword(e.range.start, 5))
                }
            }
            visit(value)
        case .lambda(let params, let body):
            checkParameters(params, isLambda: true)
            visitDefaults(params)
            scopes.append(Scope(isFunction: true, isAsync: false))
            visit(body)
            scopes.removeLast()
        case .yield(let value):
            checkYield(e.range)
            if let value { visit(value) }
        case .yieldFrom(let value):
            checkYield(e.range)
            if scopes.last!.isAsync && scopes.last!.comprehensionKind == nil {
                error("'yield from' inside async function", e.range)
            }
            visit(value)
        case .namedExpr(_, let value):
            visit(value)
        case .starred(let value):
            visit(value)
        }
    }

    private mutating func visit(_ parts: [FStringPart]) {
        for part in parts {
            if case .expression(let expr, _, let spec, _) = part {
                visit(expr)
                if let spec { visit(spec) }
            }
        }
    }

    /// `yield` belongs to a function, and not to a comprehension inside one.
    private mutating func checkYield(_ range: SourceRange) {
        if let kind = scopes.last!.comprehensionKind {
            error("'yield' inside \(kind)", range)
        } else if !inFunction {
            error("'yield' outside function", keyword(range.start, 5))
        }
        scopes[scopes.count - 1].hasYield = true
    }

    private mutating func visitComprehension(_ elements: [Expr], _ generators: [Comprehension], _ start: SourceLocation,
                                             kind: String) {
        for (n, g) in generators.enumerated() {
            if g.isAsync && !scopes.last!.isAsync && kind != "generator expression" {
                error("asynchronous comprehension outside of an asynchronous function", SourceRange(start))
            }
            visitTarget(g.target)
            // The first iterable is evaluated in the enclosing scope.
            if n == 0 { visit(g.iter) }
        }
        let outer = scopes[scopes.count - 1].comprehension
        if outer == nil { scopes[scopes.count - 1].comprehension = start }
        let outerKind = scopes[scopes.count - 1].comprehensionKind
        scopes[scopes.count - 1].comprehensionKind = kind
        for (n, g) in generators.enumerated() {
            if n > 0 { visit(g.iter) }
            for cond in g.ifs { visit(cond) }
        }
        for e in elements { visit(e) }
        scopes[scopes.count - 1].comprehension = outer
        scopes[scopes.count - 1].comprehensionKind = outerKind
    }
}
