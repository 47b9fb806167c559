import ScenarioLanguage

/// The import statements at run time: CPython's `importlib._bootstrap` (`_gcd_import`,
/// `_find_and_load`, `_handle_fromlist`) over `sys.modules` (`Interpreter.modules`). Every
/// module of the program's own was found and compiled before the run (`Program`), so here a
/// module is already in `sys.modules`, one of the program's own, a native one
/// (`NativeModules`) or one of `Lib/`'s (`LibraryModules`, compiled on first import).
extension Interpreter {
    /// `IMPORT_NAME`: the module `name` (made absolute from `level` leading dots and the
    /// importing module's `__package__`), or with `top` its top-level package.
    package func importName(_ name: String, level: Int, top: Bool, globals: PyModule) throws -> PyModule {
        var package: String?
        if case .str(let p)? = globals.attributes["__package__"] { package = p }
        let absolute: String
        switch ModuleNames.resolve(name, level: level, package: package) {
        case .failure(let failure): throw PythonError(makeException(BuiltinTypes.importError, failure.message))
        case .success(let resolved): absolute = resolved
        }
        let module = try importModule(absolute)
        if top, let dot = absolute.firstIndex(of: "."), let first = modules[String(absolute[..<dot])] { return first }
        return module
    }

    /// Imports `name` and every package above it, running each the first time only; a
    /// submodule becomes an attribute of its package.
    package func importModule(_ name: String) throws -> PyModule {
        if let module = modules[name] { return module }
        var prefix = ""
        var parent: PyModule?
        for part in name.split(separator: ".") {
            prefix = prefix.isEmpty ? String(part) : prefix + "." + part
            if let module = modules[prefix] {
                parent = module
                continue
            }
            let module: PyModule
            if let local = try programModules[prefix] ?? libraryModule(prefix) {
                module = try run(local, package: local.isPackage ? local.name : parent?.name ?? "")
            } else if let native = NativeModules.make(prefix, self) {
                modules[prefix] = native
                module = native
            } else {
                throw PythonError(makeException(BuiltinTypes.moduleNotFoundError, "No module named '\(prefix)'"))
            }
            parent?.attributes[String(part)] = .object(module)
            parent = module
        }
        return parent ?? PyModule(name: name)
    }

    /// A module of `Lib/`, compiled (validated as library code), or nil when there is none.
    private func libraryModule(_ name: String) throws -> LocalModule? {
        guard let source = LibraryModules.sources[name] else { return nil }
        let path = "Lib/" + source.path
        let analysis = FrontEnd.analyzeShared(source.text, mode: .library)
        guard let ast = analysis.module, analysis.diagnostics.isEmpty else {
            let first = analysis.diagnostics.first.map { $0.headline(path: path) } ?? path
            throw PythonError(makeException(BuiltinTypes.importError, "loopscope's \(path) does not compile: \(first)"))
        }
        do {
            let code = try Compiler.compile(ast, filename: path)
            sources[path] = SourceText(source.text)
            // CPython runs this module's work in C, whose functions have no frames: leave
            // its frames out of tracebacks as the asyncio prelude's are.
            if LibraryModules.standInsForC.contains(name) { implementationFiles.insert(path) }
            return LocalModule(name: name, path: path, isPackage: source.isPackage, code: code, ast: ast)
        } catch {
            throw PythonError(makeException(BuiltinTypes.importError, "loopscope's \(path) does not compile: \(error.headline(path: path))"))
        }
    }

    /// Runs a module's code in a fresh module object, registered in `sys.modules` before
    /// it runs (a circular import sees the partly initialised module) and removed again if
    /// it raises.
    private func run(_ local: LocalModule, package: String) throws -> PyModule {
        let module = PyModule(name: local.name)
        module.attributes["__name__"] = .str(local.name)
        module.attributes["__doc__"] = .none
        module.attributes["__file__"] = .str(local.path)
        module.attributes["__package__"] = .str(package)
        if local.isPackage {
            module.attributes["__path__"] = .object(PyList([.str(SourcePaths.directory(of: local.path))]))
        }
        modules[local.name] = module
        if local.path == "Lib/contextvars.py" { contextVarsModule = module }
        let fiber = Fiber([])
        do {
            try push(Frame(code: local.code, globals: module, locals: [], cells: []), on: fiber)
        } catch {
            modules[local.name] = nil
            throw error
        }
        switch execute(fiber, .start) {
        case .returned:
            return modules[local.name] ?? module
        case .raised(let exc):
            modules[local.name] = nil
            throw PythonError(exc)
        case .yielded:
            modules[local.name] = nil
            throw PythonError(makeException(BuiltinTypes.runtimeError, "module '\(local.name)' yielded while being imported"))
        }
    }

    /// `IMPORT_FROM`: the attribute, or the submodule `module.name` (imported now if it is
    /// one of the program's), else ImportError with CPython's message.
    package func importFrom(_ value: Value, _ name: String) throws -> Value {
        guard case .object(let o) = value, let module = o as? PyModule else { return try getAttribute(value, name) }
        if let attribute = module.attributes[name] { return attribute }
        let full = module.name + "." + name
        if modules[full] != nil || programModules[full] != nil || LibraryModules.sources[full] != nil {
            return .object(try importModule(full))
        }
        var location = "unknown location"
        if case .str(let file)? = module.attributes["__file__"] { location = file }
        throw PythonError(makeException(BuiltinTypes.importError, "cannot import name '\(name)' from '\(module.name)' (\(location))"))
    }

    /// `IMPORT_STAR`: the names in the module's `__all__`, or else every name not
    /// starting with an underscore (sorted: the module's dictionary has no order here).
    package func importStar(_ value: Value, into globals: PyModule) throws {
        guard case .object(let o) = value, let module = o as? PyModule else { return }
        if let all = module.attributes["__all__"] {
            for item in try iterate(all) {
                guard case .str(let name) = item else {
                    throw typeError("Item in \(module.name).__all__ must be str, not \(item.typeName)")
                }
                globals.bind(name, try importFrom(value, name))
            }
            return
        }
        for name in module.attributes.keys.sorted() where !name.hasPrefix("_") {
            globals.bind(name, module.attributes[name])
        }
    }
}
