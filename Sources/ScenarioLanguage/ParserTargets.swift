/// Checks of assignment, `for`, `with ... as`, `del` and walrus targets, with CPython's
/// messages ("cannot assign to function call here. Maybe you meant '==' instead of '='?").
extension Parser {
    enum TargetContext {
        /// `a = ...`: CPython adds the "Maybe you meant '=='" hint for most expressions.
        case assignment
        case forLoop
        case withItem
        case delete
    }

    /// How CPython names an expression that cannot be a target; nil for valid targets
    /// (names, attributes, subscripts, tuples, lists, starred).
    static func targetDescription(_ e: Expr) -> String? {
        switch e.kind {
        case .name, .attribute, .subscript, .tuple, .list, .starred: return nil
        case .int, .bigInt, .float, .imaginary, .string, .bytes: return "literal"
        case .bool(let b): return b ? "True" : "False"
        case .none: return "None"
        case .ellipsis: return "ellipsis"
        case .fstring: return "f-string expression"
        case .call: return "function call"
        case .binary, .unary, .boolOp: return "expression"
        case .compare: return "comparison"
        case .ifExp: return "conditional expression"
        case .lambda: return "lambda"
        case .await: return "await expression"
        case .yield, .yieldFrom: return "yield expression"
        case .namedExpr: return "named expression"
        case .listComp: return "list comprehension"
        case .setComp: return "set comprehension"
        case .dictComp: return "dict comprehension"
        case .generatorExp: return "generator expression"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .slice: return "slice"
        }
    }

    func checkTarget(_ e: Expr, context: TargetContext) throws {
        switch e.kind {
        case .name, .attribute, .subscript:
            return
        case .tuple(let elts), .list(let elts):
            if context != .delete {
                let starred = elts.filter { if case .starred = $0.kind { return true } else { return false } }
                if starred.count > 1 {
                    throw failure("multiple starred expressions in assignment", at: e.range)
                }
            }
            for elt in elts { try checkTarget(elt, context: context) }
        case .starred(let inner):
            if context == .delete { throw failure("cannot delete starred", at: e.range) }
            try checkTarget(inner, context: context)
        default:
            let what = Parser.targetDescription(e) ?? "expression"
            switch context {
            case .delete:
                throw failure("cannot delete \(what)", at: e.range)
            case .assignment:
                var message = "cannot assign to \(what)"
                var hint = true
                if case .compare = e.kind { hint = false }
                if case .boolOp = e.kind { hint = false }
                if case .bool = e.kind { hint = false }
                if case .none = e.kind { hint = false }
                if hint { message += " here. Maybe you meant '==' instead of '='?" }
                throw failure(message, at: e.range)
            case .forLoop, .withItem:
                throw failure("cannot assign to \(what)", at: e.range)
            }
        }
    }

    /// The single target of an augmented assignment (`x += 1`).
    func checkAugTarget(_ e: Expr) throws {
        switch e.kind {
        case .name, .attribute, .subscript: return
        case .tuple: throw failure("'tuple' is an illegal expression for augmented assignment", at: e.range)
        case .list: throw failure("'list' is an illegal expression for augmented assignment", at: e.range)
        case .starred: throw failure("'starred' is an illegal expression for augmented assignment", at: e.range)
        default:
            let what = Parser.targetDescription(e) ?? "expression"
            throw failure("'\(what)' is an illegal expression for augmented assignment", at: e.range)
        }
    }
}
