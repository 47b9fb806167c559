/// The names an expression reads, nested scopes included (a lambda's own parameters
/// excepted), for checks that need to know what a nested function captures.
extension Expr {
    public var namesRead: Set<String> {
        var names: Set<String> = []
        collectNames(into: &names)
        return names
    }

    private func collectNames(into names: inout Set<String>) {
        func add(_ e: Expr?) { e?.collectNames(into: &names) }
        switch kind {
        case .name(let n): names.insert(n)
        case .int, .bigInt, .float, .string, .bool, .none, .ellipsis: break
        case .fstring(let parts): Expr.collect(parts, into: &names)
        case .list(let items), .tuple(let items), .set(let items): items.forEach(add)
        case .dict(let pairs): for p in pairs { add(p.key); add(p.value) }
        case let .attribute(obj, _): add(obj)
        case let .call(fn, args): add(fn); for a in args { add(a.value) }
        case let .subscript(obj, index): add(obj); add(index)
        case let .slice(lo, hi, step): add(lo); add(hi); add(step)
        case let .listComp(element, generators), let .setComp(element, generators),
             let .generatorExp(element, generators):
            add(element)
            for g in generators { add(g.iter); g.ifs.forEach(add) }
        case let .dictComp(key, value, generators):
            add(key); add(value)
            for g in generators { add(g.iter); g.ifs.forEach(add) }
        case let .binary(_, a, b): add(a); add(b)
        case let .unary(_, a): add(a)
        case let .boolOp(_, items): items.forEach(add)
        case let .compare(first, rest): add(first); for (_, e) in rest { add(e) }
        case let .ifExp(test, body, orelse): add(test); add(body); add(orelse)
        case .await(let e), .yieldFrom(let e), .starred(let e): add(e)
        case .yield(let e): add(e)
        case let .lambda(params, body):
            params.positionalDefaults.forEach(add)
            for d in params.keywordOnlyDefaults { add(d) }
            names.formUnion(Expr.lambdaFreeNames(params, body))
        case let .namedExpr(target, value): add(target); add(value)
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

    private static func collect(_ parts: [FStringPart], into names: inout Set<String>) {
        for part in parts {
            if case let .expression(e, _, spec, _) = part {
                names.formUnion(e.namesRead)
                if let spec { collect(spec, into: &names) }
            }
        }
    }
}
