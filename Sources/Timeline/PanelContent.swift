import LoopTrace

/// A panel row: its text, and whether it is the highlighted row (selected line, callback).
struct PanelLine {
    var line: StyledLine
    var highlight = false
    init(_ line: StyledLine, highlight: Bool = false) {
        self.line = line
        self.highlight = highlight
    }
}

/// The words in each panel, for the cursor's iteration and the selected task.
struct PanelContent {
    let store: TraceStore
    let stories: TaskStories
    let model: ScreenModel
    let glyphs: Glyphs
    let k: Int
    let loop: LoopState?
    let endEvent: Int

    static let dim = CellStyle(foreground: .gray)
    static let bold = CellStyle(attributes: .bold)

    init(store: TraceStore, stories: TaskStories, model: ScreenModel, glyphs: Glyphs) {
        self.store = store
        self.stories = stories
        self.model = model
        self.glyphs = glyphs
        k = model.cursor
        loop = store.loopState(atIteration: k)
        endEvent = k == 0 ? store.eventIndex(atIteration: max(1, store.firstIteration)) : store.iteration(k)?.endEvent ?? store.eventCount
    }

    func lines(for panel: PanelKind, width: Int, height: Int) -> (String, [PanelLine]) {
        switch panel {
        case .loop: return loopLines(height: height)
        case .source: return sourceLines(width: width, height: height)
        case .task:
            let (title, lines) = taskLines(width: width)
            return (title, wrap(lines, width: width))
        case .output: return outputLines(width: width, height: height)
        case .warnings: return warningLines(width: width, height: height)
        }
    }

    /// "Task-3 cruncher" or the plain name.
    func taskName(index: Int?) -> String {
        guard let i = index, i >= 0, i < store.taskCount else { return "?" }
        let t = store.task(at: i)
        return t.name.hasPrefix("Task-") ? "\(t.name) \(t.coroutine)" : t.name
    }

    func taskName(id: Int?) -> String {
        guard let id else { return "a loop callback" }
        return taskName(index: store.taskIndex(id: id))
    }

    /// Callback descriptions as people read them.
    func describe(_ description: String) -> String {
        if description == "_set_result_unless_cancelled" { return "sleep timer" }
        if description == "_release_waiter" { return "wait_for timeout" }
        return description
    }

    /// Arrows and ellipses that survive a non-UTF-8 locale.
    var right: String { glyphs.ascii ? "->" : "→" }
    var left: String { glyphs.ascii ? "<-" : "←" }
    var ellipsis: String { glyphs.ascii ? "..." : "…" }

    func seconds(_ t: Double) -> String { TimelineLayout.formatSeconds(t) }

    // MARK: Loop

    func loopLines(height: Int) -> (String, [PanelLine]) {
        guard let loop else {
            let text = k == 0 ? ["The loop has not run yet: asyncio.run() created", "Task-1 and scheduled its first step.",
                                 "Press n to run iteration 1."] : ["not simulated yet"]
            return (k == 0 ? "before iteration 1" : "iteration \(k)", text.map { PanelLine(StyledLine($0, Self.dim)) })
        }
        var out: [PanelLine] = []
        let info = loop.iteration
        out.append(PanelLine(StyledLine("ready when it began (\(loop.ready.count)):", Self.bold)))
        if loop.ready.isEmpty {
            var l = StyledLine("  nothing ready", Self.dim)
            if let first = loop.callbacks.first, first.startTime > info.startTime {
                l.add(": clock jumps \(seconds(info.startTime)) \(right) \(seconds(first.startTime))", CellStyle(foreground: .yellow))
            }
            out.append(PanelLine(l))
        }
        for r in loop.ready {
            var l = StyledLine("  " + describe(r.description))
            if let t = r.task, !r.description.hasPrefix(store.task(at: store.taskIndex(id: t) ?? 0).name) {
                l.add("  (\(taskName(id: t)))", Self.dim)
            }
            if r.cancelled { l.add(" (cancelled, skipped)", Self.dim) }
            out.append(PanelLine(l))
        }
        let live = loop.timers.filter { !$0.cancelled }
        out.append(PanelLine(StyledLine("timers (\(loop.timers.count)):  deadline  what it wakes", Self.bold)))
        for timer in loop.timers {
            var l = StyledLine("  " + seconds(timer.deadline).padding(8), CellStyle(foreground: .cyan))
            l.add(describe(timer.description))
            if let w = timer.wakes { l.add(" \(right) \(taskName(id: w))", CellStyle(attributes: .bold)) }
            if timer.cancelled { l.add(" (cancelled)", Self.dim) }
            out.append(PanelLine(l))
        }
        if loop.timers.isEmpty { out.append(PanelLine(StyledLine("  none", Self.dim))) }
        _ = live
        out.append(contentsOf: threadLines(loop))
        out.append(PanelLine(StyledLine("ran (\(loop.callbacks.count)):", Self.bold)))
        for (i, cb) in loop.callbacks.enumerated() {
            var l = StyledLine("  " + describe(cb.description).padding(14))
            let d = cb.duration ?? 0
            if d > 0 {
                l.add("held the loop \(seconds(d))!", CellStyle(foreground: .red, attributes: .bold))
            } else {
                l.add("0s", Self.dim)
            }
            out.append(PanelLine(l, highlight: model.callbackIndex == i))
        }
        let title = "iteration \(info.number) at t=\(seconds(info.startTime))"
        return (title, fitAround(out, height: height, focus: model.callbackIndex.map { $0 + out.count - loop.callbacks.count }))
    }

