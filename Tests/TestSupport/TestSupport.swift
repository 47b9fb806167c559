import Foundation
import LoopSimulator
import PythonRuntime
import LoopTrace

/// What several test targets share: where the repository is, its scenarios, recording a
/// scenario into a trace store, and a seeded random generator.
public enum TestSupport {
    /// The repository's root folder (this file is Tests/TestSupport/TestSupport.swift).
    public static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// `Scenarios/NN_*.py`, sorted, relative to the root (other `.py` files there are
    /// modules the scenarios import, as tools/expected.py treats them).
    public static func scenarioPaths() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root + "/Scenarios")
            .filter { $0.hasSuffix(".py") && $0.prefix(2).allSatisfy(\.isNumber) }.sorted().map { "Scenarios/" + $0 }
    }

    /// Simulates a scenario of the repository into a trace store. (A missing fixture is a
    /// broken checkout, not a test outcome: it stops the test run.)
    public static func record(_ relativePath: String) -> TraceStore {
        record(source: try! String(contentsOfFile: root + "/" + relativePath, encoding: .utf8), path: relativePath)
    }

    /// A scenario given as text, simulated into a trace store.
    public static func record(source: String, path relativePath: String) -> TraceStore {
        let options = SimulationOptions(maxIterations: 10_000)
        let program = try? Program.load(source: source, path: relativePath).get()
        let store = TraceStore(header: TraceHeader(loopscopeVersion: "test", path: relativePath, source: source,
                                                   options: options, files: program.map(TraceHeader.files(of:)) ?? []))
        _ = Simulation(source: source, path: relativePath, options: options).run(sink: store, stdout: { _ in }, stderr: { _ in })
        return store
    }
}

/// SplitMix64: a tiny deterministic generator, so randomized tests reproduce.
public struct SplitMix64: RandomNumberGenerator {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
