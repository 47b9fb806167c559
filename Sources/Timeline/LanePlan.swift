/// What the lane area shows and from where: the lane list (filtered, sorted, grouped), the
/// first row scrolled to, the selected row, what group lanes summarise, and a note on how
/// the lanes were chosen ("filter 'work': 12 of 10003").
public struct LanePlan: Sendable, Equatable {
    public var list: LaneList
    public var firstRow = 0
    /// The selected row when it is a group (a task's row is found from the selected task).
    public var selectedRow: Int?
    public var note = ""
    public var activity: GroupActivity?
    /// What-if marks: tasks (by index) whose outcome changed from the run before, and the
    /// first iteration where the two runs differ.
    public var changedTasks: Set<Int> = []
    public var divergence: Int?

    public init(list: LaneList, firstRow: Int = 0, selectedRow: Int? = nil, note: String = "", activity: GroupActivity? = nil,
                changedTasks: Set<Int> = [], divergence: Int? = nil) {
        self.list = list
        self.firstRow = firstRow
        self.selectedRow = selectedRow
        self.note = note
        self.activity = activity
        self.changedTasks = changedTasks
        self.divergence = divergence
    }

    /// The rows that fit in `rows` screen rows, scrolled from `firstRow` just enough to keep
    /// the selection visible; one row is kept for the "rows a-b of n" line when not all fit.
    public func visibleRows(_ rows: Int, selectedTask: Int?) -> (first: Int, shown: Int) {
        let count = list.rows.count
        let spare = note.isEmpty ? 0 : 1
        guard count + spare > rows else { return (0, count) }
        let shown = max(0, rows - 1)
        var first = min(max(0, firstRow), max(0, count - shown))
        if let s = selectedRow ?? selectedTask.flatMap({ list.row(ofTask: $0) }) {
            if s < first { first = s } else if s >= first + shown { first = s - shown + 1 }
        }
        return (max(0, first), min(shown, count))
    }

    public static func == (a: LanePlan, b: LanePlan) -> Bool {
        a.list == b.list && a.firstRow == b.firstRow && a.selectedRow == b.selectedRow && a.note == b.note
            && a.changedTasks == b.changedTasks && a.divergence == b.divergence
    }
}
