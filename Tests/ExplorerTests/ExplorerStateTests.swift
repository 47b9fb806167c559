import Foundation
import Testing
import Explorer
import LoopSimulator
import PythonRuntime
import LoopTrace
import Timeline

enum Fixtures {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static func recorded(_ source: String, path: String = "test.py") -> RecordedTrace {
        let options = SimulationOptions(maxIterations: 10_000)
        let store = TraceStore(header: TraceHeader(loopscopeVersion: "test", path: path, source: source, options: options))
        _ = Simulation(source: source, path: path, options: options).run(sink: store, stdout: { _ in }, stderr: { _ in })
        return RecordedTrace(store)
    }

    static func lazy(_ source: String, path: String = "test.py") -> LazySimulation {
        let options = SimulationOptions(maxIterations: 1_000_000)
        return LazySimulation(source: source, path: path, options: options,
                              header: TraceHeader(loopscopeVersion: "test", path: path, source: source, options: options))
    }

    static let forever = """
    import asyncio

    async def beat(name, period):
        n = 0
        while True:
            await asyncio.sleep(period)
            n += 1

    async def main():
        a = asyncio.create_task(beat("a", 0.1))
        b = asyncio.create_task(beat("b", 0.25))
        await a

    asyncio.run(main())

    """
}

extension ExplorerState {
    mutating func press(_ keys: String, _ feed: TraceFeed) {
        for c in keys { handle(.character(c), feed) }
    }
}

@Suite struct ExplorerStateTests {
    let demo = Fixtures.recorded(DemoScenario.source, path: "demo.py")

    @Test func opensBeforeTheFirstIterationAndStepsWithN() {
        var s = ExplorerState.opening(demo, mode: "replay", width: 100, height: 30)
        #expect(s.cursor == 0)
        s.press("nnn", demo)
        #expect(s.cursor == 3)
        s.press("p", demo)
        s.handle(.character("N"), demo)
        #expect(s.cursor == 1)
        s.handle(.character(" "), demo)
        #expect(s.cursor == 2)
    }

    @Test func stopsAtBothEndsWithAMessage() {
        var s = ExplorerState.opening(demo, mode: "replay", width: 100, height: 30)
        s.press("p", demo)
        #expect(s.cursor == 0)
        #expect(s.message != nil)
        s.handle(.end, demo)
        #expect(s.cursor == demo.store.lastIteration)
        s.press("n", demo)
        #expect(s.cursor == demo.store.lastIteration)
        #expect(s.message?.contains("end of the run") == true)
        s.handle(.home, demo)
        #expect(s.cursor == 0)
    }

    @Test func callbacksInsideAnIterationWithSAndShiftS() {
        var s = ExplorerState.opening(demo, mode: "replay", width: 100, height: 30)
        s.press("s", demo)
        #expect(s.cursor == 1 && s.callbackIndex == 0)
        // Iteration 1 runs only main's first step: the next `s` moves to iteration 2.
        let count = demo.store.loopState(atIteration: 1)!.callbacks.count
        for _ in 0..<count { s.press("s", demo) }
        #expect(s.cursor == 2 && s.callbackIndex == 0)
        s.press("S", demo)
        #expect(s.cursor == 1 && s.callbackIndex == count - 1)
    }

    @Test func sSelectsTheTaskWhoseStepRuns() {
        var s = ExplorerState.opening(demo, mode: "replay", width: 100, height: 30)
        s.press("nns", demo)  // iteration 2 first runs ticker's first step
        let cb = demo.store.loopState(atIteration: 2)!.callbacks[0]
        #expect(s.selectedTask == demo.store.taskIndex(id: cb.task!))
    }

