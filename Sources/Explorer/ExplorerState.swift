import LoopTrace
import Timeline

/// The interactive explorer's state and what every key does to it: cursor, stepping,
/// playback, pan and zoom, axis, selection, panels, the `g` prompt, the help overlay.
/// No terminal here: the ncurses front end feeds keys in and draws `model(...)`, and unit
/// tests do the same with a recorded trace or a lazy simulation.
public struct ExplorerState: Sendable, Equatable {
    public var axis: Axis = .steps
    /// The iteration under the cursor; 0 is "before the loop's first iteration".
    public var cursor = 0
    /// With `s`/`S`: the callback of the cursor's iteration that is highlighted.
    public var callbackIndex: Int?
    /// Pan (first lane column's position) and zoom (positions per column).
    public var start = 0.0
    public var span = 1.0
    public var selectedTask: Int? = 0
    public var playing = false
    /// Seconds between iterations while playing.
    public var playDelay = 0.4
    public var panels = Set(PanelKind.allCases)
    public var legend = true
    public var help = false
    public var prompt: String?
    public var message: String?
    public var width = 80
    public var height = 24
    /// Where the last frame put the lanes (for clicks).
    public var geometry: ScreenGeometry?
    public var quit = false
    /// "live" or "replay".
    public var mode: String

    /// How far past the cursor the lazy simulation is kept ahead, so lanes show what comes.
    public static let lookahead = 200

    public init(mode: String, width: Int = 80, height: Int = 24) {
        self.mode = mode
        self.width = width
        self.height = height
    }

    /// The state a feed opens in: cursor on the first iteration, one column per callback.
    public static func opening(_ feed: TraceFeed, mode: String, width: Int, height: Int) -> ExplorerState {
        var s = ExplorerState(mode: mode, width: width, height: height)
        feed.extend(toIteration: lookahead)
        s.cursor = 0
        if feed.store.taskCount == 0 { s.selectedTask = nil }
        return s
    }

    // MARK: The screen

    public func model(_ feed: TraceFeed) -> ScreenModel {
        var v = Viewport(axis: axis, start: start, span: span, width: width, height: nil,
                         selectedTask: selectedTask, cursorIteration: cursor, mode: nil)
        v.cursorIteration = feed.store.iteration(cursor) == nil ? nil : cursor
        var m = ScreenModel(width: width, height: height, viewport: v)
        m.cursor = cursor
        m.moreToCome = !feed.isComplete
        m.mode = mode
        m.playing = playing
        m.playDelay = playDelay
        m.panels = panels
        m.legend = legend
        m.help = help
        m.prompt = prompt
        m.message = message
        m.callbackIndex = callbackIndex
        m.endNote = feed.endNote
        return m
    }

    // MARK: Keys

    public mutating func handle(_ key: Key, _ feed: TraceFeed) {
        if case .resize(let w, let h) = key {
            width = w
            height = h
            follow(feed.store)
            return
        }
        if help {
            help = false
            return
        }
        if prompt != nil {
            handlePrompt(key, feed)
            return
        }
        message = nil
        switch key {
        case .character(let c):
            handleCharacter(c, feed)
        case .up: select(by: -1, feed.store, wrap: false)
        case .down: select(by: 1, feed.store, wrap: false)
        case .tab: select(by: 1, feed.store, wrap: true)
        case .backTab: select(by: -1, feed.store, wrap: true)
        case .left: pan(by: -1, feed.store)
        case .right: pan(by: 1, feed.store)
        case .pageUp: go(toIteration: cursor - 10, feed)
        case .pageDown: go(toIteration: cursor + 10, feed)
        case .home: go(toIteration: 0, feed)
        case .end:
            feed.extend(toIteration: feed.store.lastIteration + 1000)
            go(toIteration: feed.store.lastIteration, feed)
        case .enter: jumpToNextStep(feed)
        case .escape:
            playing = false
            callbackIndex = nil
        case .backspace: break
        case .click(let x, let y): click(x: x, y: y, feed)
        case .resize: break
        }
    }

