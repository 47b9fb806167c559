import ScenarioLanguage
import PythonRuntime

/// What `check` knows of the modules loopscope provides.
extension LibraryModules {
    /// The names `from NAME import x` can take from a module the simulator provides: the
    /// globals a `Lib/` module's code binds, or a native module's attributes (asyncio's,
    /// time's and loopscope's as a simulation makes them); nil when the module does not
    /// compile (its import reports that). Computed once per process.
    static func providedNames(_ name: String) -> Set<String>? {
        if let names = AsyncioLibrary.providedNames[name] { return names }
        return providedNamesCache.value(name) { names(of: name, following: 3) }
    }

    /// `following`: how many `from M import *` deep to look (a Lib module re-exporting
    /// another's names: `decimal` those of `_pydecimal`).
    private static func names(of name: String, following: Int) -> Set<String>? {
        if let source = sources[name] {
            guard let ast = FrontEnd.analyzeShared(source.text, mode: .library).module else { return nil }
            if let names = LocalModule.globalNames(ast) { return names }
            let package = source.path.hasSuffix("/__init__.py") ? name
                : name.split(separator: ".").dropLast().joined(separator: ".")
            return starExpandedNames(ast, package: package.isEmpty ? nil : package, following: following)
        }
        let vm = Interpreter()
        vm.hostModules = ThreadModule.modules
        guard NativeModules.names.contains(name) || vm.hostModules[name] != nil,
              let module = NativeModules.make(name, vm) else { return nil }
        return Set(module.attributes.keys)
    }

    private static let providedNamesCache = ProcessCache<String, Set<String>?>()

    /// The names of a module with `from M import *`: its own, and what each star import
    /// gives (M's `__all__`, or its public names) where M is provided; a star import of a
    /// module loopscope does not have (decimal's `_decimal`, tried first) fails at run
    /// time and gives nothing. Nil when some module's names cannot be known.
    private static func starExpandedNames(_ ast: Module, package: String?, following: Int) -> Set<String>? {
        guard following > 0, var names = LocalModule.globalNames(ast, ignoringStarImports: true) else { return nil }
        var statements = ast.body[...]
        while let stmt = statements.popFirst() {
            switch stmt.kind {
            case .importFrom(let relative, let aliases, let level, _) where aliases.contains(where: { $0.name == "*" }):
                // `from ._constants import *` inside re: the sibling module's names.
                guard case .success(let module) = ModuleNames.resolve(relative ?? "", level: level, package: package)
                else { return nil }
                guard sources[module] != nil || NativeModules.names.contains(module) else { continue }
                guard let exported = exportedNames(module, following: following - 1) else { return nil }
                names.formUnion(exported)
            case .try(let body, let handlers, let orelse, let finalbody, _):
                statements += body + handlers.flatMap(\.body) + orelse + finalbody
            case .if(_, let body, let orelse):
                statements += body + orelse
            default:
                break
            }
        }
        return names
    }

    /// What `from module import *` binds: the strings of a literal `__all__`, else the
    /// names not starting with an underscore.
    private static func exportedNames(_ module: String, following: Int) -> Set<String>? {
        if let source = sources[module], let ast = FrontEnd.analyzeShared(source.text, mode: .library).module {
            for stmt in ast.body {
                guard case .assign(let targets, let value) = stmt.kind, targets.count == 1,
                      case .name("__all__") = targets[0].kind else { continue }
                let items: [Expr]
                switch value.kind {
                case .list(let list), .tuple(let list): items = list
                default: continue
                }
                var all = Set<String>()
                for item in items {
                    guard case .string(let text) = item.kind else { return nil }
                    all.insert(text)
                }
                return all
            }
        }
        return names(of: module, following: following)?.filter { !$0.hasPrefix("_") }
    }
}
