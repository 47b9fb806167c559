/// A key press (or click, or resize) as the explorer understands it, whatever the terminal
/// library reported.
public enum Key: Equatable, Sendable {
    case character(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, tab, backTab, escape, backspace
    /// A mouse click at a screen cell.
    case click(x: Int, y: Int)
    /// The mouse wheel.
    case scrollUp, scrollDown
    case resize(width: Int, height: Int)
}
