import Foundation
import Testing
import Explorer
import LoopSimulator
import PythonRuntime
import LoopTrace
import ScenarioLanguage
import Timeline
import WhatIf

/// What-if in the explorer without a terminal: the `w` panel's keys, the runs the session
/// makes from edited sources, the comparison and the marks it leaves on the timeline.
struct WhatIfSessionTests {
    static let race = """
    import asyncio

    async def fetch():
        await asyncio.sleep(0.5)
        return "reply"

    async def main():
        try:
            result = await asyncio.wait_for(fetch(), timeout=0.8)
            print(f"got {result}")
        except asyncio.TimeoutError:
            print("timed out")

    asyncio.run(main())
    """

    /// A session whose runs are simulated on demand (as the tests' lazy feeds are).
    static func session(_ source: String = race) -> WhatIfSession {
        WhatIfSession(source: source, settings: [], feed: Fixtures.lazy(source)) { edited, cost in
            let feed = Fixtures.lazy(edited)
            return .success(cost.map { feed.rerun(cpuCost: $0) } ?? feed)
        }
    }

    /// Runs the feed to its end (on demand) so it can be compared.
    static func finish(_ feed: TraceFeed) {
        feed.extend(toIteration: 1_000_000)
    }

    @Test func panelEditsAParameterAndTheComparisonMarksTheTimeline() throws {
        let session = Self.session()
        var state = ExplorerState.opening(session.feed, mode: "live", width: 120, height: 40)
        state.whatIf = session.overlay()
        #expect(state.whatIf?.rows.map(\.label) == ["asyncio.sleep(delay)", "asyncio.wait_for(timeout)"])

        state.handle(.character("w"), session.feed)
        #expect(state.whatIfOpen && state.capturesKeys)
        state.handle(.down, session.feed)
        for c in "0.3" { state.handle(.character(c), session.feed) }
        #expect(state.whatIf?.editing == "0.3")
        state.handle(.enter, session.feed)
        #expect(state.whatIfRequest == .set(index: 1, value: "0.3"))

        #expect(session.set(1, to: "0.3") == nil)
        #expect(session.runs.count == 2)
        #expect(session.value(of: 1) == "0.3")
        state.replaceFeed(session.feed)
        #expect(session.comparisonPending)
        Self.finish(session.runs[0].feed)
        Self.finish(session.feed)
        let comparison = try #require(session.comparison())
        #expect(comparison.taskChanges.map(\.name) == ["Task-2 fetch"])
        #expect(comparison.outputChanges.map(\.text) == ["got reply", "timed out"])
        state.showComparison(comparison, session.feed)
        #expect(state.changedTasks == [1])
        let divergence = try #require(comparison.divergence?.iteration)
        #expect(state.divergence == divergence && state.cursor == divergence)

        state.refreshWhatIf(session.overlay())
        #expect(state.whatIf?.selected == 1)
        #expect(state.whatIf?.report.contains { $0.contains("cancelled") } == true)
        let screen = Screen.render(session.feed.store, stories: session.feed.stories, model: state.model(session.feed),
                                   glyphs: Glyphs(ascii: false))
        let text = GridText.plain(screen.grid)
        #expect(text.contains("ΔTask-2 fetch"))
        #expect(text.contains("0.3  (file: 0.8)"))
        #expect(text.contains("▼"))

        // Undo goes back to the first run; nothing is left to undo after that.
        state.handle(.character("u"), session.feed)
        #expect(state.whatIfRequest == .undo)
        #expect(session.undo())
        #expect(!session.undo())
        #expect(session.value(of: 1) == "0.8")
        state.handle(.escape, session.feed)
        #expect(!state.whatIfOpen)
    }

    @Test func badValuesAreRefusedWithAReason() {
        let session = Self.session()
        #expect(session.set(0, to: "soon")?.message.contains("not a number") == true)
        #expect(session.set(7, to: "1") != nil)
        #expect(session.runs.count == 1)
    }

    @Test func aTraceHasNoWhatIf() {
        var state = ExplorerState.opening(Fixtures.recorded(Self.race), mode: "replay", width: 100, height: 30)
        state.handle(.character("w"), Fixtures.recorded(Self.race))
        #expect(!state.whatIfOpen)
        #expect(state.message?.contains("recorded trace") == true)
    }

    @Test func aScenarioWithoutParametersSaysWhatWouldBeOne() {
        let session = Self.session("import asyncio\n\nasync def main():\n    print('hi')\n\nasyncio.run(main())\n")
        #expect(session.parameters.isEmpty)
        #expect(session.overlay().report.first?.contains("no parameters") == true)
    }

    /// After `c` (the cost model switched), an edit runs with the model the screen shows,
    /// and undo goes back to the switched run, not the one before `c`.
    @Test func editsKeepTheCostModelSwitchedOn() throws {
        let session = Self.session()
        let first = try #require(session.feed as? LazySimulation)
        #expect(first.cpuCost == .off)
        let switched = first.rerun(cpuCost: .realistic)
        session.replaceShownRun(with: switched)
        #expect(session.feed === switched)
        #expect(session.set(0, to: "0.3") == nil)
        let edited = try #require(session.feed as? LazySimulation)
        #expect(edited.cpuCost == .realistic)
        #expect(session.undo())
        #expect(session.feed === switched)
    }
}
