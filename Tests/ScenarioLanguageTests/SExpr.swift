@testable import ScenarioLanguage

/// A compact S-expression rendering of the AST so parser tests read like the source:
/// `sexpr("1 + 2 * 3")` is `(+ 1 (* 2 3))`.
func sexpr(_ source: String) -> String {
    let result = FrontEnd.analyze(source, mode: .library)
    guard let module = result.module else {
        return "error: " + (result.diagnostics.first.map { "\($0.range.start): \($0.message)" } ?? "?")
    }
    if module.body.count == 1, case .expr(let e) = module.body[0].kind { return render(e) }
    return module.body.map(render).joined(separator: " ")
}

/// The first diagnostic as `LINE:COL: MESSAGE`, or "ok".
func firstError(_ source: String, mode: ValidationMode = .scenario) -> String {
    guard let d = FrontEnd.analyze(source, mode: mode).diagnostics.first else { return "ok" }
    return "\(d.range.start): \(d.message)"
}

func render(_ body: [Stmt]) -> String { "[" + body.map(render).joined(separator: " ") + "]" }

func render(_ s: Stmt) -> String {
    switch s.kind {
    case .expr(let e): return render(e)
    case .assign(let targets, let value): return "(= " + (targets + [value]).map(render).joined(separator: " ") + ")"
    case .augAssign(let t, let op, let v): return "(\(op.rawValue)= \(render(t)) \(render(v)))"
    case .annAssign(let t, let a, let v): return "(ann \(render(t)) \(render(a))" + (v.map { " " + render($0) } ?? "") + ")"
    case .return(let v): return v.map { "(return \(render($0)))" } ?? "(return)"
    case .pass: return "pass"
    case .break: return "break"
    case .continue: return "continue"
    case .if(let t, let b, let o): return "(if \(render(t)) \(render(b))" + (o.isEmpty ? "" : " \(render(o))") + ")"
    case .while(let t, let b, let o): return "(while \(render(t)) \(render(b))" + (o.isEmpty ? "" : " \(render(o))") + ")"
    case .for(let t, let i, let b, let o, let a):
        return "(\(a ? "async-for" : "for") \(render(t)) \(render(i)) \(render(b))" + (o.isEmpty ? "" : " \(render(o))") + ")"
    case .try(let b, let hs, let o, let f, let star):
        var out = "(\(star ? "try*" : "try") \(render(b))"
        for h in hs {
            out += " (except" + (h.type.map { " " + render($0) } ?? "") + (h.name.map { " as \($0)" } ?? "") + " \(render(h.body)))"
        }
        if !o.isEmpty { out += " (else \(render(o)))" }
        if !f.isEmpty { out += " (finally \(render(f)))" }
        return out + ")"
    case .raise(let e, let c):
        return "(raise" + (e.map { " " + render($0) } ?? "") + (c.map { " from " + render($0) } ?? "") + ")"
    case .assert(let t, let m): return "(assert \(render(t))" + (m.map { " " + render($0) } ?? "") + ")"
    case .with(let items, let b, let a):
        let its = items.map { "(" + render($0.contextExpr) + ($0.optionalVars.map { " as " + render($0) } ?? "") + ")" }
        return "(\(a ? "async-with" : "with") \(its.joined(separator: " ")) \(render(b)))"
    case .functionDef(let d):
        return "(\(d.isAsync ? "async-def" : "def") \(d.name) \(render(d.params)) \(render(d.body)))"
    case .classDef(let c):
        return "(class \(c.name)" + c.bases.map { " " + render($0) }.joined() + " \(render(c.body)))"
    case .import(let names): return "(import " + names.map { $0.name + ($0.asname.map { " as \($0)" } ?? "") }.joined(separator: ", ") + ")"
    case .importFrom(let m, let names, let level, _):
        return "(from \(String(repeating: ".", count: level))\(m ?? "") " + names.map { $0.name + ($0.asname.map { " as \($0)" } ?? "") }.joined(separator: ", ") + ")"
    case .global(let n): return "(global \(n.joined(separator: " ")))"
    case .nonlocal(let n): return "(nonlocal \(n.joined(separator: " ")))"
    case .delete(let ts): return "(del " + ts.map(render).joined(separator: " ") + ")"
    case .match(let subject, let cases): return "(match \(render(subject)) \(cases.count))"
    }
}

