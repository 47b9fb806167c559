import ScenarioLanguage

/// `compile`, `exec` and `eval`: source text made into code at run time, as
/// `dataclasses` and `collections.namedtuple` make their methods. The text goes through
/// the same front end as every module (what loopscope does not support is a SyntaxError
/// naming it, since `check` cannot see text made at run time). A dict given as globals
/// becomes the globals of the code and of every function it defines: the dict and that
/// module are kept the same both ways (`PyDict.linkedModule`), as CPython's functions
/// hold the dict itself.
package final class PyCode: PyObject {
    package enum Mode: String { case exec, eval }
    package let ast: Module
    package let filename: String
    package let mode: Mode
    /// Compiled once for globals-as-namespace and once for a separate locals mapping.
    private var compiled: [Bool: CodeObject] = [:]

    package init(ast: Module, filename: String, mode: Mode) {
        self.ast = ast
        self.filename = filename
        self.mode = mode
    }

    package override var pyClass: PyClass { BuiltinTypes.code }

    package func code(namespaceNames: Bool) throws(Diagnostic) -> CodeObject {
        if let code = compiled[namespaceNames] { return code }
        let code = try Compiler.compile(ast, filename: filename, namespaceNames: namespaceNames)
        compiled[namespaceNames] = code
        return code
    }
}

extension Interpreter {
    package func installDynamicCodeBuiltins(into b: inout [String: Value]) {
        b["compile"] = nativeFunction("compile", owner: nil,
            .python(parameters: ["source", "filename", "mode", "flags", "dont_inherit", "optimize"], required: 3, isMethod: false)) { vm, args, _ in
            guard case .str(let filename) = args[1] else {
                throw vm.typeError("compile() argument 'filename' must be str, not \(args[1].typeName)")
            }
            guard case .str(let modeName) = args[2] else {
                throw vm.typeError("compile() argument 'mode' must be str, not \(args[2].typeName)")
            }
            guard let mode = PyCode.Mode(rawValue: modeName) else {
                throw PythonError(vm.makeException(BuiltinTypes.valueError, "compile() mode must be 'exec', 'eval' or 'single'"))
            }
            return .object(try vm.compileSource(args[0], filename: filename, mode: mode, caller: "compile"))
        }
        for mode in [PyCode.Mode.exec, .eval] {
            let name = mode.rawValue
            b[name] = nativeFunction(name, owner: nil,
                .python(parameters: ["source", "globals", "locals"], required: 1, isMethod: false)) { vm, args, _ in
                let code: PyCode
                if case .object(let o) = args[0], let given = o as? PyCode {
                    code = given
                } else {
                    code = try vm.compileSource(args[0], filename: "<string>", mode: mode, caller: name)
                }
                let result = try vm.run(code, globals: args.count > 1 ? args[1] : .none,
                                        locals: args.count > 2 ? args[2] : .none, caller: name)
                return mode == .exec ? .none : result
            }
        }
    }

    /// The source (a str) parsed and validated as a module, or for `eval` an expression.
    package func compileSource(_ source: Value, filename: String, mode: PyCode.Mode, caller: String) throws -> PyCode {
        guard case .str(let text) = source else {
            throw typeError("\(caller)() arg 1 must be a string, bytes or code object")
        }
        // eval ignores leading spaces and tabs, as CPython strips them.
        let body = mode == .eval ? String(text.drop { $0 == " " || $0 == "\t" }) : text
        let analysis = FrontEnd.analyzeShared(body, mode: .library)
        if let problem = analysis.diagnostics.first { throw syntaxError(problem, filename: filename, source: body) }
        guard var ast = analysis.module else { throw typeError("\(caller)(): no code") }
        if mode == .eval {
            // An expression: compiled as a module returning its value.
            guard ast.body.count == 1, case .expr(let e) = ast.body[0].kind else {
                let range = ast.body.first?.range ?? SourceRange(start: SourceLocation(line: 1, column: 1), end: SourceLocation(line: 1, column: 1))
                throw syntaxError(Diagnostic("invalid syntax", at: range), filename: filename, source: body)
            }
            ast.body = [Stmt(.return(e), ast.body[0].range)]
        }
        return PyCode(ast: ast, filename: filename, mode: mode)
    }

