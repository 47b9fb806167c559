import Foundation
import LoopSimulator
import LoopTrace

/// Scenarios simulated into trace stores, and the golden files' folder.
enum Fixtures {
    static let testDirectory: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast()
        return parts.joined(separator: "/")
    }()
    static let root = testDirectory + "/../.."
    static let goldens = testDirectory + "/Goldens"

    static func scenarioPaths() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root + "/Scenarios").filter { $0.hasSuffix(".py") }.sorted()
            .map { "Scenarios/" + $0 }
    }

    static func record(_ relativePath: String) -> TraceStore {
        let source = try! String(contentsOfFile: root + "/" + relativePath, encoding: .utf8)
        let options = SimulationOptions(maxIterations: 10_000)
        let store = TraceStore(header: TraceHeader(loopscopeVersion: "test", path: relativePath, source: source, options: options))
        _ = Simulation(source: source, path: relativePath, options: options).run(sink: store, stdout: { _ in }, stderr: { _ in })
        return store
    }
}
