/// Absolute module names from what an `import` statement says.
public enum ModuleNames {
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
