import BigInt
import ScenarioLanguage

/// Compiles a validated `Module` into code objects, one per function, class body and the
/// module itself. The shapes follow CPython's compiler (`compile.c`): `try/finally` bodies
/// are emitted once for the normal path and once for the exceptional one, and `return`,
/// `break` and `continue` unwind the enclosing blocks (running `finally` bodies and
/// `__aexit__`) before they jump, as `compiler_unwind_fblock` does.
public struct Compiler {
    /// With `namespaceNames`, the module's own names are read and bound through a
    /// namespace (LOAD_NAME / STORE_NAME, as CPython compiles every module) rather than as
    /// globals: `exec(source, globals, locals)` with locals apart from the globals.
    /// `isLibrary`: the implementation's own Python (the asyncio prelude), whose frames
    /// tracebacks, traces and creation sites leave out (`CodeObject.isLibrary`).
    public static func compile(_ module: Module, filename: String, namespaceNames: Bool = false,
                               isLibrary: Bool = false) throws(Diagnostic) -> CodeObject {
        let analysis = ScopeAnalysis(module)
        let state = CompilerState(filename: filename, analysis: analysis)
        state.namespaceNames = namespaceNames
        state.isLibrary = isLibrary
        return try state.compileModule(module)
    }
}

/// What `return`/`break`/`continue` must undo when leaving a block early.
private enum FrameBlock {
    case whileLoop(continueTarget: Int, breaks: Box<[Int]>)
    case forLoop(continueTarget: Int, breaks: Box<[Int]>)
    case tryExcept
    case tryFinally(body: [Stmt])
    /// Inside an `except` body: the saved exception is on the stack.
    case exceptHandler
    /// Inside a `finally` body entered by an exception: [prev, exc] are on the stack.
    case finallyHandler
    /// `__exit__` / `__aexit__` is kept in a compiler-made variable of that name.
    case with(exitName: String, position: CodePosition, isAsync: Bool)
}

package final class Box<T> {
    package var value: T
    package init(_ value: T) { self.value = value }
}

private final class CompileUnit {
    package let code: CodeObject
    package let scope: Scope
    package var blocks: [FrameBlock] = []
    package var localSlots: [String: Int] = [:]
    package var cellSlots: [String: Int] = [:]
    package var nameSlots: [String: Int] = [:]
    package var renames: [[String: String]] = []
    package var hiddenCounter = 0

    package init(code: CodeObject, scope: Scope) {
        self.code = code
        self.scope = scope
    }
}

private final class CompilerState {
    package let filename: String
    package let analysis: ScopeAnalysis
    package var unit: CompileUnit!
    /// The position the next instruction gets: the statement or expression being compiled
    /// (CPython's `SET_LOC`), restored when a sub-expression is done.
    package var position = CodePosition(line: 1)
    /// Names the module binds by `import` (`asyncio`, `time`): `asyncio.sleep(...)` is a
    /// plain call of a module attribute, compiled without LOAD_METHOD's receiver slot.
    package var moduleNames: Set<String> = []
    /// See `Compiler.compile`.
    package var namespaceNames = false
    package var isLibrary = false
    /// The module's `from __future__ import ...` features.
    package var future = FutureFeatures()

    package init(filename: String, analysis: ScopeAnalysis) {
        self.filename = filename
        self.analysis = analysis
    }

    // MARK: Units

    package func compileModule(_ module: Module) throws(Diagnostic) -> CodeObject {
        let code = CodeObject(name: "<module>", qualname: "<module>", filename: filename, firstLine: 1, isLibrary: isLibrary)
        code.isModule = true
        unit = CompileUnit(code: code, scope: analysis.module)
        future = try FutureFeatures(module)
        for stmt in module.body {
            if case .import(let aliases) = stmt.kind {
                for a in aliases { moduleNames.insert(a.asname ?? String(a.name.split(separator: ".")[0])) }
            }
        }
        // A module's docstring becomes its `__doc__` (the module object starts with None).
        if case .expr(let e)? = module.body.first?.kind, case .string(let doc) = e.kind {
            emit(.loadConst(constant(.str(doc))))
            store("__doc__")
        }
        setupAnnotations(module.body)
        try compileBody(module.body)
        emit(.loadConst(constant(.none)))
        emit(.returnValue)
        return code
    }

    /// The code of a `def` or `lambda`: `body` compiles what runs when it is called.
    private func compileFunction(name: String, qualname: String, params p: Parameters, isAsync: Bool,
                                 scopeRange: SourceRange, docstring: String?,
                                 body: () throws(Diagnostic) -> Void) throws(Diagnostic) -> CodeObject {
        guard let scope = analysis.scope(for: scopeRange) else {
            throw Diagnostic("internal: no scope for '\(name)'", at: scopeRange)
        }
        let code = CodeObject(name: name, qualname: qualname, filename: filename, firstLine: scopeRange.start.line,
                              isLibrary: isLibrary)
        code.isCoroutine = isAsync && !scope.isGenerator
        code.isGenerator = !isAsync && scope.isGenerator
        code.isAsyncGenerator = isAsync && scope.isGenerator
        code.argCount = p.positional.count
        code.posOnlyCount = p.posonlyCount
        code.defaultCount = p.positionalDefaults.count
        code.hasVarargs = p.varargs != nil
        code.kwOnlyNames = p.keywordOnly.map(\.name)
        code.hasKwargs = p.kwargs != nil
        code.docstring = docstring
        let saved = unit
        let savedPosition = position
        defer { unit = saved; position = savedPosition }
        beginFunctionUnit(code, scope)
        position = CodePosition(scopeRange)
        try body()
        return code
    }

    /// Makes `code` the unit being compiled, with its parameters' slots and its cell and
    /// free variables numbered.
    private func beginFunctionUnit(_ code: CodeObject, _ scope: Scope) {
        unit = CompileUnit(code: code, scope: scope)
        for name in scope.parameters { _ = localSlot(name) }
        declareCells()
    }

    /// Emits the closure cells `code` needs and the `makeFunction` that builds it.
    private func emitMakeFunction(_ code: CodeObject, defaults: Int, hasKwDefaults: Bool, hasAnnotations: Bool = false,
                                  at range: SourceRange) throws(Diagnostic) {
        try emitClosure(of: code, at: range)
        emit(.makeFunction(code: constant(.object(CodeConstant(code))), defaults: defaults,
                           hasKwDefaults: hasKwDefaults, hasAnnotations: hasAnnotations, closure: code.freeNames.count))
    }

    /// A generator expression: a `<genexpr>` generator function called at once with the
    /// iterator of its first iterable, which is evaluated here, as CPython does.
    private func compileGeneratorExpression(_ expr: Expr, _ element: Expr, _ generators: [Comprehension]) throws(Diagnostic) {
        guard let scope = analysis.scope(for: expr.range), let first = generators.first else {
            throw Diagnostic("internal: no scope for a generator expression", at: expr.range)
        }
        let code = CodeObject(name: "<genexpr>", qualname: qualname(of: "<genexpr>"), filename: filename,
                              firstLine: expr.range.start.line, isLibrary: isLibrary)
        let isAsync = scope.hasAwait || generators.contains { $0.isAsync }
        code.isGenerator = !isAsync
        code.isAsyncGenerator = isAsync
        code.argCount = 1
        let saved = unit
        beginFunctionUnit(code, scope)
        try compileComprehensionLoop(generators[...], firstIterator: ".0", renames: [:]) { () throws(Diagnostic) in
            try self.compile(element)
            self.emit(.yieldValue)
            self.emit(.pop)
        }
        emit(.loadConst(constant(.none)))
        emit(.returnValue)
        unit = saved
        try emitMakeFunction(code, defaults: 0, hasKwDefaults: false, at: expr.range)
        try compile(first.iter)
        emit(first.isAsync ? .getAIter : .getIter)
        emit(.call(1))
    }

