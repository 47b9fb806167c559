import LoopTrace
import ScenarioLanguage

/// The panels under the timeline, in the order they get space when the screen is small.
public enum PanelKind: Int, CaseIterable, Sendable, Comparable {
    case loop, source, task, output, warnings

    public var title: String {
        switch self {
        case .loop: return "Loop"
        case .source: return "Source"
        case .task: return "Task"
        case .output: return "Output"
        case .warnings: return "Warnings"
        }
    }

    /// The digit key that toggles it.
    public var key: Character { Character(String(rawValue + 1)) }

    public static func < (a: PanelKind, b: PanelKind) -> Bool { a.rawValue < b.rawValue }
}

/// Everything the full screen shows besides the trace itself: the UI's state as plain data.
public struct ScreenModel: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// Axis, pan, zoom, cursor iteration and selected task (its width and height are set here).
    public var viewport: Viewport
    /// The cursor's iteration (0: before the loop's first iteration).
    public var cursor = 0
    /// The run is simulated lazily and has not finished: the iteration count is a lower bound.
    public var moreToCome = false
    /// "live" (a scenario simulated now) or "replay" (a recorded trace).
    public var mode = "live"
    public var playing = false
    /// Seconds between iterations while playing.
    public var playDelay = 0.4
    public var panels: Set<PanelKind> = Set(PanelKind.allCases)
    public var legend = true
    public var help = false
    /// The `g` prompt's text while it is open.
    public var prompt: String?
    /// A one-line note for the user (end of run, bad input to the prompt).
    public var message: String?
    /// With `s`/`S`: the callback of the cursor's iteration that is highlighted.
    public var callbackIndex: Int?
    /// Shown at the end of a finished run: how it ended (exit status, traceback, halt).
    public var endNote: [String] = []
    /// While the run is still being simulated or read in the background: how far, how fast.
    public var progress: String?
    /// Columns the Source panel's lines are scrolled to the right (`<` `>`).
    public var sourceScroll = 0
    /// Timeline or task table.
    public var view: ExplorerView = .timeline
    /// The task lanes (or table rows) to show: filtered, sorted, grouped, scrolled.
    public var lanes: LanePlan?
    /// The `/` prompt's text while the filter is typed.
    public var filterPrompt: String?
    /// The table's sort column and direction.
    public var tableColumn: TaskTable.Column = .task
    public var tableDescending = false
    /// The what-if panel while it is open; whether the run can be changed at all (a scenario).
    public var whatIf: WhatIfOverlay?
    public var whatIfAvailable = false

    public init(width: Int, height: Int, viewport: Viewport) {
        self.width = width
        self.height = height
        self.viewport = viewport
    }
}

/// Where things landed on the screen, so a mouse click can be mapped back.
public struct ScreenGeometry: Sendable, Equatable {
    /// Screen row → row of the lane list (nil: the LOOP lane).
    public var laneRows: [Int: Int?] = [:]
    /// How many lane (or table) rows the frame showed: what PgUp/PgDn move by.
    public var visibleLaneRows = 0
    /// First lane column and how many there are.
    public var laneX0 = 0
    public var laneColumns = 0
    /// Rows of the lane area (LOOP, tasks and ruler), for clicks on the ruler.
    public var timelineRows = 0..<0
    public var viewport: Viewport

    public init(viewport: Viewport) { self.viewport = viewport }
}

public struct RenderedScreen: Sendable {
    public var grid: CellGrid
    public var geometry: ScreenGeometry
}

