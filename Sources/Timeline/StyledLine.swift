/// A line of text made of styled runs: what panels produce before they are placed on the grid.
public struct StyledLine: Sendable, Equatable {
    public var runs: [Run]

    public struct Run: Sendable, Equatable {
        public var text: String
        public var style: CellStyle
    }

    public init(_ text: String = "", _ style: CellStyle = .plain) {
        runs = text.isEmpty ? [] : [Run(text: text, style: style)]
    }

    public mutating func add(_ text: String, _ style: CellStyle = .plain) {
        runs.append(Run(text: text, style: style))
    }

    public var text: String { runs.map(\.text).joined() }

    /// Draws the line at (x, y), clipped to `width` cells; a style applied to the whole line
    /// (`fill`) pads it to the width, e.g. for a highlighted row.
    func draw(into grid: inout CellGrid, x: Int, y: Int, width: Int, fill: CellStyle? = nil) {
        if let fill { grid.put(String(repeating: " ", count: max(0, width)), x: x, y: y, style: fill, maxX: x + width) }
        var column = x
        for run in runs {
            var style = run.style
            if let fill {
                style.attributes.formUnion(fill.attributes)
                if style.background == .default { style.background = fill.background }
            }
            grid.put(run.text, x: column, y: y, style: style, maxX: x + width)
            column += run.text.count
            if column >= x + width { break }
        }
    }
}
