import ScenarioLanguage
import PythonRuntime

/// A name read where nothing can define it: not bound anywhere in the file (no assignment,
/// parameter, import, `def`, `class`, ... in any scope: `ScopeAnalysis.everyBoundName`),
/// not one of CPython's builtins, not a dunder the interpreter provides (`__name__`,
/// `__class__`, ...). CPython raises `NameError: name 'x' is not defined` when it runs, so
/// `check` reports it at its place and `run` never stops on one `check` accepted.
///
/// Only what can be proved is reported. A file that can add globals other ways (`from M
/// import *`, `globals()`, `vars()`, `exec`, `eval`, `builtins`, `__builtins__`) reports
/// nothing; nor does a use inside a `try` whose handlers may catch the NameError (a bare
/// `except`, `NameError`, `Exception`, `BaseException`, or a class the check cannot name),
/// or an annotation (not evaluated under `from __future__ import annotations`, or a
/// local variable's).
enum UndefinedNames {
    /// `bound`: every name the file binds (`ScopeAnalysis.everyBoundName`).
    static func diagnostics(_ ast: Module, bound: Set<String>) -> [Diagnostic] {
        if bound.contains("*") { return [] }
        var uses: [(name: String, range: SourceRange)] = []
        walk(ast.body, guarded: false, classBody: false, bound: bound) { uses.append(($0, $1)) }
        if uses.isEmpty || addsGlobalsDynamically(ast) { return [] }
        return uses.map { Diagnostic("name '\($0.name)' is not defined", at: $0.range) }
    }

    /// Names whose use means the program may define globals the check cannot see.
    private static let dynamicGlobals: Set<String> = ["globals", "vars", "exec", "eval", "__builtins__", "locals"]

    /// Calls `found` with each name read in `body` that nothing defines; `guarded` is true
    /// inside a `try` body whose handlers may catch a NameError. A class body's own
    /// statements are not read: a metaclass's `__prepare__` may give it any name.
    private static func walk(_ body: [Stmt], guarded: Bool, classBody: Bool, bound: Set<String>,
                             _ found: (String, SourceRange) -> Void) {
        for stmt in body {
            let annotations = annotationRanges(stmt)
            for (expr, _) in stmt.expressions where !classBody && !annotations.contains(expr.range) {
                expr.forEachSubexpression { e in
                    guard case .name(let name) = e.kind, !guarded, !bound.contains(name),
                          !cpythonBuiltins.contains(name), !isDunder(name) else { return }
                    found(name, e.range)
                }
            }
            switch stmt.kind {
            case .try(let tryBody, let handlers, let orelse, let finalbody, _):
                let catches = handlers.contains { mayCatchNameError($0.type, bound: bound) }
                walk(tryBody, guarded: guarded || catches, classBody: classBody, bound: bound, found)
                for block in handlers.map(\.body) + [orelse, finalbody] {
                    walk(block, guarded: guarded, classBody: classBody, bound: bound, found)
                }
            case .functionDef(let def):
                walk(def.body, guarded: guarded, classBody: false, bound: bound, found)
            case .classDef(let def):
                walk(def.body, guarded: guarded, classBody: true, bound: bound, found)
            default:
                for block in stmt.blocks { walk(block, guarded: guarded, classBody: classBody, bound: bound, found) }
            }
        }
    }

    /// The annotations a statement holds, which the check does not read.
    private static func annotationRanges(_ stmt: Stmt) -> Set<SourceRange> {
        switch stmt.kind {
        case .annAssign(_, let annotation, _):
            return [annotation.range]
        case .functionDef(let def):
            let p = def.params
            let params = p.positional + (p.varargs.map { [$0] } ?? []) + p.keywordOnly + (p.kwargs.map { [$0] } ?? [])
            return Set((params.compactMap(\.annotation) + (def.returns.map { [$0] } ?? [])).map(\.range))
        default:
            return []
        }
    }

    /// Whether an `except` clause of this type may catch a NameError: unless it names only
    /// builtin exception classes that are not NameError or one of its bases.
    private static func mayCatchNameError(_ type: Expr?, bound: Set<String>) -> Bool {
        guard let type else { return true }
        let names: [Expr]
        if case .tuple(let items) = type.kind { names = items } else { names = [type] }
        return names.contains { e in
            guard case .name(let n) = e.kind, cpythonBuiltins.contains(n), !bound.contains(n) else { return true }
            return ["NameError", "Exception", "BaseException"].contains(n)
        }
    }

    /// Whether the file reads `globals`, `exec`, ... or imports `builtins`.
    private static func addsGlobalsDynamically(_ ast: Module) -> Bool {
        var found = false
        ast.forEachStatement { stmt in
            switch stmt.kind {
            case .import(let aliases): if aliases.contains(where: { $0.name == "builtins" }) { found = true }
            case .importFrom(let module, _, _, _): if module == "builtins" { found = true }
            default: break
            }
            for (expr, _) in stmt.expressions {
                expr.forEachSubexpression { e in
                    if case .name(let name) = e.kind, dynamicGlobals.contains(name) { found = true }
                }
            }
        }
        return found
    }

    private static func isDunder(_ name: String) -> Bool {
        name.count > 4 && name.hasPrefix("__") && name.hasSuffix("__")
    }

    /// CPython 3.11's `dir(builtins)` without its dunders: a name among them is never
    /// undefined (one loopscope lacks is its own error at run time).
    static let cpythonBuiltins: Set<String> = [
        "ArithmeticError", "AssertionError", "AttributeError", "BaseException",
        "BaseExceptionGroup", "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning",
        "ChildProcessError", "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError",
        "ConnectionResetError", "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning",
        "EnvironmentError", "Exception", "ExceptionGroup", "False", "FileExistsError",
        "FileNotFoundError", "FloatingPointError", "FutureWarning", "GeneratorExit", "IOError",
        "ImportError", "ImportWarning", "IndentationError", "IndexError", "InterruptedError",
        "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError",
        "ModuleNotFoundError", "NameError", "None", "NotADirectoryError", "NotImplemented",
        "NotImplementedError", "OSError", "OverflowError", "PendingDeprecationWarning",
        "PermissionError", "ProcessLookupError", "RecursionError", "ReferenceError",
        "ResourceWarning", "RuntimeError", "RuntimeWarning", "StopAsyncIteration", "StopIteration",
        "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit", "TabError", "TimeoutError",
        "True", "TypeError", "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError",
        "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning", "ValueError",
        "Warning", "ZeroDivisionError", "abs", "aiter", "all", "anext", "any", "ascii", "bin",
        "bool", "breakpoint", "bytearray", "bytes", "callable", "chr", "classmethod", "compile",
        "complex", "copyright", "credits", "delattr", "dict", "dir", "divmod", "enumerate", "eval",
        "exec", "exit", "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr",
        "hash", "help", "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len",
        "license", "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct",
        "open", "ord", "pow", "print", "property", "quit", "range", "repr", "reversed", "round",
        "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple",
        "type", "vars", "zip"
    ]
}
