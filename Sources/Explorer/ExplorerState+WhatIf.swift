import Timeline
import WhatIf

/// What the explorer asks of its what-if session after a key (`ExplorerApp` does it: a new
/// run is a new feed, which only the shell may start).
public enum WhatIfRequest: Sendable, Equatable {
    /// Run again with parameter `index` set to `value`.
    case set(index: Int, value: String)
    case undo
}

extension ExplorerState {
    /// `w`: the parameters panel, when the run is a scenario (a trace is a finished run).
    mutating func openWhatIf() {
        if whatIf == nil {
            message = "what-if changes a scenario and runs it again; a recorded trace is a finished run"
        } else {
            whatIfOpen = true
        }
    }

    /// Keys while the panel is open: ↑↓ choose a parameter, Enter (or a digit) starts typing
    /// its new value, Enter runs it, `u` undoes the last run, Esc/`w`/`q` close.
    mutating func handleWhatIf(_ key: Key) {
        guard var o = whatIf else { whatIfOpen = false; return }
        if var text = o.editing {
            switch key {
            case .escape: o.editing = nil
            case .backspace:
                if !text.isEmpty { text.removeLast() }
                o.editing = text
            case .enter:
                o.editing = nil
                if !text.isEmpty { whatIfRequest = .set(index: o.selected, value: text) }
            case .character(let c) where !c.isNewline && text.count < 24:
                text.append(c)
                o.editing = text
            default: break
            }
        } else {
            switch key {
            case .up: o.selected = max(0, o.selected - 1)
            case .down: o.selected = max(0, min(o.rows.count - 1, o.selected + 1))
            case .tab: if !o.rows.isEmpty { o.selected = (o.selected + 1) % o.rows.count }
            case .enter:
                if !o.rows.isEmpty { o.editing = ""; o.error = nil }
            case .character(let c) where c.isNumber || c == "." || c == "-":
                if !o.rows.isEmpty { o.editing = String(c); o.error = nil }
            case .character("u"): whatIfRequest = .undo
            case .escape, .character("w"), .character("q"): whatIfOpen = false
            default: break
            }
        }
        whatIf = o
    }

    /// New contents for the panel (a run changed, a comparison came), keeping the selection.
    public mutating func refreshWhatIf(_ overlay: WhatIfOverlay, error: String? = nil) {
        var o = overlay
        o.selected = min(whatIf?.selected ?? 0, max(0, o.rows.count - 1))
        o.error = error
        whatIf = o
    }

    /// The explorer now shows another run (a what-if edit or an undo): the lanes are rebuilt
    /// and the cursor stays on its iteration (it is simulated to there in the background).
    public mutating func replaceFeed(_ feed: TraceFeed) {
        lanesKey = LanesKey()
        changedTasks = []
        divergence = nil
        selectedGroup = nil
        if let t = selectedTask, t >= feed.store.taskCount { selectedTask = feed.store.taskCount > 0 ? 0 : nil }
        feed.extend(toIteration: cursor + Self.lookahead)
        refreshLanes(feed)
    }

    /// Marks what the comparison found: the changed tasks' lanes and the first divergent
    /// iteration, where the cursor goes.
    public mutating func showComparison(_ comparison: RunComparison, _ feed: TraceFeed) {
        changedTasks = Set(comparison.taskChanges.map(\.index))
        divergence = comparison.divergence?.iteration
        if let d = divergence {
            go(toIteration: d, feed)
            message = "what-if: first divergence at iteration \(d); \(changedTasks.count) task outcome\(changedTasks.count == 1 ? "" : "s") changed"
        } else {
            message = "what-if: the new run took the same steps and printed the same output"
        }
    }
}
