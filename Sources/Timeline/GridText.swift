/// Turns a grid into text for `render`: plain (characters only, trailing spaces trimmed)
/// or with ANSI SGR escapes that switch only when the style changes.
public enum GridText {
    public static func plain(_ grid: CellGrid) -> String {
        var out = ""
        for y in 0..<grid.height {
            var line = grid.text(row: y)
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    public static func ansi(_ grid: CellGrid) -> String {
        var out = ""
        for y in 0..<grid.height {
            // Trim trailing plain blanks so pasted output has no ragged whitespace.
            var last = grid.width - 1
            while last >= 0, grid[last, y] == Cell() { last -= 1 }
            var current = CellStyle.plain
            for x in 0..<(last + 1) {
                let cell = grid[x, y]
                if cell.style != current {
                    out += sgr(cell.style)
                    current = cell.style
                }
                out.append(cell.character)
            }
            if current != .plain { out += "\u{1B}[0m" }
            out += "\n"
        }
        return out
    }

    /// The escape sequence that sets exactly `style` (starting from a reset).
    static func sgr(_ style: CellStyle) -> String {
        var codes = ["0"]
        if style.attributes.contains(.bold) { codes.append("1") }
        if style.attributes.contains(.dim) { codes.append("2") }
        if style.attributes.contains(.underline) { codes.append("4") }
        if style.attributes.contains(.reverse) { codes.append("7") }
        if let f = colorCode(style.foreground, base: 30) { codes.append(f) }
        if let b = colorCode(style.background, base: 40) { codes.append(b) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    private static func colorCode(_ c: TerminalColor, base: Int) -> String? {
        switch c {
        case .default: return nil
        case .black: return String(base)
        case .red: return String(base + 1)
        case .green: return String(base + 2)
        case .yellow: return String(base + 3)
        case .blue: return String(base + 4)
        case .magenta: return String(base + 5)
        case .cyan: return String(base + 6)
        case .white: return String(base + 7)
        case .gray: return String(base + 60)
        }
    }
}
