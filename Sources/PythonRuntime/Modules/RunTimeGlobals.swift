import ScenarioLanguage

extension Module {
    /// Whether the module's code can add globals that no statement of it binds, so its
    /// names cannot be known before it runs: through `globals()`, `vars()`, `exec`, its
    /// entry in `sys.modules` (whose `__dict__` or `setattr` write the module), or enum's
    /// helpers that copy members into the defining module (`@global_enum`, as `re` defines
    /// its flags; `IntEnum._convert_`). A name is enough: what the call then does with the
    /// dict cannot be followed, so any use counts.
    package var addsGlobalsAtRunTime: Bool {
        var found = false
        forEachStatement { stmt in
            guard !found else { return }
            for (expr, _) in stmt.expressions {
                expr.forEachSubexpression { e in
                    switch e.kind {
                    case .name(let name): if Module.globalsWriters.contains(name) { found = true }
                    case let .attribute(object, name):
                        if Module.globalsWriters.contains(name) { found = true }
                        if name == "modules", case .name("sys") = object.kind { found = true }
                    default: break
                    }
                }
            }
        }
        return found
    }

    private static let globalsWriters: Set<String> = ["globals", "vars", "exec", "global_enum", "_convert_"]
}
