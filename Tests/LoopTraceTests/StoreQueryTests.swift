import Testing
import LoopSimulator
import PythonRuntime
import TestSupport
@testable import LoopTrace

@Suite struct StoreQueryTests {
    let store = Fixtures.record("Scenarios/03_create_task_order.py")

    @Test func tasksInCreationOrder() {
        #expect(store.tasks.map(\.name).prefix(4) == ["Task-1", "Task-2", "Task-3", "Task-4"])
        #expect(store.task(at: 1).coroutine == "worker")
        #expect(store.task(at: 1).creator == 1)
        #expect(store.task(at: 1).line == 17)
    }

    @Test func loopStateAtAnIteration() throws {
        let loop = try #require(store.loopState(atIteration: 2))
        #expect(loop.ready.map(\.description) == ["Task-2.step", "Task-3.step", "Task-4.step", "Task-1.step"])
        #expect(loop.callbacks.map(\.description) == ["Task-2.step", "Task-3.step", "Task-4.step", "Task-1.step"])
        #expect(loop.timers.isEmpty)
    }

    @Test func taskStateAndParkedLine() {
        // When iteration 3 begins, main awaits t1 (line 23) and the workers are ready after sleep(0).
        let main = store.taskStatus(0, atIteration: 3)
        #expect(main.state == .waiting)
        #expect(main.line == 23)
        #expect(main.detail == "task Task-2")
        #expect(store.taskStatus(1, atIteration: 3).state == .ready)
        #expect(store.taskStatus(1, atIteration: 3).line == 10)
        #expect(store.taskStatus(1, atIteration: 4).state == .absent)
    }

    @Test func aTaskRunningOnlyAsyncioCodeParksAtNoLineOfTheProgram() {
        // The sleeper is asyncio.sleep itself: parked inside the prelude, at no line of
        // inline.py (its line 21 was the prelude's, shown as the scenario's), as the
        // recorder says of the same program. Main parks at its own line.
        let store = TestSupport.record(source: """
            import asyncio

            async def main():
                sleeper = asyncio.create_task(asyncio.sleep(5), name="sleeper")
                await asyncio.sleep(0)
                await asyncio.sleep(0)
                sleeper.cancel()
                await asyncio.sleep(0)

            asyncio.run(main())
            """, path: "inline.py")
        // Iteration 3 begins with the sleeper parked (its first step ran in iteration 2)
        // and main between its two sleep(0)s.
        let sleeper = store.taskStatus(1, atIteration: 3)
        #expect(sleeper.state == .sleeping)
        #expect(sleeper.line == nil)
        #expect(store.taskStatus(0, atIteration: 3).line == 6)
    }

    @Test func timerHeapShowsDeadlinesAndWhatTheyWake() throws {
        let sleepy = Fixtures.record("Scenarios/04_cancel_sleeping.py")
        let loop = try #require(sleepy.loopState(atIteration: 3))
        #expect(!loop.timers.isEmpty)
        let timer = loop.timers[0]
        #expect(timer.description == "_set_result_unless_cancelled")
        #expect(timer.wakes != nil)
        #expect(loop.timers.map(\.deadline) == loop.timers.map(\.deadline).sorted())
    }

    @Test func outputUpToAPoint() throws {
        let end = try #require(store.iteration(1)).endEvent
        #expect(store.output(before: end).map(\.text) == ["created t1\n", "created t2\n", "created t3\n", "main continues\n"])
        #expect(store.output().count == 12)
    }

    /// A callback and a step each cost 12 bytes (a million-step run keeps a million of
    /// each): the callback's "joined after the start" flag rides in its slot's sign.
    @Test func callbackAndStepRecordsAreTwelveBytes() {
        #expect(MemoryLayout<TraceStore.CallbackRecord>.stride == 12)
        #expect(MemoryLayout<TraceStore.StepRecord>.stride == 12)
        for slot: Int32 in [0, 1, 7, Int32.max] {
            for joined in [false, true] {
                let record = TraceStore.CallbackRecord(event: 3, slot: slot, joinedAfterStart: joined)
                #expect(record.slot == slot && record.joinedAfterStart == joined)
            }
        }
        #expect(store.stepCount(task: 0) == store.steps.filter { store.events[Int($0.startEvent)].a == 1 }.count)
    }