    private mutating func handleCharacter(_ c: Character, _ feed: TraceFeed) {
        switch c {
        case "q", "Q": quit = true
        case "n", " ": next(feed)
        case "N", "p": previous(feed)
        case "s": nextCallback(feed)
        case "S": previousCallback(feed)
        case "r":
            playing.toggle()
            if playing, feed.isComplete, cursor >= feed.store.lastIteration { cursor = 0; follow(feed.store) }
        case "[": playDelay = min(3, playDelay * 1.5)
        case "]": playDelay = max(0.02, playDelay / 1.5)
        case "g": prompt = ""
        case "+", "=": zoom(by: 0.5, feed.store)
        case "-", "_": zoom(by: 2, feed.store)
        case "f": fit(feed.store)
        case "a":
            axis = axis == .steps ? .time : .steps
            if axis == .time { fit(feed.store) } else { span = 1; start = 0 }
            follow(feed.store)
        case "?", "h": help = true
        case "l": legend.toggle()
        case "1", "2", "3", "4", "5":
            let panel = PanelKind(rawValue: Int(String(c))! - 1)!
            if panels.contains(panel) { panels.remove(panel) } else { panels.insert(panel) }
        default: break
        }
    }

    private mutating func handlePrompt(_ key: Key, _ feed: TraceFeed) {
        switch key {
        case .escape: prompt = nil
        case .backspace:
            if prompt?.isEmpty == false { prompt?.removeLast() }
        case .enter:
            let text = prompt ?? ""
            prompt = nil
            submit(text, feed)
        case .character(let c) where !c.isNewline && (prompt?.count ?? 0) < 24:
            prompt?.append(c)
        default: break
        }
    }

    /// `12` (or `i12`) goes to iteration 12; `1.5s`, `t1.5` or `1.5` go to that virtual time.
    private mutating func submit(_ text: String, _ feed: TraceFeed) {
        var t = text.trimmingSpaces.lowercased()
        if t.isEmpty { return }
        var isTime = t.contains(".")
        if t.hasPrefix("t") { isTime = true; t.removeFirst() }
        if t.hasSuffix("s") { isTime = true; t.removeLast() }
        if t.hasPrefix("i") { t.removeFirst() }
        if isTime, let seconds = Double(t), seconds >= 0, seconds.isFinite {
            go(toTime: seconds, feed)
        } else if !isTime, let k = Int(t) {
            go(toIteration: k, feed)
        } else {
            message = "not an iteration or a time: \(text) (try 12 or 1.5s)"
        }
    }

    // MARK: Moving the cursor

    public mutating func next(_ feed: TraceFeed) {
        go(toIteration: cursor + 1, feed)
    }

    public mutating func previous(_ feed: TraceFeed) {
        if cursor <= 0 { message = "this is the start: the loop has not run yet"; return }
        go(toIteration: cursor - 1, feed)
    }

    /// One tick of playback: the next iteration, stopping at the end.
    public mutating func tick(_ feed: TraceFeed) {
        guard playing else { return }
        go(toIteration: cursor + 1, feed)
        if message != nil { playing = false }
    }

    public mutating func go(toIteration k: Int, _ feed: TraceFeed) {
        callbackIndex = nil
        let store = feed.store
        if k + Self.lookahead / 4 > store.lastIteration { feed.extend(toIteration: k + Self.lookahead) }
        let last = store.lastIteration
        if k > last {
            cursor = last
            message = "end of the run: iteration \(last) is the last"
        } else {
            cursor = max(0, k)
        }
        follow(store)
    }

    public mutating func go(toTime t: Double, _ feed: TraceFeed) {
        var rounds = 0
        while !feed.isComplete, t > feed.store.endTime, rounds < 50 {
            feed.extend(toIteration: feed.store.lastIteration + 1000)
            rounds += 1
        }
        if t > feed.store.endTime, !feed.isComplete {
            message = "t=\(TimelineLayout.formatSeconds(t)) not reached after \(feed.store.lastIteration) iterations"
        }
        go(toIteration: feed.store.iteration(reaching: t), feed)
    }

    private mutating func nextCallback(_ feed: TraceFeed) {
        let count = feed.store.loopState(atIteration: cursor)?.callbacks.count ?? 0
        let i = (callbackIndex ?? -1) + 1
        if i < count {
            callbackIndex = i
        } else {
            next(feed)
            if message != nil { return }
            callbackIndex = (feed.store.loopState(atIteration: cursor)?.callbacks.isEmpty ?? true) ? nil : 0
        }
        selectCallbackTask(feed.store)
    }

    private mutating func previousCallback(_ feed: TraceFeed) {
        if let i = callbackIndex, i > 0 {
            callbackIndex = i - 1
        } else {
            previous(feed)
            if message != nil { return }
            let count = feed.store.loopState(atIteration: cursor)?.callbacks.count ?? 0
            callbackIndex = count > 0 ? count - 1 : nil
        }
        selectCallbackTask(feed.store)
    }