    @Test func axisZoomFitAndPan() {
        var s = ExplorerState.opening(demo, mode: "replay", width: 100, height: 30)
        #expect(s.axis == .steps && s.span == 1)
        s.press("a", demo)
        #expect(s.axis == .time)
        #expect(s.span == Viewport.fit(demo.store, axis: .time, width: 100).span)
        let fitted = s.span
        s.press("+", demo)
        #expect(s.span == fitted / 2)
        s.press("--", demo)
        #expect(s.span == fitted * 2)
        s.press("f", demo)
        #expect(s.span == fitted && s.start == 0)
        s.press("a", demo)
        #expect(s.axis == .steps && s.span == 1)
        s.press("-", demo)
        #expect(s.span == 2)
        s.press("+", demo)
        #expect(s.span == 1)
        // Below one step per column each step gets a whole number of columns.
        s.press("++", demo)
        #expect(s.span == 0.25)
        s.press("--", demo)
        #expect(s.span == 1)
        s.handle(.right, demo)
        #expect(s.start > 0)
        s.handle(.left, demo)
        s.handle(.left, demo)
        #expect(s.start == 0)
    }

    @Test func cursorStaysVisibleWhenItMovesPastTheEdge() {
        var s = ExplorerState.opening(demo, mode: "replay", width: 40, height: 30)
        s.handle(.end, demo)
        let slot = Double(demo.store.slot(ofIteration: s.cursor)!)
        let columns = Double(TimelineLayout.laneColumns(demo.store, width: 40))
        #expect(slot >= s.start && slot < s.start + columns * s.span)
    }

    @Test func selectionWithArrowsAndTab() {
        var s = ExplorerState.opening(demo, mode: "replay", width: 100, height: 30)
        #expect(s.selectedTask == 0)
        s.handle(.up, demo)
        #expect(s.selectedTask == 0)
        s.handle(.down, demo)
        s.handle(.down, demo)
        #expect(s.selectedTask == 2)
        s.handle(.backTab, demo)
        #expect(s.selectedTask == 1)
        for _ in 0..<demo.store.taskCount { s.handle(.tab, demo) }
        #expect(s.selectedTask == 1)
    }

    @Test func enterJumpsToTheSelectedTasksNextStep() {
        var s = ExplorerState.opening(demo, mode: "replay", width: 100, height: 30)
        s.handle(.down, demo)  // ticker
        s.handle(.enter, demo)
        let ticker = demo.store.task(at: 1)
        let k = s.cursor
        #expect(demo.store.loopState(atIteration: k)!.callbacks.contains { $0.task == ticker.id })
        s.handle(.enter, demo)
        #expect(s.cursor > k)
        #expect(demo.stories.nextStep(of: 1, after: k) == s.cursor)
    }

    @Test func goToPromptTakesIterationsAndTimesAndIgnoresCommandKeys() {
        var s = ExplorerState.opening(demo, mode: "replay", width: 100, height: 30)
        s.press("g", demo)
        #expect(s.prompt == "")
        s.press("1q2", demo)  // q is text here, not quit
        #expect(!s.quit && s.prompt == "1q2")
        s.handle(.backspace, demo)
        s.handle(.backspace, demo)
        s.press("2", demo)
        s.handle(.enter, demo)
        #expect(s.prompt == nil && s.cursor == 12)
        s.press("g0.55s", demo)
        s.handle(.enter, demo)
        // A time goes to the first iteration whose clock reaches it (where its timers run).
        let reached = demo.store.iteration(reaching: 0.55)
        #expect(s.cursor == reached)
        let info = demo.store.iteration(reached)!, before = demo.store.iteration(reached - 1)!
        #expect(demo.store.event(at: info.endEvent - 1).time >= 0.55)
        #expect(demo.store.event(at: before.endEvent - 1).time < 0.55)
        s.press("gxyz", demo)
        s.handle(.enter, demo)
        #expect(s.message?.contains("not an iteration or a time") == true)
        s.press("g5", demo)
        s.handle(.escape, demo)
        #expect(s.prompt == nil && s.cursor == reached)
    }

    @Test func helpOverlayClosesOnAnyKeyWithoutActing() {
        var s = ExplorerState.opening(demo, mode: "replay", width: 100, height: 30)
        s.press("?", demo)
        #expect(s.help)
        s.press("q", demo)
        #expect(!s.help && !s.quit && s.cursor == 0)
        s.press("q", demo)
        #expect(s.quit)
    }

    @Test func panelsAndLegendToggle() {
        var s = ExplorerState.opening(demo, mode: "replay", width: 100, height: 30)
        s.press("2", demo)
        #expect(!s.panels.contains(.source))
        s.press("2l", demo)
        #expect(s.panels.contains(.source) && !s.legend)
    }

