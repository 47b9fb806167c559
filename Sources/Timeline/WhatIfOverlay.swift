/// The what-if panel as the screen draws it (`w` in the explorer): the scenario's
/// parameters with their values in the run shown, the one selected, the value being typed,
/// and how the newest run compares with the one before it.
public struct WhatIfOverlay: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// `12:20`: where the literal starts in the scenario.
        public var place: String
        /// `asyncio.sleep(delay)` or a constant's name.
        public var label: String
        /// The literal as the file has it, and the value in the run shown.
        public var original: String
        public var value: String

        public init(place: String, label: String, original: String, value: String) {
            self.place = place
            self.label = label
            self.original = original
            self.value = value
        }
    }

    public var rows: [Row]
    public var selected = 0
    /// The new value while it is typed (Enter runs it, Esc drops it).
    public var editing: String?
    /// Why the last edit was refused (not a number, ...).
    public var error: String?
    /// The comparison of the newest run with the one before, or what is being waited for.
    public var report: [String] = []
    /// Runs in the history: undo is possible when there are two or more.
    public var runs = 1

    public init(rows: [Row]) {
        self.rows = rows
    }
}
