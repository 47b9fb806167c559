/// Walking a module's statements and expressions, for checks that look at every place a
/// construct can occur (imports inside functions, attribute reads inside lambdas, ...).
extension Module {
    /// Calls `visit` with every statement, nested blocks included (the bodies of `if`,
    /// loops, `try` and its handlers, `with`, `match` cases, functions and classes), in
    /// source order.
    public func forEachStatement(_ visit: (Stmt) -> Void) {
        Module.walk(body, visit)
    }

    private static func walk(_ body: [Stmt], _ visit: (Stmt) -> Void) {
        for stmt in body {
            visit(stmt)
            for block in stmt.blocks { walk(block, visit) }
        }
    }
}

extension Stmt {
    /// The statement blocks directly inside this statement.
    public var blocks: [[Stmt]] {
        switch kind {
        case .if(_, let body, let orelse), .while(_, let body, let orelse), .for(_, _, let body, let orelse, _):
            return [body, orelse]
        case .try(let body, let handlers, let orelse, let finalbody, _):
            return [body] + handlers.map(\.body) + [orelse, finalbody]
        case .with(_, let body, _): return [body]
        case .functionDef(let def): return [def.body]
        case .classDef(let def): return [def.body]
        case .match(_, let cases): return cases.map(\.body)
        default: return []
        }
    }

    /// The expressions this statement evaluates or assigns to (not those of its nested
    /// blocks), each with whether it is an assignment or deletion target.
    public var expressions: [(expr: Expr, isTarget: Bool)] {
        func read(_ list: [Expr?]) -> [(expr: Expr, isTarget: Bool)] { list.compactMap { $0 }.map { ($0, false) } }
        switch kind {
        case .expr(let e): return [(e, false)]
        case let .assign(targets, value): return targets.map { ($0, true) } + [(value, false)]
        case let .augAssign(target, _, value): return [(target, true), (value, false)]
        case let .annAssign(target, annotation, value): return [(target, true), (annotation, false)] + read([value])
        case .return(let e): return read([e])
        case .pass, .break, .continue, .import, .importFrom, .global, .nonlocal: return []
        case .if(let test, _, _), .while(let test, _, _): return [(test, false)]
        case let .for(target, iter, _, _, _): return [(target, true), (iter, false)]
        case .try(_, let handlers, _, _, _): return read(handlers.map(\.type))
        case let .raise(exc, cause): return read([exc, cause])
        case let .assert(test, msg): return read([test, msg])
        case .with(let items, _, _):
            return items.flatMap { item in [(item.contextExpr, false)] + (item.optionalVars.map { [($0, true)] } ?? []) }
        case .functionDef(let def):
            let params = def.params
            let annotations = (params.positional + (params.varargs.map { [$0] } ?? []) + params.keywordOnly
                               + (params.kwargs.map { [$0] } ?? [])).map(\.annotation)
            return read(def.decorators + params.positionalDefaults + params.keywordOnlyDefaults + annotations + [def.returns])
        case .classDef(let def): return read(def.decorators + def.bases + def.keywords.map(\.value))
        case .delete(let targets): return targets.map { ($0, true) }
        case let .match(subject, cases):
            return [(subject, false)] + cases.flatMap { c in read(c.pattern.expressions + [c.guardExpr]) }
        }
    }
}

extension Expr {
    /// Calls `visit` with this expression and every expression inside it.
    public func forEachSubexpression(_ visit: (Expr) -> Void) {
        var stack = [self]
        while let e = stack.popLast() {
            visit(e)
            stack.append(contentsOf: e.subexpressions.reversed())
        }
    }
}
