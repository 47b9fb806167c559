import Foundation
import LoopSimulator

/// `explore`: runs a scenario under many asyncio-legal schedules (see `ScheduleSpec`) and
/// groups the runs by outcome. The first run is always CPython's own schedule (seed 0).
///
/// When CPython's run meets few choices (the product of their arities is within the run
/// budget) and durations are exact, the schedules are *enumerated*: seeds 1, 2, 3, ...
/// are the mixed-radix walk of the choice tree, so every combination is tried and the
/// search stops as soon as the tree is complete. Otherwise the schedules are *random*:
/// seeds of 2^32 and more drawn from `--seed`. Runs are independent, single-threaded
/// simulations, spread over `workers` threads; results are grouped in seed order, so the
/// report does not depend on which thread finished first.
public struct ScheduleExplorer: Sendable {
    public var source: String
    public var path: String
    public var options: SimulationOptions
    public var runs: Int
    public var baseSeed: UInt64
    public var jitter: Double
    public var workers: Int

    public init(source: String, path: String, options: SimulationOptions, runs: Int, baseSeed: UInt64 = 0,
                jitter: Double = 0, workers: Int = 2) {
        self.source = source
        self.path = path
        self.options = options
        self.runs = runs
        self.baseSeed = baseSeed
        self.jitter = jitter
        self.workers = workers
    }

    /// One distinct outcome: how many runs ended so, and the first seed that did.
    public struct Group: Sendable {
        public var outcome: RunOutcome
        public var count: Int
        public var firstSeed: UInt64
    }

    public struct Report: Sendable {
        public var groups: [Group]
        /// Runs made (enumerated seeds that repeat a smaller seed's choices are not counted).
        public var runs: Int
        /// Simulations made, repeats included (what the speed is measured in).
        public var simulations: Int
        /// True when every schedule of the choice tree was run.
        public var exhaustive: Bool
        public var enumerated: Bool
        /// Choices CPython's own run met.
        public var choicePoints: Int
        public var seconds: Double
    }

    private struct Result: Sendable {
        var seed: UInt64
        var outcome: RunOutcome
        var choices: [ScheduleChoice]
        var consumed: Bool
    }

    /// Runs the schedules; nil when the scenario does not compile (run it for diagnostics).
    public func explore() -> Report? {
        let start = Date()
        guard let first = run(seed: 0) else { return nil }
        var results = [first]
        var arities = 1
        for c in first.choices where arities <= runs { arities *= c.arity }
        let enumerated = jitter == 0 && arities <= runs
        var exhaustive = first.choices.isEmpty && jitter == 0
        var next: UInt64 = 1
        // Enumerated seeds go in batches, so the search stops soon after the tree is complete.
        var simulations = 1
        while !exhaustive, results.count < runs {
            // The first enumerated batch covers CPython's path's combinations; later ones
            // (branches that meet more choices) go a few seeds per worker at a time.
            let wanted = enumerated ? (next == 1 ? arities - 1 : workers * 4) : runs
            let batch = max(1, min(runs - results.count, wanted))
            let seeds: [UInt64] = (0..<batch).map { i in
                let n = next + UInt64(i)
                return enumerated ? n : ScheduleSpec.randomSeedBase | Self.mix(baseSeed &+ n)
            }
            next += UInt64(batch)
            let fresh = runInParallel(seeds)
            if fresh.count < seeds.count { return nil }
            simulations += fresh.count
            results += fresh.filter(\.consumed)
            if enumerated { exhaustive = Self.complete(results.map(\.choices)) }
            if !enumerated { break }
            // An enumerated walk past every code the tree can have adds only repeats.
            if next > UInt64(runs) * 4 { break }
        }
        var groups: [Group] = []
        var index: [RunOutcome: Int] = [:]
        for r in results {
            if let k = index[r.outcome] {
                groups[k].count += 1
            } else {
                index[r.outcome] = groups.count
                groups.append(Group(outcome: r.outcome, count: 1, firstSeed: r.seed))
            }
        }
        return Report(groups: groups, runs: results.count, simulations: simulations, exhaustive: exhaustive,
                      enumerated: enumerated, choicePoints: first.choices.count, seconds: Date().timeIntervalSince(start))
    }

    private func run(seed: UInt64) -> Result? {
        var options = self.options
        options.schedule = ScheduleSpec(seed: seed, jitter: jitter)
        var out = "", err = ""
        guard case .success(let r) = Simulation(source: source, path: path, options: options)
            .run(stdout: { out += $0 }, stderr: { err += $0 }) else { return nil }
        return Result(seed: seed, outcome: RunOutcome(stdout: out, stderr: err, exitStatus: r.exitStatus, halt: r.halt),
                      choices: r.scheduleChoices, consumed: r.consumedSeed)
    }

    /// Runs `seeds` on `workers` threads (each simulation is single-threaded and shares
    /// nothing mutable with the others); results in the order of `seeds`.
    private func runInParallel(_ seeds: [UInt64]) -> [Result] {
        let box = ResultBox(count: seeds.count)
        let lanes = max(1, min(workers, seeds.count))
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            for i in stride(from: lane, to: seeds.count, by: lanes) {
                box.set(i, run(seed: seeds[i]))
            }
        }
        return box.results.compactMap { $0 }
    }

    private final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var results: [Result?]
        init(count: Int) { results = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ r: Result?) {
            lock.lock()
            results[i] = r
            lock.unlock()
        }
    }

    /// Whether the runs' choice sequences cover the whole tree: at every point any run
    /// reached, each alternative was taken by some run with the same choices before it.
    static func complete(_ paths: [[ScheduleChoice]]) -> Bool {
        var prefixes = Set<[Int]>()
        for path in paths {
            var prefix: [Int] = []
            for c in path {
                prefix.append(c.chosen)
                prefixes.insert(prefix)
            }
        }
        for path in paths {
            var prefix: [Int] = []
            for c in path {
                for alternative in 0..<c.arity where !prefixes.contains(prefix + [alternative]) { return false }
                prefix.append(c.chosen)
            }
        }
        return true
    }

    /// SplitMix64's finalizer: run i's random seed from the base seed.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
