/// The numbers a user can change to ask "what if" of a scenario: every numeric literal
/// passed as a duration, timeout or capacity to the asyncio calls that shape a schedule
/// (`asyncio.sleep`, `wait_for`, `timeout`, `timeout_at`, `cpu`, `time.sleep`,
/// `call_later`, `Semaphore`, `BoundedSemaphore`, `Queue(maxsize=...)`), and the
/// scenario's top-level numeric constants (`DELAY = 0.5`). Each is named by where its
/// literal starts, 1-based as diagnostics print it.
public struct WhatIfParameter: Sendable, Equatable {
    public enum Role: Sendable, Equatable {
        /// An argument of a call: the callee as written (`asyncio.sleep`) and the parameter.
        case argument(callee: String, parameter: String)
        /// `NAME = literal` at the top level of the module.
        case constant(name: String)
    }

    public var role: Role
    /// The literal as written (`0.5`, `-1`).
    public var text: String
    /// The literal's range, on one line (a leading `-` included).
    public var range: SourceRange

    public var location: SourceLocation { range.start }

    /// `asyncio.sleep(delay)` / `DELAY`: what the number is, for listings.
    public var label: String {
        switch role {
        case .argument(let callee, let parameter): return "\(callee)(\(parameter))"
        case .constant(let name): return name
        }
    }
}

/// Where a call's numeric arguments are parameters: the callee's last name, the
/// parameter names in positional order (CPython's signatures), and which of them count.
private struct TunableCall {
    let positional: [String]
    let tunable: Set<String>

    /// Keyed by the callee's last dotted name; `sleep` covers `asyncio.sleep` and
    /// `time.sleep` alike (both take the duration first).
    static let byName: [String: TunableCall] = [
        "sleep": TunableCall(positional: ["delay"], tunable: ["delay", "secs"]),
        "wait_for": TunableCall(positional: ["fut", "timeout"], tunable: ["timeout"]),
        "timeout": TunableCall(positional: ["delay"], tunable: ["delay"]),
        "timeout_at": TunableCall(positional: ["when"], tunable: ["when"]),
        "cpu": TunableCall(positional: ["seconds"], tunable: ["seconds"]),
        "call_later": TunableCall(positional: ["delay"], tunable: ["delay"]),
        "Semaphore": TunableCall(positional: ["value"], tunable: ["value"]),
        "BoundedSemaphore": TunableCall(positional: ["value"], tunable: ["value"]),
        "Queue": TunableCall(positional: ["maxsize"], tunable: ["maxsize"]),
        "LifoQueue": TunableCall(positional: ["maxsize"], tunable: ["maxsize"]),
        "PriorityQueue": TunableCall(positional: ["maxsize"], tunable: ["maxsize"]),
    ]
}

public enum WhatIfParameters {
    /// Every parameter of a parsed module, in source order.
    public static func find(in module: Module, source: SourceText) -> [WhatIfParameter] {
        var found: [WhatIfParameter] = []
        for stmt in module.body {
            if case .assign(let targets, let value) = stmt.kind, targets.count == 1,
               case .name(let name) = targets[0].kind, let p = literal(value, .constant(name: name), source) {
                found.append(p)
            }
        }
        // An explicit worklist rather than recursion: the tree's depth is the user's.
        var stmts = module.body
        var exprs: [Expr] = []
        while !stmts.isEmpty || !exprs.isEmpty {
            if let stmt = stmts.popLast() {
                children(of: stmt, &stmts, &exprs)
                continue
            }
            guard let expr = exprs.popLast() else { break }
            if case .call(let fn, let args) = expr.kind, let callee = dottedName(fn),
               let call = TunableCall.byName[String(callee.split(separator: ".").last ?? "")] {
                var position = 0
                for arg in args {
                    let parameter: String?
                    switch arg.kind {
                    case .positional:
                        parameter = position < call.positional.count ? call.positional[position] : nil
                        position += 1
                    case .keyword(let name): parameter = name
                    case .star, .doubleStar: parameter = nil
                    }
                    if let parameter, call.tunable.contains(parameter),
                       let p = literal(arg.value, .argument(callee: callee, parameter: parameter), source) {
                        found.append(p)
                    }
                }
            }
            children(of: expr, &exprs)
        }
        found.sort { $0.location < $1.location }
        return found
    }

    /// Parses `source` and lists its parameters; nil when it does not parse.
    public static func find(inSource source: String) -> [WhatIfParameter]? {
        guard let module = FrontEnd.analyze(source).module else { return nil }
        return find(in: module, source: SourceText(source))
    }

