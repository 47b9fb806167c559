import ScenarioLanguage

/// A `case` pattern as the VM matches it: the pattern's expressions (values, mapping keys,
/// classes) are evaluated before the match and numbered in `Pattern.expressions` order,
/// so each node refers to its value by index.
package struct MatchPattern {
    package indirect enum Node {
        case value(Int)
        case singleton(Int)
        case capture(String?)
        case star(String?)
        case sequence([Node])
        case mapping(keys: [Int], patterns: [Node], rest: String?)
        case classPattern(cls: Int, positional: [Node], keywords: [(String, Node)])
        case or([Node])
        case asPattern(Node, String)
    }

    package let root: Node
    /// The names bound on a match, in the order the instruction pushes their values.
    package let names: [String]

    package init(_ pattern: Pattern, names: [String]) {
        var next = 0
        func take() -> Int { defer { next += 1 }; return next }
        // Numbered in the same order as `Pattern.expressions` walks.
        func node(_ p: Pattern) -> Node {
            switch p.kind {
            case .value: return .value(take())
            case .singleton: return .singleton(take())
            case .capture(let n): return .capture(n)
            case .star(let n): return .star(n)
            case .sequence(let items): return .sequence(items.map(node))
            case let .mapping(keys, patterns, rest):
                let keyIndices = keys.map { _ in take() }
                return .mapping(keys: keyIndices, patterns: patterns.map(node), rest: rest)
            case let .classPattern(_, positional, keywords):
                let cls = take()
                return .classPattern(cls: cls, positional: positional.map(node), keywords: keywords.map { ($0.name, node($0.pattern)) })
            case .or(let alternatives): return .or(alternatives.map(node))
            case let .asPattern(inner, name): return .asPattern(node(inner), name)
            }
        }
        root = node(pattern)
        self.names = names
    }
}
