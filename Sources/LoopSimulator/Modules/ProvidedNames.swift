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
        return providedNamesCache.value(name) {
            if let source = sources[name] {
                guard let ast = FrontEnd.analyzeShared(source.text, mode: .library).module else { return nil }
                return LocalModule.globalNames(ast)
            }
            let vm = Interpreter()
            vm.hostModules = ThreadModule.modules
            guard NativeModules.names.contains(name) || vm.hostModules[name] != nil,
                  let module = NativeModules.make(name, vm) else { return nil }
            return Set(module.attributes.keys)
        }
    }

    private static let providedNamesCache = ProcessCache<String, Set<String>?>()
}
