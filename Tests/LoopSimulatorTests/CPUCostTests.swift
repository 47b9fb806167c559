import Testing
@testable import LoopSimulator
@testable import PythonRuntime
import ScenarioLanguage

/// The cost model: Python code takes virtual time only when it is turned on, by option or
/// by the scenario's comment; what it charges shows as CPU bursts, in debug mode's
/// warnings and in `time.perf_counter()`; with it off, a long step gets a hint.
@Suite("CPU cost model")
struct CPUCostTests {
    /// A program that times a counting loop with perf_counter.
    static let timed = """
    import time
    start = time.perf_counter()
    counter = 0
    while counter < 1000:
        counter = counter + 1
    print(time.perf_counter() - start > 0, time.perf_counter() - start < 1)
    """

    @Test func offByDefaultCodeTakesNoTime() {
        #expect(simulate(Self.timed).stdout == "False True\n")
    }

    @Test func optionChargesEachInstructionAndRunsRepeat() {
        let options = SimulationOptions(cpuCost: .nanoseconds(100))
        #expect(simulate(Self.timed, options: options).stdout == "True True\n")
        let source = "import time\nfor i in range(100):\n    pass\nprint(time.perf_counter())\n"
        let first = simulate(source, options: options).stdout
        #expect(first == simulate(source, options: options).stdout)
        #expect(Double(first.dropLast()).map { $0 > 100 * 100e-9 } == true)
    }

    @Test func pragmaTurnsTheModelOnAndTheOptionWins() {
        let source = "# loopscope: cpu-cost=100\n" + Self.timed
        #expect(simulate(source).stdout == "True True\n")
        #expect(simulate(source, options: SimulationOptions(cpuCost: .off)).stdout == "False True\n")
        #expect(simulate("#loopscope: cpu-cost=realistic\n" + Self.timed).stdout == "True True\n")
    }

    @Test func badPragmaValueIsLocated() {
        let out = simulate("import asyncio\n# loopscope: cpu-cost=fast\n")
        #expect(out.status == 2)
        #expect(out.stderr.contains("2:23: error: cpu-cost must be 'realistic', 'off' or a number of nanoseconds per instruction, not 'fast'"))
    }

    @Test func sortingAndJoiningChargeTheirWork() {
        // At 1 ns per instruction: the few instructions around each call cost far less
        // than the native work (a 1000-item sort makes about 5000 comparisons).
        let source = """
        import time
        values = list(range(1000))
        words = ["w"] * 10000
        t0 = time.perf_counter()
        sorted(values)
        t1 = time.perf_counter()
        ",".join(words)
        t2 = time.perf_counter()
        print(t1 - t0 >= 4000 * 9e-9, t2 - t1 >= 10000 * 5e-9)
        """
        #expect(simulate(source, options: SimulationOptions(cpuCost: .nanoseconds(1))).stdout == "True True\n")
        #expect(simulate(source).stdout == "False False\n")
    }

    @Test func parsesAndPrintsSettings() {
        #expect(CPUCost.parse("realistic") == .realistic)
        #expect(CPUCost.parse("off") == .off)
        #expect(CPUCost.parse("0") == .off)
        #expect(CPUCost.parse("12.5") == .nanoseconds(12.5))
        #expect(CPUCost.parse("-1") == nil)
        #expect(CPUCost.parse("nan") == nil)
        #expect(CPUCost.nanoseconds(20).description == "20")
        #expect(CPUCost.nanoseconds(12.5).description == "12.5")
        #expect(CPUCost.parse(CPUCost.realistic.description) == .realistic)
    }

    /// The book's pitfall: two counting tasks hold the loop; the third starts after both.
    static let pitfall = """
    import asyncio

    async def count(name):
        counter = 0
        while counter < 20000:
            counter = counter + 1
        return name

    async def delay():
        print("delay starts at", asyncio.get_running_loop().time() > 0.3)
        await asyncio.sleep(0)

    async def main():
        one = asyncio.create_task(count("one"))
        two = asyncio.create_task(count("two"))
        three = asyncio.create_task(delay())
        print(await one, await two, await three)

    asyncio.run(main(), debug=True)
    """

    @Test func countingLoopsAreBurstsThatHoldTheLoop() {
        let recorder = EventRecorder()
        var out = "", err = ""
        _ = Simulation(source: Self.pitfall, path: "pitfall.py", options: SimulationOptions(cpuCost: .nanoseconds(1000)))
            .run(sink: recorder, stdout: { out += $0 }, stderr: { err += $0 })
        #expect(out == "delay starts at True\none two None\n")
        let bursts = recorder.events.compactMap { e -> (Int?, Double, Int)? in
            if case let .cpuBurstStart(task, seconds, line, _) = e.kind { return (task, seconds, line) }
            return nil
        }
        // Task-2 and Task-3 each burn about 180,000 instructions (0.18 s at 1000 ns).
        #expect(bursts.contains { $0.0 == 2 && $0.1 > 0.1 && $0.2 == 7 })
        #expect(bursts.contains { $0.0 == 3 && $0.1 > 0.1 })
        // Debug mode's slow-callback warning, with CPython's wording.
        #expect(err.contains("Executing <Task finished name='Task-2' coro=<count() done, defined at pitfall.py:3> result='one'"))
        #expect(err.contains("took 0.1"))
        #expect(err.components(separatedBy: "Executing <Task").count == 3)
    }

    @Test func theBooksPitfallScenarioWarnsAboutBothLoops() throws {
        let path = "Scenarios/106_cpu_bound_pitfall.py"
        let out = simulate(try readRepositoryFile(path), path: path)
        let warnings = out.stderr.split(separator: "\n").filter { $0.hasPrefix("Executing <Task finished name='Task-") }
        #expect(warnings.count == 2)
        #expect(warnings.allSatisfy { $0.contains("coro=<cpu_bound_work() done, defined at \(path):17> result=1000000") && $0.hasSuffix("took 0.020 seconds") })
    }

    @Test func offModeHintsAtALongStep() {
        let source = """
        import asyncio

        async def spin():
            counter = 0
            while counter < 1_200_000:
                counter = counter + 1

        async def main():
            await asyncio.create_task(spin())

        asyncio.run(main())
        """
        let out = simulate(source, path: "spin.py")
        #expect(out.status == 0)
        #expect(out.stderr.contains("loopscope: hint: Task-2 (spin) ran 1"))
        #expect(out.stderr.contains("instructions in one step (spin.py, lines 4-5) in no virtual time; CPython would hold the loop for about"))
        #expect(out.stderr.contains("--cpu-cost realistic"))
        // With the model on there is nothing to hint at.
        #expect(!simulate(source, options: SimulationOptions(cpuCost: .realistic)).stderr.contains("hint"))
    }
}