/// Composes the whole interactive screen into one grid: header, timeline lanes and ruler,
/// legend, the panels for the cursor's iteration, the key-hint (or prompt) line, and the
/// help overlay. Pure, like `TimelineLayout`: tests assert on the grid.
public enum Screen {
    /// Every key, for the help overlay (and the README).
    public static let keys: [(String, String)] = [
        ("n  space", "next iteration"),
        ("N  p", "previous iteration"),
        ("s  S", "next / previous callback in the iteration"),
        ("r", "play / pause"),
        ("[  ]", "play slower / faster"),
        ("Home  End", "first / last iteration"),
        ("g", "go to an iteration (12) or a time (1.5s)"),
        ("←  →", "pan"),
        ("+  -", "zoom in / out"),
        ("f", "fit the whole run"),
        ("a", "switch axis: steps / time"),
        ("↑ ↓  Tab", "select a task (or a group)"),
        ("PgUp PgDn  wheel", "scroll the lanes (or the table)"),
        ("Enter", "the task's next step; on a group: open / close it"),
        ("/", "filter lanes by task, coroutine or state (Esc clears)"),
        ("o", "sort lanes: creation, running, steps, waiting, failed"),
        ("G", "group tasks by coroutine (worker ×10000)"),
        ("t", "task table / timeline"),
        ("←  →  i", "in the table: sort column, reverse"),
        ("Enter", "in the table: go to the task's lane"),
        ("<  >", "scroll the Source panel sideways"),
        ("click", "select a lane and move the cursor"),
        ("1-5", "toggle panels: loop source task output warnings"),
        ("l", "toggle the legend"),
        ("w", "what if: change a sleep, timeout or constant and run again"),
        ("u", "in what-if: undo the last change"),
        ("c", "run again with the cost model on / off"),
        ("?", "this help (any key closes it)"),
        ("q", "quit"),
    ]

    public static func render(_ store: TraceStore, stories: TaskStories, model: ScreenModel, glyphs: Glyphs) -> RenderedScreen {
        let width = max(model.width, 20), height = max(model.height, 6)
        var grid = CellGrid(width: width, height: height)
        let legend = model.legend ? legendLines(glyphs, width: width, threads: store.threadCount > 0) : []
        let threadRows = TimelineLayout.threadLaneCount(store)
        let panels = PanelKind.allCases.filter { model.panels.contains($0) }

        // Rows: header + timeline (LOOP, tasks, 2 ruler rows) + legend + panels + hint line.
        var plan = model.lanes ?? LanePlan(list: LaneList.all(store.taskCount))
        plan.activity = stories.groups
        let wanted = 1 + 1 + threadRows + plan.list.rows.count + (plan.note.isEmpty ? 0 : 1) + 2
        let panelMinimum = panels.isEmpty ? 0 : max(6, height * 2 / 5)
        let timelineRows = max(4, min(wanted, height - 1 - legend.count - panelMinimum))
        var viewport = model.viewport
        viewport.width = width
        viewport.height = timelineRows
        var geometry = ScreenGeometry(viewport: viewport)

        if model.view == .table {
            // The table takes the lane area and the legend's rows (it has no glyph to explain but the state's).
            let rows = timelineRows + legend.count - 1
            let (first, shown) = plan.visibleRows(rows - 1, selectedTask: viewport.selectedTask)
            TaskTable.draw(&grid, y: 1, rows: rows, store: store, stories: stories, list: plan.list, first: first,
                           selectedTask: viewport.selectedTask, cursor: model.cursor, sortColumn: model.tableColumn,
                           descending: model.tableDescending, glyphs: glyphs)
            for i in 0..<shown { geometry.laneRows[2 + i] = .some(first + i) }
            geometry.visibleLaneRows = max(1, shown)
            geometry.timelineRows = 0..<0
            drawHeader(&grid, store, model, viewport, glyphs: glyphs)
            let panelArea = (timelineRows + legend.count)..<(height - 1)
            if !panels.isEmpty, panelArea.count >= 3 {
                let content = PanelContent(store: store, stories: stories, model: model, glyphs: glyphs)
                drawPanels(&grid, panels, area: panelArea, width: width, content: content, glyphs: glyphs)
            }
            drawBottomLine(&grid, model, y: height - 1, panelsShown: panels, glyphs: glyphs)
            drawOverlays(&grid, model, glyphs: glyphs)
            return RenderedScreen(grid: grid, geometry: geometry)
        }

        let lanes = TimelineLayout.render(store, viewport, glyphs: glyphs, legend: false, lanes: plan)
        for y in 1..<min(lanes.height, height) {
            for x in 0..<width { grid[x, y] = lanes[x, y] }
        }
        geometry.laneX0 = TimelineLayout.nameWidth(store, width: width) + 1
        geometry.laneColumns = width - geometry.laneX0
        geometry.timelineRows = 1..<timelineRows
        // LOOP and the thread lanes select no task.
        for y in 1...(1 + threadRows) { geometry.laneRows[y] = .some(nil) }
        let (first, shown) = plan.visibleRows(max(0, timelineRows - 4 - threadRows), selectedTask: viewport.selectedTask)
        for i in 0..<shown { geometry.laneRows[2 + threadRows + i] = .some(first + i) }
        geometry.visibleLaneRows = max(1, shown)
        markCursorOnRuler(&grid, store, viewport, geometry: geometry, rulerRow: timelineRows - 2, glyphs: glyphs)
        drawHeader(&grid, store, model, viewport, glyphs: glyphs)

        // On a short screen the legend gets the rows left above the hint line, if any.
        var y = timelineRows
        for line in legend where y < height - 1 {
            line.draw(into: &grid, x: 0, y: y, width: width)
            y += 1
        }
        let panelArea = y..<max(y, height - 1)
        if !panels.isEmpty, panelArea.count >= 3 {
            let content = PanelContent(store: store, stories: stories, model: model, glyphs: glyphs)
            drawPanels(&grid, panels, area: panelArea, width: width, content: content, glyphs: glyphs)
        }
        drawBottomLine(&grid, model, y: height - 1, panelsShown: panels, glyphs: glyphs)
        drawOverlays(&grid, model, glyphs: glyphs)
        return RenderedScreen(grid: grid, geometry: geometry)
    }

