import Testing
import Explorer
import LoopTrace
import Timeline
import TestSupport

/// A task created and cancelled in a helper module of the program (tests-data/recorder/
/// tasks_in_module.py and its tasks_helper.py): the Task panel names the module's lines,
/// and the Source panel shows the module for a task that has not started yet.
@Suite struct TasksInModulesTests {
    func screen(cursor: Int, task: Int, panels: Set<PanelKind>) -> [String] {
        let trace = RecordedTrace(TestSupport.record("tests-data/recorder/tasks_in_module.py"))
        var s = ExplorerState.opening(trace, mode: "replay", width: 160, height: 40)
        s.cursor = cursor
        s.selectedTask = task
        s.panels = panels
        let screen = Screen.render(trace.store, stories: trace.stories, model: s.model(trace), glyphs: Glyphs(ascii: false))
        return (0..<screen.grid.height).map { screen.grid.text(row: $0) }
    }

    @Test func aTaskParkedInAsyncioOnlyIsToldWithoutALine() {
        // The sleeper is asyncio.sleep itself: cancelled while parked in asyncio's code, it
        // has no line of the program to name ("thrown in at line 0" before).
        let trace = RecordedTrace(TestSupport.record(source: """
            import asyncio

            async def main():
                sleeper = asyncio.create_task(asyncio.sleep(5), name="sleeper")
                await asyncio.sleep(0)
                sleeper.cancel()
                await asyncio.sleep(0)

            asyncio.run(main())
            """, path: "inline.py"))
        var s = ExplorerState.opening(trace, mode: "replay", width: 160, height: 40)
        s.cursor = 4
        s.selectedTask = 1
        s.panels = [.task]
        let screen = Screen.render(trace.store, stories: trace.stories, model: s.model(trace), glyphs: Glyphs(ascii: false))
        let text = (0..<screen.grid.height).map { screen.grid.text(row: $0) }.joined(separator: "\n")
        #expect(text.contains("CancelledError thrown in, iteration 3"), "\(text)")
        #expect(!text.contains("line 0"), "\(text)")
    }

    @Test func theTaskPanelNamesTheModulesLines() {
        // Task 2 (sleeper) was created at tasks_helper.py:10 and cancelled at line 12 there,
        // parked in sleeper() at line 6.
        let rows = screen(cursor: 8, task: 1, panels: [.task])
        let text = rows.joined(separator: "\n")
        #expect(text.contains("created by Task-1 main at tasks_helper.py:10, iteration 1"), "\(text)")
        #expect(text.contains("cancel() by Task-1 main at tasks_helper.py:12, iteration 2"), "\(text)")
        #expect(text.contains("CancelledError thrown in at tasks_helper.py:6, iteration 3"), "\(text)")
    }

    @Test func theSourcePanelShowsTheModuleOfATaskNotStartedYet() {
        // As iteration 2 begins, the sleeper is created and ready at tasks_helper.py:10.
        let rows = screen(cursor: 2, task: 1, panels: [.source])
        #expect(rows.contains { $0.contains("tasks_helper.py: line of sleeper highlighted") }, "\(rows.joined(separator: "\n"))")
        #expect(rows.contains { $0.contains("▶10     task = asyncio.create_task(sleeper())") }, "\(rows.joined(separator: "\n"))")
    }
}
