/// An error found in a scenario before it runs. Diagnostics are values until the CLI
/// prints them in compiler style:
///
///     Scenarios/x.py:12:5: error: 'class' definitions are not supported in scenarios
///         class Foo:
///         ^
public struct Diagnostic: Error, Hashable, Sendable {
    public enum Severity: String, Sendable { case error, warning, note }

    public var severity: Severity
    public var message: String
    public var range: SourceRange

    public init(_ severity: Severity = .error, _ message: String, at range: SourceRange) {
        self.severity = severity
        self.message = message
        self.range = range
    }

    /// An error diagnostic.
    public init(_ message: String, at range: SourceRange) {
        self.init(.error, message, at: range)
    }

    public var location: SourceLocation { range.start }

    /// `PATH:LINE:COL: error: MESSAGE`
    public func headline(path: String) -> String {
        "\(path):\(range.start.line):\(range.start.column): \(severity.rawValue): \(message)"
    }

    /// The headline, the offending source line and a caret (with tildes under the rest of
    /// the range when it stays on one line).
    public func formatted(path: String, source: SourceText) -> String {
        var out = headline(path: path)
        guard let text = source.line(range.start.line) else { return out }
        let shown = text.replacingTabs()
        out += "\n    " + shown
        let caretColumn = max(1, min(range.start.column, shown.unicodeScalars.count + 1))
        var marker = String(repeating: " ", count: caretColumn - 1) + "^"
        if range.end.line == range.start.line, range.end.column - range.start.column > 1 {
            let available = shown.unicodeScalars.count + 1 - caretColumn
            let tildes = min(range.end.column - range.start.column - 1, max(0, available - 1))
            marker += String(repeating: "~", count: max(0, tildes))
        }
        out += "\n    " + marker
        return out
    }
}

/// The source of a scenario, split into lines once so diagnostics and tracebacks can quote it.
public struct SourceText: Sendable {
    public let text: String
    public let lines: [String]

    public init(_ text: String) {
        self.text = text
        var lines: [String] = []
        var current = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if !previousWasCR { lines.append(current) }
                current = ""
                previousWasCR = false
            } else if scalar == "\r" {
                lines.append(current)
                current = ""
                previousWasCR = true
            } else {
                current.unicodeScalars.append(scalar)
                previousWasCR = false
            }
        }
        lines.append(current)
        self.lines = lines
    }

    /// The 1-based line `n`, without its line ending.
    public func line(_ n: Int) -> String? {
        n >= 1 && n <= lines.count ? lines[n - 1] : nil
    }
}

extension String {
    /// Tabs expanded to single spaces so the caret line stays aligned column for column.
    func replacingTabs() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\t" ? " " : $0 }))
    }
}
