/// `--set LINE:COL=VALUE` or `--set NAME=VALUE`: one parameter of a scenario given another
/// value. Applying settings rewrites the literals in the source text, so the run that
/// follows is exactly the run of the edited program (tracebacks quote the edited line, as
/// CPython's would).
public struct WhatIfSetting: Sendable, Equatable, CustomStringConvertible {
    public enum Target: Sendable, Equatable {
        case location(SourceLocation)
        case constant(String)
    }

    public var target: Target
    /// A Python number literal (`0.25`, `3`, `-1`, `1e-3`).
    public var value: String

    public init(target: Target, value: String) {
        self.target = target
        self.value = value
    }

    public var description: String {
        switch target {
        case .location(let l): return "\(l.line):\(l.column)=\(value)"
        case .constant(let name): return "\(name)=\(value)"
        }
    }

    /// Parses `LINE:COL=VALUE` / `NAME=VALUE`; the message says what is wrong otherwise.
    public static func parse(_ text: String) -> Result<WhatIfSetting, SettingError> {
        guard let eq = text.firstIndex(of: "=") else {
            return .failure(SettingError("--set takes LINE:COL=VALUE or NAME=VALUE, not '\(text)'"))
        }
        let key = String(text[..<eq]).trimmingSpaces, value = String(text[text.index(after: eq)...]).trimmingSpaces
        switch parseTarget(key) {
        case .failure(let e): return .failure(e)
        case .success(let target):
            guard isNumberLiteral(value) else {
                return .failure(SettingError("--set \(key)=: '\(value)' is not a number (write it as in Python: 0.5, 3, 1e-3)"))
            }
            return .success(WhatIfSetting(target: target, value: value))
        }
    }

    /// `12:5` or `NAME`.
    public static func parseTarget(_ key: String) -> Result<Target, SettingError> {
        let parts = key.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, let line = Int(parts[0]), let column = Int(parts[1]), line > 0, column > 0 {
            return .success(.location(SourceLocation(line: line, column: column)))
        }
        if let first = key.unicodeScalars.first, first == "_" || first.properties.isXIDStart,
           key.unicodeScalars.allSatisfy({ $0 == "_" || $0.properties.isXIDContinue }) {
            return .success(.constant(key))
        }
        return .failure(SettingError("--set: '\(key)' is neither LINE:COL (1-based) nor a constant's name"))
    }

    /// A decimal int or float literal, optionally negative: what can replace a literal
    /// without changing how the line parses.
    public static func isNumberLiteral(_ text: String) -> Bool {
        var s = Substring(text)
        if s.first == "-" { s = s.dropFirst() }
        guard let first = s.first, first.isASCII, first.isNumber || first == "." else { return false }
        guard s.allSatisfy({ $0.isASCII && ($0.isNumber || "._eE+-".contains($0)) }) else { return false }
        return Double(String(s).replacingOccurrences(of: "_", with: "")) != nil
    }
}

public struct SettingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// Where in the scenario, when the setting names a place that is not a parameter.
    public var diagnostic: Diagnostic?
    public init(_ message: String, diagnostic: Diagnostic? = nil) {
        self.message = message
        self.diagnostic = diagnostic
    }
    public var description: String { message }
}

extension WhatIfSetting {
    /// The source with every setting applied. Each must name a parameter of `source`
    /// (`WhatIfParameters.find`): a location where no parameter's literal starts is an
    /// error located there.
    public static func apply(_ settings: [WhatIfSetting], to source: String) -> Result<String, SettingError> {
        guard !settings.isEmpty else { return .success(source) }
        guard let parameters = WhatIfParameters.find(inSource: source) else {
            return .failure(SettingError("--set: the scenario does not parse (run `loopscope check` on it)"))
        }
        var edits: [(range: SourceRange, text: String)] = []
        for setting in settings {
            switch setting.target {
            case .location(let l):
                guard let p = parameters.first(where: { $0.location == l }) else {
                    let near = parameters.filter { $0.location.line == l.line }.map { "\($0.location)" }
                    let hint = near.isEmpty ? "no parameter is on line \(l.line)" : "parameters on this line start at \(near.joined(separator: ", "))"
                    return .failure(SettingError("--set \(l): not a parameter", diagnostic: Diagnostic(
                        "--set \(l): no duration, timeout or capacity literal starts here (\(hint); `loopscope params FILE` lists them)",
                        at: SourceRange(l))))
                }
                edits.removeAll { $0.range == p.range }
                edits.append((p.range, setting.value))
            case .constant(let name):
                guard let p = parameters.first(where: { $0.role == .constant(name: name) }) else {
                    let names = parameters.compactMap { p -> String? in
                        if case .constant(let n) = p.role { return n } else { return nil }
                    }
                    let known = names.isEmpty ? "the scenario has no top-level numeric constants"
                        : "its top-level numeric constants are \(names.joined(separator: ", "))"
                    return .failure(SettingError("--set \(name): no top-level constant \(name) = NUMBER (\(known))"))
                }
                edits.removeAll { $0.range == p.range }
                edits.append((p.range, setting.value))
            }
        }
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Right to left, so earlier columns on the same line stay valid.
        for edit in edits.sorted(by: { $0.range.start > $1.range.start }) {
            let index = edit.range.start.line - 1
            guard lines.indices.contains(index) else { continue }
            var scalars = Array(lines[index].unicodeScalars)
            let from = edit.range.start.column - 1, to = edit.range.end.column - 1
            guard from >= 0, to <= scalars.count, from <= to else { continue }
            scalars.replaceSubrange(from..<to, with: edit.text.unicodeScalars)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            lines[index] = String(view)
        }
        return .success(lines.joined(separator: "\n"))
    }
}

private extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
