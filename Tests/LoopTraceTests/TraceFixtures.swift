import LoopSimulator
import LoopTrace

/// Scenarios from the repository's Scenarios/ folder, simulated into trace stores.
enum Fixtures {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/LoopTraceTests/TraceFixtures.swift
        return parts.joined(separator: "/")
    }()

    static func scenarioPaths() throws -> [String] {
        try FileList.names(in: root + "/Scenarios").filter { $0.hasSuffix(".py") }.sorted().map { "Scenarios/" + $0 }
    }

    static func record(_ relativePath: String) -> TraceStore {
        let source = try! String(contentsOfFile: root + "/" + relativePath, encoding: .utf8)
        let options = SimulationOptions(maxIterations: 10_000)
        let store = TraceStore(header: TraceHeader(loopscopeVersion: "test", path: relativePath, source: source, options: options))
        _ = Simulation(source: source, path: relativePath, options: options).run(sink: store, stdout: { _ in }, stderr: { _ in })
        return store
    }
}
