import ArgumentParser
import LoopSimulator
import ScenarioLanguage

/// `--set`: the what-if edits the commands that simulate a scenario take.
struct WhatIfOptions: ParsableArguments {
    @Option(name: .customLong("set"),
            help: ArgumentHelp("Run with a parameter changed: LINE:COL=VALUE (the literal's position, as `loopscope params` lists it) or NAME=VALUE (a top-level constant). Repeatable.",
                               valueName: "LINE:COL=VALUE"))
    var settings: [String] = []

    @Option(help: ArgumentHelp("Run under the legal schedule SEED that `explore` printed (0: CPython's own).", valueName: "SEED"))
    var schedule: UInt64?

    @Option(help: ArgumentHelp("With --schedule: scale sleep/cpu/time.sleep durations by up to ±J (5% or 0.05), as `explore --jitter` did.",
                               valueName: "J"))
    var jitter: String?

    @Option(name: .customLong("cpu-cost"), help: ArgumentHelp(
        "Charge virtual time for executed Python code: 'realistic' (calibrated against CPython 3.11, see `bench cpu-cost`), a number of nanoseconds per instruction, or 'off' (the default, unless the scenario has a `# loopscope: cpu-cost=...` comment).",
        valueName: "COST"))
    var cpuCost: String?

    func validate() throws {
        _ = try parsedSettings()
        if jitter != nil, schedule == nil { throw ValidationError("--jitter applies to a --schedule; give --schedule SEED") }
        _ = try parseJitter(jitter)
        _ = try parsedCPUCost()
    }

    func parsedCPUCost() throws -> CPUCost? {
        guard let cpuCost else { return nil }
        guard let cost = CPUCost.parse(cpuCost) else {
            throw ValidationError("--cpu-cost takes 'realistic', 'off' or a number of nanoseconds per instruction, not '\(cpuCost)'")
        }
        return cost
    }

    /// The simulation options with `--schedule`/`--jitter` and `--cpu-cost` applied.
    func apply(to options: SimulationOptions) throws -> SimulationOptions {
        var options = options
        if let schedule { options.schedule = ScheduleSpec(seed: schedule, jitter: try parseJitter(jitter)) }
        if let cost = try parsedCPUCost() { options.cpuCost = cost }
        return options
    }

    func parsedSettings() throws -> [WhatIfSetting] { try Self.parse(settings) }

    /// `--set` texts as settings; a malformed one is a usage error.
    static func parse(_ texts: [String]) throws -> [WhatIfSetting] {
        try texts.map { text in
            switch WhatIfSetting.parse(text) {
            case .success(let s): return s
            case .failure(let e): throw ValidationError(e.message)
            }
        }
    }
}

/// Loads a scenario and applies `--set` edits; a setting that names no parameter is
/// reported at its place in the file, exit status 2.
func loadScenario(_ path: String, settings: [WhatIfSetting]) throws -> String {
    let source = try loadScenario(path)
    return try applySettings(settings, to: source, path: path)
}

func applySettings(_ settings: [WhatIfSetting], to source: String, path: String) throws -> String {
    switch WhatIfSetting.apply(settings, to: source) {
    case .success(let edited):
        return edited
    case .failure(let error):
        if let d = error.diagnostic {
            Console.printDiagnostics([d], path: path, source: source)
        } else {
            Console.err("loopscope: \(path): \(error.message)\n")
        }
        throw ExitCode(2)
    }
}

/// `5%` or `0.05`: a relative bound in [0, 1).
func parseJitter(_ text: String?) throws -> Double {
    guard let text else { return 0 }
    let percent = text.hasSuffix("%")
    guard let value = Double(percent ? String(text.dropLast()) : text), value.isFinite else {
        throw ValidationError("--jitter takes a relative bound such as 5% or 0.05, not '\(text)'")
    }
    let fraction = percent ? value / 100 : value
    guard fraction >= 0, fraction < 1 else { throw ValidationError("--jitter must be at least 0% and below 100%") }
    return fraction
}
