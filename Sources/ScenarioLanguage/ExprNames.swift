/// The names an expression reads, nested scopes included (a lambda's own parameters
/// excepted), for checks that need to know what a nested function captures.
extension Expr {
    public var namesRead: Set<String> {
        var names: Set<String> = []
        collectNames(into: &names)
        return names
    }

    private func collectNames(into names: inout Set<String>) {
        switch kind {
        case .name(let n): names.insert(n)
        case let .lambda(params, body):
            for d in params.positionalDefaults { d.collectNames(into: &names) }
            for d in params.keywordOnlyDefaults { d?.collectNames(into: &names) }
            names.formUnion(Expr.lambdaFreeNames(params, body))
        default:
            for e in subexpressions { e.collectNames(into: &names) }
        }
    }

    /// The expressions directly inside this one (a comprehension's element, iterables and
    /// conditions, not its targets; a lambda's defaults and body; an f-string's fields and
    /// the fields of their format specs).
    public var subexpressions: [Expr] {
        switch kind {
        case .name, .int, .bigInt, .float, .imaginary, .string, .bytes, .bool, .none, .ellipsis: return []
        case .fstring(let parts): return Expr.fields(parts)
        case .list(let items), .tuple(let items), .set(let items), .boolOp(_, let items): return items
        case .dict(let pairs): return pairs.flatMap { [$0.key, $0.value].compactMap { $0 } }
        case let .attribute(obj, _): return [obj]
        case let .call(fn, args): return [fn] + args.map(\.value)
        case let .subscript(obj, index): return [obj, index]
        case let .slice(lo, hi, step): return [lo, hi, step].compactMap { $0 }
        case let .listComp(element, generators), let .setComp(element, generators),
             let .generatorExp(element, generators):
            return [element] + generators.flatMap { [$0.iter] + $0.ifs }
        case let .dictComp(key, value, generators):
            return [key, value] + generators.flatMap { [$0.iter] + $0.ifs }
        case let .binary(_, a, b): return [a, b]
        case let .unary(_, a): return [a]
        case let .compare(first, rest): return [first] + rest.map(\.1)
        case let .ifExp(test, body, orelse): return [test, body, orelse]
        case .await(let e), .yieldFrom(let e), .starred(let e): return [e]
        case .yield(let e): return e.map { [$0] } ?? []
        case let .lambda(params, body): return params.positionalDefaults + params.keywordOnlyDefaults.compactMap { $0 } + [body]
        case let .namedExpr(target, value): return [target, value]
        }
    }

    /// Whether a lambda or a generator expression (a function of its own, which may
    /// capture variables) is anywhere inside.
    public var containsNestedFunction: Bool {
        switch kind {
        case .lambda, .generatorExp: return true
        default: return subexpressions.contains { $0.containsNestedFunction }
        }
    }

    /// Whether a list, set or dict comprehension is compiled as a function of its own, as
    /// CPython 3.11 compiles every one (`<listcomp>`), rather than inlined into the
    /// enclosing code: when a lambda or generator expression inside may capture its
    /// variables, which must then be cells of that function, rebound by each iteration
    /// (`[lambda: i for i in range(3)]` gives three functions returning 2).
    public static func comprehensionNeedsOwnFunction(_ results: [Expr], _ generators: [Comprehension]) -> Bool {
        results.contains { $0.containsNestedFunction } || generators.enumerated().contains { n, g in
            (n > 0 && g.iter.containsNestedFunction) || g.ifs.contains { $0.containsNestedFunction }
        }
    }

    /// The names a lambda's body reads from outside it (its parameters excepted).
    public static func lambdaFreeNames(_ params: Parameters, _ body: Expr) -> Set<String> {
        var inner = body.namesRead
        let own = params.positional + (params.varargs.map { [$0] } ?? []) + params.keywordOnly
            + (params.kwargs.map { [$0] } ?? [])
        for p in own { inner.remove(p.name) }
        return inner
    }

    private static func fields(_ parts: [FStringPart]) -> [Expr] {
        parts.flatMap { part -> [Expr] in
            guard case let .expression(e, _, spec, _) = part else { return [] }
            return [e] + (spec.map(fields) ?? [])
        }
    }
}
