import LoopTrace

/// Draws a trace into a cell grid: header, LOOP lane, one lane per task, ruler, legend.
/// Pure: the same store and viewport always give the same grid, which is what `render`
/// prints, what the ncurses UI puts on screen, and what the golden tests compare.
///
/// Each lane cell asks its lane for the most important state over the column's range (two
/// binary searches and a range-max), so a frame costs the same at any zoom or trace length.
public enum TimelineLayout {
    /// Lane names are clipped to this many cells (or a quarter of the width).
    static let maxNameWidth = 18

    /// Width of the name column (lane labels), not counting the `│` after it.
    public static func nameWidth(_ store: TraceStore, width: Int) -> Int {
        var longest = 4
        for i in 0..<min(store.taskCount, 200) { longest = max(longest, label(store.task(at: i)).count) }
        return max(4, min(longest, maxNameWidth, width / 4))
    }

    /// How many columns the lanes get at this width.
    public static func laneColumns(_ store: TraceStore, width: Int) -> Int {
        max(1, width - nameWidth(store, width: width) - 1)
    }

    /// The label of a task's lane: its name, plus the coroutine for default `Task-N` names.
    public static func label(_ task: TaskInfo) -> String {
        task.name.hasPrefix("Task-") ? "\(task.name) \(task.coroutine)" : task.name
    }

    public static func render(_ store: TraceStore, _ viewport: Viewport, glyphs: Glyphs, legend showLegend: Bool = true,
                              lanes: LanePlan? = nil) -> CellGrid {
        let width = max(viewport.width, 20)
        let nameWidth = nameWidth(store, width: width)
        let x0 = nameWidth + 1
        let columns = width - x0
        let legend = showLegend ? legendLines(glyphs, width: width, threads: store.threadCount > 0) : []
        let threadRows = threadLaneCount(store)
        let fixedRows = 1 + 1 + threadRows + 2 + legend.count  // header, LOOP, threads, ruler, legend
        let plan = lanes ?? LanePlan(list: LaneList.all(store.taskCount))
        let height = viewport.height ?? (fixedRows + plan.list.rows.count + (plan.note.isEmpty ? 0 : 1))
        let taskRows = max(0, height - fixedRows)
        let (firstRow, shownRows) = plan.visibleRows(taskRows, selectedTask: viewport.selectedTask)
        var grid = CellGrid(width: width, height: height)

        drawHeader(&grid, store, viewport)
        let end = endPosition(store, viewport.axis)
        var y = 1
        drawLane(&grid, y: y, name: "LOOP", lane: store.lane(.loop), viewport, x0: x0, columns: columns, end: end,
                 glyphs: glyphs, nameStyle: CellStyle(attributes: .bold))
        drawIterationMarks(&grid, y: y, store.departures.map(\.iteration), viewport, store, x0: x0, columns: columns,
                           mark: Cell(glyphs.ascii ? "*" : "◆", CellStyle(foreground: .yellow, attributes: .bold)))
        if let d = plan.divergence {
            drawIterationMarks(&grid, y: y, [d], viewport, store, x0: x0, columns: columns,
                               mark: Cell(glyphs.ascii ? "!" : "▼", CellStyle(foreground: .magenta, attributes: [.bold, .reverse])))
        }
        y += 1
        // Threads other than the loop's, each a lane under LOOP, named with what it runs.
        for t in 0..<threadRows {
            var name = store.threadLabel(t)
            if t == threadRows - 1, store.threadCount > threadRows { name = "+\(store.threadCount - threadRows) " + name }
            drawLane(&grid, y: y, name: name, lane: store.lane(.thread(t)), viewport, x0: x0, columns: columns, end: end,
                     glyphs: glyphs, nameStyle: CellStyle(foreground: .cyan))
            y += 1
        }
        let selectedRow = plan.selectedRow ?? viewport.selectedTask.flatMap { plan.list.row(ofTask: $0) }
        for r in firstRow..<(firstRow + shownRows) {
            var style = CellStyle.plain
            if r == selectedRow { style.attributes.insert(.reverse) }
            switch plan.list.rows[r] {
            case .task(let t):
                var indent = plan.list.groups.isEmpty ? "" : "  "
                if plan.changedTasks.contains(t) {
                    // Its outcome changed in the what-if run: marked in the name, not only by colour.
                    indent = (glyphs.ascii ? "*" : "Δ") + indent
                    style.foreground = .magenta
                    style.attributes.insert(.bold)
                }
                drawLane(&grid, y: y, name: indent + label(store.task(at: t)), lane: store.lane(.task(t)), viewport, x0: x0,
                         columns: columns, end: end, glyphs: glyphs, nameStyle: style)
            case .group(let g):
                let group = plan.list.groups[g]
                let sign = group.expanded ? (glyphs.ascii ? "-" : "▾") : (glyphs.ascii ? "+" : "▸")
                let name = "\(sign)\(group.coroutine) \(glyphs.ascii ? "x" : "×")\(group.members.count)"
                style.attributes.insert(.bold)
                grid.put(clip(name, x0 - 1, glyphs), x: 0, y: y, style: style)
                grid.put(glyphs.ascii ? "|" : "│", x: x0 - 1, y: y, style: CellStyle(foreground: .gray))
                if let activity = plan.activity {
                    GroupLane.draw(&grid, y: y, store: store, activity: activity, coroutine: group.coroutine,
                                   viewport, x0: x0, columns: columns, end: end, glyphs: glyphs)
                }
            }
            y += 1
        }
        let hidden = plan.list.rows.count - shownRows
        if hidden > 0 || !plan.note.isEmpty, taskRows > shownRows {
            // Lanes that do not fit are counted, not silently dropped.
            var text = hidden > 0 ? "rows \(firstRow + 1)-\(firstRow + shownRows) of \(plan.list.rows.count) (PgUp PgDn)" : ""
            if !plan.note.isEmpty { text += (text.isEmpty ? "" : "  ") + plan.note }
            grid.put(text, x: 0, y: y, style: CellStyle(foreground: .gray), maxX: width)
        }
        y = height - legend.count - 2
        drawRuler(&grid, y: y, store, viewport, x0: x0, columns: columns, glyphs: glyphs)
        for (i, line) in legend.enumerated() {
            var x = 0
            for (text, style) in line {
                grid.put(text, x: x, y: y + 2 + i, style: style)
                x += text.count
            }
        }
        if let k = viewport.cursorIteration { highlightCursor(&grid, store, viewport, iteration: k, x0: x0, columns: columns, rows: 1..<(height - legend.count - 2)) }
        return grid
    }

