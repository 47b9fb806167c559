import LoopSimulator
import Testing

/// The events a deadline leaves in a trace: `timeoutFired` names the task whose deadline
/// passed and where the program's own code in it stands, and comes just before the cancel
/// it causes, as CPython 3.11 runs them (the timer fires, then the task is cancelled) and
/// as the recorder writes a real run's. No line of asyncio's prelude is given as a line of
/// the program's file.
@Suite("Timeout events")
struct TimeoutEventTests {
    static let program = """
        import asyncio

        async def slow():
            await asyncio.sleep(10)

        async def main():
            try:
                async with asyncio.timeout(0.5):
                    await slow()
            except TimeoutError:
                print("timeout")
            try:
                await asyncio.wait_for(slow(), 0.5)
            except TimeoutError:
                print("wait_for")
            t = asyncio.create_task(asyncio.wait_for(slow(), 0.5))
            try:
                await t
            except TimeoutError:
                print("bare")
            try:
                await asyncio.wait_for(slow(), 0)
            except TimeoutError:
                print("at once")

        asyncio.run(main())
        """

    /// (kind, task, line, file) of the timeout and cancel events, in order.
    static func deadlines() -> (String, [(String, Int?, Int, Int)]) {
        let recorder = EventRecorder()
        var out = ""
        _ = Simulation(source: program, path: "deadlines.py").run(sink: recorder, stdout: { out += $0 }, stderr: { _ in })
        let events = recorder.events.compactMap { e -> (String, Int?, Int, Int)? in
            switch e.kind {
            case .timeoutFired(let task, let line, let file): return ("timeout", task, line, file)
            case .cancelRequested(let task, _, _, let line, let file): return ("cancel", task, line, file)
            default: return nil
            }
        }
        return (out, events)
    }

    @Test func eachDeadlineIsToldBeforeTheCancelItCauses() {
        let (out, events) = Self.deadlines()
        #expect(out == "timeout\nwait_for\nbare\nat once\n")
        #expect(events.map(\.0) == ["timeout", "cancel", "timeout", "cancel", "timeout", "cancel", "timeout", "cancel"])
        // asyncio.timeout: main (task 1) stands in slow() at line 4 when its Timeout's
        // timer fires; the timer's callback, asyncio's code alone, cancels main: no line.
        #expect(events[0] == ("timeout", 1, 4, 0))
        #expect(events[1] == ("cancel", 1, 0, 0))
        // wait_for in main: the deadline at main's wait_for line (13), then main cancels
        // the task wrapping slow() from there.
        #expect(events[2].1 == 1 && events[2].2 == 13 && events[2].3 == 0)
        #expect(events[3].2 == 13 && events[3].1 != 1)
        // A task that runs wait_for alone has no line of the program (not the prelude's).
        #expect(events[4].2 == 0 && events[4].3 == 0 && events[4].1 != 1)
        #expect(events[5].2 == 0 && events[5].3 == 0)
        // A deadline already passed (timeout 0) is a timeout too.
        #expect(events[6] == ("timeout", 1, 22, 0))
        #expect(events[7].2 == 22)
    }
}
