import ArgumentParser
import Foundation
import LoopSimulator
import WhatIf

struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Run a scenario under many asyncio-legal schedules and group the runs by outcome.",
        discussion: """
        The first run is CPython's own schedule (seed 0). The others break ties between \
        timers with equal deadlines every possible way, let a CPU burst or blocking sleep \
        overrun by up to 10% so a later timer joins the batch already due, and with \
        --jitter scale every sleep/cpu/time.sleep duration within ±J. When CPython's run \
        meets few choices (their combinations fit in --runs), every combination is \
        enumerated (seeds 1, 2, ...) and the search stops when the tree is complete; \
        otherwise seeds are random (2^32 and up, drawn from --seed). Runs are grouped by \
        stdout, exit status and stderr (an uncaught exception, a failed assert, a \
        deadlock, never-retrieved exceptions); each outcome is printed with its count, \
        the seed of its first run and how its output differs from the first outcome's. \
        `run`, `record` and `open` take --schedule SEED (and --jitter) to replay it \
        exactly, with the departures from CPython's order in the trace and timeline. \
        Exit status: 0 for one outcome, 1 for several, 2 for a scenario that does not check.
        """
    )

    @ArgumentParser.Argument(help: "The scenario (a .py file).")
    var file: String

    @Option(help: "How many schedules to run at most.")
    var runs: Int = 200

    @Option(help: "The seed random schedules are drawn from.")
    var seed: UInt64 = 0

    @Option(help: ArgumentHelp("Scale sleep/cpu/time.sleep durations by a factor in [1-J, 1+J] (5% or 0.05); off by default.",
                               valueName: "J"))
    var jitter: String?

    @Option(help: "Simulations run in parallel (default: the processor count).")
    var workers: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var limits: LimitOptions

    @Option(name: .customLong("set"), help: ArgumentHelp("Explore with a parameter changed (as run --set). Repeatable.", valueName: "LINE:COL=VALUE"))
    var settings: [String] = []

    func validate() throws {
        guard runs > 0 else { throw ValidationError("--runs must be positive") }
        guard workers > 0 else { throw ValidationError("--workers must be positive") }
        _ = try parseJitter(jitter)
    }

    func run() throws {
        let source = try loadScenario(file, settings: WhatIfOptions.parse(settings))
        let j = try parseJitter(jitter)
        if case .failure(let list) = Program.load(source: source, path: file, searchPaths: limits.simulationOptions.searchPaths) {
            Console.printDiagnostics(list)
            throw ExitCode(2)
        }
        let explorer = ScheduleExplorer(source: source, path: file, options: limits.simulationOptions, runs: runs,
                                        baseSeed: seed, jitter: j, workers: workers)
        guard let report = explorer.explore() else { throw ExitCode(2) }
        Console.out(ExploreReport.text(report, file: file, jitter: jitter, settings: settings))
        Console.flush()
        if report.groups.count > 1 { throw ExitCode(1) }
    }
}

/// The report `explore` prints.
enum ExploreReport {
    static func text(_ report: ScheduleExplorer.Report, file: String, jitter: String?, settings: [String]) -> String {
        let rate = report.seconds > 0 ? Double(report.simulations) / report.seconds : 0
        var out = "explored \(report.runs) schedule\(report.runs == 1 ? "" : "s") of \(file) in "
        out += String(format: "%.2f s (%d simulations, %.0f runs/s)\n", report.seconds, report.simulations, rate)
        let points = "CPython's run meets \(report.choicePoints) choice point\(report.choicePoints == 1 ? "" : "s")"
        if report.exhaustive {
            out += "\(points); every schedule was run\n"
        } else if report.enumerated {
            out += "\(points); schedules enumerated, the tree not exhausted within --runs\n"
        } else {
            out += "\(points); random schedules\(jitter.map { ", durations jittered by ±\($0)" } ?? "")\n"
        }
        let n = report.groups.count
        out += "\(n) distinct outcome\(n == 1 ? "" : "s"):\n"
        let first = report.groups.first?.outcome
        let extra = settings.map { " --set \($0)" }.joined() + (jitter.map { " --jitter \($0)" } ?? "")
        for (k, g) in report.groups.enumerated() {
            out += "\n#\(k + 1)  \(g.count) run\(g.count == 1 ? "" : "s")  seed \(g.firstSeed)"
            out += g.firstSeed == 0 ? " (CPython's schedule)" : ""
            out += "  \(g.outcome.summary)\n"
            if k == 0 || first == nil {
                let lines = g.outcome.outputLines
                out += "    output: \(lines.count) line\(lines.count == 1 ? "" : "s"), digest \(outputDigest(g.outcome.stdout))\n"
            } else if let first {
                let changes = RunComparison.lineChanges(first.outputLines, g.outcome.outputLines)
                if changes.isEmpty {
                    out += "    output: the same as #1\n"
                } else {
                    out += "    output differs from #1:\n"
                    for c in changes.prefix(12) { out += "      \(c.mark) \(c.text)\n" }
                    if changes.count > 12 { out += "      … \(changes.count - 12) more\n" }
                }
            }
            if g.firstSeed != 0 {
                out += "    replay: loopscope run \(file)\(extra) --schedule \(g.firstSeed)   (or open, record)\n"
            }
        }
        return out
    }
}
