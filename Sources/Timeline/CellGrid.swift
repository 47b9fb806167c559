/// A rectangle of cells, row-major: what the layout draws and a backend displays. Writes
/// outside the grid are clipped, so layout code never has to bounds-check.
public struct CellGrid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, x < width, y >= 0, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Writes `text` from column `x`, one character per cell, clipped at `maxX` (exclusive).
    public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = .plain, maxX: Int? = nil) {
        let limit = min(maxX ?? width, width)
        var column = x
        for ch in text {
            if column >= limit { break }
            self[column, y] = Cell(ch, style)
            column += 1
        }
    }

    /// Changes the style of a cell without changing its character.
    public mutating func restyle(x: Int, y: Int, _ change: (inout CellStyle) -> Void) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        change(&cells[y * width + x].style)
    }

    /// Row `y` as plain text (trailing spaces kept).
    public func text(row y: Int) -> String {
        String(cells[(y * width)..<((y + 1) * width)].map(\.character))
    }
}
