/// Paths of program files as written (relative paths stay relative), for the import
/// system: a package's directory (`__path__`), a module file inside a directory.
public enum SourcePaths {
    /// The directory part of a path as written ("" when there is none).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    public static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty ? name : directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