    /// Numbers the unit's cell variables (captured by nested functions; a class body's
    /// `__class__`), then its free variables after them, as CPython's localsplus does.
    private func declareCells() {
        let code = unit.code
        for name in unit.scope.cells.sorted() {
            unit.cellSlots[name] = code.cellNames.count
            code.cellNames.append(name)
            if let param = unit.localSlots[name] { code.cellParameters.append((code.cellNames.count - 1, param)) }
        }
        for name in unit.scope.frees.sorted() where unit.cellSlots[name] == nil {
            code.freeNames.append(name)
        }
        for (i, name) in code.freeNames.enumerated() { unit.cellSlots[name] = code.cellNames.count + i }
    }

    private func compileClassBody(_ cls: ClassDef) throws(Diagnostic) -> CodeObject {
        guard let scope = analysis.scope(for: cls.headerRange) else {
            throw Diagnostic("internal: no scope for class '\(cls.name)'", at: cls.headerRange)
        }
        let code = CodeObject(name: cls.name, qualname: qualname(of: cls.name), filename: filename,
                              firstLine: cls.headerRange.start.line, isLibrary: isLibrary)
        code.isClassBody = true
        let saved = unit
        let savedPosition = position
        defer { unit = saved; position = savedPosition }
        unit = CompileUnit(code: code, scope: scope)
        declareCells()
        position = CodePosition(cls.headerRange)
        // A docstring becomes `__doc__`, as CPython's compiler stores it.
        if case .expr(let e)? = cls.body.first?.kind, case .string(let doc) = e.kind {
            emit(.loadConst(constant(.str(doc))))
            store("__doc__")
        }
        setupAnnotations(cls.body)
        try compileBody(cls.body)
        emit(.loadConst(constant(.none)))
        emit(.returnValue)
        return code
    }

    // MARK: Emitting

    @discardableResult
    private func emit(_ instruction: Instruction) -> Int {
        unit.code.instructions.append(instruction)
        unit.code.notePosition(position, at: unit.code.instructions.count - 1)
        unit.code.lines.append(position.line)
        return unit.code.instructions.count - 1
    }

    private var here: Int { unit.code.instructions.count }

    private func patch(_ at: Int, to target: Int) {
        switch unit.code.instructions[at] {
        case .jump: unit.code.instructions[at] = .jump(target)
        case .popJumpIfFalse: unit.code.instructions[at] = .popJumpIfFalse(target)
        case .popJumpIfTrue: unit.code.instructions[at] = .popJumpIfTrue(target)
        case .jumpIfFalseOrPop: unit.code.instructions[at] = .jumpIfFalseOrPop(target)
        case .jumpIfTrueOrPop: unit.code.instructions[at] = .jumpIfTrueOrPop(target)
        case .forIter: unit.code.instructions[at] = .forIter(target)
        case .setupExcept: unit.code.instructions[at] = .setupExcept(target)
        case .setupFinally: unit.code.instructions[at] = .setupFinally(target)
        case .send: unit.code.instructions[at] = .send(target)
        default: break
        }
    }

    private func constant(_ value: Value) -> Int {
        unit.code.constants.append(value)
        return unit.code.constants.count - 1
    }

    private func name(_ n: String) -> Int {
        if let i = unit.nameSlots[n] { return i }
        unit.code.names.append(n)
        unit.nameSlots[n] = unit.code.names.count - 1
        return unit.code.names.count - 1
    }

    private func localSlot(_ n: String) -> Int {
        if let i = unit.localSlots[n] { return i }
        unit.code.localNames.append(n)
        unit.localSlots[n] = unit.code.localNames.count - 1
        return unit.code.localNames.count - 1
    }

    private func hiddenLocal(_ hint: String) -> String {
        unit.hiddenCounter += 1
        return ".\(hint)\(unit.hiddenCounter)"
    }

    // MARK: Names

    private enum NameAccess { case fast(Int), deref(Int), global(Int), classNamespace(Int) }

    private func access(_ n: String) -> NameAccess {
        var resolved = n
        for map in unit.renames.reversed() {
            if let r = map[n] { resolved = r; break }
        }
        let hidden = resolved != n || n.hasPrefix(".")
        switch unit.scope.kind {
        case .module:
            // The compiler's own variables (a comprehension's, a `with`'s exit) are fast
            // locals, never names the module or a class namespace could show.
            if hidden { return .fast(localSlot(resolved)) }
            return namespaceNames ? .classNamespace(name(resolved)) : .global(name(resolved))
        case .classBody:
            if hidden { return .fast(localSlot(resolved)) }
            // A name the class body reads from an enclosing function (and never binds
            // itself) comes from its cell, as LOAD_CLASSDEREF finds it.
            if !hidden, let c = unit.cellSlots[n], !unit.scope.bound.contains(n), unit.scope.frees.contains(n) {
                return .deref(c)
            }
            return .classNamespace(name(resolved))
        case .function:
            if hidden { return .fast(localSlot(resolved)) }
            if let c = unit.cellSlots[n] { return .deref(c) }
            if unit.scope.globals.contains(n) { return .global(name(n)) }
            if unit.scope.bound.contains(n) { return .fast(localSlot(n)) }
            return .global(name(n))
        }
    }

    /// Whether `e` names a module the scenario imported (and that name is not a local).
    private func isModuleName(_ e: Expr) -> Bool {
        guard case .name(let n) = e.kind, moduleNames.contains(n), case .global = access(n) else { return false }
        return true
    }

    private func load(_ n: String) {
        switch access(n) {
        case .fast(let i): emit(.loadFast(i))
        case .deref(let i): emit(.loadDeref(i))
        case .global(let i): emit(.loadGlobal(i))
        case .classNamespace(let i): emit(.loadName(i))
        }
    }

    private func deleteName(_ n: String) {
        switch access(n) {
        case .fast(let i): emit(.deleteFast(i))
        case .deref(let i): emit(.deleteDeref(i))
        case .global(let i): emit(.deleteGlobal(i))
        case .classNamespace(let i): emit(.deleteName(i))
        }
    }

    private func store(_ n: String) {
        switch access(n) {
        case .fast(let i): emit(.storeFast(i))
        case .deref(let i): emit(.storeDeref(i))
        case .global(let i): emit(.storeGlobal(i))
        case .classNamespace(let i): emit(.storeName(i))
        }
    }

    // MARK: Statements

    private func compileBody(_ body: [Stmt]) throws(Diagnostic) {
        for stmt in body { try compile(stmt) }
    }