    /// CPython's SyntaxError: `(msg, (filename, lineno, offset, text, end_lineno, end_offset))`.
    private func syntaxError(_ d: Diagnostic, filename: String, source: String) -> PythonError {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let line = d.range.start.line
        let text: Value = line >= 1 && line <= lines.count ? .str(String(lines[line - 1]) + "\n") : .none
        let details = PyTuple([.str(filename), .int(line), .int(d.range.start.column), text,
                               .int(d.range.end.line), .int(d.range.end.column)])
        let e = PyException(cls: BuiltinTypes.syntaxError, args: [.str(d.message), .object(details)])
        for (key, value) in zip(["filename", "lineno", "offset", "text", "end_lineno", "end_offset"], details.items) {
            e.attributes[key] = value
        }
        e.attributes["msg"] = .str(d.message)
        return PythonError(e)
    }

    /// Runs `code` with `globals` (a dict; None: the caller's) and `locals` (any
    /// mapping; None: the globals, or the caller's locals when the globals are too).
    private func run(_ code: PyCode, globals: Value, locals: Value, caller: String) throws -> Value {
        let module: PyModule
        var namespace: Value? = nil
        switch globals {
        case .none:
            guard let frame = activeFrame else { throw typeError("\(caller)() needs globals outside a frame") }
            module = frame.globals
            if locals.isNone && !frame.code.isModule {
                // CPython's `locals()` of a function: a snapshot of its variables.
                namespace = .object(localsSnapshot(frame))
            }
        case .object(let o) where o is PyDict:
            guard let dict = o as? PyDict else { throw typeError("\(caller)() globals must be a dict") }
            module = linkedModule(dict)
        default:
            throw typeError(code.mode == .exec ? "exec() globals must be a dict, not \(globals.typeName)"
                            : "globals must be a dict")
        }
        if !locals.isNone && !locals.isIdentical(to: globals) {
            guard case .object(let o) = locals, o is PyDict || userMethod(locals, "__getitem__") != nil else {
                throw typeError("locals must be a mapping")
            }
            namespace = locals
        }
        let compiled: CodeObject
        do {
            compiled = try code.code(namespaceNames: namespace != nil)
        } catch {
            throw syntaxError(error, filename: code.filename, source: "")
        }
        let frame = Frame(code: compiled, globals: module, cells: [])
        frame.namespaceMapping = namespace
        let fiber = Fiber([])
        try push(frame, on: fiber)
        switch execute(fiber, .start) {
        case .returned(let v): return v
        case .raised(let exc): throw PythonError(exc)
        case .yielded: throw PythonError(makeException(BuiltinTypes.runtimeError, "\(caller)() code cannot await"))
        }
    }

    /// The module a globals dict stands for, made (and linked to it) the first time.
    private func linkedModule(_ dict: PyDict) -> PyModule {
        if let m = dict.linkedModule { return m }
        // Without `__name__`, a class body's `__module__` comes from the builtins' one.
        var name = "builtins"
        if case .str(let n)? = dict.get(.str("__name__")) { name = n }
        let module = PyModule(name: name)
        module.isNameless = dict.get(.str("__name__")) == nil
        // CPython adds `__builtins__` to globals that have none.
        if dict.get(.str("__builtins__")) == nil { dict.set(.str("__builtins__"), .object(builtinsModule)) }
        for (key, value) in dict.entries { if case .str(let k) = key { module.attributes[k] = value } }
        dict.linkedModule = module
        module.linkedDict = dict
        return module
    }

    /// A function frame's bound variables as a new dict (`locals()`).
    package func localsSnapshot(_ frame: Frame) -> PyDict {
        let d = PyDict()
        for (i, name) in frame.code.localNames.enumerated() {
            let v = frame.stack[i]
            if !v.isUnboundLocal { d.set(.str(name), v) }
        }
        for (i, name) in (frame.code.cellNames + frame.code.freeNames).enumerated() where i < frame.cells.count {
            if let v = frame.cells[i].value { d.set(.str(name), v) }
        }
        return d
    }
}
