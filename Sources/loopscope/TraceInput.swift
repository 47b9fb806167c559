import ArgumentParser
import LoopSimulator
import LoopTrace
import ScenarioLanguage

/// The version string written into trace headers.
let loopscopeVersion = LoopscopeCommand.configuration.version

/// Simulates a scenario into a trace store. The scenario's stdout goes to `stdout`
/// (nowhere for `render`), its stderr to the console; diagnostics exit 2.
func recordScenario(_ path: String, options: SimulationOptions, settings: [WhatIfSetting] = [],
                    stdout: @escaping (String) -> Void) throws -> (TraceStore, SimulationResult) {
    let source = try loadScenario(path, settings: settings)
    let store = TraceStore(header: traceHeader(source, path: path, options: options))
    let result = try simulate(source, path: path, options: options, sink: store, verb: "simulating", stdout: stdout)
    return (store, result)
}

/// The header of a scenario's trace: its source and those of the modules of its own it
/// loads, numbered as the run numbers them (a program that does not load gets none: its
/// diagnostics are reported when it is simulated).
func traceHeader(_ source: String, path: String, options: SimulationOptions) -> TraceHeader {
    traceHeader(source, path: path, options: options,
                program: try? Program.load(source: source, path: path, searchPaths: options.searchPaths).get())
}

/// The header of a run of `program`, already loaded from `source`.
func traceHeader(_ source: String, path: String, options: SimulationOptions, program: Program?) -> TraceHeader {
    var options = options
    // The header records the cost model the run uses, the pragma's when no option overrides it.
    if let program { options.cpuCost = options.cpuCost(for: program) }
    return TraceHeader(loopscopeVersion: loopscopeVersion ?? "", path: path, source: source, options: options,
                       files: program.map(TraceHeader.files(of:)) ?? [])
}

/// Runs a scenario with a progress line on the terminal (see `SimulationProgress`). A
/// scenario that does not check gets its diagnostics printed and exit status 2, after
/// `onRejected` (which removes what was prepared for the run).
func simulate(_ source: String, path: String, options: SimulationOptions, sink: SimulationEventSink?,
              verb: String, stdout: @escaping (String) -> Void, onRejected: () -> Void = {}) throws -> SimulationResult {
    let progress = SimulationProgress(verb)
    let outcome = Simulation(source: source, path: path, options: options)
        .run(sink: sink, pacer: progress.pacer, stdout: stdout, stderr: Console.err)
    progress.finish()
    Console.flush()
    switch outcome {
    case .failure(let list):
        onRejected()
        Console.printDiagnostics(list)
        throw ExitCode(2)
    case .success(let result):
        return result
    }
}

/// FILE as the commands take it: a recorded trace (`.jsonl`, or anything that starts with a
/// trace header) is loaded; anything else is simulated as a scenario, silently.
func loadTraceOrScenario(_ path: String, options: SimulationOptions, settings: [WhatIfSetting] = []) throws -> TraceStore {
    if path.hasSuffix(".jsonl") || isTraceFile(path) {
        if !settings.isEmpty || options.schedule != nil || options.cpuCost != nil {
            Console.err("loopscope: \(path): --set, --schedule and --cpu-cost change how a scenario runs; a trace is a finished run\n")
            throw ExitCode(2)
        }
        switch TraceReader.load(path: path) {
        case .success(let store):
            if store.interrupted {
                Console.err("loopscope: warning: \(path) has no end line: the recording was interrupted after \(store.eventCount) events\n")
            }
            return store
        case .failure(let error):
            Console.err("loopscope: \(error)\n")
            throw ExitCode(2)
        }
    }
    return try recordScenario(path, options: options, settings: settings, stdout: { _ in }).0
}

func isTraceFile(_ path: String) -> Bool {
    TraceReader.looksLikeTrace(path: path)
}
