#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Explorer
import LoopSimulator
import LoopTrace
import Timeline

/// The explorer's responsiveness as a user meets it, without a terminal: time to the first
/// frame, time until the whole run is known (simulated, or read and indexed), and the time
/// each key takes (handling plus one full frame) on the whole run.
struct ExploreBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Time the interactive explorer on a scenario or a trace: first frame, whole run known, each key."
    )

    @ArgumentParser.Argument(help: "A scenario (.py) or a trace (.jsonl).")
    var file: String

    @Option(help: "Screen size, COLSxROWS.")
    var size = "200x60"

    func run() throws {
        let parts = size.split(separator: "x").compactMap { Int($0) }
        let (width, height) = parts.count == 2 ? (parts[0], parts[1]) : (200, 60)
        let glyphs = Glyphs(ascii: false)
        let t0 = now()
        let feed: TraceFeed
        if let recording = RecordingInProgress(file) {
            // A trace being written (`OUT.part`): followed as `open` follows it.
            feed = try recording.follow()
        } else if file.hasSuffix(".jsonl") || isTraceFile(file) {
            feed = try openTrace(file)
        } else {
            feed = try openScenario(source: try loadScenario(file), path: file, options: SimulationOptions())
        }
        var state = feed.withStore { ExplorerState.opening(feed, mode: "bench", width: width, height: height) }
        func frame() {
            feed.withStore {
                state.backgroundUpdate(feed)
                let r = Screen.render(feed.store, stories: feed.stories, model: state.model(feed), glyphs: glyphs)
                state.geometry = r.geometry
            }
        }
        frame()
        report("first frame: \(ms(now() - t0)) ms (target < 300 ms)")
        // Keys while the run is still being worked on.
        var worst = 0.0
        var keysDuring = 0
        while !feed.withStore({ feed.isComplete || feed.progress == nil }) {
            let k0 = now()
            feed.withStore { state.handle(keysDuring % 2 == 0 ? .down : .character("n"), feed) }
            frame()
            worst = max(worst, now() - k0)
            keysDuring += 1
            usleep(20_000)
        }
        let whole = now() - t0
        let events = feed.withStore { feed.store.eventCount }
        report("whole run known: \(fmt(whole)) s (\(events) events, \(feed.withStore { feed.store.taskCount }) tasks)")
        if keysDuring > 0 { report("\(keysDuring) keys meanwhile, slowest (key + frame): \(ms(worst)) ms") }
        let bytes = feed.withStore { feed.store.approximateBytes }
        report("memory: \(fmt(Double(bytes) / Double(max(1, events)))) bytes per event in the store's arrays and strings")

        // Each key on the whole run, at the zooms and views a user goes through.
        let keys: [(String, Key)] = [
            ("End", .end), ("Home", .home), ("n", .character("n")), ("fit (f)", .character("f")),
            ("zoom in (+)", .character("+")), ("zoom out (-)", .character("-")), ("pan (→)", .right),
            ("axis (a)", .character("a")), ("axis back (a)", .character("a")), ("task (↓)", .down), ("Enter", .enter),
            ("PgDn", .pageDown), ("PgUp", .pageUp), ("go to (g 50 ⏎)", .character("g")),
        ]
        var slowest = 0.0
        for (name, key) in keys {
            let k0 = now(), c0 = threadCPU()
            feed.withStore {
                state.handle(key, feed)
                if case .character("g") = key {
                    for c in "50" { state.handle(.character(c), feed) }
                    state.handle(.enter, feed)
                }
            }
            frame()
            let dt = now() - k0, cpu = threadCPU() - c0
            slowest = max(slowest, cpu)
            report("key \(name): \(ms(dt)) ms, \(ms(cpu)) ms of CPU")
        }
        report("slowest key: \(ms(slowest)) ms of CPU (target < 16 ms; wall time is longer on a busy machine)")

        // Every key at the widest zoom (the whole run fitted to the width, each column
        // summarising thousands of steps), from the same starting point each time.
        let typed: (String) -> [Key] = { text in text.map { Key.character($0) } }
        let wide: [(String, [Key])] = [
            ("n", [.character("n")]), ("N", [.character("N")]), ("s", [.character("s")]), ("S", [.character("S")]),
            ("End", [.end]), ("Home", [.home]), ("←", [.left]), ("→", [.right]), ("+", [.character("+")]),
            ("-", [.character("-")]), ("f", [.character("f")]), ("a", [.character("a")]), ("↓", [.down]), ("↑", [.up]),
            ("Tab", [.tab]), ("PgDn", [.pageDown]), ("PgUp", [.pageUp]), ("wheel", [.scrollDown]), ("Enter", [.enter]),
            ("g 50 ⏎", typed("g50") + [.enter]), ("g 0.5s ⏎", typed("g0.5s") + [.enter]),
            ("/ (opens)", [.character("/")]), ("/work ⏎", typed("/work") + [.enter]), ("/sleep ⏎", typed("/sleep") + [.enter]),
            ("o (running)", typed("o")), ("o o (steps)", typed("oo")), ("o o o (waiting)", typed("ooo")),
            ("o o o o (failed)", typed("oooo")), ("G", typed("G")), ("G Enter", typed("G") + [.enter]),
            ("t", typed("t")), ("t →", typed("t") + [.right]), ("t → → i", typed("t") + [.right, .right, .character("i")]),
            ("t Enter", typed("t") + [.enter]), ("<", typed("<")), (">", typed(">")), ("2", typed("2")), ("l", typed("l")),
            ("[", typed("[")), ("]", typed("]")), ("?", typed("?")), ("click", [.click(x: width / 2, y: 3)]),
        ]
        var slowestWide = (0.0, "")
        for (name, keys) in wide {
            // Back to the start: the widest zoom, no filter, grouping, table or sort.
            feed.withStore { state = ExplorerState.opening(feed, mode: "bench", width: width, height: height) }
            frame()
            feed.withStore { state.handle(.character("f"), feed) }
            frame()
            // Each key of the sequence is measured (typing a filter re-filters at each
            // character): the slowest is reported.
            var worstKey = 0.0
            for key in keys {
                let c0 = threadCPU()
                feed.withStore { state.handle(key, feed) }
                frame()
                worstKey = max(worstKey, threadCPU() - c0)
            }
            if worstKey > slowestWide.0 { slowestWide = (worstKey, name) }
            report("widest zoom, \(name): \(ms(worstKey)) ms of CPU\(keys.count > 1 ? " (its slowest key)" : "")")
        }
        report("slowest key at the widest zoom: \(slowestWide.1), \(ms(slowestWide.0)) ms of CPU (target < 16 ms)")
    }

    /// CPU seconds this thread has used (what a key costs, whatever else the machine runs).
    private func threadCPU() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    private func report(_ line: String) { Console.out(line + "\n"); Console.flush() }
    private func ms(_ s: Double) -> String { fmt(s * 1000) }
    private func fmt(_ v: Double) -> String { "\((v * 10).rounded() / 10)" }
}
