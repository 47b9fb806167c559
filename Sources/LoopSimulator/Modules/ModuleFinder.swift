import Foundation
import PythonRuntime

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

    /// Modules CPython compiles into the interpreter: found before any directory.
    static var builtinNames: Set<String> { NativeModules.builtinNames }
    /// Standard-library modules the simulator provides: found after the directories. Native
    /// ones, and those written in Python under `Lib/` (`random.py` is `random`; the asyncio
    /// package is native code plus its prelude, not a `Lib/` package).
    static let libraryNames: Set<String> = {
        var names: Set<String> = ["asyncio", "loopscope"]
        names.formUnion(AsyncioSubmodules.moduleNames)
        names.formUnion(NativeModules.names)
        names.formUnion(ThreadModule.modules.keys)
        names.formUnion(LibraryModules.sources.keys)
        return names
    }()

    public init(scenarioPath: String, extraPaths: [String]) {
        searchPaths = [SourcePaths.directory(of: scenarioPath)] + extraPaths
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
                return findSource(leaf, in: SourcePaths.directory(of: path))
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
        let packageDir = SourcePaths.join(directory, name)
        let initFile = SourcePaths.join(packageDir, "__init__.py")
        if fm.fileExists(atPath: packageDir, isDirectory: &isDirectory), isDirectory.boolValue,
           fm.fileExists(atPath: initFile) {
            return .source(path: initFile, isPackage: true)
        }
        let file = SourcePaths.join(directory, name + ".py")
        if fm.fileExists(atPath: file, isDirectory: &isDirectory), !isDirectory.boolValue {
            return .source(path: file, isPackage: false)
        }
        return nil
    }
}
