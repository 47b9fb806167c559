import ScenarioLanguage
import PythonRuntime

/// One source file of a program: the scenario or a module of its own.
public struct ProgramFile: Sendable, Equatable {
    public let path: String
    public let source: String
    public init(path: String, source: String) {
        self.path = path
        self.source = source
    }
}

/// A scenario with every module of its own it imports, directly or not: all of them
/// parsed, validated and compiled before anything runs, so `check` reports problems in
/// any file (and every import that cannot be satisfied) and `run` never meets one.
public final class Program {
    /// The scenario first, then each module in the order it was found.
    public let files: [ProgramFile]
    /// What `check` says about the scenario itself.
    public let summary: ScenarioSummary
    let main: CodeObject
    /// Local modules by absolute dotted name.
    let modules: [String: LocalModule]
    /// The scenario's `# loopscope: cpu-cost=...` comment, if it has one.
    public let cpuCostPragma: CPUCost?

    init(files: [ProgramFile], summary: ScenarioSummary, main: CodeObject, modules: [String: LocalModule],
         cpuCostPragma: CPUCost?) {
        self.files = files
        self.summary = summary
        self.main = main
        self.modules = modules
        self.cpuCostPragma = cpuCostPragma
    }

    /// Loads the scenario at `path` (its text already read) and the modules it imports,
    /// found beside it and then in `searchPaths` (the `--path` directories).
    public static func load(source: String, path: String, searchPaths: [String] = []) -> Result<Program, DiagnosticList> {
        var loader = ProgramLoader(finder: ModuleFinder(scenarioPath: path, extraPaths: searchPaths))
        return loader.load(source: source, path: path)
    }
}

/// Walks the import graph from the scenario (CPython's import system, run ahead of time).
private struct ProgramLoader {
    let finder: ModuleFinder
    var files: [ProgramFile] = []
    var diagnostics: [FileDiagnostic] = []
    /// Every module found so far (local or native), by absolute name.
    var origins: [String: ModuleOrigin] = [:]
    var modules: [String: LocalModule] = [:]
    /// Local modules whose imports are still to be followed: (ast, file, package).
    var pending: [(Module, ProgramFile, String)] = []
    /// The first "No module named" error, where the note listing the modules goes.
    var firstMissingModule: FileDiagnostic?

    init(finder: ModuleFinder) {
        self.finder = finder
    }

    mutating func load(source: String, path: String) -> Result<Program, DiagnosticList> {
        let file = ProgramFile(path: path, source: source)
        files.append(file)
        guard let (ast, main, summary) = compile(file) else { return .failure(DiagnosticList(diagnostics)) }
        var pragma: CPUCost?
        switch CPUCost.pragma(in: SourceText(source)) {
        case .success(let cost): pragma = cost
        case .failure(let d): diagnostics.append(FileDiagnostic(file, d))
        }
        // The scenario runs as `__main__` with no package: relative imports fail in it.
        follow(ast, in: file, package: nil)
        while !pending.isEmpty {
            let (module, file, package) = pending.removeFirst()
            follow(module, in: file, package: package)
        }
        guard diagnostics.isEmpty else { return .failure(reported()) }
        return .success(Program(files: files, summary: summary, main: main, modules: modules, cpuCostPragma: pragma))
    }

    /// The diagnostics in source order: file by file in the order the program loads them
    /// (the scenario first, then each module as its import is reached), then line and
    /// column (in the order found among equal places); the first `Validator.limit` of
    /// them, and the note on missing modules last.
    private func reported() -> DiagnosticList {
        let fileOrder = Dictionary(files.enumerated().map { ($1.path, $0) }) { first, _ in first }
        let sorted = diagnostics.enumerated().sorted { a, b in
            let fa = fileOrder[a.element.path] ?? files.count, fb = fileOrder[b.element.path] ?? files.count
            if fa != fb { return fa < fb }
            let la = a.element.diagnostic.location, lb = b.element.diagnostic.location
            if la != lb { return la < lb }
            return a.offset < b.offset
        }.map(\.element)
        let shown = Array(sorted.prefix(Validator.limit))
        return DiagnosticList(shown + [providedModulesNote].compactMap { $0 }, omitted: sorted.count - shown.count)
    }

