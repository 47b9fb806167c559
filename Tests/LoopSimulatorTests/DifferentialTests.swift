import Foundation
import Testing
@testable import LoopSimulator

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