    @Test func playbackTicksAndStopsAtTheEnd() {
        var s = ExplorerState.opening(demo, mode: "replay", width: 100, height: 30)
        s.press("r", demo)
        #expect(s.playing)
        s.tick(demo)
        #expect(s.cursor == 1)
        s.press("]", demo)
        #expect(s.playDelay < 0.4)
        s.press("[[", demo)
        #expect(s.playDelay > 0.4)
        for _ in 0..<100 { s.tick(demo) }
        #expect(!s.playing && s.cursor == demo.store.lastIteration)
    }

    @Test func unknownKeysDoNothingHarmful() {
        var s = ExplorerState.opening(demo, mode: "replay", width: 100, height: 30)
        s.press("n", demo)
        let before = s
        s.press("zZ#~é", demo)
        s.handle(.escape, demo)
        s.handle(.backspace, demo)
        s.handle(.click(x: 0, y: 0), demo)
        #expect(s == before)
    }

    @Test func clickOnALaneSelectsItAndMovesTheCursor() {
        var s = ExplorerState.opening(demo, mode: "replay", width: 100, height: 30)
        let screen = Screen.render(demo.store, stories: demo.stories, model: s.model(demo), glyphs: Glyphs(ascii: false))
        s.geometry = screen.geometry
        let row = screen.geometry.laneRows.first { $0.value == 2 }!.key
        let slot = demo.store.slot(ofIteration: 5)! + 1
        s.handle(.click(x: screen.geometry.laneX0 + slot, y: row), demo)
        #expect(s.selectedTask == 2)
        #expect(s.cursor == 5)
    }

    @Test func loopPanelShowsACancelledHandleAsSkipped() {
        let trace = Fixtures.recorded("""
        import asyncio

        async def main():
            loop = asyncio.get_running_loop()
            loop.call_soon(print, "runs")
            loop.call_soon(print, "skipped").cancel()
            loop.call_later(1, print, "later")
            loop.call_later(5, print, "never").cancel()
            await asyncio.sleep(0)

        asyncio.run(main())
        """)
        var s = ExplorerState.opening(trace, mode: "replay", width: 120, height: 40)
        s.press("nn", trace)
        let screen = Screen.render(trace.store, stories: trace.stories, model: s.model(trace), glyphs: Glyphs(ascii: false))
        let text = GridText.plain(screen.grid)
        #expect(text.contains("ready when it began (3):"))
        #expect(text.contains("print (cancelled, skipped)"))
        #expect(text.contains("timers (2):"))
        #expect(text.contains("print (cancelled)"))
    }

    @Test func resizeChangesTheFrame() {
        var s = ExplorerState.opening(demo, mode: "replay", width: 100, height: 30)
        s.handle(.resize(width: 160, height: 50), demo)
        let m = s.model(demo)
        #expect(m.width == 160 && m.height == 50)
    }
}

@Suite struct LazySimulationTests {
    @Test func aScenarioThatNeverEndsOpensAndSteps() {
        let lazy = Fixtures.lazy(Fixtures.forever)
        var s = ExplorerState.opening(lazy, mode: "live", width: 100, height: 30)
        #expect(!lazy.isComplete)
        let first = lazy.store.lastIteration
        #expect(first >= ExplorerState.lookahead && first < ExplorerState.lookahead + 5)
        for _ in 0..<(first + 10) { s.press("n", lazy) }
        #expect(s.cursor == first + 10)
        #expect(lazy.store.lastIteration >= s.cursor + ExplorerState.lookahead / 2)
        #expect(s.model(lazy).moreToCome)
        s.press("g1000s", lazy)
        s.handle(.enter, lazy)
        #expect(lazy.store.endTime >= 1000 && s.message == nil)
    }