    /// Parses, validates and compiles one file; diagnostics are collected.
    private mutating func compile(_ file: ProgramFile) -> (Module, CodeObject, ScenarioSummary)? {
        let analysis = FrontEnd.analyzeShared(file.source, mode: .scenario)
        guard let ast = analysis.module, let summary = analysis.summary, analysis.diagnostics.isEmpty else {
            diagnostics += analysis.diagnostics.map { FileDiagnostic(file, $0) }
            return nil
        }
        do {
            return (ast, try Compiler.compile(ast, filename: file.path), summary)
        } catch {
            diagnostics.append(FileDiagnostic(file, error))
            return nil
        }
    }

    private mutating func follow(_ module: Module, in file: ProgramFile, package: String?) {
        diagnostics += ModuleAttributes.diagnostics(module).map { FileDiagnostic(file, $0) }
        // One scope analysis serves both checks of names that nothing in the file binds.
        let bound = ScopeAnalysis(module).everyBoundName
        diagnostics += UnsupportedBuiltins.diagnostics(module, bound: bound).map { FileDiagnostic(file, $0) }
        diagnostics += UndefinedNames.diagnostics(module, bound: bound).map { FileDiagnostic(file, $0) }
        for request in module.imports {
            let name: String
            switch ModuleNames.resolve(request.module, level: request.level, package: package) {
            case .failure(let failure):
                diagnostics.append(FileDiagnostic(file, Diagnostic(failure.message, at: request.moduleRange)))
                continue
            case .success(let resolved): name = resolved
            }
            if let message = require(name) {
                report(message, in: file, at: request.moduleRange)
                continue
            }
            // `from package import name` imports `package.name` when it is a submodule
            // (`_handle_fromlist`); other names must be globals of the module.
            guard case .source(let path, let isPackage)? = origins[name] else {
                checkLibraryNames(request, of: name, in: file)
                continue
            }
            for (member, memberRange) in zip(request.names, request.nameRanges) where member != "*" {
                let full = name + "." + member
                if isPackage, origins[full] != nil || finder.find(full, parent: origins[name]) != nil {
                    if let message = require(full) { report(message, in: file, at: memberRange) }
                } else if let names = modules[name]?.globalNames, !names.contains(member) {
                    diagnostics.append(FileDiagnostic(file, Diagnostic(
                        "cannot import name '\(member)' from '\(name)' (\(path))", at: memberRange)))
                }
            }
        }
    }

    /// `from M import a, b` of a module the simulator provides: each name must be one M
    /// defines or a submodule of it, as CPython's `_handle_fromlist` finds them.
    private mutating func checkLibraryNames(_ request: ImportRequest, of name: String, in file: ProgramFile) {
        let provided = LibraryModules.providedNames(name)
        for (member, memberRange) in zip(request.names, request.nameRanges) where member != "*" && provided?.contains(member) != true {
            if ModuleFinder.libraryNames.contains(name + "." + member) { continue }
            // Names CPython's module has and loopscope's leaves out, reported even where
            // the module's names cannot all be known (io's module __getattr__).
            if let reason = UnsupportedModules.nameReason(member, from: name) {
                diagnostics.append(FileDiagnostic(file, Diagnostic(reason, at: memberRange)))
                continue
            }
            guard provided != nil else { continue }
            let location = LibraryModules.sources[name].map { "Lib/" + $0.path } ?? "unknown location"
            diagnostics.append(FileDiagnostic(file, Diagnostic(
                "cannot import name '\(member)' from '\(name)' (\(location))", at: memberRange)))
        }
    }

    /// How a module that was looked for everywhere and not found ends its message.
    private static let notFoundSuffix = "(loopscope looks beside the scenario, in the --path directories, and among the modules it provides)"

