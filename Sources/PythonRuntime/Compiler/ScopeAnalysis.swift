import ScenarioLanguage

/// Python's symbol table, reduced to what the compiler needs: for each function, which
/// names are local, which live in cells (captured by a nested function), which are free
/// (captured from an enclosing function) and which are global. Mirrors CPython's
/// `symtable.c`: a name bound anywhere in a function is local to it unless declared
/// `global` / `nonlocal`; class bodies are skipped when resolving free names.
package final class Scope {
    package enum Kind { case module, function, classBody }

    package let kind: Kind
    package weak var parent: Scope?
    package var children: [Scope] = []
    package var bound: Set<String> = []
    package var used: Set<String> = []
    package var globals: Set<String> = []
    package var nonlocals: Set<String> = []
    package var parameters: [String] = []
    /// The variables of comprehensions inlined into this scope (hidden locals, not `bound`).
    package var inlinedComprehensionNames: Set<String> = []
    /// The function contains `yield` (or is a generator expression).
    package var isGenerator = false
    /// The scope contains `await` (a generator expression with one is asynchronous).
    package var hasAwait = false

    // Results
    package var cells: Set<String> = []
    package var frees: Set<String> = []

    package init(kind: Kind, parent: Scope?) {
        self.kind = kind
        self.parent = parent
    }

    package func isLocal(_ name: String) -> Bool {
        kind == .function && bound.contains(name) && !globals.contains(name) && !nonlocals.contains(name)
    }
}