func render(_ p: Parameters) -> String {
    var items: [String] = []
    let firstDefault = p.positional.count - p.positionalDefaults.count
    for (n, param) in p.positional.enumerated() {
        if n == p.posonlyCount && p.posonlyCount > 0 { items.append("/") }
        items.append(n >= firstDefault ? "\(param.name)=\(render(p.positionalDefaults[n - firstDefault]))" : param.name)
    }
    if p.posonlyCount == p.positional.count && p.posonlyCount > 0 { items.append("/") }
    if let v = p.varargs { items.append("*" + v.name) } else if !p.keywordOnly.isEmpty { items.append("*") }
    for (n, param) in p.keywordOnly.enumerated() {
        items.append(p.keywordOnlyDefaults[n].map { "\(param.name)=\(render($0))" } ?? param.name)
    }
    if let k = p.kwargs { items.append("**" + k.name) }
    return "(" + items.joined(separator: " ") + ")"
}

func render(_ e: Expr) -> String {
    switch e.kind {
    case .name(let n): return n
    case .int(let v): return String(v)
    case .bigInt(let digits, let radix): return radix == 10 ? digits : "big(\(digits), \(radix))"
    case .float(let v): return String(v)
    case .imaginary(let v): return String(v) + "j"
    case .string(let s): return "\"" + s + "\""
    case .bytes(let b): return "(bytes" + b.map { " \($0)" }.joined() + ")"
    case .fstring(let parts): return "(f " + parts.map(render).joined(separator: " ") + ")"
    case .bool(let b): return b ? "True" : "False"
    case .none: return "None"
    case .ellipsis: return "..."
    case .list(let es): return "(list" + es.map { " " + render($0) }.joined() + ")"
    case .tuple(let es): return "(tuple" + es.map { " " + render($0) }.joined() + ")"
    case .dict(let entries): return "(dict" + entries.map { " " + ($0.key.map(render) ?? "**") + ":" + render($0.value) }.joined() + ")"
    case .set(let es): return "(set" + es.map { " " + render($0) }.joined() + ")"
    case .attribute(let b, let n): return "(. \(render(b)) \(n))"
    case .call(let f, let args):
        return "(call \(render(f))" + args.map { a -> String in
            switch a.kind {
            case .positional: return " " + render(a.value)
            case .star: return " *" + render(a.value)
            case .doubleStar: return " **" + render(a.value)
            case .keyword(let k): return " \(k)=" + render(a.value)
            }
        }.joined() + ")"
    case .subscript(let b, let i): return "([] \(render(b)) \(render(i)))"
    case .slice(let l, let u, let s):
        return "(slice \(l.map(render) ?? "_") \(u.map(render) ?? "_") \(s.map(render) ?? "_"))"
    case .listComp(let el, let gs): return "(listcomp \(render(el))" + gs.map(render).joined() + ")"
    case .setComp(let el, let gs): return "(setcomp \(render(el))" + gs.map(render).joined() + ")"
    case .dictComp(let k, let v, let gs): return "(dictcomp \(render(k)):\(render(v))" + gs.map(render).joined() + ")"
    case .generatorExp(let el, let gs): return "(genexp \(render(el))" + gs.map(render).joined() + ")"
    case .binary(let op, let l, let r): return "(\(op.rawValue) \(render(l)) \(render(r)))"
    case .unary(let op, let v): return "(\(op.rawValue) \(render(v)))"
    case .boolOp(let op, let vs): return "(\(op.rawValue)" + vs.map { " " + render($0) }.joined() + ")"
    case .compare(let f, let ops):
        if ops.count == 1 { return "(\(ops[0].0.rawValue) \(render(f)) \(render(ops[0].1)))" }
        return "(cmp \(render(f))" + ops.map { " \($0.0.rawValue) \(render($0.1))" }.joined() + ")"
    case .ifExp(let t, let b, let o): return "(if \(render(t)) \(render(b)) \(render(o)))"
    case .await(let v): return "(await \(render(v)))"
    case .lambda(let p, let b): return "(lambda \(render(p)) \(render(b)))"
    case .yield(let v): return v.map { "(yield \(render($0)))" } ?? "(yield)"
    case .yieldFrom(let v): return "(yield-from \(render(v)))"
    case .namedExpr(let t, let v): return "(:= \(render(t)) \(render(v)))"
    case .starred(let v): return "(* \(render(v)))"
    }
}

func render(_ g: Comprehension) -> String {
    " (\(g.isAsync ? "async-for" : "for") \(render(g.target)) \(render(g.iter))" + g.ifs.map { " (if \(render($0)))" }.joined() + ")"
}

func render(_ part: FStringPart) -> String {
    switch part {
    case .literal(let s): return "\"" + s + "\""
    case .expression(let e, let conv, let spec, let debug):
        var out = "{" + (debug.map { "\"\($0)\" " } ?? "") + render(e)
        if let conv { out += "!" + String(conv) }
        if let spec { out += ":" + spec.map(render).joined(separator: " ") }
        return out + "}"
    }
}
