import Foundation

/// The front end's entry point for the CLI and the compiler: lex, parse and validate.
public enum FrontEnd {
    /// Parsing is recursive; bracket nesting is capped at 200 and expression recursion at
    /// `Parser.maxDepth`, which in a debug build needs more stack than a secondary thread
    /// (or a Swift concurrency worker) may have. Analysis therefore always runs on a
    /// thread of its own with this much stack, whatever thread the caller is on.
    static let stackSize = 256 << 20

    /// Lex, parse and validate. Diagnostics are sorted by position and capped at 20.
    public static func analyze(_ source: String, mode: ValidationMode = .scenario) -> FrontEndResult {
        DeepStack.run(stackSize: stackSize) { analyzeOnCurrentThread(source, mode: mode) }
    }

    /// `analyze`, remembered for the process: the simulator analyzes the asyncio prelude,
    /// the `Lib/` modules and the scenario on every run, and `explore`, `sweep` and the
    /// test suite run the same sources hundreds of times (lexing and parsing were half of
    /// an explore run). Results are immutable values, shared by every thread; the cache
    /// holds the last `sharedCapacity` distinct sources.
    public static func analyzeShared(_ source: String, mode: ValidationMode = .scenario) -> FrontEndResult {
        let key = SharedKey(source: source, mode: mode)
        sharedLock.lock()
        if let hit = shared[key] {
            sharedLock.unlock()
            return hit
        }
        sharedLock.unlock()
        let result = analyze(source, mode: mode)
        sharedLock.lock()
        if shared.count >= sharedCapacity { shared.removeAll(keepingCapacity: true) }
        shared[key] = result
        sharedLock.unlock()
        return result
    }

    private struct SharedKey: Hashable {
        let source: String
        let mode: ValidationMode
    }

    static let sharedCapacity = 64
    nonisolated(unsafe) private static var shared: [SharedKey: FrontEndResult] = [:]
    private static let sharedLock = NSLock()

    static func analyzeOnCurrentThread(_ source: String, mode: ValidationMode) -> FrontEndResult {
        switch Parser.parseModule(source) {
        case .failure(let diagnostic):
            return FrontEndResult(module: nil, diagnostics: [diagnostic], summary: nil)
        case .success(let module):
            var diagnostics = Validator.validate(module, mode: mode)
            diagnostics.sort { $0.range.start < $1.range.start }
            if diagnostics.count > Validator.limit { diagnostics = Array(diagnostics.prefix(Validator.limit)) }
            return FrontEndResult(module: module, diagnostics: diagnostics, summary: ScenarioSummary(module))
        }
    }
}

public struct FrontEndResult: Sendable {
    /// nil when there was a syntax error.
    public var module: Module?
    /// Empty means the scenario is fine.
    public var diagnostics: [Diagnostic]
    /// Present whenever `module` is.
    public var summary: ScenarioSummary?

    public init(module: Module?, diagnostics: [Diagnostic], summary: ScenarioSummary?) {
        self.module = module
        self.diagnostics = diagnostics
        self.summary = summary
    }
}

/// A one-line description of a scenario for the CLI ("3 coroutines, 1 function,
/// asyncio.run(main)").
public struct ScenarioSummary: Sendable, Equatable {
    /// `async def` anywhere (nested included).
    public var coroutines: Int
    /// Plain `def` anywhere.
    public var functions: Int
    /// "asyncio.run(main)" or "asyncio.run(main, debug=True)".
    public var entryPoint: String?
    public var description: String

    public init(coroutines: Int, functions: Int, entryPoint: String?) {
        self.coroutines = coroutines
        self.functions = functions
        self.entryPoint = entryPoint
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        description = "\(plural(coroutines, "coroutine")), \(plural(functions, "function")), \(entryPoint ?? "no asyncio.run")"
    }

    init(_ module: Module) {
        var coroutines = 0, functions = 0
        func count(_ body: [Stmt]) {
            for stmt in body {
                switch stmt.kind {
                case .functionDef(let def):
                    if def.isAsync { coroutines += 1 } else { functions += 1 }
                    count(def.body)
                case .classDef(let def): count(def.body)
                case .if(_, let body, let orelse), .while(_, let body, let orelse):
                    count(body); count(orelse)
                case .for(_, _, let body, let orelse, _):
                    count(body); count(orelse)
                case .with(_, let body, _): count(body)
                case .try(let body, let handlers, let orelse, let finalbody, _):
                    count(body)
                    for h in handlers { count(h.body) }
                    count(orelse); count(finalbody)
                default: break
                }
            }
        }
        count(module.body)
        self.init(coroutines: coroutines, functions: functions, entryPoint: ScenarioSummary.entryPoint(module.body))
    }

    /// A top-level `asyncio.run(NAME(...))`, or one directly under
    /// `if __name__ == "__main__":`.
    private static func entryPoint(_ body: [Stmt]) -> String? {
        for stmt in body {
            switch stmt.kind {
            case .expr(let e):
                if let found = runCall(e) { return found }
            case .if(let test, let inner, _):
                if case .compare(let l, let ops) = test.kind, case .name("__name__") = l.kind, ops.count == 1,
                   ops[0].0 == .eq, case .string("__main__") = ops[0].1.kind,
                   let found = entryPoint(inner) {
                    return found
                }
            default: break
            }
        }
        return nil
    }

    private static func runCall(_ e: Expr) -> String? {
        guard case .call(let fn, let args) = e.kind,
              case .attribute(let base, "run") = fn.kind, case .name("asyncio") = base.kind,
              let first = args.first, case .positional = first.kind,
              case .call(let coroutine, _) = first.value.kind, case .name(let name) = coroutine.kind
        else { return nil }
        var text = "asyncio.run(\(name)"
        for arg in args.dropFirst() {
            if case .keyword("debug") = arg.kind, case .bool(true) = arg.value.kind { text += ", debug=True" }
        }
        return text + ")"
    }
}
