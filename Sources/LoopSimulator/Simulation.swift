import ScenarioLanguage
import PythonRuntime

/// Limits that end runaway scenarios.
public struct SimulationOptions: Sendable, Equatable {
    /// Stop after this many loop iterations.
    public var maxIterations: Int?
    /// Stop before the virtual clock passes this many seconds.
    public var timeHorizon: Double?
    /// Stop after this many bytecode instructions (code that never returns to the loop).
    public var maxInstructions: Int?
    /// Directories searched for the program's modules after the scenario's own (`--path`).
    public var searchPaths: [String]
    /// A schedule other than CPython's (`explore`, `--schedule`); nil: CPython's.
    public var schedule: ScheduleSpec?
    /// The cost model (`--cpu-cost`); nil: what the scenario's pragma says, else off.
    public var cpuCost: CPUCost?
    /// Bytes the program's values may take with the rest of the process (`--max-memory`):
    /// past it, MemoryError, as CPython's failed allocations raise.
    public var maxMemory = Interpreter.defaultMemoryLimit

    public init(maxIterations: Int? = 1_000_000, timeHorizon: Double? = nil, maxInstructions: Int? = 500_000_000,
                searchPaths: [String] = [], schedule: ScheduleSpec? = nil, cpuCost: CPUCost? = nil) {
        self.maxIterations = maxIterations
        self.timeHorizon = timeHorizon
        self.maxInstructions = maxInstructions
        self.searchPaths = searchPaths
        self.schedule = schedule
        self.cpuCost = cpuCost
    }

    /// The cost model a run of `program` uses: the option, else the scenario's pragma.
    public func cpuCost(for program: Program) -> CPUCost {
        cpuCost ?? program.cpuCostPragma ?? .off
    }
}

/// How a run ended.
public struct SimulationResult: Sendable, Equatable {
    /// Python's exit status: 0, 1 for an uncaught exception, SystemExit's code; 3 when the
    /// simulation was halted (deadlock or a limit).
    public var exitStatus: Int32
    public var halt: SimulationHalt?
    public var iterations: Int
    public var virtualTime: Double
    /// The choices a schedule made, in order (empty under CPython's).
    public var scheduleChoices: [ScheduleChoice] = []
    /// False when an enumerated seed had digits left over: a smaller seed made the same
    /// choices, so this run repeats that one.
    public var consumedSeed = true
}

/// One run of a scenario: front end, compiler, VM and simulated asyncio, wired together.
/// `stdout`/`stderr` receive exactly what CPython would print on each.
public final class Simulation {
    public let path: String
    public let source: String
    public let options: SimulationOptions

    /// Checked after each loop iteration (after the pacer): true ends the run at once, with
    /// `SimulationHalt.abandoned` (the viewer went on to another run of the scenario).
    public var isAbandoned: (() -> Bool)?

    public init(source: String, path: String, options: SimulationOptions = SimulationOptions()) {
        self.source = source
        self.path = path
        self.options = options
    }

    /// Runs the scenario to its end. `pacer`, when given, is called after each loop
    /// iteration with the iteration number; it may block to pause the simulation.
    public func run(sink: SimulationEventSink? = nil,
                    pacer: ((Int) -> Void)? = nil,
                    stdout: @escaping (String) -> Void,
                    stderr: @escaping (String) -> Void) -> Result<SimulationResult, DiagnosticList> {
        // The compiler walks the tree recursively (as deep as the parser's limits allow)
        // and so do the VM's native operations on nested containers (up to their recursion
        // limit): both get a stack sized for those limits.
        DeepStack.run(stackSize: Simulation.stackSize) {
            self.runOnCurrentThread(sink: sink, pacer: pacer, stdout: stdout, stderr: stderr)
        }
    }

    static let stackSize = 1 << 30