/// Builds the scope tree. Scopes are keyed by the source position of their `def`/`class`
/// header so the compiler can find them again.
package struct ScopeAnalysis {
    package private(set) var scopes: [SourceLocation: Scope] = [:]
    package let module: Scope
    /// Whether `import M` binds its name (false answers "is the name bound otherwise?").
    private let bindingImports: Bool

    package init(_ module: Module, bindingImports: Bool = true) {
        self.module = Scope(kind: .module, parent: nil)
        self.bindingImports = bindingImports
        visit(module.body, in: self.module)
        resolve(self.module)
    }

    package func scope(for header: SourceRange) -> Scope? { scopes[header.start] }

    /// Every name a statement or parameter binds in any scope (imports too unless the
    /// analysis leaves them out): a name outside it can only be a builtin.
    package var everyBoundName: Set<String> {
        var names: Set<String> = []
        var pending = [module]
        while let scope = pending.popLast() {
            names.formUnion(scope.bound)
            names.formUnion(scope.parameters)
            names.formUnion(scope.inlinedComprehensionNames)
            pending += scope.children
        }
        return names
    }

    // MARK: Collecting

    private mutating func visit(_ body: [Stmt], in scope: Scope) {
        for stmt in body { visit(stmt, in: scope) }
    }

    private mutating func visit(_ stmt: Stmt, in scope: Scope) {
        switch stmt.kind {
        case .expr(let e): visit(e, in: scope)
        case let .assign(targets, value):
            for t in targets { bind(t, in: scope) }
            visit(value, in: scope)
        case let .augAssign(target, _, value):
            bind(target, in: scope)
            visit(target, in: scope)
            visit(value, in: scope)
        case let .annAssign(target, _, value):
            bind(target, in: scope)
            if let v = value { visit(v, in: scope) }
        case .return(let e): if let e { visit(e, in: scope) }
        case .pass, .break, .continue: break
        case let .match(subject, cases):
            visit(subject, in: scope)
            for c in cases {
                for e in c.pattern.expressions { visit(e, in: scope) }
                scope.bound.formUnion(c.pattern.boundNames)
                if let g = c.guardExpr { visit(g, in: scope) }
                visit(c.body, in: scope)
            }
        case let .if(test, body, orelse), let .while(test, body, orelse):
            visit(test, in: scope); visit(body, in: scope); visit(orelse, in: scope)
        case let .for(target, iter, body, orelse, _):
            bind(target, in: scope); visit(iter, in: scope)
            visit(body, in: scope); visit(orelse, in: scope)
        case let .try(body, handlers, orelse, finalbody, _):
            visit(body, in: scope)
            for h in handlers {
                if let t = h.type { visit(t, in: scope) }
                if let n = h.name { scope.bound.insert(n) }
                visit(h.body, in: scope)
            }
            visit(orelse, in: scope); visit(finalbody, in: scope)
        case let .raise(exc, cause):
            if let exc { visit(exc, in: scope) }
            if let cause { visit(cause, in: scope) }
        case let .assert(test, msg):
            visit(test, in: scope)
            if let msg { visit(msg, in: scope) }
        case let .with(items, body, _):
            for item in items {
                visit(item.contextExpr, in: scope)
                if let v = item.optionalVars { bind(v, in: scope) }
            }
            visit(body, in: scope)
        case .functionDef(let def):
            scope.bound.insert(def.name)
            for d in def.decorators { visit(d, in: scope) }
            if let r = def.returns { visit(r, in: scope) }
            let child = function(def.params, key: def.headerRange.start, in: scope)
            visit(def.body, in: child)
        case .classDef(let cls):
            scope.bound.insert(cls.name)
            for b in cls.bases { visit(b, in: scope) }
            let child = Scope(kind: .classBody, parent: scope)
            scope.children.append(child)
            scopes[cls.headerRange.start] = child
            visit(cls.body, in: child)
        case .import(let aliases):
            guard bindingImports else { break }
            for a in aliases { scope.bound.insert(a.asname ?? String(a.name.split(separator: ".")[0])) }
        case .importFrom(_, let aliases, _, _):
            for a in aliases { scope.bound.insert(a.asname ?? a.name) }
        case .global(let names): scope.globals.formUnion(names)
        case .nonlocal(let names): scope.nonlocals.formUnion(names)
        case .delete(let targets):
            for t in targets { bind(t, in: scope); visit(t, in: scope) }
        }
    }

    /// The scope of a `def` or `lambda` whose defaults and annotations are evaluated in
    /// `scope`.
    private mutating func function(_ p: Parameters, key: SourceLocation, in scope: Scope) -> Scope {
        for d in p.positionalDefaults { visit(d, in: scope) }
        for d in p.keywordOnlyDefaults { if let d { visit(d, in: scope) } }
        let all = p.positional + (p.varargs.map { [$0] } ?? []) + p.keywordOnly + (p.kwargs.map { [$0] } ?? [])
        for param in all { if let a = param.annotation { visit(a, in: scope) } }
        let child = Scope(kind: .function, parent: scope)
        scope.children.append(child)
        scopes[key] = child
        child.parameters = all.map(\.name)
        for name in child.parameters { child.bound.insert(name) }
        return child
    }

    private mutating func bind(_ target: Expr, in scope: Scope) {
        switch target.kind {
        case .name(let n): scope.bound.insert(n)
        case .tuple(let items), .list(let items): for i in items { bind(i, in: scope) }
        case .starred(let e): bind(e, in: scope)
        case let .attribute(obj, _): visit(obj, in: scope)
        case let .subscript(obj, index): visit(obj, in: scope); visit(index, in: scope)
        default: break
        }
    }

    private mutating func visit(_ expr: Expr, in scope: Scope) {
        switch expr.kind {
        case .name(let n):
            scope.used.insert(n)
            // `super()` without arguments reads the `__class__` cell, so a function that
            // names `super` implicitly uses `__class__` (CPython's symtable does the same).
            if n == "super", scope.kind == .function { scope.used.insert("__class__") }
        case .int, .bigInt, .float, .imaginary, .string, .bytes, .bool, .none, .ellipsis: break
        case .fstring(let parts): visit(parts, in: scope)
        case .list(let items), .tuple(let items), .set(let items):
            for i in items { visit(i, in: scope) }
        case .dict(let pairs):
            for p in pairs {
                if let k = p.key { visit(k, in: scope) }
                visit(p.value, in: scope)
            }
        case let .attribute(obj, _): visit(obj, in: scope)
        case let .call(fn, args):
            visit(fn, in: scope)
            for a in args { visit(a.value, in: scope) }
        case let .subscript(obj, index): visit(obj, in: scope); visit(index, in: scope)
        case let .slice(lo, hi, step):
            for e in [lo, hi, step] { if let e { visit(e, in: scope) } }
        case let .generatorExp(element, generators):
            visitComprehensionFunction(expr, [element], generators, isGenerator: true, in: scope)
        case let .listComp(element, generators), let .setComp(element, generators):
            visitComprehension(expr, generators, [element], in: scope)
        case let .dictComp(key, value, generators):
            visitComprehension(expr, generators, [key, value], in: scope)
        case let .binary(_, a, b): visit(a, in: scope); visit(b, in: scope)
        case let .unary(_, a): visit(a, in: scope)
        case let .boolOp(_, items): for i in items { visit(i, in: scope) }
        case let .compare(first, rest):
            visit(first, in: scope)
            for (_, e) in rest { visit(e, in: scope) }
        case let .ifExp(test, body, orelse):
            visit(test, in: scope); visit(body, in: scope); visit(orelse, in: scope)
        case .await(let e):
            scope.hasAwait = true
            visit(e, in: scope)
        case .starred(let e): visit(e, in: scope)
        case .yieldFrom(let e):
            scope.isGenerator = true
            visit(e, in: scope)
        case .yield(let e):
            scope.isGenerator = true
            if let e { visit(e, in: scope) }
        case let .lambda(params, body):
            visit(body, in: function(params, key: expr.range.start, in: scope))
        case let .namedExpr(target, value): bind(target, in: scope); visit(value, in: scope)
        }
    }

    /// A list, set or dict comprehension. Inlined ones rename their variables to hidden
    /// locals (the compiler does), so only the names they read from the enclosing scope
    /// matter here; one whose variables a nested function may capture is a function of
    /// its own (`Expr.comprehensionNeedsOwnFunction`).
    private mutating func visitComprehension(_ expr: Expr, _ generators: [Comprehension], _ results: [Expr], in scope: Scope) {
        if Expr.comprehensionNeedsOwnFunction(results, generators) {
            visitComprehensionFunction(expr, results, generators, isGenerator: false, in: scope)
            return
        }
        var targets: Set<String> = []
        for g in generators {
            collectNames(g.target, into: &targets)
        }
        scope.inlinedComprehensionNames.formUnion(targets)
        let before = scope.used
        for g in generators {
            visit(g.iter, in: scope)
            for cond in g.ifs { visit(cond, in: scope) }
        }
        for r in results { visit(r, in: scope) }
        // Names that are comprehension variables are not uses of the enclosing scope's names.
        let added = scope.used.subtracting(before).intersection(targets)
        scope.used.subtract(added)
    }

    /// A generator expression (or a comprehension compiled as a function) is a function of
    /// its own (CPython's `<genexpr>`, `<listcomp>`), keyed by the expression's start: its
    /// first iterable is evaluated outside and passed in as `.0`; the rest reads the
    /// enclosing scope through closures.
    private mutating func visitComprehensionFunction(_ expr: Expr, _ results: [Expr], _ generators: [Comprehension],
                                                     isGenerator: Bool, in scope: Scope) {
        guard let first = generators.first else { return }
        visit(first.iter, in: scope)
        let child = Scope(kind: .function, parent: scope)
        scope.children.append(child)
        scopes[expr.range.start] = child
        child.parameters = [".0"]
        child.bound.insert(".0")
        child.isGenerator = isGenerator
        for (n, g) in generators.enumerated() {
            bind(g.target, in: child)
            if n > 0 { visit(g.iter, in: child) }
            for cond in g.ifs { visit(cond, in: child) }
        }
        for r in results { visit(r, in: child) }
        // An asynchronous comprehension is awaited where it stands (a generator
        // expression's own awaits make it an async generator instead).
        if !isGenerator && (child.hasAwait || generators.contains { $0.isAsync }) { scope.hasAwait = true }
    }

    private func collectNames(_ target: Expr, into names: inout Set<String>) {
        switch target.kind {
        case .name(let n): names.insert(n)
        case .tuple(let items), .list(let items): for i in items { collectNames(i, into: &names) }
        case .starred(let e): collectNames(e, into: &names)
        default: break
        }
    }

    private mutating func visit(_ parts: [FStringPart], in scope: Scope) {
        for part in parts {
            if case let .expression(e, _, spec, _) = part {
                visit(e, in: scope)
                if let spec { visit(spec, in: scope) }
            }
        }
    }

    // MARK: Resolving free variables

    private func resolve(_ scope: Scope) {
        for child in scope.children { resolve(child) }
        guard scope.kind == .function || scope.kind == .classBody else { return }
        var wanted = scope.nonlocals
        if scope.kind == .function {
            for name in scope.used where !scope.bound.contains(name) && !scope.globals.contains(name) {
                wanted.insert(name)
            }
        } else {
            // A class body reads names through its namespace, then globals; it only needs
            // enclosing function variables it does not bind itself.
            for name in scope.used where !scope.bound.contains(name) { wanted.insert(name) }
        }
        // Names free in children must pass through this scope.
        for child in scope.children {
            for name in child.frees where !scope.isLocal(name) && !scope.globals.contains(name)
                && !scope.cells.contains(name) {
                wanted.insert(name)
            }
        }
        for name in wanted {
            var enclosing = scope.parent
            var found: Scope?
            while let e = enclosing {
                // The nearest enclosing class body provides `__class__` (set to the new
                // class once it is built).
                if e.kind == .classBody && name == "__class__" { found = e; break }
                if e.kind == .function {
                    if e.globals.contains(name) { break }
                    if e.isLocal(name) { found = e; break }
                }
                if e.kind == .module { break }
                enclosing = e.parent
            }
            if let found {
                found.cells.insert(name)
                scope.frees.insert(name)
                // Intermediate function scopes pass the cell through.
                var mid = scope.parent
                while let m = mid, m !== found {
                    if m.kind == .function { m.frees.insert(name) }
                    mid = m.parent
                }
            }
        }
    }
}