    /// A level made when the one below gets its second entry covers both entries (it
    /// covered only the second, so a range holding the first block whole missed a first
    /// value larger than the rest, such as a task's creation before its ready segments).
    @Test func pyramidMaximaCoverTheFirstValues() {
        for first in [UInt8(5), 1] {
            var pyramid = MaxPyramid()
            pyramid.append(first)
            for _ in 1..<(MaxPyramid.fanout * MaxPyramid.fanout * 2) { pyramid.append(1) }
            for end in [2, 32, 64, 1024, pyramid.count] {
                #expect(pyramid.max(in: 0..<end) == first, "0..<\(end)")
            }
            #expect(pyramid.max(in: 1..<pyramid.count) == 1)
        }
        // Values appended in any order: every range's maximum is the values' maximum.
        var rng = SplitMix64(seed: 7)
        var pyramid = MaxPyramid(), values: [UInt8] = []
        for _ in 0..<3000 {
            let v = UInt8.random(in: 0...13, using: &rng)
            pyramid.append(v)
            values.append(v)
        }
        for _ in 0..<500 {
            let a = Int.random(in: 0..<values.count, using: &rng), b = Int.random(in: a...values.count, using: &rng)
            #expect(pyramid.max(in: a..<b) == (values[a..<b].max() ?? 0))
        }
    }

    /// Strings are interned once each, whatever the table's growth; ids count up from 0.
    @Test func stringTableInternsEachTextOnce() {
        var table = StringTable()
        let texts = (0..<5000).map { "Task-\($0).step" } + ["", "sleep(0)", String(repeating: "long text ", count: 20)]
        let ids = texts.map { table.intern($0) }
        #expect(ids == (0..<Int32(texts.count)).map { $0 })
        #expect(texts.map { table.intern($0, hash: StringTable.hash($0)) } == ids)
        #expect(ids.map { table[$0] } == texts)
    }

    /// `taskPlaces` is `taskStatus` without the detail, for every task at once.
    @Test func taskPlacesAreTheStatusesWithoutTheirDetail() {
        for k in [0, 1, 2, 3, store.lastIteration / 2, store.lastIteration, store.lastIteration + 1] {
            let places = store.taskPlaces(atIteration: k)
            #expect(places.count == store.taskCount)
            for (t, place) in places.enumerated() {
                let status = store.taskStatus(t, atIteration: k)
                #expect(place == TaskPlace(state: status.state, line: status.line, file: status.file), "task \(t) at \(k)")
            }
        }
    }

    @Test func laneSummaryPrefersTheMostImportantState() {
        var lane = Lane()
        lane.append(time: 0, slot: 0, state: .waiting)
        lane.append(time: 1, slot: 1, state: .running)
        lane.append(time: 1, slot: 1, state: .cpuBurst)
        lane.append(time: 2, slot: 1, state: .running)
        lane.append(time: 2, slot: 2, state: .sleeping)
        #expect(lane.summary(from: 0, to: 3, axis: .time) == .cpuBurst)
        #expect(lane.summary(from: 0, to: 0.5, axis: .time) == .waiting)
        #expect(lane.summary(from: 2.5, to: 3, axis: .time) == .sleeping)
        #expect(lane.summary(from: 2, to: 3, axis: .steps) == .sleeping)
        #expect(lane.summary(from: 1, to: 2, axis: .steps) == .cpuBurst)
    }

