import Foundation
import ScenarioLanguage

/// The standard-library modules written in Python: the files of `Lib/` (embedded into the
/// binary by PythonLibPlugin) by module name, `random.py` as `random` and
/// `pkg/__init__.py` as `pkg`. `Lib/asyncio/` is left out: asyncio is native code plus the
/// prelude its library runs (`AsyncioPrelude`).
package enum LibraryModules {
    package struct Source {
        /// The file under `Lib/`.
        package let path: String
        package let text: String
        package var isPackage: Bool { path.hasSuffix("/__init__.py") }
    }

    /// Python modules standing in for what CPython compiles in C: `_pydecimal` for the
    /// `_decimal` that `decimal` imports first, `_io` (the in-memory streams) for io.
    package static let standInsForC: Set<String> = ["_pydecimal", "_io"]

    package static let sources: [String: Source] = {
        var found: [String: Source] = [:]
        for (path, text) in PythonLibSources.files where !path.hasPrefix("asyncio/") && path.hasSuffix(".py") {
            var name = String(path.dropLast(3))
            if name.hasSuffix("/__init__") { name = String(name.dropLast("/__init__".count)) }
            found[name.split(separator: "/").joined(separator: ".")] = Source(path: path, text: text)
        }
        return found
    }()
}

/// Values computed once per process and shared by every simulation in it (which may run
/// on several threads: `explore`).
package final class ProcessCache<Key: Hashable, Value>: @unchecked Sendable {
    private var values: [Key: Value] = [:]
    private let lock = NSLock()

    package init() {}

    package func value(_ key: Key, _ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let cached = values[key] { return cached }
        let made = make()
        values[key] = made
        return made
    }
}
