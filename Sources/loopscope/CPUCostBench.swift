import ArgumentParser
import Foundation
import LoopSimulator
import ScenarioLanguage

/// The cost model's calibration: each snippet of `bench/cpu_cost/` under CPython 3.11 (its
/// `work()` timed by CPU time, best of several calls in one process, start-up left out)
/// and under loopscope with `--cpu-cost realistic` (the virtual time the snippet prints),
/// with the ratio. Target: every ratio within ±30%.
struct CPUCostBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cpu-cost",
        abstract: "Compare the cost model's virtual time with CPython 3.11's own time on the calibration snippets.",
        discussion: "Run from the repository's root (the snippets are bench/cpu_cost/*.py). CPython's figure is the CPU time of the snippet's work(), the best of --runs calls in one process; loopscope's is the virtual time the snippet measures with time.perf_counter() under --cpu-cost realistic."
    )

    @Option(help: "The directory of snippets.")
    var directory = "bench/cpu_cost"

    @Option(help: "Calls of work() under CPython; the fastest counts.")
    var runs = 15

    @Option(help: "The CPython to compare with.")
    var python = "python3"

    /// Times `work()` of each file given, printing one `FILE SECONDS` line each.
    static let driver = """
    import runpy, sys, time
    runs = int(sys.argv[1])
    for path in sys.argv[2:]:
        work = runpy.run_path(path, run_name="cpu_cost_snippet")["work"]
        best = float("inf")
        for _ in range(runs):
            t0 = time.process_time()
            work()
            best = min(best, time.process_time() - t0)
        print(path, repr(best), flush=True)
    """

    static let tolerance = 0.3

    func run() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".py") }.sorted().map { directory + "/" + $0 }
        guard !files.isEmpty else { throw ValidationError("no snippets in \(directory) (run from the repository's root)") }
        let reference = try cpythonTimes(files)
        report("cost model: \(CPUCost.realistic.description) = \(CPUCost.realisticNanoseconds) ns per instruction, "
               + "\(CPUCost.callWork) more per call, \(CPUCost.resumeWork) more per generator resumption, "
               + "\(CPUCost.compareWork) per sort comparison, \(CPUCost.joinItemWork) per str.join item")
        report("snippet                          CPython 3.11   loopscope   ratio")
        var worst = 0.0
        for file in files {
            let simulated = try virtualSeconds(file)
            guard let cpython = reference[file] else { throw ValidationError("\(python) did not time \(file)") }
            let ratio = simulated / cpython
            worst = max(worst, abs(ratio - 1))
            report(file.rightPadded(32)
                   + " \(ms(cpython).leftPadded(10)) \(ms(simulated).leftPadded(11))   \(String(format: "%.2f", ratio))")
        }
        report("largest departure: \(String(format: "%.0f", worst * 100))% (target: within \(Int(Self.tolerance * 100))%)")
    }

    /// loopscope's virtual time for the snippet: what it prints under the realistic model.
    private func virtualSeconds(_ file: String) throws -> Double {
        let source = try loadScenario(file)
        var output = ""
        let outcome = Simulation(source: source, path: file, options: SimulationOptions(cpuCost: .realistic))
            .run(stdout: { output += $0 }, stderr: { _ in })
        guard case .success(let result) = outcome, result.exitStatus == 0,
              let seconds = Double(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw ValidationError("\(file) did not run under loopscope (or printed something other than its time)")
        }
        return seconds
    }

    /// CPython's CPU time for each snippet's `work()`.
    private func cpythonTimes(_ files: [String]) throws -> [String: Double] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, "-c", Self.driver, String(max(1, runs))] + files
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("\(python) failed to time the snippets") }
        var times: [String: Double] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let t = Double(parts[1]) { times[String(parts[0])] = t }
        }
        return times
    }

    private func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
    private func report(_ line: String) { Console.out(line + "\n"); Console.flush() }
}

private extension String {
    func rightPadded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
