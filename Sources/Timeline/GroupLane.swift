import LoopTrace

/// Draws a grouped lane: per column, how many of the group's tasks stepped (a bar whose
/// height is their share of the group: ▁ to █, ASCII 1-9 and #), or, where none stepped,
/// what most of them were doing as the column began (ready, waiting, sleeping).
enum GroupLane {
    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func draw(_ grid: inout CellGrid, y: Int, store: TraceStore, activity: GroupActivity, coroutine: String,
                     _ v: Viewport, x0: Int, columns: Int, end: Double, glyphs: Glyphs) {
        guard let g = activity.group(named: coroutine) else { return }
        let size = max(1, activity.members(group: g))
        for c in 0..<columns {
            let (from, to) = v.range(ofColumn: c)
            if from > end || (v.axis == .steps && from >= end) { break }
            let (k0, k1) = iterations(store, from: from, to: to, axis: v.axis)
            let ran: Int
            if v.axis == .steps, v.span <= 16 {
                // Zoomed in, a column is a few callbacks: count the group's steps among them
                // (a whole iteration's count would light every column of it).
                ran = stepsInSlots(store, activity, group: g, from: from, to: to)
            } else {
                ran = activity.steps(group: g, iterations: k0, k1)
            }
            let cell: Cell
            if ran > 0 {
                let share = min(1, Double(ran) / Double(size))
                if glyphs.ascii {
                    let tenth = Int((share * 9).rounded(.up))
                    cell = Cell(tenth >= 9 ? "#" : Character(String(max(1, tenth))), Glyphs.style(.running))
                } else {
                    cell = Cell(bars[min(7, max(0, Int((share * 8).rounded(.up)) - 1))], Glyphs.style(.running))
                }
            } else {
                let counts = activity.counts(group: g, atIteration: k0)
                let most = [(LaneState.waiting, counts.waiting), (.sleeping, counts.sleeping), (.ready, counts.ready)]
                    .max { $0.1 < $1.1 }!
                guard most.1 > 0 else { continue }
                cell = Cell(glyphs.character(most.0), Glyphs.style(most.0))
            }
            grid[x0 + c, y] = cell
        }
    }

    static func stepsInSlots(_ store: TraceStore, _ activity: GroupActivity, group g: Int, from: Double, to: Double) -> Int {
        var count = 0
        var slot = Int(from.rounded(.down))
        // A column narrower than a step still shows the step it is part of.
        let end = max(slot + 1, Int(to.rounded(.up)))
        while slot < end, slot < store.slotCount {
            if let id = store.callback(atSlot: slot)?.task, let t = store.taskIndex(id: id), activity.group(ofTask: t) == g {
                count += 1
            }
            slot += 1
        }
        return count
    }

    /// The iterations a column covers.
    static func iterations(_ store: TraceStore, from: Double, to: Double, axis: Axis) -> (Int, Int) {
        switch axis {
        case .steps:
            let first = store.iteration(atSlot: Int(from.rounded(.down)))
            let last = store.iteration(atSlot: max(Int(from.rounded(.down)), Int(to.rounded(.up)) - 1))
            return (first, last)
        case .time:
            let first = store.iteration(atTime: from)
            return (first, max(first, store.iteration(atTime: to.nextDown)))
        }
    }
}