    /// Thread lanes shown under LOOP: every thread up to `maxThreadLanes` (the last one
    /// shown then says how many more there are).
    public static func threadLaneCount(_ store: TraceStore) -> Int { min(store.threadCount, maxThreadLanes) }
    static let maxThreadLanes = 8

    /// Positions at or after this show nothing: the trace has not reached them.
    static func endPosition(_ store: TraceStore, _ axis: Axis) -> Double {
        axis == .time ? store.endTime : Double(store.slotCount)
    }

    static func clip(_ s: String, _ n: Int, _ glyphs: Glyphs) -> String {
        s.count <= n ? s + String(repeating: " ", count: n - s.count) : String(s.prefix(n - 1)) + (glyphs.ascii ? "~" : "…")
    }

    private static func drawHeader(_ grid: inout CellGrid, _ store: TraceStore, _ v: Viewport) {
        let k = v.cursorIteration ?? store.lastIteration
        let time = v.cursorIteration.flatMap { store.iteration($0)?.startTime } ?? store.endTime
        var text = "\(store.header.path)  t=\(formatSeconds(time))  iteration \(k) of \(store.lastIteration)"
        text += "  \(v.axis.rawValue)"
        if v.span != 1 || v.axis == .time {
            text += v.axis == .time ? " (\(formatSeconds(v.span))/col)" : " (\(Int(v.span)) steps/col)"
        }
        if let schedule = store.header.options.schedule {
            let n = store.departures.count
            text += "  schedule \(schedule.seed): \(n) departure\(n == 1 ? "" : "s")"
        }
        if let mode = v.mode { text += "  [\(mode)]" }
        if store.interrupted { text += "  (interrupted)" }
        if let t = store.header.truncated {
            text += "  (first \(t.events) events, \(t.iterations) iterations dropped)"
        }
        grid.put(text, x: 0, y: 0, style: CellStyle(attributes: .bold))
    }

    /// Marks iterations on the LOOP lane at their start: where a run under `--schedule`
    /// departed from CPython's order, and a what-if run's first divergence.
    private static func drawIterationMarks(_ grid: inout CellGrid, y: Int, _ iterations: [Int], _ v: Viewport,
                                           _ store: TraceStore, x0: Int, columns: Int, mark: Cell) {
        var last = -1
        for k in iterations where k != last {
            last = k
            let position: Double?
            switch v.axis {
            case .steps: position = store.slot(ofIteration: k).map(Double.init)
            case .time: position = store.iteration(k)?.startTime
            }
            guard let position else { continue }
            let c = v.column(of: position)
            guard c >= 0, c < columns else { continue }
            grid[x0 + c, y] = mark
        }
    }

    private static func drawLane(_ grid: inout CellGrid, y: Int, name: String, lane: Lane, _ v: Viewport, x0: Int,
                                 columns: Int, end: Double, glyphs: Glyphs, nameStyle: CellStyle) {
        grid.put(clip(name, x0 - 1, glyphs), x: 0, y: y, style: nameStyle)
        grid.put(glyphs.ascii ? "|" : "│", x: x0 - 1, y: y, style: CellStyle(foreground: .gray))
        for c in 0..<columns {
            let (from, to) = v.range(ofColumn: c)
            // On the time axis the last event's instant still gets its column.
            if from > end || (v.axis == .steps && from >= end) { break }
            let state = lane.summary(from: from, to: to, axis: v.axis)
            guard state != .absent else { continue }
            grid[x0 + c, y] = Cell(glyphs.character(state), Glyphs.style(state))
        }
    }

