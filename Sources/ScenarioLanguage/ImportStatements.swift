/// One `import` or `from ... import` statement found anywhere in a module (functions and
/// branches included: the program's modules are found before it runs, so `check` can
/// report a missing one at its line whichever path would reach it).
public struct ImportRequest: Sendable {
    /// The dotted module name as written, without the leading dots ("" for `from . import x`).
    public var module: String
    /// Leading dots of a relative import (0: absolute).
    public var level: Int
    /// The names of `from M import a, b` (["*"] for a star import); empty for `import M`.
    public var names: [String]
    /// The whole statement, where errors about it are reported.
    public var range: SourceRange

    public init(module: String, level: Int, names: [String], range: SourceRange) {
        self.module = module
        self.level = level
        self.names = names
        self.range = range
    }
}

extension Module {
    /// Every import the module contains, in source order. `import a, b` gives one
    /// request per module.
    public var imports: [ImportRequest] {
        var found: [ImportRequest] = []
        forEachStatement { stmt in
            switch stmt.kind {
            case .import(let aliases):
                for a in aliases { found.append(ImportRequest(module: a.name, level: 0, names: [], range: stmt.range)) }
            case .importFrom(let module, let aliases, let level):
                found.append(ImportRequest(module: module ?? "", level: level, names: aliases.map(\.name), range: stmt.range))
            default:
                break
            }
        }
        return found
    }
}