    @Test func pyramidMatchesAScan() {
        var p = MaxPyramid()
        var values: [UInt8] = []
        var seed: UInt64 = 42
        for _ in 0..<5000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let v = UInt8((seed >> 33) % 13)
            values.append(v)
            p.append(v)
        }
        for (lo, hi) in [(0, 5000), (3, 4), (31, 1025), (1000, 1000), (4990, 5000), (7, 3333)] {
            #expect(p.max(in: lo..<hi) == (values[lo..<hi].max() ?? 0))
        }
    }
}

/// The ready queue and timer heap the store rebuilds from handle events (traces carry no
/// per-iteration snapshot of them).
@Suite struct RebuiltLoopStateTests {
    @Test("the rebuilt queue and heap have the sizes the loop reported", arguments: try Fixtures.scenarioPaths())
    func sizesMatchTheLoop(_ path: String) throws {
        let store = Fixtures.record(path)
        for k in 1...max(1, store.iterationCount) {
            guard let info = store.iteration(k), let loop = store.loopState(atIteration: k) else { continue }
            #expect(loop.ready.count == info.readyCount, "iteration \(k) of \(path): ready")
            #expect(loop.timers.count == info.timerCount, "iteration \(k) of \(path): timers")
        }
    }

    @Test func cancelledHandlesStayQueuedUntilTheLoopDropsThem() throws {
        let store = TestSupport.record(source: """
            import asyncio

            def hello(n):
                print("hello", n)

            async def main():
                loop = asyncio.get_running_loop()
                loop.call_soon(hello, 1)
                skipped = loop.call_soon(hello, 2)
                skipped.cancel()
                late = loop.call_later(5, hello, 3)
                loop.call_later(1, hello, 4)
                await asyncio.sleep(0)
                late.cancel()
                await asyncio.sleep(2)

            asyncio.run(main())
            """, path: "inline.py")
        // Iteration 2 starts with both call_soon handles, the cancelled one included, then
        // main's next step; it skips the cancelled one. Both timers are in the heap.
        let second = try #require(store.loopState(atIteration: 2))
        #expect(second.ready.map(\.description) == ["hello", "hello", "Task-1.step"])
        #expect(second.ready.map(\.cancelled) == [false, true, false])
        #expect(second.callbacks.map(\.description) == ["hello", "Task-1.step"])
        #expect(second.timers.map(\.deadline) == [1, 5])
        #expect(second.timers.map(\.cancelled) == [false, false])
        // Main cancels the 5 s timer and sleeps 2 s: the cancelled timer stays in the heap,
        // marked, until it reaches the head (iteration 5), where the loop drops it.
        let third = try #require(store.loopState(atIteration: 3))
        #expect(third.timers.map(\.deadline) == [1, 2, 5])
        #expect(third.timers.map(\.cancelled) == [false, false, true])
        #expect(third.timers.map(\.description) == ["hello", "_set_result_unless_cancelled", "hello"])
        #expect(third.timers[1].wakes == 1)
        #expect(try #require(store.loopState(atIteration: 4)).timers.map(\.deadline) == [2, 5])
        let fifth = try #require(store.loopState(atIteration: 5))
        #expect(fifth.timers.isEmpty)
        #expect(fifth.ready.map(\.description) == ["Task-1.wakeup"])
    }

    @Test func aTimerLeftPendingStaysInTheHeapUntilTheLoopCloses() throws {
        // asyncio.run closes the loop with the 5 s timer still scheduled: close() drops it
        // after the last iteration ended, so that iteration still began with it in the heap.
        let store = TestSupport.record(source: """
            import asyncio

            def hello():
                print("hello")

            async def main():
                asyncio.get_running_loop().call_later(5.0, hello)
                await asyncio.sleep(0.1)

            asyncio.run(main())
            """, path: "inline.py")
        let last = store.iterationCount
        let info = try #require(store.iteration(last))
        let state = try #require(store.loopState(atIteration: last))
        #expect(info.timerCount == 1)
        #expect(state.timers.map(\.deadline) == [5])
        #expect(state.timers.map(\.description) == ["hello"])
    }
}
