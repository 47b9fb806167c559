import ScenarioLanguage

/// A module of the program's own, compiled and ready to run on first import.
package final class LocalModule {
    package let name: String
    package let path: String
    package let isPackage: Bool
    package let code: CodeObject
    /// The global names its code can bind, or nil when that cannot be known before it
    /// runs (a star import, a module `__getattr__`, globals added at run time).
    package let globalNames: Set<String>?

    package init(name: String, path: String, isPackage: Bool, code: CodeObject, ast: Module) {
        self.name = name
        self.path = path
        self.isPackage = isPackage
        self.code = code
        globalNames = LocalModule.globalNames(ast)
    }

    /// The global names a module's code can bind (nil: cannot be known before it runs).
    package static func globalNames(_ ast: Module, ignoringStarImports: Bool = false) -> Set<String>? {
        if ast.addsGlobalsAtRunTime { return nil }
        let analysis = ScopeAnalysis(ast)
        var names = analysis.module.bound
        var scopes = analysis.module.children
        while let scope = scopes.popLast() {
            names.formUnion(scope.globals)
            scopes += scope.children
        }
        if ignoringStarImports { names.remove("*") }
        return names.contains("*") || names.contains("__getattr__") ? nil : names
    }
}