    // MARK: Header and bottom line

    static func drawHeader(_ grid: inout CellGrid, _ store: TraceStore, _ model: ScreenModel, _ v: Viewport, glyphs: Glyphs) {
        // The full header, or on a screen too narrow for it (80 columns and less) a compact
        // one without the brand and the default "paused", with the scale abbreviated, so the
        // axis and its scale stay readable instead of being clipped.
        var (line, essential) = header(store, model, v, glyphs: glyphs, width: grid.width, compact: false)
        if essential > grid.width {
            line = header(store, model, v, glyphs: glyphs, width: grid.width, compact: true).line
        }
        grid.put(String(repeating: " ", count: grid.width), x: 0, y: 0)
        line.draw(into: &grid, x: 0, y: 0, width: grid.width)
    }

    static func header(_ store: TraceStore, _ model: ScreenModel, _ v: Viewport, glyphs: Glyphs, width: Int, compact: Bool) -> (line: StyledLine, essential: Int) {
        let k = model.cursor
        let time = store.iteration(k)?.startTime ?? 0
        let of = model.moreToCome ? "\(glyphs.ascii ? ">=" : "≥")\(store.lastIteration)" : "\(store.lastIteration)"
        var line = compact ? StyledLine() : StyledLine("loopscope ", CellStyle(foreground: .cyan, attributes: .bold))
        var path = store.header.path
        if path.count > max(12, width / 4), let slash = path.lastIndex(of: "/") { path = String(path[path.index(after: slash)...]) }
        line.add(path, CellStyle(attributes: .bold))
        line.add(compact ? "  it " : "  iteration ")
        line.add("\(k)", CellStyle(attributes: [.bold, .reverse]))
        line.add(" of \(of)  t=\(TimelineLayout.formatSeconds(time))  ")
        if let progress = model.progress {
            // First after the position: on a narrow screen the rest is clipped, not this.
            line.add(progress + "  ", CellStyle(foreground: .magenta, attributes: .bold))
        }
        if model.playing {
            line.add(glyphs.ascii ? "> playing" : "▶ playing", CellStyle(foreground: .green, attributes: .bold))
            line.add(" \(TimelineLayout.formatSeconds(model.playDelay))/it  ")
        } else if !compact {
            line.add("paused  ")
        }
        line.add(model.mode + "  ", CellStyle(foreground: .cyan))
        if let cost = store.header.options.cpuCost, cost != .off {
            // Python code takes time in this run (`c` switches the model).
            line.add("cpu-cost \(cost)  ", CellStyle(foreground: .yellow))
        }
        let scale = v.axis == .time ? "\(TimelineLayout.formatSeconds(v.span))/col"
            : v.span < 1 ? "\(Int((1 / v.span).rounded())) cols/step" : "\(Int(v.span)) step\(v.span == 1 ? "" : "s")/col"
        line.add(compact ? "\(v.axis.rawValue) \(scale)" : "\(v.axis.rawValue) axis, \(scale)")
        // What follows are hints, clipped first when the screen is narrow.
        let essential = line.text.count
        if model.progress == nil, model.moreToCome {
            line.add(compact ? "  (on demand)" : "  (simulated on demand)", CellStyle(foreground: .gray))
        }
        if k == 0 { line.add(compact ? "  press n" : "  before the first iteration: press n", CellStyle(foreground: .yellow)) }
        return (line, essential)
    }