    private static func drawRuler(_ grid: inout CellGrid, y: Int, _ store: TraceStore, _ v: Viewport, x0: Int,
                                  columns: Int, glyphs: Glyphs) {
        let style = CellStyle(foreground: .gray)
        let (tick, line): (Character, Character) = glyphs.ascii ? ("+", "-") : ("┬", "─")
        grid.put(v.axis == .time ? "time" : "iter", x: 0, y: y, style: style)
        grid.put(v.axis == .time ? "" : "time", x: 0, y: y + 1, style: style)
        for c in 0..<columns { grid[x0 + c, y] = Cell(line, style) }
        var nextFree = x0
        var nextFreeTime = x0
        var lastTime: Double?
        for c in 0..<columns {
            let (from, to) = v.range(ofColumn: c)
            let x = x0 + c
            switch v.axis {
            case .time:
                // A label every 10 columns, where it fits.
                guard c % 10 == 0 else { continue }
                grid[x, y] = Cell(tick, style)
                let label = formatSeconds(from)
                if x >= nextFree, x + label.count <= grid.width {
                    grid.put(label, x: x, y: y + 1, style: style)
                    nextFree = x + label.count + 1
                }
            case .steps:
                // A tick where an iteration starts; its number, and the time when it changed.
                guard from < Double(store.slotCount) else { continue }
                let k = store.iteration(atSlot: Int(to.rounded(.up)) - 1)
                guard k > 0, let slot = store.slot(ofIteration: k), Double(slot) >= from else { continue }
                grid[x, y] = Cell(tick, style)
                let label = String(k)
                if x >= nextFree, x + label.count <= grid.width {
                    grid.put(label, x: x, y: y, style: style)
                    nextFree = x + label.count + 1
                }
                let t = store.iteration(k)?.startTime ?? 0
                if t != lastTime {
                    let timeLabel = formatSeconds(t)
                    if x >= nextFreeTime, x + timeLabel.count <= grid.width {
                        grid.put(timeLabel, x: x, y: y + 1, style: style)
                        nextFreeTime = x + timeLabel.count + 1
                        lastTime = t
                    }
                }
            }
        }
    }

    private static func highlightCursor(_ grid: inout CellGrid, _ store: TraceStore, _ v: Viewport, iteration k: Int,
                                        x0: Int, columns: Int, rows: Range<Int>) {
        guard let info = store.iteration(k) else { return }
        let (a, b): (Double, Double)
        switch v.axis {
        case .time:
            a = info.startTime
            b = a
        case .steps:
            let first = Double(store.slot(ofIteration: k) ?? 0)
            let next = store.slot(ofIteration: k + 1).map(Double.init) ?? Double(store.slotCount)
            a = first
            // The last column still showing the iteration (a step may span several columns).
            b = max(first, next - min(1, v.span) * 0.5)
        }
        let c0 = max(0, v.column(of: a)), c1 = min(columns - 1, v.column(of: b))
        guard c0 <= c1 else { return }
        for c in c0...c1 {
            for y in rows { grid.restyle(x: x0 + c, y: y) { $0.background = .gray } }
        }
    }

    /// The legend as runs of (text, style), wrapped to the width.
    static func legendLines(_ glyphs: Glyphs, width: Int, threads: Bool = false) -> [[(String, CellStyle)]] {
        var lines: [[(String, CellStyle)]] = [[]]
        var used = 0
        for state in Glyphs.legendOrder(threads: threads) {
            let item = " \(Glyphs.name(state))  "
            if used > 0, used + 1 + item.count > width {
                lines.append([])
                used = 0
            }
            lines[lines.count - 1].append((String(glyphs.character(state)), Glyphs.style(state)))
            lines[lines.count - 1].append((item, .plain))
            used += 1 + item.count
        }
        return lines
    }

    /// Seconds for labels: up to 6 significant digits, no trailing zeros, then "s".
    public static func formatSeconds(_ t: Double) -> String {
        if t == 0 { return "0s" }
        var s = String(format6(t))
        if s.contains(".") && !s.contains("e") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s + "s"
    }

    private static func format6(_ t: Double) -> String {
        // Round to microseconds (the trace's resolution for people), avoiding Foundation.
        let micro = (t * 1_000_000).rounded()
        let whole = Int(micro / 1_000_000)
        let frac = Int(abs(micro).truncatingRemainder(dividingBy: 1_000_000))
        var fracText = String(frac)
        while fracText.count < 6 { fracText = "0" + fracText }
        return "\(t < 0 && whole == 0 ? "-" : "")\(whole).\(fracText)"
    }
}
