import Foundation
import LoopSimulator
import PythonRuntime
import LoopTrace
import TestSupport

/// Scenarios simulated into trace stores, and the golden files' folder.
enum Fixtures {
    static let testDirectory: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast()
        return parts.joined(separator: "/")
    }()
    static let root = TestSupport.root
    static let goldens = testDirectory + "/Goldens"

    static func scenarioPaths() throws -> [String] { try TestSupport.scenarioPaths() }

    static func record(_ relativePath: String) -> TraceStore { TestSupport.record(relativePath) }
}