    /// A number literal (or a negated one) on one line, as a parameter.
    private static func literal(_ e: Expr, _ role: WhatIfParameter.Role, _ source: SourceText) -> WhatIfParameter? {
        switch e.kind {
        case .int, .float: break
        case .unary(.neg, let inner):
            switch inner.kind {
            case .int, .float: break
            default: return nil
            }
        default: return nil
        }
        guard e.range.start.line == e.range.end.line, let line = source.line(e.range.start.line) else { return nil }
        let scalars = Array(line.unicodeScalars)
        let from = e.range.start.column - 1, to = e.range.end.column - 1
        guard from >= 0, to <= scalars.count, from < to else { return nil }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[from..<to])
        return WhatIfParameter(role: role, text: String(text), range: e.range)
    }

    /// `asyncio.sleep` for `asyncio.sleep`, `sleep` for a bare name, `loop().call_later` through
    /// a call, nil for anything else.
    private static func dottedName(_ e: Expr) -> String? {
        var parts: [String] = []
        var current = e
        while true {
            switch current.kind {
            case .name(let n):
                parts.append(n)
                return parts.reversed().joined(separator: ".").replacingOccurrences(of: "..", with: "().")
            case .attribute(let base, let attr):
                parts.append(attr)
                current = base
            case .call(let fn, _):
                // `asyncio.get_running_loop().call_later`: the call's callee, with `()`.
                parts.append("")
                current = fn
            default:
                return nil
            }
        }
    }

    private static func children(of s: Stmt, _ stmts: inout [Stmt], _ exprs: inout [Expr]) {
        switch s.kind {
        case .expr(let e), .return(let e?): exprs.append(e)
        case .assign(let targets, let value): exprs.append(contentsOf: targets); exprs.append(value)
        case .augAssign(let target, _, let value): exprs.append(target); exprs.append(value)
        case .annAssign(let target, _, let value): exprs.append(target); if let value { exprs.append(value) }
        case .if(let test, let body, let orelse), .while(let test, let body, let orelse):
            exprs.append(test); stmts.append(contentsOf: body); stmts.append(contentsOf: orelse)
        case .for(let target, let iter, let body, let orelse, _):
            exprs.append(target); exprs.append(iter); stmts.append(contentsOf: body); stmts.append(contentsOf: orelse)
        case .try(let body, let handlers, let orelse, let finalbody, _):
            stmts.append(contentsOf: body)
            for h in handlers {
                if let t = h.type { exprs.append(t) }
                stmts.append(contentsOf: h.body)
            }
            stmts.append(contentsOf: orelse); stmts.append(contentsOf: finalbody)
        case .raise(let exc, let cause):
            if let exc { exprs.append(exc) }
            if let cause { exprs.append(cause) }
        case .assert(let test, let msg): exprs.append(test); if let msg { exprs.append(msg) }
        case .with(let items, let body, _):
            for item in items {
                exprs.append(item.contextExpr)
                if let v = item.optionalVars { exprs.append(v) }
            }
            stmts.append(contentsOf: body)
        case .functionDef(let f):
            exprs.append(contentsOf: f.params.positionalDefaults)
            exprs.append(contentsOf: f.params.keywordOnlyDefaults.compactMap { $0 })
            exprs.append(contentsOf: f.decorators)
            stmts.append(contentsOf: f.body)
        case .classDef(let c): exprs.append(contentsOf: c.bases); stmts.append(contentsOf: c.body)
        case .delete(let targets): exprs.append(contentsOf: targets)
        case let .match(subject, cases):
            exprs.append(subject)
            for c in cases {
                exprs.append(contentsOf: c.pattern.expressions)
                if let g = c.guardExpr { exprs.append(g) }
                stmts.append(contentsOf: c.body)
            }
        case .return(nil), .pass, .break, .continue, .import, .importFrom, .global, .nonlocal: break
        }
    }

    private static func children(of e: Expr, _ exprs: inout [Expr]) {
        switch e.kind {
        case .name, .int, .bigInt, .float, .imaginary, .string, .bytes, .bool, .none, .ellipsis: break
        case .fstring(let parts): appendParts(parts, &exprs)
        case .list(let items), .tuple(let items), .set(let items): exprs.append(contentsOf: items)
        case .dict(let entries):
            for entry in entries {
                if let k = entry.key { exprs.append(k) }
                exprs.append(entry.value)
            }
        case .attribute(let base, _): exprs.append(base)
        case .call(let fn, let args): exprs.append(fn); exprs.append(contentsOf: args.map(\.value))
        case .subscript(let base, let index): exprs.append(base); exprs.append(index)
        case .slice(let lower, let upper, let step): exprs.append(contentsOf: [lower, upper, step].compactMap { $0 })
        case .listComp(let element, let generators), .setComp(let element, let generators),
             .generatorExp(let element, let generators):
            exprs.append(element); appendGenerators(generators, &exprs)
        case .dictComp(let key, let value, let generators):
            exprs.append(key); exprs.append(value); appendGenerators(generators, &exprs)
        case .binary(_, let a, let b): exprs.append(a); exprs.append(b)
        case .unary(_, let a), .await(let a), .yieldFrom(let a), .starred(let a): exprs.append(a)
        case .yield(let a): if let a { exprs.append(a) }
        case .boolOp(_, let operands): exprs.append(contentsOf: operands)
        case .compare(let first, let rest): exprs.append(first); exprs.append(contentsOf: rest.map(\.1))
        case .ifExp(let test, let body, let orelse): exprs.append(contentsOf: [test, body, orelse])
        case .lambda(let params, let body):
            exprs.append(contentsOf: params.positionalDefaults); exprs.append(body)
        case .namedExpr(let target, let value): exprs.append(target); exprs.append(value)
        }
    }

    private static func appendParts(_ parts: [FStringPart], _ exprs: inout [Expr]) {
        for part in parts {
            if case .expression(let e, _, let spec, _) = part {
                exprs.append(e)
                // Format specs nest at most twice (Python's own limit), so this is bounded.
                if let spec { appendParts(spec, &exprs) }
            }
        }
    }

    private static func appendGenerators(_ generators: [Comprehension], _ exprs: inout [Expr]) {
        for g in generators {
            exprs.append(g.target); exprs.append(g.iter); exprs.append(contentsOf: g.ifs)
        }
    }
}