    static func drawBottomLine(_ grid: inout CellGrid, _ model: ScreenModel, y: Int, panelsShown: [PanelKind], glyphs: Glyphs) {
        var line = StyledLine()
        let keyStyle = CellStyle(attributes: [.bold, .reverse])
        if let prompt = model.prompt {
            line.add(" go to ", keyStyle)
            line.add(" iteration or time (12, 1.5s): ")
            line.add(prompt, CellStyle(attributes: .bold))
            line.add(glyphs.ascii ? "_" : "▏", CellStyle(attributes: .bold))
            line.add("   Enter go, Esc cancel", CellStyle(foreground: .gray))
        } else if let filter = model.filterPrompt {
            line.add(" / filter ", keyStyle)
            line.add(" task, coroutine or state: ")
            line.add(filter, CellStyle(attributes: .bold))
            line.add(glyphs.ascii ? "_" : "▏", CellStyle(attributes: .bold))
            if let plan = model.lanes { line.add("  \(plan.list.matching) of \(plan.list.total) match", CellStyle(foreground: .yellow)) }
            line.add("   Enter keep, Esc clear", CellStyle(foreground: .gray))
        } else if let w = model.whatIf {
            line.add(" what if ", keyStyle)
            if let text = w.editing {
                line.add(" new value: ")
                line.add(text, CellStyle(attributes: .bold))
                line.add(glyphs.ascii ? "_" : "▏", CellStyle(attributes: .bold))
                line.add("   Enter run, Esc cancel", CellStyle(foreground: .gray))
            } else {
                line.add(glyphs.ascii ? " Up/Dn parameter  Enter change  u undo  Esc close" : " ↑↓ parameter  ⏎ change  u undo  Esc close",
                         CellStyle(foreground: .gray))
            }
        } else if let message = model.message {
            line.add(message, CellStyle(foreground: .yellow, attributes: .bold))
            line.add("   ? help  q quit", CellStyle(foreground: .gray))
        } else {
            var hints: [(String, String)]
            if model.view == .table {
                hints = [("↑↓", "task"), ("←→", "sort column"), ("i", "reverse"), ("⏎", "its lane"), ("t", "timeline"),
                         ("/", "filter"), ("n", "next"), ("p", "prev"), ("?", "help"), ("q", "quit"), ("PgUp PgDn", "scroll")]
            } else {
                hints = [("n", "next"), ("p", "prev"), ("r", model.playing ? "pause" : "play"), ("a", "axis"),
                         ("↑↓", "task"), ("g", "go to"), ("?", "help"), ("q", "quit"), ("/", "filter"), ("t", "table"),
                         ("o", "sort"), ("G", "group"), ("s", "callback"), ("⏎", "task's next step"), ("+-", "zoom"),
                         ("f", "fit"), ("1-5", "panels")]
                if model.whatIfAvailable { hints.insert(("w", "what if"), at: 8) }
            }
            // Hints come in order of use; those that do not fit whole are left out (? lists
            // them all) rather than cut in the middle of a word.
            var used = 0
            for (key, what) in hints {
                let shownKey = glyphs.ascii ? asciiKey(key) : key
                let length = shownKey.count + what.count + 2
                if used + length > grid.width { break }
                used += length
                line.add(shownKey, keyStyle)
                line.add(" \(what) ")
            }
        }
        line.draw(into: &grid, x: 0, y: y, width: grid.width)
    }