    private func compile(_ stmt: Stmt) throws(Diagnostic) {
        position = CodePosition(stmt.range)
        switch stmt.kind {
        case .expr(let e):
            try compile(e)
            emit(.pop)
        case let .assign(targets, value):
            try compile(value)
            for (i, t) in targets.enumerated() {
                if i < targets.count - 1 { emit(.dup) }
                try assign(to: t)
            }
        case let .augAssign(target, op, value):
            try augmentedAssign(target, op, value)
        case let .annAssign(target, annotation, value):
            try annotatedAssignment(target, annotation, value)
        case .return(let value):
            if let value { try compile(value) } else { emit(.loadConst(constant(.none))) }
            try unwindBlocks(upTo: 0, preservingTop: true)
            position = CodePosition(stmt.range)
            emit(.returnValue)
        case .pass:
            break
        case .break:
            try loopExit(isBreak: true, at: stmt.range)
        case .continue:
            try loopExit(isBreak: false, at: stmt.range)
        case let .if(test, body, orelse):
            try compile(test)
            let toElse = emit(.popJumpIfFalse(-1))
            try compileBody(body)
            if orelse.isEmpty {
                patch(toElse, to: here)
            } else {
                let toEnd = emit(.jump(-1))
                patch(toElse, to: here)
                try compileBody(orelse)
                patch(toEnd, to: here)
            }
        case let .while(test, body, orelse):
            let top = here
            try compile(test)
            let exit = emit(.popJumpIfFalse(-1))
            try compileLoop(top: top, exit: exit, isFor: false, isAsync: false, body: body, orelse: orelse, position: CodePosition(stmt.range))
        case let .for(target, iter, body, orelse, isAsync):
            try compile(iter)
            emit(isAsync ? .getAIter : .getIter)
            let (top, exit) = emitForHead(isAsync: isAsync)
            try assign(to: target)
            try compileLoop(top: top, exit: exit, isFor: true, isAsync: isAsync, body: body, orelse: orelse,
                            position: CodePosition(stmt.range))
        case let .try(body, handlers, orelse, finalbody, isStar):
            if finalbody.isEmpty {
                try compileTryExcept(body, handlers, orelse, isStar: isStar)
            } else {
                try compileTryFinally(finalbody) { () throws(Diagnostic) in
                    if handlers.isEmpty {
                        try self.compileBody(body)
                    } else {
                        try self.compileTryExcept(body, handlers, orelse, isStar: isStar)
                    }
                }
            }
        case let .raise(exc, cause):
            var count = 0
            if let exc { try compile(exc); count = 1 }
            if let cause { try compile(cause); count = 2 }
            position = CodePosition(stmt.range)
            emit(.raise(count))
        case let .assert(test, msg):
            try compile(test)
            let ok = emit(.popJumpIfTrue(-1))
            if let msg { try compile(msg) }
            position = assertionPosition(test) ?? CodePosition(stmt.range)
            emit(.raiseAssertion(hasMessage: msg != nil))
            patch(ok, to: here)
        case let .with(items, body, isAsync):
            try compileWith(items[...], body, isAsync: isAsync, position: CodePosition(stmt.range))
        case .functionDef(let def):
            // Decorators are evaluated first (top to bottom), then applied innermost
            // first, each call located at its decorator, as CPython 3.11 does.
            for d in def.decorators { try compile(d) }
            try makeFunction(def)
            applyDecorators(def.decorators)
            position = CodePosition(def.headerRange)
            store(def.name)
        case .classDef(let cls):
            for d in cls.decorators { try compile(d) }
            let body = try compileClassBody(cls)
            position = CodePosition(cls.headerRange)
            try emitClosure(of: body, at: cls.headerRange)
            emit(.makeFunction(code: constant(.object(CodeConstant(body))), defaults: 0, hasKwDefaults: false,
                               hasAnnotations: false, closure: body.freeNames.count))
            for b in cls.bases { try compile(b) }
            var kwNames: [Value] = []
            for k in cls.keywords {
                // The validator refuses `*bases` and `**kwargs` here.
                guard case .keyword(let key) = k.kind else { throw Diagnostic("internal: class argument", at: k.range) }
                try compile(k.value)
                kwNames.append(.str(key))
            }
            position = CodePosition(cls.headerRange)
            emit(.buildClass(name: name(cls.name), bases: cls.bases.count, kwNames: constant(.object(PyTuple(kwNames)))))
            applyDecorators(cls.decorators)
            position = CodePosition(cls.headerRange)
            store(cls.name)
        case .import(let aliases):
            for a in aliases {
                if let asname = a.asname {
                    emit(.importName(name(a.name), level: 0, top: false))
                    store(asname)
                } else {
                    emit(.importName(name(a.name), level: 0, top: true))
                    store(String(a.name.split(separator: ".")[0]))
                }
            }
        case let .importFrom(module, aliases, level, _):
            try future.checkLate(stmt, module: module)
            emit(.importName(name(module ?? ""), level: level, top: false))
            if aliases.first?.name == "*" {
                emit(.importStar)
            } else {
                for a in aliases {
                    emit(.importFrom(name(a.name)))
                    store(a.asname ?? a.name)
                }
                emit(.pop)
            }
        case .global, .nonlocal:
            break
        case .delete(let targets):
            for t in targets { try delete(t) }
        case let .match(subject, cases):
            try compileMatch(subject, cases)
        }
    }

    /// The rest of a loop once its head is emitted: the body (where `break`/`continue`
    /// know their targets), the jump back to `top`, the `else` reached through `exit`, and
    /// the end that `break` jumps to.
    private func compileLoop(top: Int, exit: Int, isFor: Bool, isAsync: Bool, body: [Stmt], orelse: [Stmt],
                             position loopPosition: CodePosition) throws(Diagnostic) {
        let breaks = Box<[Int]>([])
        unit.blocks.append(isFor ? .forLoop(continueTarget: top, breaks: breaks) : .whileLoop(continueTarget: top, breaks: breaks))
        try compileBody(body)
        unit.blocks.removeLast()
        position = loopPosition
        emit(.jump(top))
        patch(exit, to: here)
        if isAsync { emit(.endAsyncFor) }
        try compileBody(orelse)
        for b in breaks.value { patch(b, to: here) }
    }

    /// The head of a `for` over the iterator on the stack: `forIter`, or for `async for`
    /// an awaited `__anext__()` whose StopAsyncIteration handler (`exit`, to be patched to
    /// the `endAsyncFor`) ends the loop. Returns where `continue` jumps and `exit`.
    private func emitForHead(isAsync: Bool) -> (top: Int, exit: Int) {
        guard isAsync else {
            let top = emit(.forIter(-1))
            return (top, top)
        }
        let top = here
        let setup = emit(.setupExcept(-1))
        emit(.getANext)
        emit(.await)
        emit(.popBlock)
        return (top, setup)
    }

    private func makeFunction(_ def: FunctionDef) throws(Diagnostic) {
        var docstring: String?
        if case .expr(let first)? = def.body.first?.kind, case .string(let text) = first.kind { docstring = text }
        try makeFunction(name: def.name, params: def.params, returns: def.returns, isAsync: def.isAsync,
                         scopeRange: def.headerRange, docstring: docstring) { () throws(Diagnostic) in
            try self.compileBody(def.body)
            self.emit(.loadConst(self.constant(.none)))
            self.emit(.returnValue)
        }
    }

