#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import LoopSimulator
import LoopTrace
import Timeline

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks (build with -c release before trusting the figures).",
        subcommands: [SimulateBench.self, TraceBench.self, ExploreBench.self, CPUCostBench.self]
    )
}

/// Seconds on the monotonic clock.
func now() -> Double { seconds(on: CLOCK_MONOTONIC) }

/// Seconds of CPU time the process has used (every thread): on a busy machine wall time
/// stretches with the other processes' load, CPU time much less.
func cpuNow() -> Double { seconds(on: CLOCK_PROCESS_CPUTIME_ID) }

private func seconds(on clock: clockid_t) -> Double {
    var ts = timespec()
    clock_gettime(clock, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// The trace benchmark of DESIGN.md's performance targets: load and index a
/// million-event trace (< 1 s), memory per event (< 100 bytes), and one 200x60 frame at
/// several zoom levels (< 5 ms).
struct TraceBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Generate a trace of about a million events, then time loading it and laying out frames."
    )

    @Option(help: "Events to generate (approximately; the run stops at the first iteration past it).")
    var events = 1_000_000

    @Option(help: "Where to write the generated trace.")
    var file = "/tmp/loopscope-bench-trace.jsonl"

    @Option(help: "Load this trace instead of generating one (e.g. a recording of bench/many_tasks.py).")
    var trace: String?

    /// Twenty tasks sleeping on staggered timers, burning CPU now and then and printing:
    /// the event mix of a real scenario, many times over.
    static func scenario(rounds: Int) -> String {
        """
        import asyncio
        from loopscope import cpu

        async def worker(k, rounds):
            for i in range(rounds):
                await asyncio.sleep(0.01 * (k + 1))
                if i % 10 == 0:
                    cpu(0.002)
                if i % 25 == 0:
                    print(f"worker {k} round {i}")

        async def main():
            tasks = [asyncio.create_task(worker(k, \(rounds))) for k in range(20)]
            for t in tasks:
                await t

        asyncio.run(main())

        """
    }

    final class CountingSink: SimulationEventSink {
        let store: TraceStore
        init(_ store: TraceStore) { self.store = store }
        func receive(_ event: SimulationEvent) { store.append(event) }
    }

    func run() throws {
        let path = try trace ?? generate()

        // Load and index, measuring the heap it keeps.
        let heapBefore = heapInUse()
        var t0 = now()
        let store: TraceStore
        switch TraceReader.load(path: path) {
        case .success(let s): store = s
        case .failure(let e): Console.err("loopscope: \(e)\n"); throw ExitCode(2)
        }
        let loadSeconds = now() - t0
        let heapAfter = heapInUse()
        let perEvent = Double(heapAfter - heapBefore) / Double(store.eventCount)
        report("load + index: \(fmt(loadSeconds)) s for \(store.eventCount) events (target < 1 s)")
        report("memory: \(fmt(perEvent)) bytes per event of resident memory kept after loading (target < 69)")
        report("memory: \(fmt(Double(store.approximateBytes) / Double(store.eventCount))) bytes per event in the store's arrays and strings")
        let parts = store.memoryBreakdown.map { "\($0.part) \(fmt(Double($0.bytes) / Double(store.eventCount)))" }
        report("  of which, per event: " + parts.joined(separator: ", "))

        // Frames at several zoom levels, on both axes.
        let glyphs = Glyphs(ascii: false)
        var zooms: [(String, Viewport)] = []
        for axis in Axis.allCases {
            let fit = Viewport.fit(store, axis: axis, width: 200, height: 60)
            zooms.append(("\(axis.rawValue) fit", fit))
            for factor in [10.0, 1000.0] {
                var v = fit
                v.span = axis == .steps ? max(1, (fit.span / factor).rounded(.up)) : fit.span / factor
                v.start = axis == .steps ? Double(store.slotCount / 2) : store.endTime / 2
                v.cursorIteration = store.lastIteration / 2
                zooms.append(("\(axis.rawValue) zoom x\(Int(factor))", v))
            }
        }
        for (name, viewport) in zooms {
            _ = TimelineLayout.render(store, viewport, glyphs: glyphs)
            let runs = 20
            t0 = now()
            for _ in 0..<runs { _ = TimelineLayout.render(store, viewport, glyphs: glyphs) }
            let ms = (now() - t0) / Double(runs) * 1000
            report("frame 200x60, \(name): \(fmt(ms)) ms (target < 5 ms)")
        }
        t0 = now()
        _ = Panels.at(iteration: store.lastIteration / 2, in: store, selectedTask: 3)
        report("panels at the middle iteration: \(fmt((now() - t0) * 1000)) ms")
    }

    /// Simulates the benchmark scenario (tracing on) and writes its trace to `file`.
    private func generate() throws -> String {
        // About 290 events per round: each of the 20 tasks sleeps, wakes and steps.
        let source = Self.scenario(rounds: max(10, events / 290))
        let options = SimulationOptions(maxIterations: nil, timeHorizon: nil, maxInstructions: nil)
        let generated = TraceStore(header: TraceHeader(loopscopeVersion: loopscopeVersion ?? "", path: "bench.py",
                                                       source: source, options: options))
        let t0 = now()
        _ = Simulation(source: source, path: "bench.py", options: options).run(sink: generated, stdout: { _ in }, stderr: { _ in })
        let simulateSeconds = now() - t0
        let bytes = TraceWriter.encode(generated)
        try writeFile(file, bytes)
        report("generated \(generated.eventCount) events (\(bytes.count / 1_000_000) MB) in \(fmt(simulateSeconds)) s of simulation -> \(file)")
        return file
    }

    private func report(_ line: String) { Console.out(line + "\n"); Console.flush() }


    /// Resident memory from /proc/self/statm (pages × page size): an upper bound on what
    /// the store keeps, allocator slack included.
    private func heapInUse() -> Int {
        guard let f = fopen("/proc/self/statm", "r") else { return 0 }
        defer { fclose(f) }
        var size = 0, resident = 0
        guard fscanf_statm(f, &size, &resident) else { return 0 }
        return resident * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    private func fscanf_statm(_ f: UnsafeMutablePointer<FILE>, _ size: inout Int, _ resident: inout Int) -> Bool {
        var buffer = [CChar](repeating: 0, count: 256)
        guard fgets(&buffer, 256, f) != nil else { return false }
        let fields = String(cString: buffer).split(separator: " ")
        guard fields.count >= 2, let a = Int(fields[0]), let b = Int(fields[1]) else { return false }
        size = a
        resident = b
        return true
    }

    private func fmt(_ v: Double) -> String {
        let r = (v * 1000).rounded() / 1000
        return "\(r)"
    }
}