    @Test func aFiniteScenarioCompletesAndMatchesARecordedRun() {
        let lazy = Fixtures.lazy(DemoScenario.source, path: "demo.py")
        var s = ExplorerState.opening(lazy, mode: "live", width: 100, height: 30)
        #expect(lazy.isComplete)
        let recorded = Fixtures.recorded(DemoScenario.source, path: "demo.py")
        #expect(lazy.store.eventCount == recorded.store.eventCount)
        // (Descriptions may hold object addresses, so compare when and where each event is.)
        #expect((0..<recorded.store.eventCount).allSatisfy {
            let a = lazy.store.event(at: $0), b = recorded.store.event(at: $0)
            return a.time == b.time && a.iteration == b.iteration
        })
        s.handle(.end, lazy)
        #expect(lazy.endNote.first?.contains("exit status 0") == true)
    }

    @Test func stepsInSmallChunksGiveTheSameTraceAsOneRun() {
        let lazy = Fixtures.lazy(DemoScenario.source, path: "demo.py")
        for k in 1...40 { lazy.extend(toIteration: k) }
        let recorded = Fixtures.recorded(DemoScenario.source, path: "demo.py")
        #expect(lazy.store.eventCount == recorded.store.eventCount)
        #expect(lazy.stories.stories == recorded.stories.stories)
    }

    @Test func cRunsTheScenarioAgainWithTheOtherCostModelOnTheSameIteration() throws {
        let source = """
        import asyncio

        async def crunch():
            total = 0
            for i in range(50000):
                total += i
            await asyncio.sleep(0.1)

        async def main():
            for _ in range(10):
                await crunch()

        asyncio.run(main())
        """
        let lazy = Fixtures.lazy(source, path: "crunch.py")
        var s = ExplorerState.opening(lazy, mode: "live", width: 100, height: 30)
        for _ in 0..<6 { s.press("n", lazy) }
        #expect(lazy.cpuCost == .off)
        let before = lazy.store.event(at: lazy.store.eventIndex(atIteration: 6)).time
        s.press("c", lazy)
        let on = try #require(s.rerunWithOtherCost(lazy) as? LazySimulation)
        #expect(on.cpuCost == .realistic && on.store.header.options.cpuCost == .realistic)
        #expect(s.cursor == 6)
        #expect(s.message?.contains("cost model on (realistic)") == true)
        // The loops now take time: iteration 6 starts later than it did.
        #expect(on.store.event(at: on.store.eventIndex(atIteration: 6)).time > before)
        s.press("c", on)
        let off = try #require(s.rerunWithOtherCost(on) as? LazySimulation)
        #expect(off.cpuCost == .off && s.cursor == 6)
        #expect(off.store.event(at: off.store.eventIndex(atIteration: 6)).time == before)
        // Nothing was asked for: nothing to do.
        #expect(s.rerunWithOtherCost(off) == nil)
    }

    @Test func cOnARecordedTraceSaysItCannot() {
        let recorded = Fixtures.recorded(DemoScenario.source, path: "demo.py")
        var s = ExplorerState.opening(recorded, mode: "replay", width: 100, height: 30)
        s.press("c", recorded)
        #expect(s.rerunWithOtherCost(recorded) == nil)
        #expect(s.message?.contains("only a scenario can be run again") == true)
    }

    @Test func compileErrorsSurfaceAsTheOutcome() {
        let lazy = Fixtures.lazy("import asyncio\nasync def main():\n    return undefined_name +\n")
        lazy.extend(toIteration: 10)
        #expect(lazy.isComplete)
        if case .failure? = lazy.outcome {} else { Issue.record("expected diagnostics") }
    }
}

@Suite struct DemoTests {
    @Test func theBuiltInDemoIsTheScenarioFile() throws {
        let file = try String(contentsOfFile: Fixtures.root + "/Scenarios/00_demo.py", encoding: .utf8)
        #expect(DemoScenario.source == file)
    }

    @Test func theDemoShowsTasksABurstACancellationAndATimeout() {
        let demo = Fixtures.recorded(DemoScenario.source, path: "demo.py")
        let stories = demo.stories.stories
        #expect(demo.store.taskCount >= 4)
        #expect(stories.contains { $0.ending?.state == .cancelled && $0.cancels.first?.message == "user pressed stop" })
        #expect(stories.contains { s in s.cancels.contains { $0.cancellerWaitsOn?.hasPrefix("wait_for(") == true } })
        #expect((1...demo.store.lastIteration).contains { k in
            demo.store.loopState(atIteration: k)!.callbacks.contains { ($0.duration ?? 0) >= 0.5 }
        })
    }
}
