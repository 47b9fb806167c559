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
    /// The whole statement.
    public var range: SourceRange
    /// The module's name as written (with a relative import's dots): where errors about
    /// the module are reported.
    public var moduleRange: SourceRange
    /// Each of `names`' own range, where errors about that name are reported.
    public var nameRanges: [SourceRange]

    public init(module: String, level: Int, names: [String], range: SourceRange,
                moduleRange: SourceRange? = nil, nameRanges: [SourceRange]? = nil) {
        self.module = module
        self.level = level
        self.names = names
        self.range = range
        self.moduleRange = moduleRange ?? range
        self.nameRanges = nameRanges ?? names.map { _ in range }
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
                for a in aliases {
                    found.append(ImportRequest(module: a.name, level: 0, names: [], range: stmt.range, moduleRange: a.nameRange))
                }
            case .importFrom(let module, let aliases, let level, let moduleRange):
                found.append(ImportRequest(module: module ?? "", level: level, names: aliases.map(\.name), range: stmt.range,
                                           moduleRange: moduleRange, nameRanges: aliases.map(\.nameRange)))
            default:
                break
            }
        }
        return found
    }
}
