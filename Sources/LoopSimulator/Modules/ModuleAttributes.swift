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

        var reads: [(name: String, attribute: String, range: SourceRange)] = []
        var assigned: Set<String> = []  // "name.attribute" the program sets itself
        ast.forEachStatement { stmt in
            for (expr, isTarget) in stmt.expressions {
                expr.forEachSubexpression { e in
                    guard case let .attribute(object, attribute) = e.kind, case .name(let name) = object.kind,
                          modules[name] != nil else { return }
                    reads.append((name, attribute, e.range))
                }
                if isTarget { assigned.formUnion(attributeTargets(expr)) }
            }
        }
        var out: [Diagnostic] = []
        for read in reads {
            guard let (module, provided) = modules[read.name], provided?.contains(read.attribute) != true,
                  !(read.attribute.hasPrefix("__") && read.attribute.hasSuffix("__")),
                  !assigned.contains(read.name + "." + read.attribute),
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
            if case .name(let name) = object.kind { return [name + "." + attribute] }
            return []
        case .tuple(let items), .list(let items): return items.flatMap(attributeTargets)
        case .starred(let inner): return attributeTargets(inner)
        default: return []
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