    /// `lambda params: body`: a function named `<lambda>` returning `body`.
    private func makeLambda(_ params: Parameters, _ body: Expr, range: SourceRange) throws(Diagnostic) {
        try makeFunction(name: "<lambda>", params: params, returns: nil, isAsync: false,
                         scopeRange: range, docstring: nil) { () throws(Diagnostic) in
            try self.compile(body)
            self.position = CodePosition(range)
            self.emit(.returnValue)
        }
    }

    /// What CPython's `compiler_function` / `compiler_lambda` emit around the code:
    /// positional defaults, keyword-only defaults and annotations, evaluated once, in the
    /// defining scope, in that order; then the closure cells and MAKE_FUNCTION.
    private func makeFunction(name fnName: String, params: Parameters, returns: Expr?, isAsync: Bool,
                              scopeRange: SourceRange, docstring: String?,
                              body: () throws(Diagnostic) -> Void) throws(Diagnostic) {
        for d in params.positionalDefaults { try compile(d) }
        let hasKw = params.keywordOnlyDefaults.contains { $0 != nil }
        if hasKw {
            var count = 0
            for (p, d) in zip(params.keywordOnly, params.keywordOnlyDefaults) {
                guard let d else { continue }
                emit(.loadConst(constant(.str(p.name))))
                try compile(d)
                count += 1
            }
            emit(.buildDict(count))
        }
        // Annotations in CPython's order: regular positional parameters before the
        // positional-only ones, then *args, keyword-only, **kwargs and the return.
        var annotated = Array(params.positional[params.posonlyCount...]) + params.positional[..<params.posonlyCount]
        if let v = params.varargs { annotated.append(v) }
        annotated += params.keywordOnly
        if let k = params.kwargs { annotated.append(k) }
        var annotationCount = 0
        for p in annotated {
            guard let a = p.annotation else { continue }
            emit(.loadConst(constant(.str(p.name))))
            try compileAnnotation(a)
            annotationCount += 1
        }
        if let returns {
            emit(.loadConst(constant(.str("return"))))
            try compileAnnotation(returns)
            annotationCount += 1
        }
        if annotationCount > 0 { emit(.buildDict(annotationCount)) }
        let code = try compileFunction(name: fnName, qualname: qualname(of: fnName), params: params, isAsync: isAsync,
                                       scopeRange: scopeRange, docstring: docstring, body: body)
        position = CodePosition(scopeRange)
        try emitMakeFunction(code, defaults: params.positionalDefaults.count, hasKwDefaults: hasKw,
                             hasAnnotations: annotationCount > 0, at: scopeRange)
    }

    /// CPython's __qualname__ for a def or class in the current unit: `Class.method`,
    /// `outer.<locals>.inner`.
    private func qualname(of name: String) -> String {
        let prefix = unit.code.isModule ? "" : unit.code.qualname + (unit.code.isClassBody ? "." : ".<locals>.")
        return prefix + name
    }

    /// Pushes the cells `code` closes over (MAKE_FUNCTION's closure tuple).
    private func emitClosure(of code: CodeObject, at range: SourceRange) throws(Diagnostic) {
        for free in code.freeNames {
            guard let slot = unit.cellSlots[free] else {
                throw Diagnostic("internal: no cell for '\(free)'", at: range)
            }
            emit(.loadClosure(slot))
        }
    }

    /// Calls the decorators below the new function or class on it, innermost first.
    private func applyDecorators(_ decorators: [Expr]) {
        for d in decorators.reversed() {
            position = CodePosition(d.range)
            emit(.call(1))
        }
    }

