import Foundation

/// Where a module's code comes from (CPython's `ModuleSpec.origin`).
public enum ModuleOrigin: Equatable, Sendable {
    /// Provided by the simulator itself (`asyncio`, `time`, `loopscope`).
    case native
    /// A `.py` file of the program: `util.py`, or a package's `util/__init__.py`.
    case source(path: String, isPackage: Bool)
}

/// Finds modules by absolute dotted name the way CPython's `sys.meta_path` does: modules
/// built into the interpreter first (CPython's `BuiltinImporter`: `time`), then the
/// directories of `sys.path` in order (the scenario's own directory, then the `--path`
/// ones), then the standard library. So a `util.py` beside the scenario is found, and a
/// local `asyncio.py` shadows asyncio exactly as it does under CPython.
public struct ModuleFinder: Sendable {
    /// `sys.path`: the scenario's directory ("" for the current one), then `--path` dirs.
    public let searchPaths: [String]

    /// Modules CPython compiles into the interpreter (`sys.builtin_module_names`) that the
    /// simulator provides: found before any directory.
    static let builtinNames: Set<String> = ["time", "sys"]
    /// Standard-library modules the simulator provides: found after the directories. Native
    /// ones, and those written in Python under `Lib/` (`random.py` is `random`; the asyncio
    /// package is native code plus its prelude, not a `Lib/` package).
    static let libraryNames: Set<String> = {
        var names: Set<String> = ["asyncio", "loopscope"]
        names.formUnion(AsyncioSubmodules.moduleNames)
        names.formUnion(NativeModules.names)
        names.formUnion(LibraryModules.sources.keys)
        return names
    }()

    public init(scenarioPath: String, extraPaths: [String]) {
        searchPaths = [ModuleFinder.directory(of: scenarioPath)] + extraPaths
    }

    /// The directory part of a path as written ("" when there is none).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty ? name : directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Finds `name` (absolute, dotted). `parent` is the origin of the package that holds
    /// it, for a submodule (`pkg.mod` is looked up in `pkg`'s directory only).
    public func find(_ name: String, parent: ModuleOrigin?) -> ModuleOrigin? {
        let leaf = String(name.split(separator: ".").last ?? Substring(name))
        if let parent {
            switch parent {
            case .native:
                return ModuleFinder.libraryNames.contains(name) ? .native : nil
            case .source(let path, let isPackage):
                guard isPackage else { return nil }
                return findSource(leaf, in: ModuleFinder.directory(of: path))
            }
        }
        if ModuleFinder.builtinNames.contains(name) { return .native }
        for directory in searchPaths {
            if let found = findSource(leaf, in: directory) { return found }
        }
        return ModuleFinder.libraryNames.contains(name) ? .native : nil
    }

    /// `NAME/__init__.py` (a package) before `NAME.py`, as CPython's `FileFinder`.
    private func findSource(_ name: String, in directory: String) -> ModuleOrigin? {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let packageDir = ModuleFinder.join(directory, name)
        let initFile = ModuleFinder.join(packageDir, "__init__.py")
        if fm.fileExists(atPath: packageDir, isDirectory: &isDirectory), isDirectory.boolValue,
           fm.fileExists(atPath: initFile) {
            return .source(path: initFile, isPackage: true)
        }
        let file = ModuleFinder.join(directory, name + ".py")
        if fm.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue {
            return .source(path: file, isPackage: false)
        }
        return nil
    }

    /// CPython's `importlib._bootstrap._resolve_name`: the absolute name of a relative
    /// import made from a module of package `package` ("" or nil: not in a package).
    public static func resolve(_ name: String, level: Int, package: String?) -> Result<String, ImportFailure> {
        guard level > 0 else { return .success(name) }
        guard let package, !package.isEmpty else {
            return .failure(ImportFailure(message: "attempted relative import with no known parent package"))
        }
        let bits = package.split(separator: ".", omittingEmptySubsequences: false)
        guard bits.count >= level else {
            return .failure(ImportFailure(message: "attempted relative import beyond top-level package"))
        }
        let base = bits.dropLast(level - 1).joined(separator: ".")
        return .success(name.isEmpty ? base : base + "." + name)
    }
}

/// Why an import cannot be resolved, in CPython's words.
public struct ImportFailure: Error, Sendable {
    public let message: String
}
