import Explorer
import LoopTrace
import Timeline
#if canImport(Glibc)
import Glibc
#endif

/// The interactive explorer on a real terminal: the input loop around `ExplorerState`.
public enum ExplorerApp {
    /// Runs until `q` (status 0) or a signal (128 + its number). The terminal is restored
    /// before this returns. The first frame is drawn at once, whatever the feed still has to
    /// simulate or read; while it works in the background the screen is redrawn a few times
    /// a second to show its progress, and each key and frame takes the store for a turn.
    /// Keys typed in a burst are all handled before the frame that shows them (`FramePacer`).
    /// With `whatIf`, the `w` panel changes the scenario's parameters: each change is a new
    /// run (a new feed), compared with the one before once both have finished.
    public static func run(_ initialFeed: TraceFeed, mode: String, glyphs: Glyphs, useColor: Bool,
                           whatIf session: WhatIfSession? = nil) -> Int32 {
        let terminal = Terminal(useColor: useColor)
        defer { terminal.end() }
        func listenForSignals(_ feed: TraceFeed) {
            // A long simulation step must not make the UI deaf to SIGINT/SIGTERM.
            (feed as? LazySimulation)?.whileWaiting = {
                let sig = Terminal.takeSignal()
                if sig != 0 {
                    terminal.end()
                    _exit(128 + sig)
                }
            }
        }
        var feed = initialFeed
        listenForSignals(feed)
        let (w, h) = terminal.size
        var state = feed.withStore { ExplorerState.opening(feed, mode: mode, width: w, height: h) }
        state.whatIf = session?.overlay()
        var lastTick = now()
        var pacer = FramePacer()
        var working = true
        while true {
            let sig = Terminal.takeSignal()
            if sig != 0 { return 128 + sig }
            if pacer.shouldDraw(at: now(), working: working) {
                feed.withStore {
                    working = feed.progress != nil
                    state.backgroundUpdate(feed)
                    let rendered = Screen.render(feed.store, stories: feed.stories, model: state.model(feed), glyphs: glyphs)
                    state.geometry = rendered.geometry
                    terminal.draw(rendered.grid)
                }
                pacer.drew(at: now())
            }
            let idle = state.playing ? max(10, Int((state.playDelay - (now() - lastTick)) * 1000)) : 100
            let key = terminal.readKey(timeout: pacer.inputWait(at: now(), working: working, idle: min(idle, 100)))
            if terminal.hungUp { return 128 + SIGHUP }
            if key == nil { pacer.inputWasQuiet() }
            if let key {
                // Quitting never waits for the store.
                if key == .character("q") || key == .character("Q"), !state.capturesKeys { return 0 }
                feed.withStore { state.handle(key, feed) }
                // `c`: the scenario runs again with the other cost model.
                if let rerun = feed.withStore({ state.rerunWithOtherCost(feed) }) {
                    session?.replaceShownRun(with: rerun)
                    feed = rerun
                    listenForSignals(feed)
                }
                pacer.changed(at: now())
                if state.quit { return 0 }
                if let request = state.whatIfRequest, let session {
                    state.whatIfRequest = nil
                    let error = perform(request, session)
                    if session.feed !== feed {
                        feed = session.feed
                        listenForSignals(feed)
                        feed.withStore { state.replaceFeed(feed) }
                        working = true
                    }
                    state.refreshWhatIf(session.overlay(), error: error)
                }
            }
            if let session, session.comparisonPending, let comparison = session.comparison() {
                feed.withStore { state.showComparison(comparison, feed) }
                state.refreshWhatIf(session.overlay())
                pacer.changed(at: now())
            }
            if state.playing, now() - lastTick >= state.playDelay {
                feed.withStore { state.tick(feed) }
                lastTick = now()
                pacer.changed(at: now())
            } else if !state.playing {
                lastTick = now()
            }
        }
    }

    /// Does what the what-if panel asked; the message says why it could not.
    private static func perform(_ request: WhatIfRequest, _ session: WhatIfSession) -> String? {
        switch request {
        case .set(let index, let value):
            return session.set(index, to: value)?.message
        case .undo:
            return session.undo() ? nil : "nothing to undo: this is the first run"
        }
    }

    private static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