    static func asciiKey(_ key: String) -> String {
        switch key {
        case "↑↓": return "Up/Dn"
        case "⏎": return "Enter"
        case "←  →": return "Left Right"
        case "←→": return "Left/Right"
        case "←  →  i": return "Left Right i"
        case "↑ ↓  Tab": return "Up Down Tab"
        default: return key
        }
    }

    // MARK: Cursor and legend

    /// Labels the cursor's iteration on the ruler, so the cursor is visible without colour.
    static func markCursorOnRuler(_ grid: inout CellGrid, _ store: TraceStore, _ v: Viewport, geometry: ScreenGeometry,
                                  rulerRow: Int, glyphs: Glyphs) {
        guard let k = v.cursorIteration, let info = store.iteration(k) else { return }
        let position: Double
        switch v.axis {
        case .time: position = info.startTime
        case .steps: position = Double(store.slot(ofIteration: k) ?? 0)
        }
        let c = v.column(of: position)
        guard c >= 0, c < geometry.laneColumns else { return }
        let label = "\(glyphs.ascii ? "^" : "▲")\(k)"
        let x = min(geometry.laneX0 + c, grid.width - label.count)
        grid.put(label, x: x, y: rulerRow, style: CellStyle(foreground: .yellow, attributes: [.bold, .reverse]))
    }

    static let shortNames: [LaneState: String] = [
        .running: "running", .cpuBurst: "CPU burst", .blocking: "blocking sleep", .waiting: "awaiting",
        .sleeping: "sleep()", .ready: "ready", .created: "created", .done: "done", .cancelled: "cancelled",
        .failed: "failed", .idle: "loop idle", .select: "iteration", .gilWait: "GIL wait",
    ]

    /// The legend: full names when they fit on one line, short ones otherwise, wrapped.
    static func legendLines(_ glyphs: Glyphs, width: Int, threads: Bool = false) -> [StyledLine] {
        func items(_ name: (LaneState) -> String) -> [(Character, LaneState, String)] {
            Glyphs.legendOrder(threads: threads).map { (glyphs.character($0), $0, name($0)) }
        }
        let full = items(Glyphs.name)
        let fullWidth = full.reduce(0) { $0 + $1.2.count + 4 }
        let chosen = fullWidth <= width ? full : items { shortNames[$0] ?? Glyphs.name($0) }
        var lines = [StyledLine()]
        var used = 0
        for (ch, state, name) in chosen {
            let item = " \(name)  "
            if used > 0, used + 1 + item.count > width {
                lines.append(StyledLine())
                used = 0
            }
            lines[lines.count - 1].add(String(ch), Glyphs.style(state))
            lines[lines.count - 1].add(item, CellStyle(foreground: .gray))
            used += 1 + item.count
        }
        return lines
    }

    // MARK: Panels