    /// The threads beside the loop when the iteration began (executor work pending: what
    /// each worker runs or waits for), and the results and hand-offs they gave the loop
    /// during it (executor work done).
    func threadLines(_ loop: LoopState) -> [PanelLine] {
        guard store.threadCount > 0 else { return [] }
        var out: [PanelLine] = []
        let at = loop.iteration.startTime
        let alive = (0..<store.threadCount).map { store.threadStatus($0, atTime: at) }.filter { $0.state != .absent }
        out.append(PanelLine(StyledLine("threads (\(alive.count)):", Self.bold)))
        for (name, state, detail) in alive {
            var l = StyledLine("  " + name.padding(14), CellStyle(foreground: .cyan))
            let doing: String
            switch state {
            case .running: doing = detail.map { "running \($0)" } ?? "running"
            case .gilWait: doing = "waiting for the GIL"
            case .blocking: doing = "in time.sleep"
            case .waiting: doing = detail == "queue" ? "idle (waiting for work)" : "blocked on \(detail ?? "a lock")"
            case .created: doing = "started"
            case .done: doing = "finished"
            default: doing = Glyphs.name(state)
            }
            l.add(doing, Glyphs.style(state))
            out.append(PanelLine(l))
        }
        let handOffs = store.handOffs(inIteration: loop.iteration.number)
        if !handOffs.isEmpty {
            out.append(PanelLine(StyledLine("handed to the loop (\(handOffs.count)):", Self.bold)))
            for h in handOffs {
                var l = StyledLine("  " + describe(h.description))
                l.add("  from \(h.thread)", Self.dim)
                out.append(PanelLine(l))
            }
        }
        return out
    }

    /// Keeps `focus` visible when there are more lines than rows.
    func fitAround(_ lines: [PanelLine], height: Int, focus: Int?) -> [PanelLine] {
        guard lines.count > height, height > 0 else { return lines }
        guard let focus else {
            var cut = Array(lines.prefix(height - 1))
            cut.append(PanelLine(StyledLine("  \(ellipsis) \(lines.count - height + 1) more", Self.dim)))
            return cut
        }
        let start = max(0, min(focus - height / 2, lines.count - height))
        return Array(lines[start..<(start + height)])
    }

    // MARK: Source