    /// An error about a module: a missing one's also gets, once after all of them, a
    /// note listing the modules loopscope provides (`providedModulesNote`).
    private mutating func report(_ message: String, in file: ProgramFile, at range: SourceRange) {
        let diagnostic = FileDiagnostic(file, Diagnostic(message, at: range))
        if firstMissingModule == nil, message.hasSuffix(Self.notFoundSuffix) { firstMissingModule = diagnostic }
        diagnostics.append(diagnostic)
    }

    /// The note `load` ends its diagnostics with when a module was missing: the public
    /// top-level modules loopscope provides, once.
    private var providedModulesNote: FileDiagnostic? {
        guard let first = firstMissingModule else { return nil }
        let names = ModuleFinder.libraryNames.union(ModuleFinder.builtinNames)
            .filter { !$0.contains(".") && !$0.hasPrefix("_") }.sorted()
        return FileDiagnostic(path: first.path, source: first.source, diagnostic: Diagnostic(
            .note, "the modules loopscope provides: " + names.joined(separator: ", "), at: first.diagnostic.range))
    }

    /// Finds and loads `name` and each package above it; the error message, or nil.
    private mutating func require(_ name: String) -> String? {
        let parts = name.split(separator: ".").map(String.init)
        var prefix = ""
        for (n, part) in parts.enumerated() {
            let parentName = prefix
            prefix = n == 0 ? part : prefix + "." + part
            if origins[prefix] != nil { continue }
            let parent = n == 0 ? nil : origins[parentName]
            if case .source(_, false)? = parent {
                return "No module named '\(prefix)'; '\(parentName)' is not a package"
            }
            guard let origin = finder.find(prefix, parent: parent) else {
                if let reason = UnsupportedModules.reason(prefix) {
                    return "module '\(prefix)' cannot be simulated: \(reason)"
                }
                return "No module named '\(prefix)' " + Self.notFoundSuffix
            }
            origins[prefix] = origin
            guard case .source(let path, let isPackage) = origin else { continue }
            let source: String
            switch ScenarioFile.load(path: path) {
            case .success(let text): source = text
            case .failure(let error): return "cannot read module '\(prefix)': \(error)"
            }
            let file = ProgramFile(path: path, source: source)
            files.append(file)
            guard let (ast, code, _) = compile(file) else { continue }
            modules[prefix] = LocalModule(name: prefix, path: path, isPackage: isPackage, code: code, ast: ast)
            pending.append((ast, file, isPackage ? prefix : parentName))
        }
        return nil
    }
}

/// A diagnostic in one file of a program.
public struct FileDiagnostic: Sendable, Equatable {
    public let path: String
    public let source: String
    public let diagnostic: Diagnostic

    init(_ file: ProgramFile, _ diagnostic: Diagnostic) {
        path = file.path
        source = file.source
        self.diagnostic = diagnostic
    }

    public init(path: String, source: String, diagnostic: Diagnostic) {
        self.path = path
        self.source = source
        self.diagnostic = diagnostic
    }

    /// Compiler style: `PATH:LINE:COL: error: MESSAGE`, the line and a caret.
    public var formatted: String { diagnostic.formatted(path: path, source: SourceText(source)) }
    public var headline: String { diagnostic.headline(path: path) }
}

/// Diagnostics as one error value.
public struct DiagnosticList: Error, Sendable, Equatable {
    public var entries: [FileDiagnostic]
    /// How many more were found than `entries` shows (over `Validator.limit`).
    public var omitted: Int
    public var diagnostics: [Diagnostic] { entries.map(\.diagnostic) }
    public init(_ entries: [FileDiagnostic], omitted: Int = 0) {
        self.entries = entries
        self.omitted = omitted
    }
    /// The line that ends the list when some were left out.
    public var omittedLine: String? { omitted > 0 ? "\(omitted) more error\(omitted == 1 ? "" : "s") not shown" : nil }
}
