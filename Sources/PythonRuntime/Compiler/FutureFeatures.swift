import ScenarioLanguage

/// The `from __future__ import ...` statements at the top of a module (CPython's
/// Python/future.c): only a docstring and other future statements may come before one.
/// `annotations` (PEP 563) makes every annotation a string; the other features are part of
/// the language already and accepted as no-ops.
struct FutureFeatures {
    /// `CO_FUTURE_ANNOTATIONS`.
    var annotations = false
    /// `ff_lineno`: the line of the last future statement; one on a later line is too late.
    var lineno = 0

    init() {}

    /// `future_parse`: the features the module's leading future statements name.
    init(_ module: Module) throws(Diagnostic) {
        var done = false
        var foundDocstring = false
        var prevLine = 0
        for stmt in module.body {
            let line = stmt.range.start.line
            if done && line > prevLine { return }
            prevLine = line
            switch stmt.kind {
            case let .importFrom(module, names, _, _):
                guard module == "__future__" else {
                    done = true
                    continue
                }
                if done {
                    throw Diagnostic(FutureFeatures.lateFuture, at: stmt.range)
                }
                try checkFeatures(names, stmt)
                lineno = line
            case .expr(let e) where !foundDocstring:
                if case .string = e.kind {} else { done = true }
                foundDocstring = true
            default:
                done = true
            }
        }
    }

    /// `ERR_LATE_FUTURE`.
    static let lateFuture = "from __future__ imports must occur at the beginning of the file"

    /// `future_check_features`.
    private mutating func checkFeatures(_ names: [ImportAlias], _ stmt: Stmt) throws(Diagnostic) {
        for alias in names {
            switch alias.name {
            case "nested_scopes", "generators", "division", "absolute_import", "with_statement",
                 "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop":
                continue
            case "annotations":
                annotations = true
            case "braces":
                throw Diagnostic("not a chance", at: stmt.range)
            default:
                throw Diagnostic("future feature \(alias.name) is not defined", at: stmt.range)
            }
        }
    }

    /// compiler_from_import's check: a future statement after the leading ones.
    func checkLate(_ stmt: Stmt, module: String?) throws(Diagnostic) {
        if stmt.range.start.line > lineno && module == "__future__" {
            throw Diagnostic(FutureFeatures.lateFuture, at: stmt.range)
        }
    }
}
