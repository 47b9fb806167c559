import ScenarioLanguage
import PythonRuntime

/// `import M` and then `M.name` where loopscope's M has no `name` (`sys.getsizeof`,
/// `asyncio.open_connection`, a misspelt `math.sqr`): `check` reports it at the attribute,
/// as it reports `from M import name`, so `run` never stops on one `check` accepted.
///
/// Only what can be proved is reported: the name must be bound by `import M` alone (no
/// assignment, parameter, `for` target, other import, ... anywhere in the file binds it, so
/// every `M.x` in the file reads the module), M's attributes must be known exactly (not a
/// module that adds globals at run time), and the program must not assign `M.name` itself.
enum ModuleAttributes {
    static func diagnostics(_ ast: Module) -> [Diagnostic] {
        // The modules each name is bound to by `import` statements anywhere in the file.
        var imported: [String: Set<String>] = [:]
        ast.forEachStatement { stmt in
            guard case .import(let aliases) = stmt.kind else { return }
            for a in aliases {
                if let asname = a.asname {
                    imported[asname, default: []].insert(a.name)
                } else {
                    let top = String(a.name.split(separator: ".")[0])
                    imported[top, default: []].insert(top)
                }
            }
        }
        guard !imported.isEmpty else { return [] }
        let boundOtherwise = namesBoundOtherwise(ast)
        // `provided` nil: the module's attributes are not all known, so only the names
        // UnsupportedModules.nameReason names are reported.
        var modules: [String: (module: String, provided: Set<String>?)] = [:]
        for (name, targets) in imported where targets.count == 1 && !boundOtherwise.contains(name) {
            if let module = targets.first {
                modules[name] = (module, exactAttributes(module))
            }
        }
        guard !modules.isEmpty else { return [] }

        var assigned: Set<String> = []  // "name.attribute" the program sets itself
        ast.forEachStatement { stmt in
            for (expr, isTarget) in stmt.expressions where isTarget { assigned.formUnion(attributeTargets(expr)) }
        }
        // A submodule read through its package (`asyncio.futures.x`) is checked as the
        // submodule, unless the program rebinds it.
        func module(of e: Expr) -> (path: String, module: String, provided: Set<String>?)? {
            switch e.kind {
            case .name(let name):
                return modules[name].map { (name, $0.module, $0.provided) }
            case let .attribute(object, sub):
                guard let (path, package, provided) = module(of: object), provided?.contains(sub) == true,
                      !assigned.contains(path + "." + sub),
                      let subProvided = exactAttributes(package + "." + sub) else { return nil }
                return (path + "." + sub, package + "." + sub, subProvided)
            default:
                return nil
            }
        }
        var reads: [(path: String, module: String, provided: Set<String>?, attribute: String, range: SourceRange)] = []
        ast.forEachStatement { stmt in
            for (expr, _) in stmt.expressions {
                expr.forEachSubexpression { e in
                    guard case let .attribute(object, attribute) = e.kind, let (path, module, provided) = module(of: object) else { return }
                    reads.append((path, module, provided, attribute, e.range))
                }
            }
        }
        var out: [Diagnostic] = []
        for read in reads {
            let (module, provided) = (read.module, read.provided)
            guard provided?.contains(read.attribute) != true,
                  !(read.attribute.hasPrefix("__") && read.attribute.hasSuffix("__")),
                  !assigned.contains(read.path + "." + read.attribute),
                  !ModuleFinder.libraryNames.contains(module + "." + read.attribute) else { continue }
            if let reason = UnsupportedModules.nameReason(read.attribute, from: module) {
                out.append(Diagnostic(reason, at: read.range))
            } else if provided != nil {
                out.append(Diagnostic("module '\(module)' has no attribute '\(read.attribute)' in loopscope", at: read.range))
            }
        }
        return out
    }

    /// Every name some statement, parameter, handler, pattern or comprehension binds, in
    /// any scope, other than by `import`.
    private static func namesBoundOtherwise(_ ast: Module) -> Set<String> {
        ScopeAnalysis(ast, bindingImports: false).everyBoundName
    }

    /// `M.x` inside an assignment or deletion target (`M.x = 1`, `a, M.y = ...`).
    private static func attributeTargets(_ target: Expr) -> [String] {
        switch target.kind {
        case let .attribute(object, attribute):
            return dottedName(object).map { [$0 + "." + attribute] } ?? []
        case .tuple(let items), .list(let items): return items.flatMap(attributeTargets)
        case .starred(let inner): return attributeTargets(inner)
        default: return []
        }
    }

    /// `a.b.c` as the text it is, or nil for any other expression.
    private static func dottedName(_ e: Expr) -> String? {
        switch e.kind {
        case .name(let name): return name
        case let .attribute(object, attribute): return dottedName(object).map { $0 + "." + attribute }
        default: return nil
        }
    }

    /// A module's attributes when they are known before it runs: a native module's, or the
    /// globals a `Lib/` module's code binds (`LocalModule.globalNames` says when it adds
    /// others at run time). `builtins` is filled when the interpreter installs its builtins,
    /// so it is not checked.
    static func exactAttributes(_ module: String) -> Set<String>? {
        module == "builtins" ? nil : LibraryModules.providedNames(module)
    }
}
