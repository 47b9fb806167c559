import Foundation
import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// Random programs as people write them (tools/genprog.py: classes, generators, closures,
/// decorators, comprehensions, exceptions, big ints, formatting, dicts and sets, tasks,
/// queues, locks, timeouts, cancellation), generated from fixed seeds, print the same
/// stdout and end with the same exit status under loopscope as under CPython on its
/// virtual clock. Larger campaigns: `python3 tools/genprog.py --count N --binary PATH`.
@Suite("Generated programs match CPython",
       .enabled(if: GeneratedPrograms.pythonAvailable, "python3 is missing: the generated programs need it as their reference"))
struct GeneratedProgramTests {
    /// Seeds 1000 ..< 1000 + count each run: the same programs every run, so a failure
    /// reproduces with `python3 tools/genprog.py SEED`.
    static let firstSeed = 1000
    static let count = 300

    @Test("generated programs equal CPython's output")
    func generatedProgramsMatch() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("loopscope-genprog-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let emitted = try runProcess(["python3", "tools/genprog.py", "--emit", directory.path,
                                      "--seed", "\(Self.firstSeed)", "--count", "\(Self.count)"])
        try #require(emitted.status == 0, "genprog.py failed: \(emitted.stderr)")
        var mismatches: [Int] = []
        for seed in Self.firstSeed ..< Self.firstSeed + Self.count {
            let base = directory.appendingPathComponent("gen_\(seed)")
            let source = try String(contentsOf: base.appendingPathExtension("py"), encoding: .utf8)
            let expectedOut = try String(contentsOf: base.appendingPathExtension("out"), encoding: .utf8)
            let statusText = try String(contentsOf: base.appendingPathExtension("status"), encoding: .utf8)
            let expectedStatus = Int32(statusText.trimmingCharacters(in: .whitespacesAndNewlines))
            let simulated = simulate(source, path: "gen_\(seed).py")
            if simulated.stdout != expectedOut || simulated.status != expectedStatus {
                mismatches.append(seed)
                if mismatches.count <= 3 {
                    Issue.record("""
                        seed \(seed) differs from CPython (python3 tools/genprog.py \(seed) > p.py; \
                        python3 tools/vtrun.py p.py): status \(simulated.status) vs \(expectedStatus ?? -1)
                        \(firstDifference(simulated.stdout, expectedOut))
                        stderr: \(simulated.stderr.suffix(800))
                        """)
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(Self.count) generated programs differ: seeds \(mismatches)")
    }

    /// The first line where two outputs part, both sides shown.
    func firstDifference(_ got: String, _ want: String) -> String {
        let a = got.split(separator: "\n", omittingEmptySubsequences: false)
        let b = want.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0 ..< max(a.count, b.count) {
            let x = i < a.count ? String(a[i]) : "<end>", y = i < b.count ? String(b[i]) : "<end>"
            if x != y { return "line \(i + 1):\n  loopscope: \(x)\n  CPython:   \(y)" }
        }
        return "outputs equal"
    }
}

enum GeneratedPrograms {
    /// Whether `python3` runs here (the reference for every generated program).
    static let pythonAvailable: Bool = (try? runProcess(["python3", "-c", "pass"]).status) == 0
}