    /// The scenario's source around the selected task's line (or the first line a task is
    /// on). Lines where tasks are parked are marked in the margin; who is there is noted at
    /// the right only where the code leaves room: the note never hides code.
    func sourceLines(width: Int, height: Int) -> (String, [PanelLine]) {
        // The file shown is the selected task's (a program may be several files).
        let selected = model.viewport.selectedTask.flatMap { s in s < store.taskCount ? store.taskStatus(s, atIteration: k) : nil }
        let shown = selected.flatMap { store.header.file($0.file) != nil ? $0.file : nil } ?? 0
        guard let file = store.header.file(shown) ?? store.header.file(0) else {
            return ("", [PanelLine(StyledLine("no source in this trace", Self.dim))])
        }
        let source = file.source.split(separator: "\n", omittingEmptySubsequences: false)
        let count = source.last?.isEmpty == true ? source.count - 1 : source.count
        guard count > 0 else { return ("", [PanelLine(StyledLine("no source in this trace", Self.dim))]) }
        // Only the line of each task is needed here (not its name or what it awaits).
        var tasksOnLine: [Int: [Int]] = [:]
        for (t, place) in store.taskPlaces(atIteration: k).enumerated() {
            if place.state != .absent, place.file == shown, let line = place.line { tasksOnLine[line, default: []].append(t) }
        }
        let selectedLine = selected?.file == shown ? selected?.line : nil
        let focus = selectedLine ?? tasksOnLine.keys.min() ?? 1
        let start = max(0, min(focus - 1 - height / 2, count - height))
        let digits = String(count).count
        var out: [PanelLine] = []
        var cutLines = false
        for index in start..<min(count, start + height) {
            let number = index + 1
            let tasks = tasksOnLine[number] ?? []
            let isCurrent = number == selectedLine
            let marker: String
            if isCurrent { marker = glyphs.ascii ? ">" : "▶" } else if !tasks.isEmpty { marker = glyphs.ascii ? "*" : "◆" } else { marker = " " }
            var l = StyledLine(marker, CellStyle(foreground: .yellow, attributes: .bold))
            let numberText = String(number)
            l.add(String(repeating: " ", count: digits - numberText.count) + numberText + " ", Self.dim)
            var code = String(source[index].dropFirst(model.sourceScroll))
            let codeRoom = width - digits - 2
            if code.count > codeRoom, codeRoom > 1 {
                // Cut lines say so at the edge; `>` scrolls the panel to read the rest.
                code = String(code.prefix(codeRoom - 1))
                cutLines = true
                l.add(code)
                l.add(glyphs.ascii ? ">" : "›", CellStyle(foreground: .yellow, attributes: .bold))
            } else {
                l.add(code)
            }
            let room = codeRoom - code.count
            if !tasks.isEmpty, room > 4 {
                let note = "  \(left) " + tasksNote(tasks)
                let fitted = note.count <= room ? note : String(note.prefix(room - 1)) + ellipsis
                l.add(String(repeating: " ", count: max(0, room - fitted.count)))
                l.add(fitted, CellStyle(foreground: .yellow))
            }
            out.append(PanelLine(l, highlight: isCurrent))
        }
        // A program in several files: say which one is shown (the selected task's).
        let path = store.header.files.isEmpty ? "" : file.path + ": "
        var title = path + (model.viewport.selectedTask.map { "line of \(shortName($0)) highlighted, ◆ tasks parked" } ?? "")
        if model.sourceScroll > 0 {
            title += "  (scrolled \(model.sourceScroll) right: < >)"
        } else if cutLines {
            // First, so that a narrow panel's clipped title still says it.
            title = "long lines cut: > scrolls  " + title
        }
        return (glyphs.ascii ? title.replacingOccurrences("◆", "*") : title, out)
    }

