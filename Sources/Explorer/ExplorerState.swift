import LoopSimulator
import LoopTrace
import ScenarioLanguage
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
    /// `c` was pressed on a simulated scenario: `rerunWithOtherCost` does the work.
    public var costToggleRequested = false
    /// The iteration the cursor goes back to once the re-run has simulated it.
    var pendingIteration: Int?
    /// "live" or "replay".
    public var mode: String
    /// Timeline or task table.
    public var view: ExplorerView = .timeline
    /// The lane filter (task name, coroutine or state), and its prompt while it is typed.
    public var filter = ""
    public var filterPrompt: String?
    /// Lane order on the timeline; the table's order and direction.
    public var order: TaskOrder = .creation
    public var tableColumn: TaskTable.Column = .task
    public var tableDescending = false
    /// Tasks running the same coroutine share a lane; the groups opened with Enter.
    public var grouped = false
    public var expanded: Set<String> = []
    /// The selected group's coroutine, when a group row (not a task) is selected.
    public var selectedGroup: String?
    /// First lane row (or table row) shown: PgUp/PgDn and the wheel scroll it.
    public var firstRow = 0
    /// Columns the Source panel is scrolled right.
    public var sourceScroll = 0
    /// The lanes as last built (rebuilt when what they depend on changes).
    public private(set) var lanes = LaneList()
    /// What the lane list was built from, to know when it is stale.
    var lanesKey = LanesKey()
    /// Whether the run was fitted to the width once it was all known.
    var fittedOnCompletion = false
    /// The user moved the selection (so it is not chosen for them any more).
    var selectionMoved = false
    /// What-if (`w`): the panel's contents when the run is a scenario (the app keeps them
    /// up to date), whether it is open, and what the last key asked the app to do.
    public var whatIf: WhatIfOverlay?
    public var whatIfOpen = false
    public var whatIfRequest: WhatIfRequest?
    /// From the last what-if comparison: tasks (by index) whose outcome changed, and the
    /// first iteration where the two runs differ.
    public var changedTasks: Set<Int> = []
    public var divergence: Int?

    /// A recording followed as it is written (`record --live`): the cursor stays on the
    /// newest iteration until a key moves it back; End follows again.
    public var followsRecording = false
    public var followsNewest = false

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
        if feed is FollowedTrace {
            s.followsRecording = true
            s.followsNewest = true
        }
        if feed.store.taskCount == 0 { s.selectedTask = nil }
        s.refreshLanes(feed)
        return s
    }

    /// Keys go to a prompt or the help overlay: `q` is not "quit" now.
    public var capturesKeys: Bool { prompt != nil || filterPrompt != nil || help || whatIfOpen }

    /// Called before each frame while the feed grows in the background.
    public mutating func backgroundUpdate(_ feed: TraceFeed) {
        placePendingCursor(feed)
        if followsNewest, cursor != feed.store.lastIteration {
            cursor = feed.store.lastIteration
            follow(feed.store)
        }
        if feed.isComplete, followsRecording {
            followsNewest = false
            followsRecording = false
            mode = "recorded"
        }
        // The first task is selected as soon as it exists (the feed may start empty).
        if selectedTask == nil, selectedGroup == nil, !selectionMoved, feed.store.taskCount > 0 { selectedTask = 0 }
        if feed.isComplete, !fittedOnCompletion {
            fittedOnCompletion = true
            fitIfSmall(feed.store)
        }
        // A what-if run may end before the iteration the cursor stayed on.
        if feed.isComplete, cursor > feed.store.lastIteration { cursor = feed.store.lastIteration }
        refreshLanes(feed)
    }

    /// What the lane list depends on.
    struct LanesKey: Equatable {
        var tasks = -1
        var events = -1
        var filter = ""
        var order = TaskOrder.creation
        var descending = false
        var grouped = false
        var expanded: Set<String> = []
        /// The cursor matters only to a filter or order by state.
        var cursor = 0
    }

    /// Rebuilds the lane list if the trace grew or the filter, order or grouping changed.
    mutating func refreshLanes(_ feed: TraceFeed) {
        let store = feed.store
        let tableOrder = view == .table ? tableColumn.order : order
        let descending = view == .table && tableDescending
        let cursorMatters = !filter.isEmpty || tableOrder == .state || tableOrder == .waitsOn
        let key = LanesKey(tasks: store.taskCount, events: tableOrder == .creation && filter.isEmpty ? 0 : store.eventCount,
                           filter: filter, order: tableOrder, descending: descending, grouped: grouped && view == .timeline,
                           expanded: expanded, cursor: cursorMatters ? cursor : 0)
        guard key != lanesKey else { return }
        lanesKey = key
        lanes = LaneList.build(store, feed.stories, cursor: cursor, filter: filter, order: tableOrder, descending: descending,
                               grouped: key.grouped, expanded: expanded)
    }

    /// The row of the selection in the lane list.
    public var selectedRow: Int? {
        if let name = selectedGroup, let g = lanes.groups.firstIndex(where: { $0.coroutine == name }) {
            return lanes.rows.firstIndex(of: .group(g))
        }
        return selectedTask.flatMap { lanes.row(ofTask: $0) }
    }

    /// A note on how the lanes were chosen, for the line under them.
    var lanesNote: String {
        var parts: [String] = []
        if !filter.isEmpty { parts.append("filter \"\(filter)\": \(lanes.matching) of \(lanes.total) tasks (Esc clears)") }
        if order != .creation { parts.append("sorted: \(order.rawValue)") }
        if grouped { parts.append("grouped by coroutine (Enter opens)") }
        return parts.joined(separator: "  ")
    }

    // MARK: The screen

    public func model(_ feed: TraceFeed) -> ScreenModel {
        var v = Viewport(axis: axis, start: start, span: span, width: width, height: nil,
                         selectedTask: selectedTask, cursorIteration: cursor, mode: nil)
        v.cursorIteration = feed.store.iteration(cursor) == nil ? nil : cursor
        var m = ScreenModel(width: width, height: height, viewport: v)
        m.cursor = cursor
        m.moreToCome = !feed.isComplete
        m.progress = feed.progress
        m.view = view
        m.lanes = LanePlan(list: lanes, firstRow: firstRow, selectedRow: selectedGroup == nil ? nil : selectedRow, note: lanesNote,
                           changedTasks: changedTasks, divergence: divergence)
        m.whatIf = whatIfOpen ? whatIf : nil
        m.whatIfAvailable = whatIf != nil
        m.filterPrompt = filterPrompt
        m.sourceScroll = sourceScroll
        m.tableColumn = tableColumn
        m.tableDescending = tableDescending
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
        if filterPrompt != nil {
            handleFilterPrompt(key, feed)
            return
        }
        if whatIfOpen {
            handleWhatIf(key)
            return
        }
        message = nil
        refreshLanes(feed)
        switch key {
        case .character(let c):
            handleCharacter(c, feed)
        case .up: select(by: -1, feed, wrap: false)
        case .down: select(by: 1, feed, wrap: false)
        case .tab: select(by: 1, feed, wrap: true)
        case .backTab: select(by: -1, feed, wrap: true)
        case .left:
            if view == .table { chooseColumn(by: -1, feed) } else { pan(by: -1, feed.store) }
        case .right:
            if view == .table { chooseColumn(by: 1, feed) } else { pan(by: 1, feed.store) }
        case .pageUp: page(by: -1, feed)
        case .pageDown: page(by: 1, feed)
        case .scrollUp: scroll(by: -3)
        case .scrollDown: scroll(by: 3)
        case .home: go(toIteration: 0, feed)
        case .end:
            feed.extend(toIteration: feed.store.lastIteration + 1000)
            go(toIteration: feed.store.lastIteration, feed)
            if followsRecording, !feed.isComplete { followsNewest = true }
        case .enter: enter(feed)
        case .escape:
            playing = false
            callbackIndex = nil
            if !filter.isEmpty { filter = ""; refreshLanes(feed) }
        case .backspace: break
        case .click(let x, let y): click(x: x, y: y, feed)
        case .resize: break
        }
        // Any key that took the cursor back from the newest iteration stops following.
        if followsNewest, cursor < feed.store.lastIteration { followsNewest = false }
        refreshLanes(feed)
    }

    /// `/`: the filter applies as it is typed; Enter keeps it, Esc clears it.
    private mutating func handleFilterPrompt(_ key: Key, _ feed: TraceFeed) {
        switch key {
        case .escape:
            filterPrompt = nil
            filter = ""
        case .backspace:
            if filterPrompt?.isEmpty == false { filterPrompt?.removeLast() }
            filter = filterPrompt ?? ""
        case .enter:
            filterPrompt = nil
        case .character(let c) where !c.isNewline && (filterPrompt?.count ?? 0) < 40:
            filterPrompt?.append(c)
            filter = filterPrompt ?? ""
        default: break
        }
        firstRow = 0
        refreshLanes(feed)
        keepSelectionInList()
    }

    /// After the list changed: a selection the filter hides moves to the first row.
    private mutating func keepSelectionInList() {
        guard selectedRow == nil, let first = lanes.rows.first else { return }
        setSelection(first)
    }

    private mutating func setSelection(_ row: LaneRow) {
        switch row {
        case .task(let t):
            selectedTask = t
            selectedGroup = nil
        case .group(let g):
            selectedGroup = lanes.groups[g].coroutine
            selectedTask = lanes.groups[g].members.first
        }
    }

    /// Enter: on the table, the task's lane; on a group, open or close it; else the next step.
    private mutating func enter(_ feed: TraceFeed) {
        if view == .table {
            view = .timeline
            refreshLanes(feed)
            if let t = selectedTask, lanes.row(ofTask: t) == nil {
                // The timeline's filter or groups hide it: show it anyway.
                if let g = lanes.groups.first(where: { $0.members.contains(t) }) { expanded.insert(g.coroutine) } else { filter = "" }
                refreshLanes(feed)
            }
            selectedGroup = nil
            return
        }
        if let name = selectedGroup {
            if expanded.contains(name) { expanded.remove(name) } else { expanded.insert(name) }
            refreshLanes(feed)
            return
        }
        jumpToNextStep(feed)
    }

    /// Rows a page moves: the lane rows the last frame showed.
    private var pageRows: Int { max(1, geometry?.visibleLaneRows ?? 10) }

    private mutating func page(by direction: Int, _ feed: TraceFeed) {
        let n = pageRows
        firstRow = max(0, min(firstRow + direction * n, max(0, lanes.rows.count - n)))
        select(by: direction * n, feed, wrap: false)
    }

    /// The wheel scrolls the lanes; the selection follows only if it would leave the screen.
    private mutating func scroll(by rows: Int) {
        let n = pageRows
        firstRow = max(0, min(firstRow + rows, max(0, lanes.rows.count - n)))
        if let r = selectedRow {
            let clamped = min(max(r, firstRow), firstRow + n - 1)
            if clamped != r, clamped < lanes.rows.count { setSelection(lanes.rows[clamped]) }
        }
    }

    private mutating func chooseColumn(by delta: Int, _ feed: TraceFeed) {
        let all = TaskTable.Column.allCases
        let i = all.firstIndex(of: tableColumn) ?? 0
        tableColumn = all[(i + delta + all.count) % all.count]
        tableDescending = false
        refreshLanes(feed)
    }

    /// Runs that fit on the screen open fitted to its width (a third of the screen left
    /// empty on the steps axis helps nobody).
    mutating func fitIfSmall(_ store: TraceStore) {
        guard axis == .steps, cursor <= 1, start == 0 else { return }
        let columns = laneColumns(store)
        if store.slotCount > 0, store.slotCount * 2 <= columns {
            span = 1 / Double(columns / store.slotCount)
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
        case "/":
            filterPrompt = filter
        case "o":
            let all = TaskOrder.timelineOrders
            order = all[((all.firstIndex(of: order) ?? 0) + 1) % all.count]
            firstRow = 0
        case "G":
            grouped.toggle()
            if !grouped { selectedGroup = nil }
            firstRow = 0
        case "t":
            view = view == .timeline ? .table : .timeline
            selectedGroup = nil
        case "i":
            if view == .table { tableDescending.toggle() }
        case "<": sourceScroll = max(0, sourceScroll - 8)
        case ">": sourceScroll += 8
        case "l": legend.toggle()
        case "w": openWhatIf()
        case "c":
            if feed is LazySimulation {
                costToggleRequested = true
            } else {
                message = "a recorded trace is a finished run: only a scenario can be run again with the other cost model"
            }
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
            message = feed.isComplete ? "end of the run: iteration \(last) is the last"
                : "iteration \(k) is not known yet: \(feed.progress ?? "simulating")"
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

    /// Moves the selection through the lane rows (tasks and groups) in the order shown.
    private mutating func select(by delta: Int, _ feed: TraceFeed, wrap: Bool) {
        let n = lanes.rows.count
        guard n > 0 else { return }
        let current = selectedRow ?? (delta > 0 ? -1 : n)
        var next = current + delta
        if wrap { next = (next % n + n) % n } else { next = min(max(0, next), n - 1) }
        setSelection(lanes.rows[next])
        selectionMoved = true
    }

    private mutating func click(x: Int, y: Int, _ feed: TraceFeed) {
        guard let g = geometry else { return }
        if let lane = g.laneRows[y], let row = lane, row < lanes.rows.count {
            setSelection(lanes.rows[row])
            selectionMoved = true
            if view == .table { return }
        }
        guard g.timelineRows.contains(y), x >= g.laneX0, x < g.laneX0 + g.laneColumns else { return }
        let (from, _) = g.viewport.range(ofColumn: x - g.laneX0)
        let store = feed.store
        switch axis {
        case .steps:
            let slot = Int(from.rounded(.down))
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
        let step = max(axis == .steps ? 1 : span, (span * Double(laneColumns(store)) / 4))
        start = max(0, start + Double(direction) * (axis == .steps ? step.rounded(.down) : step))
    }

    private mutating func zoom(by factor: Double, _ store: TraceStore) {
        let p = position(store)
        let column = (p - start) / span
        var newSpan = span * factor
        if axis == .steps {
            // Below one step per column, each step gets a whole number of columns.
            newSpan = newSpan >= 1 ? newSpan.rounded() : 1 / max(1, min(16, (1 / newSpan).rounded()))
        } else {
            newSpan = max(1e-6, newSpan)
        }
        span = newSpan
        start = max(0, p - column * span)
        if axis == .steps { start = start.rounded(.down) }
        follow(store)
    }

    private mutating func fit(_ store: TraceStore) {
        span = Viewport.fit(store, axis: axis, width: width).span
        start = 0
        if axis == .steps, span == 1 { fitIfSmall(store) }
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

// MARK: The cost model's key

extension ExplorerState {
    /// After `c`: the scenario's run with the cost model switched (off ↔ realistic) replaces
    /// `feed`, which is abandoned; the cursor stays on the same loop iteration where the new
    /// run has it (else on its last). Call in the feed's turn (`withStore`); nil when no
    /// switch was asked for.
    public mutating func rerunWithOtherCost(_ feed: TraceFeed) -> TraceFeed? {
        guard costToggleRequested else { return nil }
        costToggleRequested = false
        guard let old = feed as? LazySimulation else { return nil }
        let cost: CPUCost = old.cpuCost == .off ? .realistic : .off
        let new = old.rerun(cpuCost: cost)
        old.abandon()
        playing = false
        pendingIteration = cursor
        message = "running again with the cost model \(cost == .off ? "off" : "on (\(cost))"); c switches back"
        // Simulated this far before taking the new run's turn: on demand, `extend` waits for
        // the simulation thread, which cannot go on while the store is held.
        new.extend(toIteration: cursor + Self.lookahead)
        new.withStore {
            replaceFeed(new)
            placePendingCursor(new)
        }
        return new
    }

    /// Puts the cursor on the iteration it was on before `c`, once the new run has it (or
    /// on the new run's last one, when it ended before).
    mutating func placePendingCursor(_ feed: TraceFeed) {
        guard let k = pendingIteration, feed.store.lastIteration >= k || feed.isComplete else { return }
        pendingIteration = nil
        let message = self.message
        go(toIteration: min(k, feed.store.lastIteration), feed)
        self.message = feed.store.lastIteration < k ? "the new run has only \(feed.store.lastIteration) iterations" : message
        refreshLanes(feed)
    }
}