    /// Selects the task whose step the highlighted callback is, and keeps its column visible.
    private mutating func selectCallbackTask(_ store: TraceStore) {
        guard let i = callbackIndex, let state = store.loopState(atIteration: cursor), i < state.callbacks.count else { return }
        let cb = state.callbacks[i]
        if let id = cb.task, let t = store.taskIndex(id: id) { selectedTask = t }
        if axis == .steps { keepVisible(Double(cb.slot), store) }
    }

    private mutating func jumpToNextStep(_ feed: TraceFeed) {
        guard let t = selectedTask else { message = "select a task first (↑/↓)"; return }
        var next = feed.stories.nextStep(of: t, after: cursor)
        var rounds = 0
        while next == nil, !feed.isComplete, rounds < 10 {
            feed.extend(toIteration: feed.store.lastIteration + 1000)
            next = feed.stories.nextStep(of: t, after: cursor)
            rounds += 1
        }
        guard let k = next else {
            message = "\(TimelineLayout.label(feed.store.task(at: t))) takes no step after iteration \(cursor)"
            return
        }
        go(toIteration: k, feed)
        let id = feed.store.task(at: t).id
        callbackIndex = feed.store.loopState(atIteration: k)?.callbacks.firstIndex { $0.task == id }
        selectCallbackTask(feed.store)
    }

    private mutating func select(by delta: Int, _ store: TraceStore, wrap: Bool) {
        let n = store.taskCount
        guard n > 0 else { return }
        let current = selectedTask ?? (delta > 0 ? -1 : n)
        var next = current + delta
        if wrap { next = (next % n + n) % n } else { next = min(max(0, next), n - 1) }
        selectedTask = next
    }

    private mutating func click(x: Int, y: Int, _ feed: TraceFeed) {
        guard let g = geometry else { return }
        if let lane = g.laneRows[y], let t = lane { selectedTask = t }
        guard g.timelineRows.contains(y), x >= g.laneX0, x < g.laneX0 + g.laneColumns else { return }
        let (from, _) = g.viewport.range(ofColumn: x - g.laneX0)
        let store = feed.store
        switch axis {
        case .steps:
            let slot = Int(from)
            guard slot < store.slotCount else { return }
            let k = store.iteration(atSlot: slot)
            go(toIteration: k, feed)
            callbackIndex = store.loopState(atIteration: k)?.callbacks.firstIndex { $0.slot == slot }
        case .time:
            guard from <= store.endTime else { return }
            go(toIteration: store.iteration(atTime: from), feed)
        }
    }

    // MARK: Pan and zoom

    func laneColumns(_ store: TraceStore) -> Int { TimelineLayout.laneColumns(store, width: width) }

    /// The cursor's position on the current axis.
    func position(_ store: TraceStore) -> Double {
        switch axis {
        case .steps: return Double(store.slot(ofIteration: cursor) ?? 0)
        case .time: return store.iteration(cursor)?.startTime ?? 0
        }
    }

    /// Pans so the cursor's iteration is on screen (a third from the left when it jumps).
    public mutating func follow(_ store: TraceStore) {
        keepVisible(position(store), store)
    }

    private mutating func keepVisible(_ p: Double, _ store: TraceStore) {
        let visible = span * Double(laneColumns(store))
        if p < start || p >= start + visible * 0.95 {
            start = max(0, p - visible / 3)
            if axis == .steps { start = start.rounded(.down) }
        }
    }

    private mutating func pan(by direction: Int, _ store: TraceStore) {
        let step = max(span, (span * Double(laneColumns(store)) / 4))
        start = max(0, start + Double(direction) * (axis == .steps ? step.rounded(.down) : step))
    }

    private mutating func zoom(by factor: Double, _ store: TraceStore) {
        let p = position(store)
        let column = (p - start) / span
        var newSpan = span * factor
        if axis == .steps { newSpan = max(1, newSpan.rounded()) } else { newSpan = max(1e-6, newSpan) }
        span = newSpan
        start = max(0, p - column * span)
        if axis == .steps { start = start.rounded(.down) }
        follow(store)
    }

    private mutating func fit(_ store: TraceStore) {
        span = Viewport.fit(store, axis: axis, width: width).span
        start = 0
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