    /// Cells the Source panel needs to show its longest line whole (margin and number included).
    var sourceWidthNeeded: Int {
        let lines = store.header.source.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.map(\.count).max() ?? 0) + String(lines.count).count + 2
    }

    /// "worker, ticker" for a few tasks; "9998× worker" for many.
    func tasksNote(_ tasks: [Int]) -> String {
        if tasks.count <= 3 { return tasks.map { shortName($0) }.joined(separator: ", ") }
        let first = shortName(tasks[0])
        let same = tasks.prefix(50).allSatisfy { shortName($0) == first }
        return "\(tasks.count)× \(first)\(same ? "" : " " + ellipsis)"
    }

    func shortName(_ index: Int) -> String {
        guard index < store.taskCount else { return "?" }
        let t = store.task(at: index)
        return t.name.hasPrefix("Task-") ? t.coroutine : t.name
    }

    // MARK: Task

    func taskLines(width: Int) -> (String, [PanelLine]) {
        guard let t = model.viewport.selectedTask, t < store.taskCount else {
            return ("", [PanelLine(StyledLine("select a task with Up/Down or Tab", Self.dim))])
        }
        let info = store.task(at: t)
        let status = store.taskStatus(t, atIteration: k)
        var out: [PanelLine] = []
        var l = StyledLine("state ")
        if status.state == .absent {
            let ended = stories.story(t)?.ending.map { $0.iteration < k } ?? false
            l.add(ended ? "ended" : "not created yet", Self.dim)
        } else {
            l.add(String(glyphs.character(status.state)), Glyphs.style(status.state))
            l.add(" " + Glyphs.name(status.state), Self.bold)
            if let line = status.line { l.add(" at line \(line)") }
        }
        out.append(PanelLine(l))
        if let detail = status.detail, status.state == .waiting || status.state == .sleeping || status.state == .ready {
            out.append(PanelLine(StyledLine("awaits \(detail)")))
        }
        let creator = info.creator.map { "by \(taskName(id: $0))" } ?? "by asyncio.run"
        out.append(PanelLine(StyledLine("created \(creator) at \(place(line: info.line, file: info.file)), iteration \(info.createdInIteration)")))
        let steps = stories.steps(of: t, before: k + 1)
        out.append(PanelLine(StyledLine("steps \(steps) up to here")))
        if let next = stories.nextStep(of: t, after: k) {
            out.append(PanelLine(StyledLine("next step in iteration \(next) (Enter jumps there)", Self.dim)))
        }
        if let story = stories.story(t) {
            for c in story.cancels where c.iteration <= k {
                out.append(contentsOf: cancelLines(c))
            }
            for d in story.delivered where d.iteration <= k {
                let at = d.line.map { " at \(place(line: $0, file: d.file))" } ?? ""
                out.append(PanelLine(StyledLine("CancelledError thrown in\(at), iteration \(d.iteration) t=\(seconds(d.time))",
                                                CellStyle(foreground: .yellow))))
            }
            if let end = story.ending {
                let what: String
                switch end.state {
                case .done: what = "finished: returned \(end.detail ?? "None")"
                case .failed: what = "failed: \(end.detail ?? "exception")"
                default: what = "cancelled (CancelledError not caught)"
                }
                let text = "\(what), iteration \(end.iteration) t=\(seconds(end.time))"
                if end.iteration <= k {
                    out.append(PanelLine(StyledLine(text, Glyphs.style(end.state))))
                } else {
                    out.append(PanelLine(StyledLine("later: " + text, Self.dim)))
                }
            }
        }
        return (taskName(index: t), out)
    }

    /// A line as the Task panel names it: `line 12` in the main file, `util.py:12` in
    /// another of the program's files.
    func place(line: Int, file: Int) -> String {
        guard file != 0, let f = store.header.file(file) else { return "line \(line)" }
        return "\(f.path):\(line)"
    }

    func cancelLines(_ c: TaskStories.Cancel) -> [PanelLine] {
        let style = CellStyle(foreground: .yellow)
        var text = "cancel() by \(taskName(id: c.byTask))"
        let source = store.header.file(c.file)?.source ?? ""
        let sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false)
        if c.line > 0, c.line <= sourceLines.count, sourceLines[c.line - 1].contains("cancel") {
            text += " at \(place(line: c.line, file: c.file))"
        }
        text += ", iteration \(c.iteration) t=\(seconds(c.time))"
        if let m = c.message { text += ", message \(pyRepr(m))" }
        var out = [PanelLine(StyledLine(text, style))]
        if c.byTimeout {
            out.append(PanelLine(StyledLine("  because asyncio.timeout() expired; leaving its block turns", style)))
            out.append(PanelLine(StyledLine("  the CancelledError into TimeoutError", style)))
        } else if let on = c.cancellerWaitsOn, on.hasPrefix("wait_for(") {
            out.append(PanelLine(StyledLine("  because \(on) timed out; wait_for cancels its", style)))
            out.append(PanelLine(StyledLine("  awaitable, then raises TimeoutError in \(taskName(id: c.byTask))", style)))
        }
        return out
    }

    /// Wraps lines longer than the panel at spaces, continuing with an indent.
    func wrap(_ lines: [PanelLine], width: Int) -> [PanelLine] {
        var out: [PanelLine] = []
        for line in lines {
            guard line.line.text.count > width, width > 12, line.line.runs.count == 1, let run = line.line.runs.first else {
                out.append(line)
                continue
            }
            var rest = Substring(run.text)
            var first = true
            while !rest.isEmpty {
                let room = first ? width : width - 2
                var piece = rest.prefix(room)
                if piece.count < rest.count, let space = piece.lastIndex(of: " "), space > piece.startIndex {
                    piece = rest[rest.startIndex..<space]
                }
                out.append(PanelLine(StyledLine((first ? "" : "  ") + piece, run.style), highlight: line.highlight))
                rest = rest[piece.endIndex...]
                while rest.first == " " { rest.removeFirst() }
                first = false
            }
        }
        return out
    }

    func pyRepr(_ s: String) -> String { "'" + s + "'" }

    // MARK: Output and warnings

    /// What the program printed up to the cursor, the newest last; long lines wrap.
    func outputLines(width: Int, height: Int) -> (String, [PanelLine]) {
        let printed = store.output(before: endEvent, last: max(1, height))
        var lines: [PanelLine] = []
        for p in printed {
            var text = p.text
            if text.hasSuffix("\n") { text.removeLast() }
            for piece in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let highlight = p.iteration == k
                lines.append(PanelLine(StyledLine(String(piece), highlight ? Self.bold : .plain)))
            }
        }
        if lines.isEmpty { lines.append(PanelLine(StyledLine("nothing printed yet", Self.dim))) }
        return ("printed up to iteration \(k)", Array(wrap(lines, width: width).suffix(height)))
    }

    func warningLines(width: Int, height: Int) -> (String, [PanelLine]) {
        var lines: [PanelLine] = []
        for w in store.warnings(before: endEvent) {
            for piece in w.text.split(separator: "\n") {
                lines.append(PanelLine(StyledLine(String(piece), CellStyle(foreground: .red))))
            }
        }
        if !model.moreToCome, k >= store.lastIteration {
            for note in model.endNote {
                lines.append(PanelLine(StyledLine(note, CellStyle(foreground: .magenta))))
            }
        }
        if lines.isEmpty { lines.append(PanelLine(StyledLine("none so far", Self.dim))) }
        return ("", Array(lines.suffix(height)))
    }
}

extension String {
    func replacingOccurrences(_ a: String, _ b: String) -> String {
        split(separator: Character(a), omittingEmptySubsequences: false).joined(separator: b)
    }
}
