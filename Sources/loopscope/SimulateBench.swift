import ArgumentParser
import Foundation
import LoopSimulator

/// The simulator benchmark of DESIGN.md's performance targets: simulate a scenario with
/// event emission on and compare with CPython running it on its own virtual-time loop
/// (`tools/vtrun.py`). Target: loopscope at least 3x faster.
struct SimulateBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Time a scenario under loopscope (events on) and under CPython on a virtual clock; print the ratio.",
        discussion: "The default scenario, bench/many_tasks.py, runs 10,000 tasks for about 1,000,000 task steps. Run from the repository's root (for tools/vtrun.py)."
    )

    @ArgumentParser.Argument(help: "The scenario to time.")
    var file = Self.defaultScenario

    static let defaultScenario = "bench/many_tasks.py"

    @Option(help: "Runs of each; the fastest counts.")
    var runs = 3

    @Option(help: "The CPython reference runner.")
    var reference = "tools/vtrun.py"

    /// Counts events: emission is on, but nothing is kept.
    final class CountingSink: SimulationEventSink {
        var count = 0
        func receive(_ event: SimulationEvent) { count += 1 }
    }

    func run() throws {
        let source = try loadScenario(file)
        var best = Double.infinity, bestCPU = Double.infinity
        var events = 0
        for _ in 0..<max(1, runs) {
            let sink = CountingSink()
            let t0 = now(), c0 = cpuNow()
            _ = Simulation(source: source, path: file).run(sink: sink, stdout: { _ in }, stderr: { _ in })
            best = min(best, now() - t0)
            bestCPU = min(bestCPU, cpuNow() - c0)
            events = sink.count
        }
        report("loopscope: \(seconds(best)) s, CPU \(seconds(bestCPU)) s (\(events) events emitted)")

        guard FileManager.default.fileExists(atPath: reference) else {
            report("CPython: skipped (\(reference) not found; run from the repository's root)")
            return
        }
        // Both sides are timed from compiling the scenario to the end of its run: the
        // reference reports its own time (`--time`), leaving out the interpreter's start-up
        // as loopscope's figure leaves out the process's.
        var cpython = Double.infinity, cpythonCPU = Double.infinity
        var wholeProcess = Double.infinity
        for _ in 0..<max(1, runs) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", reference, "--time", file]
            process.standardOutput = FileHandle.nullDevice
            let errors = Pipe()
            process.standardError = errors
            let t0 = now()
            try process.run()
            let stderr = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            wholeProcess = min(wholeProcess, now() - t0)
            let lines = String(decoding: stderr, as: UTF8.self).split(separator: "\n")
            func figure(_ label: String) -> Double? {
                lines.last(where: { $0.hasPrefix(label) }).flatMap { Double($0.dropFirst(label.count)) }
            }
            guard let t = figure("vtrun time: ") else {
                throw ValidationError("\(reference) did not report its time (is it loopscope's tools/vtrun.py?)")
            }
            cpython = min(cpython, t)
            cpythonCPU = min(cpythonCPU, figure("vtrun cpu: ") ?? t)
        }
        report("CPython 3.11 on a virtual clock: \(seconds(cpython)) s, CPU \(seconds(cpythonCPU)) s (\(seconds(wholeProcess)) s with interpreter start-up)")
        // The default scenario measures the loop (DESIGN's target: 3x CPython); the others
        // measure a path that must stay within a small factor of CPython, often slower.
        let target = file == Self.defaultScenario ? " (target: at least 3x)" : ""
        report("ratio: loopscope is \(ratio(best, cpython))\(target); in CPU time \(ratio(bestCPU, cpythonCPU))")
    }

    /// "2.500x faster" or "1.200x slower": loopscope's time against CPython's.
    private func ratio(_ ours: Double, _ theirs: Double) -> String {
        ours <= theirs ? "\(seconds(theirs / ours))x faster" : "\(seconds(ours / theirs))x slower"
    }

    private func seconds(_ v: Double) -> String { String(format: "%.3f", v) }
    private func report(_ line: String) { Console.out(line + "\n"); Console.flush() }
}