    /// Splits the area into columns of panels; when not all fit, the first ones (in
    /// `PanelKind` order) win and the rest are named on the title of the last.
    static func drawPanels(_ grid: inout CellGrid, _ panels: [PanelKind], area: Range<Int>, width: Int,
                           content: PanelContent, glyphs: Glyphs) {
        let columns = min(panels.count, max(1, width / 38))
        let perColumn = max(1, area.count / 7)
        let shown = Array(panels.prefix(columns * perColumn))
        let columnCount = min(columns, shown.count)
        var stacks = Array(repeating: [PanelKind](), count: columnCount)
        for (i, p) in shown.enumerated() { stacks[i % columnCount].append(p) }
        // Width by need: the Source panel's column gets what its longest line needs first
        // (up to what leaves the other columns 30 cells each), the others share the rest.
        var widths = stacks.map { _ in width / max(1, stacks.count) }
        if stacks.count > 1, let sc = stacks.firstIndex(where: { $0.contains(.source) }) {
            let need = content.sourceWidthNeeded + 1
            let most = width - 30 * (stacks.count - 1)
            let w = max(widths[sc], min(need, most))
            widths = stacks.indices.map { $0 == sc ? w : (width - w) / (stacks.count - 1) }
        }
        var x = 0
        let separator: Character = glyphs.ascii ? "|" : "│"
        for (c, stack) in stacks.enumerated() {
            let w = c == stacks.count - 1 ? width - x : widths[c]
            let innerWidth = c == stacks.count - 1 ? w : w - 1
            var y = area.lowerBound
            for (j, panel) in stack.enumerated() {
                let h = j == stack.count - 1 ? area.upperBound - y : area.count / stack.count
                let hidden = c == stacks.count - 1 && j == stack.count - 1 ? panels.count - shown.count : 0
                drawPanel(&grid, panel, x: x, y: y, width: innerWidth, height: h, content: content, hiddenCount: hidden)
                y += h
            }
            if c < stacks.count - 1 {
                for row in area { grid[x + w - 1, row] = Cell(separator, CellStyle(foreground: .gray)) }
            }
            x += w
        }
    }

    static func drawPanel(_ grid: inout CellGrid, _ panel: PanelKind, x: Int, y: Int, width: Int, height: Int,
                          content: PanelContent, hiddenCount: Int) {
        guard height > 0, width > 2 else { return }
        let (title, lines) = content.lines(for: panel, width: width, height: height - 1)
        var titleLine = StyledLine(" \(panel.key) \(panel.title) ", CellStyle(foreground: .cyan, attributes: [.bold, .reverse]))
        titleLine.add(" " + title, CellStyle(attributes: .bold))
        if hiddenCount > 0 { titleLine.add("  (+\(hiddenCount) hidden: 1-5 toggle)", CellStyle(foreground: .gray)) }
        titleLine.draw(into: &grid, x: x, y: y, width: width, fill: CellStyle(attributes: .underline))
        for (i, line) in lines.prefix(height - 1).enumerated() {
            line.line.draw(into: &grid, x: x, y: y + 1 + i, width: width, fill: line.highlight ? CellStyle(attributes: .reverse) : nil)
        }
    }

    // MARK: Help and what-if

    static func drawOverlays(_ grid: inout CellGrid, _ model: ScreenModel, glyphs: Glyphs) {
        if let w = model.whatIf { drawWhatIf(&grid, w, glyphs: glyphs) }
        if model.help { drawHelp(&grid, glyphs: glyphs) }
    }

    /// The what-if panel: the parameters (the selected one highlighted, changed values shown
    /// against the file's), then how the newest run compares with the one before.
    static func drawWhatIf(_ grid: inout CellGrid, _ w: WhatIfOverlay, glyphs: Glyphs) {
        var lines: [(StyledLine, Bool)] = []
        let placeWidth = w.rows.map(\.place.count).max() ?? 0
        let labelWidth = w.rows.map(\.label.count).max() ?? 0
        for (i, row) in w.rows.enumerated() {
            var l = StyledLine(" " + row.place.padding(placeWidth) + " " + row.label.padding(labelWidth) + " ")
            if i == w.selected, let text = w.editing {
                l.add(text + (glyphs.ascii ? "_" : "▏"), CellStyle(attributes: .bold))
                l.add("  (was \(row.value))", CellStyle(foreground: .gray))
            } else if row.value != row.original {
                l.add(row.value, CellStyle(foreground: .magenta, attributes: .bold))
                l.add("  (file: \(row.original))", CellStyle(foreground: .gray))
            } else {
                l.add(row.value, CellStyle(attributes: .bold))
            }
            lines.append((l, i == w.selected))
        }
        lines.append((StyledLine(), false))
        if let error = w.error { lines.append((StyledLine(error, CellStyle(foreground: .red, attributes: .bold)), false)) }
        for text in w.report {
            // The report's arrows, for terminals without Unicode.
            let shown = glyphs.ascii ? text.split(separator: "→", omittingEmptySubsequences: false).joined(separator: "->") : text
            lines.append((StyledLine(shown), false))
        }
        let w0 = min(grid.width - 2, max(50, 4 + (lines.map { $0.0.text.count }.max() ?? 20)))
        // The parameter rows scroll to keep the selection in the box; the report stays below.
        let room = max(3, grid.height - 2)
        var shown = lines
        if lines.count + 2 > room, w.rows.count > 0 {
            let extra = lines.count + 2 - room
            let first = min(max(0, w.selected - (w.rows.count - extra) / 2), extra)
            shown = Array(lines[first..<lines.count]).prefix(room - 2).map { $0 }
        }
        let h = min(room, shown.count + 2)
        let x0 = max(0, (grid.width - w0) / 2), y0 = max(0, (grid.height - h) / 2)
        let title = " What if: \(w.rows.count) parameter\(w.rows.count == 1 ? "" : "s"), run \(w.runs) "
        drawBox(&grid, x: x0, y: y0, width: w0, height: h, title: title, glyphs: glyphs)
        for (i, (line, selected)) in shown.prefix(max(0, h - 2)).enumerated() {
            line.draw(into: &grid, x: x0 + 1, y: y0 + 1 + i, width: w0 - 2, fill: selected ? CellStyle(attributes: .reverse) : nil)
        }
    }

