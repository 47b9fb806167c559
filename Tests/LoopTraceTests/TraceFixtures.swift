import LoopSimulator
import PythonRuntime
import LoopTrace
import TestSupport

/// Scenarios from the repository's Scenarios/ folder, simulated into trace stores.
enum Fixtures {
    static let root = TestSupport.root

    static func scenarioPaths() throws -> [String] { try TestSupport.scenarioPaths() }

    static func record(_ relativePath: String) -> TraceStore { TestSupport.record(relativePath) }
}