    private func compileTryExcept(_ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt], isStar: Bool) throws(Diagnostic) {
        let setup = emit(.setupExcept(-1))
        unit.blocks.append(.tryExcept)
        try compileBody(body)
        unit.blocks.removeLast()
        emit(.popBlock)
        try compileBody(orelse)
        var ends = [emit(.jump(-1))]
        patch(setup, to: here)
        // [exc] -> [prev, exc]
        emit(.pushExcInfo)
        if isStar {
            try compileExceptStarClauses(handlers)
            for e in ends { patch(e, to: here) }
            return
        }
        for handler in handlers {
            position = CodePosition(handler.range)
            var next: Int?
            if let type = handler.type {
                try compile(type)
                emit(.checkExcMatch)
                next = emit(.popJumpIfFalse(-1))
            }
            if let n = handler.name { store(n) } else { emit(.pop) }
            unit.blocks.append(.exceptHandler)
            try compileBody(handler.body)
            unit.blocks.removeLast()
            emit(.popExcept)
            if let n = handler.name {
                // `except E as e` ends with `e = None; del e`, as CPython's does.
                emit(.loadConst(constant(.none)))
                store(n)
                deleteName(n)
            }
            ends.append(emit(.jump(-1)))
            if let next { patch(next, to: here) }
        }
        emit(.reraise)
        for e in ends { patch(e, to: here) }
    }

    /// The `except*` clauses, as CPython 3.11 runs them: each splits off the part of what
    /// is left that its type matches and runs with it; what a clause raises is collected,
    /// and at the end the collected exceptions and the unmatched rest are raised together
    /// (`ExceptionGroups.swift`). Stack: [prev, exc] on entry, [] on the way out.
    private func compileExceptStarClauses(_ handlers: [ExceptHandler]) throws(Diagnostic) {
        emit(.exceptStarBegin)
        for handler in handlers {
            position = CodePosition(handler.range)
            if let type = handler.type { try compile(type) } else { emit(.loadConst(constant(.object(BuiltinTypes.baseException)))) }
            emit(.exceptStarMatch)
            let next = emit(.popJumpIfFalse(-1))
            if let n = handler.name { store(n) } else { emit(.pop) }
            let setup = emit(.setupExcept(-1))
            unit.blocks.append(.tryExcept)
            try compileBody(handler.body)
            unit.blocks.removeLast()
            emit(.popBlock)
            let done = emit(.jump(-1))
            patch(setup, to: here)
            emit(.exceptStarRaised)
            patch(done, to: here)
            if let n = handler.name {
                emit(.loadConst(constant(.none)))
                store(n)
                deleteName(n)
            }
            patch(next, to: here)
        }
        position = handlers.last.map { CodePosition($0.range) } ?? position
        emit(.exceptStarEnd)
        emit(.popExcept)
    }

    private func compileTryFinally(_ finalbody: [Stmt], body: () throws(Diagnostic) -> Void) throws(Diagnostic) {
        let setup = emit(.setupFinally(-1))
        unit.blocks.append(.tryFinally(body: finalbody))
        try body()
        unit.blocks.removeLast()
        emit(.popBlock)
        try compileBody(finalbody)
        let end = emit(.jump(-1))
        patch(setup, to: here)
        emit(.pushExcInfo)
        unit.blocks.append(.finallyHandler)
        try compileBody(finalbody)
        unit.blocks.removeLast()
        emit(.endFinally)
        patch(end, to: here)
    }

    /// `match`: the subject is kept in a hidden local; each case evaluates its pattern's
    /// expressions, then `matchPattern` tests the subject and pushes the captured values
    /// (bound only on success, as CPython does), then the guard decides.
    private func compileMatch(_ subject: Expr, _ cases: [MatchCase]) throws(Diagnostic) {
        try compile(subject)
        let subjectName = hiddenLocal("subject")
        store(subjectName)
        var ends: [Int] = []
        for c in cases {
            position = CodePosition(c.pattern.range)
            load(subjectName)
            let expressions = c.pattern.expressions
            for e in expressions { try compile(e) }
            position = CodePosition(c.pattern.range)
            let names = c.pattern.boundNames
            unit.code.patterns.append(MatchPattern(c.pattern, names: names))
            emit(.matchPattern(unit.code.patterns.count - 1, expressions: expressions.count))
            let noMatch = emit(.popJumpIfFalse(-1))
            for n in names.reversed() { store(n) }
            var guardFailed: Int?
            if let g = c.guardExpr {
                try compile(g)
                guardFailed = emit(.popJumpIfFalse(-1))
            }
            try compileBody(c.body)
            ends.append(emit(.jump(-1)))
            patch(noMatch, to: here)
            if let guardFailed { patch(guardFailed, to: here) }
        }
        for end in ends { patch(end, to: here) }
    }

    /// `with` / `async with`, one item at a time (each item's block encloses the next),
    /// as CPython's `compiler_with`: the exit is found before the enter is called; an
    /// exception leaving the body calls exit(type, exc, None) and is suppressed when that
    /// returns true.
    private func compileWith(_ items: ArraySlice<WithItem>, _ body: [Stmt], isAsync: Bool, position withPosition: CodePosition) throws(Diagnostic) {
        guard let item = items.first else {
            try compileBody(body)
            return
        }
        try compile(item.contextExpr)
        position = withPosition
        let exitName = hiddenLocal(isAsync ? "aexit" : "exit")
        // [mgr] -> [exit, enter]
        emit(.beforeWith(isAsync: isAsync))
        emit(.rot2)
        store(exitName)
        emit(.call(0))
        if isAsync { emit(.await) }
        if let v = item.optionalVars { try assign(to: v) } else { emit(.pop) }
        let setup = emit(.setupFinally(-1))
        unit.blocks.append(.with(exitName: exitName, position: withPosition, isAsync: isAsync))
        try compileWith(items.dropFirst(), body, isAsync: isAsync, position: withPosition)
        unit.blocks.removeLast()
        emit(.popBlock)
        position = withPosition
        emitExitCall(exitName, isAsync: isAsync)
        let end = emit(.jump(-1))
        patch(setup, to: here)
        // [exc] -> [prev, exc]; call __aexit__(type(exc), exc, None); re-raise unless it
        // returned true.
        emit(.pushExcInfo)
        emit(.dup)
        load(exitName)
        emit(.rot2)
        emit(.dup)
        emit(.loadAttr(name("__class__")))
        emit(.rot2)
        emit(.loadConst(constant(.none)))
        // [prev, exc, exit, type, exc, None]
        emit(.call(3))
        if isAsync { emit(.await) }
        let suppress = emit(.popJumpIfTrue(-1))
        emit(.endFinally)
        patch(suppress, to: here)
        // [prev, exc] -> drop exc, restore prev.
        emit(.pop)
        emit(.popExcept)
        patch(end, to: here)
    }

    /// `exit(None, None, None)` (awaited for `async with`): leaving without an exception.
    private func emitExitCall(_ exitName: String, isAsync: Bool) {
        load(exitName)
        emit(.loadConst(constant(.none)))
        emit(.loadConst(constant(.none)))
        emit(.loadConst(constant(.none)))
        emit(.call(3))
        if isAsync { emit(.await) }
        emit(.pop)
    }

    /// Emits what leaving the blocks above `depth` requires (innermost first). With
    /// `preservingTop` a return value on the stack is kept above whatever is popped.
    private func unwindBlocks(upTo depth: Int, preservingTop: Bool) throws(Diagnostic) {
        let saved = unit.blocks
        defer { unit.blocks = saved }
        while unit.blocks.count > depth {
            let block = unit.blocks.removeLast()
            switch block {
            case .whileLoop:
                break
            case .forLoop:
                if preservingTop { emit(.rot2) }
                emit(.pop)
            case .tryExcept:
                emit(.popBlock)
            case .tryFinally(let body):
                emit(.popBlock)
                try compileBody(body)
            case .exceptHandler:
                if preservingTop { emit(.rot2) }
                emit(.popExcept)
            case .finallyHandler:
                // [prev, exc] (+ value): drop the exception, then restore prev.
                if preservingTop { emit(.rot2) }
                emit(.pop)
                if preservingTop { emit(.rot2) }
                emit(.popExcept)
            case let .with(exitName, withPosition, isAsync):
                emit(.popBlock)
                let savedPosition = position
                position = withPosition
                emitExitCall(exitName, isAsync: isAsync)
                position = savedPosition
            }
        }
    }

    private func loopExit(isBreak: Bool, at range: SourceRange) throws(Diagnostic) {
        guard let index = unit.blocks.lastIndex(where: {
            if case .whileLoop = $0 { return true }
            if case .forLoop = $0 { return true }
            return false
        }) else {
            throw Diagnostic(isBreak ? "'break' outside loop" : "'continue' not properly in loop", at: range)
        }
        try unwindBlocks(upTo: index + 1, preservingTop: false)
        switch unit.blocks[index] {
        case let .whileLoop(top, breaks):
            if isBreak { breaks.value.append(emit(.jump(-1))) } else { emit(.jump(top)) }
        case let .forLoop(top, breaks):
            if isBreak {
                emit(.pop)
                breaks.value.append(emit(.jump(-1)))
            } else {
                emit(.jump(top))
            }
        default:
            break
        }
    }

    // MARK: Assignment

    /// CPython's SETUP_ANNOTATIONS (`find_ann`): a module or class body with an annotated
    /// assignment (of any target) anywhere outside nested functions and classes gets an
    /// `__annotations__` dict.
    private func setupAnnotations(_ body: [Stmt]) {
        func annotates(_ body: [Stmt]) -> Bool {
            body.contains { stmt in
                switch stmt.kind {
                case .annAssign:
                    return true
                case let .match(_, cases):
                    return cases.contains { annotates($0.body) }
                case let .if(_, b, o), let .while(_, b, o), let .for(_, _, b, o, _):
                    return annotates(b) || annotates(o)
                case let .try(b, handlers, o, f, _):
                    return annotates(b) || handlers.contains { annotates($0.body) } || annotates(o) || annotates(f)
                case let .with(_, b, _):
                    return annotates(b)
                default:
                    return false
                }
            }
        }
        guard annotates(body) else { return }
        emit(.buildDict(0))
        store("__annotations__")
    }

    /// `target: annotation [= value]`: the value is assigned first; a simple name's
    /// annotation is then evaluated and recorded in `__annotations__` at module and class
    /// level, and never evaluated in a function (CPython's `compiler_annassign`).
    private func annotatedAssignment(_ target: Expr, _ annotation: Expr, _ value: Expr?) throws(Diagnostic) {
        if let value {
            try compile(value)
            try assign(to: target)
        }
        let recorded = unit.scope.kind != .function
        switch target.kind {
        case .name(let n):
            guard recorded else { return }
            try compileAnnotation(annotation)
            load("__annotations__")
            emit(.loadConst(constant(.str(n))))
            emit(.storeSubscript)
        case let .attribute(obj, _):
            if value == nil {
                try compile(obj)
                emit(.pop)
            }
            if recorded && !future.annotations {
                try compile(annotation)
                emit(.pop)
            }
        case let .subscript(obj, index):
            if value == nil {
                try compile(obj)
                emit(.pop)
                try compile(index)
                emit(.pop)
            }
            if recorded && !future.annotations {
                try compile(annotation)
                emit(.pop)
            }
        default:
            throw Diagnostic("illegal target for annotation", at: target.range)
        }
    }

    /// An annotation's value: the expression, or under `from __future__ import annotations`
    /// its text, never evaluated (CPython's `compiler_visit_annexpr`).
    private func compileAnnotation(_ annotation: Expr) throws(Diagnostic) {
        if future.annotations {
            emit(.loadConst(constant(.str(ASTUnparse.unparse(annotation)))))
        } else {
            try compile(annotation)
        }
    }

    /// `del target`.
    private func delete(_ target: Expr) throws(Diagnostic) {
        position = CodePosition(target.range)
        switch target.kind {
        case .name(let n):
            deleteName(n)
        case let .attribute(obj, attr):
            try compile(obj)
            position = CodePosition(target.range)
            emit(.deleteAttr(name(attr)))
        case let .subscript(obj, index):
            try compile(obj)
            try compile(index)
            position = CodePosition(target.range)
            emit(.deleteSubscript)
        case .tuple(let items), .list(let items):
            for item in items { try delete(item) }
        default:
            throw Diagnostic("cannot delete this expression", at: target.range)
        }
    }

    private func assign(to target: Expr) throws(Diagnostic) {
        switch target.kind {
        case .name(let n):
            store(n)
        case let .attribute(obj, attr):
            try compile(obj)
            position = CodePosition(target.range)
            emit(.storeAttr(name(attr)))
        case let .subscript(obj, index):
            try compile(obj)
            try compile(index)
            position = CodePosition(target.range)
            emit(.storeSubscript)
        case .tuple(let items), .list(let items):
            position = CodePosition(target.range)
            if let star = items.firstIndex(where: { if case .starred = $0.kind { return true }; return false }) {
                emit(.unpackEx(before: star, after: items.count - star - 1))
                for item in items {
                    if case .starred(let inner) = item.kind { try assign(to: inner) } else { try assign(to: item) }
                }
                return
            }
            emit(.unpackSequence(items.count))
            for item in items { try assign(to: item) }
        default:
            throw Diagnostic("cannot assign to this expression", at: target.range)
        }
    }

    /// Where CPython 3.11 locates a failed `assert`: at the statement, except that a
    /// comparison its test jumps on last (`assert x == 1`, `assert not a < b`,
    /// `assert a and b > 2`) leaves its own position behind (compiler_jump_if).
    private func assertionPosition(_ test: Expr) -> CodePosition? {
        switch test.kind {
        case .compare: return CodePosition(test.range)
        case .unary(.not, let operand): return assertionPosition(operand)
        case .boolOp(_, let items): return items.last.flatMap(assertionPosition)
        default: return nil
        }
    }

    private func augmentedAssign(_ target: Expr, _ op: BinaryOperator, _ value: Expr) throws(Diagnostic) {
        // CPython's compiler_augassign: the target's load and store are located at the
        // target, the operation at the statement.
        let statement = position
        let targetPosition = CodePosition(target.range)
        switch target.kind {
        case .name(let n):
            position = targetPosition
            load(n)
            position = statement
            try compile(value)
            emit(.inplace(op))
            position = targetPosition
            store(n)
        case let .attribute(obj, attr):
            try compile(obj)
            position = targetPosition
            emit(.dup)
            emit(.loadAttr(name(attr)))
            position = statement
            try compile(value)
            emit(.inplace(op))
            position = targetPosition
            emit(.rot2)
            emit(.storeAttr(name(attr)))
        case let .subscript(obj, index):
            try compile(obj)
            try compile(index)
            position = targetPosition
            emit(.dup2)
            emit(.loadSubscript)
            position = statement
            try compile(value)
            emit(.inplace(op))
            position = targetPosition
            emit(.rot3)
            emit(.storeSubscript)
        default:
            throw Diagnostic("illegal expression for augmented assignment", at: target.range)
        }
    }

    // MARK: Expressions

    private func compile(_ expr: Expr) throws(Diagnostic) {
        let savedPosition = position
        position = CodePosition(expr.range)
        defer { position = savedPosition }
        switch expr.kind {
        case .name(let n): load(n)
        case .int(let i): emit(.loadConst(constant(.int(i))))
        case .bigInt(let digits, let radix): emit(.loadConst(constant(.integer(BigInt(digits, radix: radix) ?? 0))))
        case .bytes(let b): emit(.loadConst(constant(.object(PyBytes(b)))))
        case .float(let d): emit(.loadConst(constant(.float(d))))
        // A complex is immutable, so one object serves every evaluation.
        case .imaginary(let d): emit(.loadConst(constant(.object(PyComplex(0, d)))))
        case .string(let s): emit(.loadConst(constant(.str(s))))
        case .bool(let b): emit(.loadConst(constant(.bool(b))))
        case .none: emit(.loadConst(constant(.none)))
        case .ellipsis: emit(.loadConst(constant(.object(PyEllipsis.shared))))
        case .fstring(let parts): try compileFString(parts)
        case .list(let items):
            try compileSequence(items)
        case .tuple(let items):
            if items.contains(where: { if case .starred = $0.kind { return true }; return false }) {
                try compileSequence(items)
                emit(.listToTuple)
            } else {
                for i in items { try compile(i) }
                emit(.buildTuple(items.count))
            }
        case .dict(let pairs):
            if pairs.allSatisfy({ $0.key != nil }) {
                for p in pairs {
                    if let k = p.key { try compile(k) }
                    try compile(p.value)
                }
                emit(.buildDict(pairs.count))
            } else {
                // `{**a, 'k': v}`: CPython's BUILD_MAP then DICT_UPDATE, left to right.
                emit(.buildDict(0))
                for p in pairs {
                    if let k = p.key {
                        try compile(k)
                        try compile(p.value)
                        emit(.buildDict(1))
                    } else {
                        try compile(p.value)
                    }
                    emit(.dictUpdate)
                }
            }
        case .set(let items):
            if items.contains(where: { if case .starred = $0.kind { return true }; return false }) {
                emit(.buildSet(0))
                for i in items {
                    if case .starred(let inner) = i.kind { try compile(inner) } else {
                        try compile(i)
                        emit(.buildTuple(1))
                    }
                    emit(.setUpdate)
                }
            } else if items.count > 2, let constants = constantValues(items) {
                // CPython folds a display of constants into a frozenset constant that the
                // new set is updated from (which decides the order the set iterates in);
                // merging constants rebuilds that frozenset from its own iteration order.
                let folded = PySet.of(PySet.of(constants, frozen: true).items, frozen: true)
                emit(.buildSet(0))
                emit(.loadConst(constant(.object(folded))))
                emit(.setUpdate)
            } else {
                for i in items { try compile(i) }
                emit(.buildSet(items.count))
            }
        case let .attribute(obj, attr):
            try compile(obj)
            position = CodePosition(expr.range)
            emit(.loadAttr(name(attr)))
        case let .call(fn, args):
            try compileCall(fn, args, range: expr.range)
        case let .subscript(obj, index):
            try compile(obj)
            try compile(index)
            position = CodePosition(expr.range)
            emit(.loadSubscript)
        case let .slice(lower, upper, step):
            for part in [lower, upper, step] {
                if let part { try compile(part) } else { emit(.loadConst(constant(.none))) }
            }
            emit(.buildSlice)
        case let .listComp(element, generators):
            try compileComprehension(expr, .list(element), generators)
        case let .setComp(element, generators):
            try compileComprehension(expr, .set(element), generators)
        case let .dictComp(key, value, generators):
            try compileComprehension(expr, .dict(key, value), generators)
        case let .generatorExp(element, generators):
            try compileGeneratorExpression(expr, element, generators)
        case let .binary(op, a, b):
            try compile(a)
            try compile(b)
            position = CodePosition(expr.range)
            emit(.binary(op))
        case let .unary(op, a):
            try compile(a)
            emit(.unary(op))
        case let .boolOp(op, items):
            var ends: [Int] = []
            for (i, item) in items.enumerated() {
                try compile(item)
                if i < items.count - 1 {
                    ends.append(emit(op == .and ? .jumpIfFalseOrPop(-1) : .jumpIfTrueOrPop(-1)))
                }
            }
            for e in ends { patch(e, to: here) }
        case let .compare(first, rest):
            try compileCompare(first, rest, range: expr.range)
        case let .ifExp(test, body, orelse):
            try compile(test)
            let toElse = emit(.popJumpIfFalse(-1))
            try compile(body)
            let toEnd = emit(.jump(-1))
            patch(toElse, to: here)
            try compile(orelse)
            patch(toEnd, to: here)
        case .await(let e):
            try compile(e)
            position = CodePosition(expr.range)
            // The fused call is where the awaiting frame waits: located at the `await`.
            if case .call = e.kind, case .call(let argc)? = unit.code.instructions.last {
                unit.code.instructions[unit.code.instructions.count - 1] = .callAwait(argc)
                unit.code.relocateLast(position)
            } else if case .call = e.kind, case .callMethod(let argc)? = unit.code.instructions.last {
                unit.code.instructions[unit.code.instructions.count - 1] = .callMethodAwait(argc)
                unit.code.relocateLast(position)
            } else {
                emit(.await)
            }
        case let .lambda(params, body):
            try makeLambda(params, body, range: expr.range)
        case .yield(let value):
            if let value { try compile(value) } else { emit(.loadConst(constant(.none))) }
            position = CodePosition(expr.range)
            emit(.yieldValue)
        case .yieldFrom(let value):
            // CPython's shape: the SEND loop re-yields what the iterator yields and ends
            // with its return value; throw() and close() reach the iterator natively.
            try compile(value)
            position = CodePosition(expr.range)
            emit(.getYieldFromIter)
            emit(.loadConst(constant(.none)))
            let loop = emit(.send(-1))
            emit(.yieldValue)
            emit(.jump(loop))
            patch(loop, to: here)
        case let .namedExpr(target, value):
            try compile(value)
            emit(.dup)
            try assign(to: target)
        case .starred:
            throw Diagnostic("starred expressions are only supported as call arguments", at: expr.range)
        }
    }

    private func collectRenames(_ target: Expr, into map: inout [String: String]) {
        switch target.kind {
        case .name(let n): map[n] = hiddenLocal(n)
        case .tuple(let items), .list(let items): for i in items { collectRenames(i, into: &map) }
        default: break
        }
    }

    /// What a comprehension builds, and from which expressions.
    private enum ComprehensionKind {
        case list(Expr)
        case set(Expr)
        case dict(Expr, Expr)

        package var results: [Expr] {
            switch self {
            case .list(let e), .set(let e): return [e]
            case let .dict(k, v): return [k, v]
            }
        }

        /// CPython's name for the function it compiles the comprehension into.
        package var functionName: String {
            switch self {
            case .list: return "<listcomp>"
            case .set: return "<setcomp>"
            case .dict: return "<dictcomp>"
            }
        }
    }

    /// A list, set or dict comprehension. Inlined, its variables are renamed to hidden
    /// locals of the enclosing code so they do not leak, as in CPython's own function;
    /// when a nested lambda or generator expression may capture them, it is that function
    /// (`Expr.comprehensionNeedsOwnFunction`), built and called here as CPython 3.11 does.
    private func compileComprehension(_ expr: Expr, _ kind: ComprehensionKind, _ generators: [Comprehension]) throws(Diagnostic) {
        guard Expr.comprehensionNeedsOwnFunction(kind.results, generators) else {
            var renames: [String: String] = [:]
            for g in generators { collectRenames(g.target, into: &renames) }
            let counter = unit.hiddenCounter
            try compileComprehensionBody(kind, generators, firstIterator: nil, renames: renames)
            // CPython's comprehension function frees its variables when it returns: the
            // hidden locals let go of their last values (and the result, now on the
            // stack), so a weak reference to the last item dies when CPython's does.
            let hidden = Set(renames.values).union((counter..<unit.hiddenCounter).map { ".comp\($0 + 1)" })
            for name in hidden.sorted() where unit.localSlots[name] != nil {
                emit(.loadConst(constant(.none)))
                store(name)
            }
            return
        }
        guard let scope = analysis.scope(for: expr.range), let first = generators.first else {
            throw Diagnostic("internal: no scope for a comprehension", at: expr.range)
        }
        let code = CodeObject(name: kind.functionName, qualname: qualname(of: kind.functionName), filename: filename,
                              firstLine: expr.range.start.line)
        let isAsync = scope.hasAwait || generators.contains { $0.isAsync }
        code.isCoroutine = isAsync
        code.argCount = 1
        let saved = unit
        beginFunctionUnit(code, scope)
        try compileComprehensionBody(kind, generators, firstIterator: ".0", renames: [:])
        emit(.returnValue)
        unit = saved
        try emitMakeFunction(code, defaults: 0, hasKwDefaults: false, at: expr.range)
        try compile(first.iter)
        emit(first.isAsync ? .getAIter : .getIter)
        emit(.call(1))
        if isAsync { emit(.await) }
    }

    /// Builds the comprehension's list, set or dict and leaves it on the stack.
    private func compileComprehensionBody(_ kind: ComprehensionKind, _ generators: [Comprehension], firstIterator: String?,
                                          renames: [String: String]) throws(Diagnostic) {
        let result = hiddenLocal("comp")
        switch kind {
        case .list: emit(.buildList(0))
        case .set: emit(.buildSet(0))
        case .dict: emit(.buildDict(0))
        }
        store(result)
        try compileComprehensionLoop(generators[...], firstIterator: firstIterator, renames: renames) { () throws(Diagnostic) in
            self.load(result)
            switch kind {
            case .list(let element):
                try self.compile(element)
                self.emit(.listAppend(1))
            case .set(let element):
                try self.compile(element)
                self.emit(.setAdd(1))
            case let .dict(key, value):
                try self.compile(key)
                try self.compile(value)
                self.emit(.mapAdd(1))
            }
            self.emit(.pop)
        }
        load(result)
    }

    /// The nested loops of a comprehension, running `innermost` for each element. The
    /// first loop walks the iterator in local `firstIterator` when given (a generator
    /// expression's `.0`), else its own iterable, which is evaluated in the enclosing
    /// scope, before the `renames` of the comprehension's variables apply.
    private func compileComprehensionLoop(_ generators: ArraySlice<Comprehension>, firstIterator: String?,
                                          renames: [String: String],
                                          innermost: () throws(Diagnostic) -> Void) throws(Diagnostic) {
        guard let g = generators.first else {
            try innermost()
            return
        }
        let first = generators.startIndex == 0
        if let firstIterator, first {
            load(firstIterator)
            unit.renames.append(renames)
        } else {
            try compile(g.iter)
            if first { unit.renames.append(renames) }
            emit(g.isAsync ? .getAIter : .getIter)
        }
        let (top, exit) = emitForHead(isAsync: g.isAsync)
        try assign(to: g.target)
        var skips: [Int] = []
        for cond in g.ifs {
            try compile(cond)
            skips.append(emit(.popJumpIfFalse(-1)))
        }
        try compileComprehensionLoop(generators.dropFirst(), firstIterator: nil, renames: renames, innermost: innermost)
        for s in skips { patch(s, to: here) }
        emit(.jump(top))
        patch(exit, to: here)
        if g.isAsync { emit(.endAsyncFor) }
        if first { unit.renames.removeLast() }
    }

    /// The values of literal expressions as CPython's AST optimizer folds them (numbers,
    /// strings, booleans, None, negated numbers, tuples of those), or nil.
    private func constantValues(_ items: [Expr]) -> [Value]? {
        var out: [Value] = []
        for item in items {
            switch item.kind {
            case .int(let i): out.append(.int(i))
            case .bigInt(let digits, let radix): out.append(.integer(BigInt(digits, radix: radix) ?? 0))
            case .float(let d): out.append(.float(d))
            case .string(let s): out.append(.str(s))
            case .bool(let b): out.append(.bool(b))
            case .none: out.append(.none)
            case .unary(.neg, let inner):
                switch inner.kind {
                case .int(let i) where i != Int.min: out.append(.int(-i))
                case .float(let d): out.append(.float(-d))
                default: return nil
                }
            case .tuple(let elements):
                guard let values = constantValues(elements) else { return nil }
                out.append(.object(PyTuple(values)))
            default: return nil
            }
        }
        return out
    }

    /// A list display; with `*items` it is built by extending.
    private func compileSequence(_ items: [Expr]) throws(Diagnostic) {
        if !items.contains(where: { if case .starred = $0.kind { return true }; return false }) {
            for i in items { try compile(i) }
            emit(.buildList(items.count))
            return
        }
        emit(.buildList(0))
        for i in items {
            if case .starred(let inner) = i.kind {
                try compile(inner)
                emit(.listExtend)
            } else {
                try compile(i)
                emit(.buildList(1))
                emit(.listExtend)
            }
        }
    }

    private func compileCall(_ fn: Expr, _ args: [Argument], range: SourceRange) throws(Diagnostic) {
        let positionalOnly = args.allSatisfy {
            if case .positional = $0.kind { return true }
            return false
        }
        if positionalOnly, case let .attribute(obj, attr) = fn.kind, !isModuleName(obj) {
            // `obj.name(args)`: LOAD_METHOD / CALL_METHOD, as CPython compiles it.
            try compile(obj)
            position = CodePosition(fn.range)
            emit(.loadMethod(name(attr)))
            for a in args { try compile(a.value) }
            position = CodePosition(range)
            emit(.callMethod(args.count))
            return
        }
        try compile(fn)
        let needsEx = args.contains {
            switch $0.kind {
            case .star, .doubleStar: return true
            default: return false
            }
        }
        if !needsEx {
            var kwNames: [Value] = []
            for a in args {
                try compile(a.value)
                if case .keyword(let k) = a.kind { kwNames.append(.str(k)) }
            }
            position = CodePosition(range)
            if kwNames.isEmpty {
                emit(.call(args.count))
            } else {
                emit(.callKw(argc: args.count, kwNames: constant(.object(PyTuple(kwNames)))))
            }
            return
        }
        let positional = args.filter {
            switch $0.kind {
            case .positional, .star: return true
            default: return false
            }
        }
        if positional.count == 1, case .star = positional[0].kind {
            // `f(*a)`: the iterable itself, checked by the call (CPython's ex_call).
            try compile(positional[0].value)
        } else {
            try compileArgumentList(positional)
        }
        emit(.buildDict(0))
        for a in args {
            switch a.kind {
            case .keyword(let k):
                emit(.loadConst(constant(.str(k))))
                try compile(a.value)
                emit(.buildDict(1))
                emit(.dictMerge)
            case .doubleStar:
                try compile(a.value)
                emit(.dictMerge)
            default: break
            }
        }
        position = CodePosition(range)
        emit(.callEx)
    }

    /// The positional arguments of a call with `*args`, as a list.
    private func compileArgumentList(_ args: [Argument]) throws(Diagnostic) {
        emit(.buildList(0))
        for a in args {
            switch a.kind {
            case .positional:
                try compile(a.value)
                emit(.buildList(1))
                emit(.listExtend)
            case .star:
                try compile(a.value)
                emit(.listExtend)
            default: break
            }
        }
    }

    private func compileCompare(_ first: Expr, _ rest: [(CompareOperator, Expr)], range: SourceRange) throws(Diagnostic) {
        try compile(first)
        if rest.count == 1 {
            try compile(rest[0].1)
            position = CodePosition(range)
            emit(.compare(rest[0].0))
            return
        }
        var cleanups: [Int] = []
        for (i, (op, operand)) in rest.enumerated() {
            try compile(operand)
            if i < rest.count - 1 {
                emit(.dup)
                emit(.rot3)
                emit(.compare(op))
                cleanups.append(emit(.jumpIfFalseOrPop(-1)))
            } else {
                emit(.compare(op))
            }
        }
        let end = emit(.jump(-1))
        for c in cleanups { patch(c, to: here) }
        emit(.rot2)
        emit(.pop)
        patch(end, to: here)
    }

    private func compileFString(_ parts: [FStringPart]) throws(Diagnostic) {
        var count = 0
        for part in parts {
            switch part {
            case .literal(let s):
                emit(.loadConst(constant(.str(s))))
            case let .expression(e, conversion, spec, debugText):
                if let debugText {
                    emit(.loadConst(constant(.str(debugText))))
                    count += 1
                }
                try compile(e)
                let convChar: Character? = conversion ?? (debugText != nil && spec == nil ? "r" : nil)
                let conv = convChar?.asciiValue ?? 0
                if let spec {
                    try compileFString(spec)
                    emit(.formatValue(conversion: conv, hasSpec: true))
                } else {
                    emit(.formatValue(conversion: conv, hasSpec: false))
                }
            }
            count += 1
        }
        emit(.buildString(count))
    }
}

/// A code object stored as a constant (for `makeFunction`).
public final class CodeConstant: PyObject {
    public let code: CodeObject
    public init(_ code: CodeObject) { self.code = code }
}