    /// A bordered, blank box with a title on its top edge.
    static func drawBox(_ grid: inout CellGrid, x x0: Int, y y0: Int, width w: Int, height h: Int, title: String, glyphs: Glyphs) {
        let (tl, tr, bl, br, hz, vt): (String, String, String, String, String, String) =
            glyphs.ascii ? ("+", "+", "+", "+", "-", "|") : ("┌", "┐", "└", "┘", "─", "│")
        let border = CellStyle(foreground: .cyan, attributes: .bold)
        grid.put(tl + String(repeating: hz, count: max(0, w - 2)) + tr, x: x0, y: y0, style: border)
        grid.put(title, x: x0 + 2, y: y0, style: border, maxX: x0 + w - 1)
        for row in 1..<max(1, h - 1) {
            grid.put(vt + String(repeating: " ", count: max(0, w - 2)) + vt, x: x0, y: y0 + row, style: border)
        }
        grid.put(bl + String(repeating: hz, count: max(0, w - 2)) + br, x: x0, y: y0 + h - 1, style: border)
    }

    static func drawHelp(_ grid: inout CellGrid, glyphs: Glyphs) {
        var lines: [StyledLine] = [StyledLine("Keys", CellStyle(attributes: .bold))]
        for (key, what) in keys {
            var l = StyledLine(" " + (glyphs.ascii ? asciiKey(key) : key).padding(12), CellStyle(attributes: .bold))
            l.add(what)
            lines.append(l)
        }
        lines.append(StyledLine())
        lines.append(StyledLine("Lanes: one column is one callback (steps axis) or a slice of virtual time", CellStyle(attributes: .bold)))
        for state in Glyphs.legendOrder(threads: true) {
            var l = StyledLine(" ")
            l.add(String(glyphs.character(state)), Glyphs.style(state))
            l.add("  " + Glyphs.name(state))
            lines.append(l)
        }
        lines.append(StyledLine())
        lines.append(StyledLine("The highlighted column is the cursor's iteration; the panels describe it.", CellStyle(foreground: .gray)))
        let w = min(grid.width - 2, 2 + (lines.map { $0.text.count }.max() ?? 20) + 2)
        let h = min(grid.height - 2, lines.count + 2)
        let x0 = max(0, (grid.width - w) / 2), y0 = max(0, (grid.height - h) / 2)
        drawBox(&grid, x: x0, y: y0, width: w, height: h, title: " Help: any key closes ", glyphs: glyphs)
        for row in 1..<max(1, h - 1) where row - 1 < lines.count {
            lines[row - 1].draw(into: &grid, x: x0 + 2, y: y0 + row, width: w - 4)
        }
    }
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self + " " : self + String(repeating: " ", count: n - count) }
}