    private func runOnCurrentThread(sink: SimulationEventSink?, pacer: ((Int) -> Void)?,
                                    stdout: @escaping (String) -> Void,
                                    stderr: @escaping (String) -> Void) -> Result<SimulationResult, DiagnosticList> {
        let program: Program
        switch Program.load(source: source, path: path, searchPaths: options.searchPaths) {
        case .failure(let d): return .failure(d)
        case .success(let p): program = p
        }
        let vm = Interpreter()
        let state = SimulationState()
        state.interpreter = vm
        state.sink = sink
        state.maxIterations = options.maxIterations
        state.timeHorizon = options.timeHorizon
        state.schedule = options.schedule.map(Schedule.init)
        state.writeError = stderr
        state.pacer = pacer
        state.isAbandoned = isAbandoned
        state.cpuCost = options.cpuCost(for: program)
        vm.instructionLimit = options.maxInstructions ?? Int.max
        vm.memoryLimit = options.maxMemory
        for file in program.files { vm.sources[file.path] = SourceText(file.source) }
        vm.programModules = program.modules
        vm.programPaths = program.files.map(\.path)
        vm.warningSink = state
        vm.onHalt = { [unowned state] in state.halted = true }
        vm.writeOutput = { text in
            stdout(text)
            if state.tracing {
                state.emit(.print(task: vm.library?.loopOnMainThread?.currentTask?.taskID, text: text))
            }
        }
        vm.writeError = stderr
        vm.installBuiltins()
        let library = AsyncioLibrary(vm: vm, state: state)
        vm.host = library
        do {
            try library.install()
        } catch let e as PythonError {
            stderr("loopscope: internal error: " + vm.formatTraceback(e.exception))
            return .success(SimulationResult(exitStatus: 70, halt: nil, iterations: 0, virtualTime: 0))
        } catch {
            stderr("loopscope: internal error: \(error)\n")
            return .success(SimulationResult(exitStatus: 70, halt: nil, iterations: 0, virtualTime: 0))
        }

        let main = PyModule(name: "__main__")
        main.attributes["__name__"] = .str("__main__")
        main.attributes["__doc__"] = .none
        main.attributes["__file__"] = .str(path)
        vm.modules["__main__"] = main
        let frame = Frame(code: program.main, globals: main, locals: [], cells: [])
        let fiber = Fiber([])
        var status: Int32 = 0
        do {
            try vm.push(frame, on: fiber)
            if case .raised(let exc) = vm.execute(fiber, .start) {
                status = report(exc, vm, stderr)
            }
        } catch let e as PythonError {
            status = report(e.exception, vm, stderr)
        } catch {
            stderr("loopscope: internal error: \(error)\n")
            status = 70
        }
        // Py_FinalizeEx: threading._shutdown waits for the non-daemon threads.
        if vm.halted == nil, status != 70, case .object(let threading)? = vm.modules["threading"].map({ Value.object($0) }),
           let shutdown = (threading as? PyModule)?.attributes["_shutdown"] {
            do {
                try vm.callNow(shutdown, [])
            } catch let e as PythonError {
                if vm.halted != nil { status = report(e.exception, vm, stderr) } else { stderr(vm.formatTraceback(e.exception)) }
            } catch {
                stderr("loopscope: internal error: \(error)\n")
            }
        }
        // Then the atexit callbacks (weakref.finalize's among them).
        if vm.halted == nil, status != 70, let atexit = vm.modules["atexit"]?.attributes["_run_exitfuncs"] {
            do {
                try vm.callNow(atexit, [])
            } catch let e as PythonError {
                status = report(e.exception, vm, stderr)
            } catch {
                stderr("loopscope: internal error: \(error)\n")
            }
        }
        // Records logged where no Python could run, after the last loop iteration.
        if vm.halted == nil { state.flushPendingReports() }
        // Read before the interpreter goes: the cost model charges what ran last.
        let virtualTime = state.clock
        state.interpreter = nil
        state.sink = nil
        return .success(SimulationResult(exitStatus: status, halt: vm.halted, iterations: state.iteration,
                                         virtualTime: virtualTime, scheduleChoices: state.schedule?.choices ?? [],
                                         consumedSeed: state.schedule?.consumedSeed ?? true))
    }

    private func report(_ exc: PyException, _ vm: Interpreter, _ stderr: (String) -> Void) -> Int32 {
        if let halt = vm.halted {
            stderr(Simulation.describe(halt) + "\n")
            return 3
        }
        // `_Py_HandleSystemExit`: None is 0, an int is the status, anything else is
        // printed and the status is 1.
        if exc.isInstance(of: BuiltinTypes.systemExit) {
            switch exc.exitCode {
            case .none: return 0
            case .int(let code): return Int32(truncatingIfNeeded: code)
            case .bool(let b): return b ? 1 : 0
            case let other:
                stderr(((try? vm.str(other)) ?? "") + "\n")
                return 1
            }
        }
        stderr(vm.formatTraceback(exc))
        return 1
    }

    /// The one-paragraph message printed when a run is halted.
    public static func describe(_ halt: SimulationHalt) -> String {
        switch halt {
        case .iterationLimit(let n):
            return "loopscope: stopped after \(n) loop iterations; the scenario may never finish (raise the limit with --max-iterations N)"
        case .timeHorizon(let t):
            return "loopscope: stopped at the time horizon of \(PyFloat.repr(t)) virtual seconds (--until); the next timer is later"
        case .instructionLimit(let n):
            return "loopscope: stopped after \(n) bytecode instructions without finishing; a callback may loop forever without awaiting (raise the limit with --max-instructions N)"
        case .abandoned:
            return "loopscope: the run was abandoned for another run of the scenario"
        case .deadlock(let report):
            var text = "loopscope: deadlock: main() is waiting and nothing can wake it (no callbacks ready, no timers)"
            for line in report { text += "\n  " + line }
            return text
        }
    }
}
