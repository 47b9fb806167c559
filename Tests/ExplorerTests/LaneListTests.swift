import Testing
import Explorer
import LoopTrace
import Timeline

/// Filtering, sorting, grouping, scrolling and the task table on a run with many tasks,
/// through the keys, without a terminal.
@Suite struct LaneListTests {
    static let many = """
    import asyncio


    async def worker(i):
        for step in range(i % 4 + 1):
            await asyncio.sleep(0.01 * (i % 3))
        if i % 50 == 7:
            raise ValueError(f"bad {i}")
        return i


    async def pinger():
        for _ in range(10):
            await asyncio.sleep(0.005)


    async def main():
        p = asyncio.create_task(pinger(), name="pinger")
        await asyncio.gather(*[worker(i) for i in range(200)], return_exceptions=True)
        await p


    asyncio.run(main())

    """
    let feed = Fixtures.recorded(many)

    func opened(height: Int = 30) -> ExplorerState {
        ExplorerState.opening(feed, mode: "replay", width: 120, height: height)
    }

    func label(_ row: LaneRow, _ s: ExplorerState) -> String {
        switch row {
        case .task(let t): return TimelineLayout.label(feed.store.task(at: t))
        case .group(let g): return "group " + s.lanes.groups[g].coroutine
        }
    }

    @Test func filterByNameOrStateWithCountAndEscClears() {
        var s = opened()
        let total = feed.store.taskCount
        s.handle(.character("/"), feed)
        for c in "ping" { s.handle(.character(c), feed) }
        #expect(s.lanes.matching == 1)
        #expect(s.model(feed).lanes?.list.rows == [.task(1)])
        s.handle(.enter, feed)
        #expect(s.filterPrompt == nil && s.filter == "ping")
        #expect(s.selectedTask == 1)
        s.handle(.escape, feed)
        #expect(s.filter.isEmpty && s.lanes.matching == total)
        // A state: at the last iteration every task has ended.
        s.handle(.end, feed)
        s.handle(.character("/"), feed)
        for c in "sleep" { s.handle(.character(c), feed) }
        #expect(s.lanes.matching == 0)
        s.handle(.escape, feed)
        s.handle(.home, feed)
        // Forward to the first iteration that begins with tasks asleep.
        while s.cursor < 20, !(0..<total).contains(where: { feed.store.taskStatus($0, atIteration: s.cursor).state == .sleeping }) {
            s.press("n", feed)
        }
        s.handle(.character("/"), feed)
        for c in "sleeping" { s.handle(.character(c), feed) }
        let sleeping = (0..<total).filter { feed.store.taskStatus($0, atIteration: s.cursor).state == .sleeping }
        #expect(s.lanes.matching == sleeping.count && !sleeping.isEmpty)
    }

    @Test func sortOrdersCycleWithO() {
        var s = opened()
        #expect(s.order == .creation)
        s.press("o", feed)
        #expect(s.order == .running)
        s.press("o", feed)
        #expect(s.order == .steps)
        let steps = s.lanes.rows.map { row -> Int in
            guard case .task(let t) = row else { return -1 }
            return feed.store.stepCount(task: t)
        }
        #expect(steps == steps.sorted(by: >))
        s.press("oo", feed)
        #expect(s.order == .failure)
        // Failed tasks come first, earliest failure first.
        guard case .task(let first) = s.lanes.rows[0] else { Issue.record("a task first"); return }
        #expect(feed.stories.story(first)?.ending?.state == .failed)
        #expect(s.model(feed).lanes?.note.contains("first to fail") == true)
    }

    @Test func groupingCollapsesWorkersAndEnterExpands() {
        var s = opened()
        s.press("G", feed)
        let groupRow = s.lanes.rows.firstIndex { if case .group = $0 { return true } else { return false } }
        #expect(groupRow != nil)
        guard let groupRow, case .group(let g) = s.lanes.rows[groupRow] else { return }
        #expect(s.lanes.groups[g].coroutine == "worker" && s.lanes.groups[g].members.count == 200)
        let collapsed = s.lanes.rows.count
        while s.selectedRow != groupRow { s.handle(.down, feed) }
        #expect(s.selectedGroup == "worker")
        s.handle(.enter, feed)
        #expect(s.lanes.rows.count == collapsed + 200)
        s.handle(.enter, feed)
        #expect(s.lanes.rows.count == collapsed)
        // The grouped lane shows the workers' steps where they ran.
        let screen = Screen.render(feed.store, stories: feed.stories, model: s.model(feed), glyphs: Glyphs(ascii: false))
        let text = (0..<screen.grid.height).map { screen.grid.text(row: $0) }
        let lane = text.first { $0.hasPrefix("▸worker ×200") }
        #expect(lane != nil)
        #expect(lane.map { l in GroupLaneChars.bars.contains { l.contains($0) } } == true)
    }

    @Test func pageDownScrollsAndTheSelectionStaysVisible() {
        var s = opened(height: 24)
        var screen = Screen.render(feed.store, stories: feed.stories, model: s.model(feed), glyphs: Glyphs(ascii: true))
        s.geometry = screen.geometry
        let page = screen.geometry.visibleLaneRows
        #expect(page > 0 && page < feed.store.taskCount)
        s.handle(.pageDown, feed)
        s.handle(.pageDown, feed)
        #expect(s.selectedTask == 2 * page)
        screen = Screen.render(feed.store, stories: feed.stories, model: s.model(feed), glyphs: Glyphs(ascii: true))
        let shownRows = screen.geometry.laneRows.values.compactMap { $0 }
        #expect(shownRows.contains(s.selectedRow!))
        let text = (0..<screen.grid.height).map { screen.grid.text(row: $0) }
        #expect(text.contains { $0.contains("of \(feed.store.taskCount) (PgUp PgDn)") })
        s.handle(.scrollUp, feed)
        #expect(s.firstRow == 2 * page - 3)
    }

    @Test func tableSortsByAnyColumnAndEnterGoesToTheLane() {
        var s = opened()
        s.press("t", feed)
        #expect(s.view == .table)
        s.handle(.right, feed)  // State
        s.handle(.right, feed)  // Steps
        #expect(s.tableColumn == .steps)
        let steps = s.lanes.rows.map { row -> Int in
            guard case .task(let t) = row else { return -1 }
            return feed.store.stepCount(task: t)
        }
        #expect(steps == steps.sorted(by: >))
        s.press("i", feed)
        let reversed = s.lanes.rows.map { row -> Int in
            guard case .task(let t) = row else { return -1 }
            return feed.store.stepCount(task: t)
        }
        #expect(reversed == reversed.sorted())
        let screen = Screen.render(feed.store, stories: feed.stories, model: s.model(feed), glyphs: Glyphs(ascii: false))
        let header = screen.grid.text(row: 1)
        for title in ["Task", "State", "Steps", "Running", "Ready", "Parked", "Waits on", "Created"] {
            #expect(header.contains(title), "column \(title)")
        }
        s.handle(.down, feed)
        let chosen = s.selectedTask
        s.handle(.enter, feed)
        #expect(s.view == .timeline && s.selectedTask == chosen)
    }
}

/// The bar characters a grouped lane uses (as the renderer draws them).
enum GroupLaneChars {
    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
}
