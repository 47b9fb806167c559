import ScenarioLanguage
import PythonRuntime

/// Builtins a simulated program cannot use (`open`: the simulator touches no files):
/// `check` reports each use at its place, so `run` never stops on one `check` accepted.
/// A use is reported only where the name can only be the builtin: nothing in the file (no
/// assignment, parameter, import, ... in any scope) binds it.
enum UnsupportedBuiltins {
    /// `bound`: every name the file binds (`ScopeAnalysis.everyBoundName`).
    static func diagnostics(_ ast: Module, bound: Set<String>) -> [Diagnostic] {
        var out: [Diagnostic] = []
        ast.forEachStatement { stmt in
            for (expr, _) in stmt.expressions {
                expr.forEachSubexpression { e in
                    guard case .name(let name) = e.kind, !bound.contains(name),
                          let reason = UnsupportedModules.builtinReason(name) else { return }
                    out.append(Diagnostic(reason, at: e.range))
                }
            }
        }
        return out
    }
}
