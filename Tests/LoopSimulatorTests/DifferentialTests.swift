import Foundation
import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// The simulator's truth: every scenario prints the same stdout and ends with the same
/// exit status under loopscope as under CPython 3.11 on a virtual clock (tools/vtrun.py).
@Suite("Scenarios match CPython")
struct DifferentialTests {
    @Test("stdout and exit status equal CPython's", arguments: scenarioFiles())
    func scenarioMatchesCPython(_ path: String) throws {
        let source = try readRepositoryFile(path)
        let reference = try runReference(path)
        let simulated = simulate(source, path: path)
        #expect(simulated.stdout == reference.stdout, "stdout differs for \(path); stderr:\n\(simulated.stderr)")
        #expect(simulated.status == reference.status, "exit status differs for \(path)")
    }

    @Test func scenariosExist() {
        #expect(scenarioFiles().count >= 40)
    }

    @Test("calls with wrong arguments raise CPython's TypeErrors, word for word")
    func badCalls() throws {
        let path = "tests-data/bad_calls.py"
        let reference = try runReference(path)
        let simulated = simulate(try readRepositoryFile(path), path: path)
        #expect(reference.stdout.split(separator: "\n").count == 80)
        #expect(simulated.stdout == reference.stdout)
        #expect(simulated.status == reference.status)
    }

    @Test("a deadlock is reported with exit status 3, as the reference runner does")
    func deadlock() throws {
        let path = "tests-data/deadlock.py"
        let reference = try runReference(path)
        let simulated = simulate(try readRepositoryFile(path), path: path)
        #expect(reference.status == 3)
        #expect(simulated.status == 3)
        #expect(simulated.stdout == reference.stdout)
        #expect(simulated.stderr.contains("deadlock"))
        #expect(simulated.stderr.contains("worker (worker) waits on a Future"))
        #expect(simulated.stderr.contains("Task-1 (main) waits on task worker"))
    }
}

/// asyncio's own warnings (debug mode's slow callbacks, never-awaited coroutines, never
/// retrieved exceptions, exceptions in callbacks) match CPython's text line for line.
@Suite("Warnings match CPython")
struct WarningTests {
    /// The warning lines of a stderr text, with CPython's install prefix reduced to
    /// `asyncio/` (loopscope names asyncio's files relative to the package).
    static func warningLines(_ stderr: String) -> [String] {
        let starts = ["Executing ", "Task exception was never retrieved", "Future exception was never retrieved",
                      "future: ", "Exception in callback ", "handle: ", "task: ", "unhandled exception"]
        return stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { line in
            starts.contains { line.hasPrefix($0) } || line.contains("RuntimeWarning")
        }.map { line in
            var out = line
            while let r = out.range(of: #"/[^ '"<>]*/asyncio/"#, options: .regularExpression) {
                out.replaceSubrange(r, with: "asyncio/")
            }
            return out
        }
    }

    /// Scenarios that turn the cost model on (`# loopscope: cpu-cost=`) are left out: their
    /// slow-callback warnings come from the model, which CPython on a virtual clock does
    /// not have (CPUCostTests checks them). So are scenarios that configure `logging`:
    /// asyncio's messages go to their handlers (stdout, compared with the rest of it).
    static let scenariosWithWarnings = scenarioFiles().filter { path in
        guard let text = try? readRepositoryFile(path), !text.contains("# loopscope: cpu-cost="),
              !text.contains("logging.basicConfig(") else { return false }
        return text.contains("debug=True") || path.contains("forgotten_await")
    }

    @Test("warning lines equal CPython's", arguments: scenariosWithWarnings)
    func warningsMatch(_ path: String) throws {
        let reference = try runReference(path)
        let simulated = simulate(try readRepositoryFile(path), path: path)
        let expected = Self.warningLines(reference.stderr)
        #expect(!expected.isEmpty, "\(path) is expected to produce warnings")
        #expect(Self.warningLines(simulated.stderr) == expected)
    }
}
