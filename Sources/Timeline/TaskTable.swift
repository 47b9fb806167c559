import LoopTrace

/// The task table (`t`), in the spirit of tokio-console's task list: a row per task with
/// its state at the cursor, its steps, the virtual time it spent running, ready but not
/// yet stepping (scheduling delay) and parked, what it waits on, where and by whom it was
/// created, and how it ended. Sorted by any column (←/→ choose, i reverses).
public enum TaskTable {
    public enum Column: String, CaseIterable, Sendable {
        case task = "Task"
        case state = "State"
        case steps = "Steps"
        case running = "Running"
        case ready = "Ready"
        case parked = "Parked"
        case waitsOn = "Waits on"
        case created = "Created"
        case ended = "Ended"

        /// The lane order the column sorts by.
        public var order: TaskOrder {
            switch self {
            case .task: return .name
            case .state: return .state
            case .steps: return .steps
            case .running: return .running
            case .ready: return .ready
            case .parked: return .parked
            case .waitsOn: return .waitsOn
            case .created: return .creation
            case .ended: return .ended
            }
        }

        /// Its width (the last column shown takes what is left), and whether numbers are right-aligned.
        var width: Int {
            switch self {
            case .task: return 18
            case .state: return 10
            case .steps: return 6
            case .running, .ready, .parked: return 8
            case .waitsOn: return 16
            case .created: return 18
            case .ended: return 12
            }
        }

        /// Amounts and states sort largest first; names and places from A and line 1.
        public var largestFirst: Bool { numeric || self == .state }

        var numeric: Bool { self == .steps || self == .running || self == .ready || self == .parked }
    }

    /// The columns that fit in `width`, in order (the last one takes what is left).
    static func columns(width: Int) -> [Column] {
        var used = 0
        var out: [Column] = []
        for c in Column.allCases {
            if used + c.width + 1 > width, !out.isEmpty { break }
            out.append(c)
            used += c.width + 1
        }
        return out
    }

    /// Draws the header row and the rows `first..<first+count` of `list` from screen row `y`.
    static func draw(_ grid: inout CellGrid, y: Int, rows: Int, store: TraceStore, stories: TaskStories, list: LaneList,
                     first: Int, selectedTask: Int?, cursor k: Int, sortColumn: Column, descending: Bool, glyphs: Glyphs) {
        let cols = columns(width: grid.width)
        var x = 0
        let headStyle = CellStyle(foreground: .cyan, attributes: [.bold, .underline])
        grid.put(String(repeating: " ", count: grid.width), x: 0, y: y, style: headStyle)
        for c in cols {
            var title = c.rawValue
            // ▼: largest (or last) first, whichever way the column sorts by nature.
            if c == sortColumn { title += c.largestFirst != descending ? (glyphs.ascii ? " v" : " ▼") : (glyphs.ascii ? " ^" : " ▲") }
            let style = c == sortColumn ? CellStyle(foreground: .yellow, attributes: [.bold, .underline, .reverse]) : headStyle
            grid.put(align(title, c), x: x, y: y, style: style)
            x += c.width + 1
        }
        for i in 0..<max(0, rows - 1) {
            let r = first + i
            guard r < list.rows.count, case .task(let t) = list.rows[r] else { break }
            let rowY = y + 1 + i
            let selected = t == selectedTask
            let base = selected ? CellStyle(attributes: .reverse) : CellStyle.plain
            if selected { grid.put(String(repeating: " ", count: grid.width), x: 0, y: rowY, style: base) }
            x = 0
            for c in cols {
                let (text, style) = cell(c, task: t, store: store, stories: stories, cursor: k, glyphs: glyphs)
                var s = style
                s.attributes.formUnion(base.attributes)
                let w = c == cols.last ? grid.width - x : c.width
                grid.put(align(clip(text, w, glyphs), c, width: w), x: x, y: rowY, style: s, maxX: x + w)
                x += c.width + 1
            }
        }
    }

    static func clip(_ s: String, _ n: Int, _ glyphs: Glyphs) -> String {
        s.count <= n ? s : String(s.prefix(max(0, n - 1))) + (glyphs.ascii ? "~" : "…")
    }

    static func align(_ s: String, _ c: Column, width: Int? = nil) -> String {
        let w = width ?? c.width
        guard s.count < w else { return s }
        let pad = String(repeating: " ", count: w - s.count)
        return c.numeric ? pad + s : s + pad
    }

    static func cell(_ c: Column, task t: Int, store: TraceStore, stories: TaskStories, cursor k: Int,
                     glyphs: Glyphs) -> (String, CellStyle) {
        let story = stories.story(t) ?? TaskStories.Story()
        let seconds = TimelineLayout.formatSeconds
        switch c {
        case .task:
            return (TimelineLayout.label(store.task(at: t)), CellStyle(attributes: .bold))
        case .state:
            let status = store.taskStatus(t, atIteration: k)
            if status.state == .absent {
                let ended = story.ending.map { $0.iteration < k } ?? false
                return (ended ? "ended" : "not yet", CellStyle(foreground: .gray))
            }
            return ("\(glyphs.character(status.state)) \(Screen.shortNames[status.state] ?? Glyphs.name(status.state))",
                    Glyphs.style(status.state))
        case .steps: return (String(store.stepCount(task: t)), .plain)
        case .running: return (seconds(story.runTime), .plain)
        case .ready: return (seconds(story.readyTime), .plain)
        case .parked: return (seconds(story.parkedTime), .plain)
        case .waitsOn:
            let status = store.taskStatus(t, atIteration: k)
            let waiting = status.state == .waiting || status.state == .sleeping || status.state == .ready
            return (waiting ? status.detail ?? "" : "", CellStyle(foreground: .blue))
        case .created:
            let info = store.task(at: t)
            let by = info.creator.flatMap { store.taskIndex(id: $0) }.map { TimelineLayout.label(store.task(at: $0)) } ?? "asyncio.run"
            return ("line \(info.line) by \(by)", CellStyle(foreground: .gray))
        case .ended:
            guard let end = story.ending else { return ("", .plain) }
            let what: String
            switch end.state {
            case .done: what = "returned \(end.detail ?? "None")"
            case .failed: what = "failed: \(end.detail ?? "exception")"
            default: what = "cancelled"
            }
            return ("\(what) (it \(end.iteration))", Glyphs.style(end.state))
        }
    }
}
