import Testing
import LoopSimulator
import PythonRuntime
import LoopTrace
@testable import Timeline
import TestSupport

@Suite struct TimelineTests {
    @Test("rendering a recorded, reloaded trace equals rendering the live run", arguments: try Fixtures.scenarioPaths())
    func recordedEqualsLive(_ path: String) throws {
        let live = Fixtures.record(path)
        let loaded = try TraceReader.read(TraceWriter.encode(live), path: "t.jsonl").get()
        for axis in Axis.allCases {
            for width in [40, 120] {
                let a = TimelineLayout.render(live, Viewport.fit(live, axis: axis, width: width), glyphs: Glyphs(ascii: false))
                let b = TimelineLayout.render(loaded, Viewport.fit(loaded, axis: axis, width: width), glyphs: Glyphs(ascii: false))
                #expect(a == b)
            }
        }
    }

    @Test func everyStateHasItsOwnGlyphAndColour() {
        let states = Glyphs.legendOrder(threads: true)
        for ascii in [false, true] {
            let g = Glyphs(ascii: ascii)
            #expect(Set(states.map(g.character)).count == states.count)
        }
        let meaningful = states.filter { $0 != .idle && $0 != .select }
        #expect(Set(meaningful.map { Glyphs.style($0) }).count == meaningful.count)
    }

    @Test func fixedHeightKeepsTheSelectedTaskVisible() {
        let store = Fixtures.record("Scenarios/03_create_task_order.py")
        var v = Viewport.fit(store, axis: .steps, width: 60, height: 12)
        v.selectedTask = 5
        let grid = TimelineLayout.render(store, v, glyphs: Glyphs(ascii: true))
        #expect(grid.height == 12)
        let rows = (0..<grid.height).map { grid.text(row: $0) }
        #expect(rows.contains { $0.hasPrefix("Task-6") })
        // Lanes that do not fit are counted on the line under them.
        #expect(rows.contains { $0.hasPrefix("rows ") && $0.contains(" of \(store.taskCount) (PgUp PgDn)") })
    }

    @Test func cursorIterationIsHighlightedAndInTheHeader() {
        let store = Fixtures.record("Scenarios/03_create_task_order.py")
        var v = Viewport.fit(store, axis: .steps, width: 60)
        v.cursorIteration = 2
        let grid = TimelineLayout.render(store, v, glyphs: Glyphs(ascii: false))
        #expect(grid.text(row: 0).contains("iteration 2 of"))
        let x0 = TimelineLayout.nameWidth(store, width: 60) + 1
        let slot = store.slot(ofIteration: 2)!
        #expect(grid[x0 + slot, 1].background == .gray)
        #expect(grid[x0 + slot - 1, 1].background == .default)
    }

    @Test func panelsDescribeTheCursorsIteration() throws {
        let store = Fixtures.record("Scenarios/03_create_task_order.py")
        let panels = Panels.at(iteration: 3, in: store, selectedTask: 0)
        #expect(panels.loop?.callbacks.map(\.description) == ["Task-2.step", "Task-3.step", "Task-4.step"])
        #expect(panels.tasks[0].status.line == 23)
        let current = try #require(panels.source.first { $0.isCurrent })
        #expect(current.number == 23)
        #expect(current.text.contains("await t"))
        #expect(panels.output.map(\.text).last == "worker 3 step 2\n")
    }

    @Test("the source panel shows the file the selected task is parked in, marking the tasks parked there")
    func sourcePanelFollowsTheTaskIntoItsModule() throws {
        let store = Fixtures.record("Scenarios/89_local_modules.py")
        // Iteration 3: main waits in the scenario; the delay tasks sleep in util.py.
        let inModule = Panels.at(iteration: 3, in: store, selectedTask: 1)
        #expect(inModule.sourcePath == "util.py")
        let current = try #require(inModule.source.first { $0.isCurrent })
        #expect(current.text.contains("await asyncio.sleep(delay_seconds)"))
        #expect(current.tasks == [1, 2])
        let inScenario = Panels.at(iteration: 3, in: store, selectedTask: 0)
        #expect(inScenario.sourcePath == "Scenarios/89_local_modules.py")
        #expect(try #require(inScenario.source.first { $0.isCurrent }).text.contains("await asyncio.gather("))
        #expect(Panels.at(iteration: 3, in: store).sourceFile == 0)
    }

    @Test func ansiEncodingResetsAtLineEnds() {
        var grid = CellGrid(width: 4, height: 1)
        grid.put("ab", x: 0, y: 0, style: CellStyle(foreground: .red, attributes: .bold))
        #expect(GridText.ansi(grid) == "\u{1B}[0;1;31mab\u{1B}[0m\n")
        #expect(GridText.plain(grid) == "ab\n")
    }

    /// Threads get lanes of their own under LOOP, named with what they run; their waits
    /// for the GIL (and the loop's) look different from running and sleeping.
    @Test func threadLanesShowRunningSleepingAndGILWaits() throws {
        let store = TestSupport.record(source: """
            # loopscope: cpu-cost=realistic
            import asyncio, time
            def blocking_io():
                time.sleep(0.05)
            def count(n):
                while n:
                    n -= 1
            async def main():
                await asyncio.gather(asyncio.to_thread(blocking_io), asyncio.to_thread(count, 1_000_000),
                                     asyncio.to_thread(count, 1_000_000))
            asyncio.run(main())
            """, path: "threads.py")
        #expect(store.threadCount >= 3)
        let labels = (0..<store.threadCount).map { store.threadLabel($0) }
        #expect(labels.contains("asyncio_0 blocking_io"))
        #expect(labels.contains("asyncio_1 count"))
        let grid = TimelineLayout.render(store, Viewport.fit(store, axis: .time, width: 100), glyphs: Glyphs(ascii: false))
        let rows = (0..<grid.height).map { grid.text(row: $0) }
        // LOOP, then the threads, then the tasks.
        #expect(rows[1].hasPrefix("LOOP"))
        #expect(rows[2].hasPrefix("asyncio_0 blockin"))
        #expect(rows[2].contains("▒"), "time.sleep is a blocking sleep")
        #expect(rows[3].hasPrefix("asyncio_1 count") && rows[3].contains("╌") && rows[3].contains("█"))
        #expect(rows.contains { $0.contains("╌ waiting for the GIL") }, "the legend explains it")
        let plain = try #require(Fixtures.record("Scenarios/01_hello.py") as TraceStore?)
        let hello = TimelineLayout.render(plain, Viewport.fit(plain, axis: .time, width: 100), glyphs: Glyphs(ascii: false))
        #expect(!(0..<hello.height).contains { hello.text(row: $0).contains("GIL") }, "no threads, no GIL in the legend")
    }
}

