import ScenarioLanguage

/// CPython 3.11's position markers: the `^^^^` line under a traceback's source line that
/// shows the failing expression, with `~~~^~~~` around a binary operator and `~~~^^^^`
/// under a subscript. CPython draws them twice, with slightly different rules: natively
/// (Python/traceback.c: an uncaught exception, a thread's) and in Lib/traceback.py
/// (`print_exc`, `format_exception`, and so logging's `exception()` and asyncio's
/// logged errors). Both are mirrored here, quirks included.
package enum TracebackStyle {
    /// Python/traceback.c `tb_displayline`: the line keeps its trailing whitespace.
    case native
    /// Lib/traceback.py `StackSummary.format_frame_summary`: the line is stripped, and
    /// trailing whitespace shifts the markers left (it counts as stripped characters).
    case library
}

/// traceback.py's `_Anchors`: within the failing segment, the secondary (`^`) range
/// `[leftEnd, rightStart)` amid primary (`~`) characters.
package struct CaretAnchors: Equatable {
    package var leftEnd: Int
    package var rightStart: Int
}

extension Interpreter {
    /// The source line of a traceback entry and, when CPython would draw one, the marker
    /// line under it (each ending in a newline); empty when the line is not known.
    package func sourceLines(_ entry: TracebackEntry, style: TracebackStyle) -> String {
        guard let text = sources[entry.file]?.line(entry.line) else { return "" }
        let line = Array(text.unicodeScalars)
        let indent = line.prefix { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }.count
        var end = line.count
        if style == .library {
            while end > indent, line[end - 1].properties.isWhitespace { end -= 1 }
        }
        guard end > indent else { return "" }
        var out = "    " + String(String.UnicodeScalarView(line[indent..<end])) + "\n"
        if let markers = markerLine(entry, line, indent: indent, shown: end - indent, style: style) {
            out += "    " + markers + "\n"
        }
        return out
    }

    /// The marker line's text after its four-space indent, or nil when CPython leaves it
    /// out: no columns, or the primary markers would span the whole shown line.
    private func markerLine(_ entry: TracebackEntry, _ line: [Unicode.Scalar], indent: Int, shown: Int,
                            style: TracebackStyle) -> String? {
        guard let p = entry.position, p.hasColumns, Int(p.line) == entry.line else { return nil }
        let start = min(Int(p.column), line.count)
        var end = min(max(Int(p.endColumn), start), line.count)
        var anchors: CaretAnchors?
        if p.line == p.endLine {
            let segment = String(String.UnicodeScalarView(line[start..<end]))
            anchors = caretAnchors(segment, style: style)
        } else {
            // A multi-line expression is marked up to the line's last non-blank character.
            end = line.count
            while end > 0, line[end - 1].properties.isWhitespace { end -= 1 }
        }
        var text = ""
        switch style {
        case .native:
            // "Elide indicators if primary char spans the frame line."
            if end - start == shown && anchors == nil { return nil }
            text = String(repeating: " ", count: max(0, start - indent))
        case .library:
            // "show indicators if primary char doesn't span the frame line"; the offset
            // counts the stripped characters as linecache's line has them (the newline
            // and any trailing blanks too).
            let strippedCharacters = (line.count + 1) - shown
            let secondary = anchors.map { $0.rightStart - $0.leftEnd > 0 } ?? false
            guard end - start < shown || secondary else { return nil }
            text = String(repeating: " ", count: max(0, start + 1 - strippedCharacters))
        }
        let width = max(0, end - start)
        guard let a = anchors else { return text + String(repeating: "^", count: width) }
        for i in 0..<width {
            text += i >= a.leftEnd && i < a.rightStart ? "^" : "~"
        }
        return text
    }

    /// `_extract_caret_anchors_from_line_segment` (traceback.py) and
    /// `extract_anchors_from_line` (traceback.c): parse the failing segment alone; a
    /// binary operation anchors its operator, a subscript its brackets. Remembered per
    /// segment, since a loop fails on the same one again and again.
    package func caretAnchors(_ segment: String, style: TracebackStyle) -> CaretAnchors? {
        let key = (style == .native ? "n" : "l") + segment
        if let known = anchorCache[key] { return known }
        let result = computeAnchors(segment, style: style)
        if anchorCache.count > 256 { anchorCache.removeAll() }
        anchorCache[key] = .some(result)
        return result
    }

    private func computeAnchors(_ segment: String, style: TracebackStyle) -> CaretAnchors? {
        guard let module = FrontEnd.analyze(segment).module, module.body.count == 1,
              case .expr(let expr) = module.body[0].kind else { return nil }
        let s = Array(segment.unicodeScalars)
        func isSpace(_ i: Int) -> Bool { s[i].properties.isWhitespace }
        // AST columns are 1-based; the segment is one line, so offsets are columns - 1.
        switch expr.kind {
        case let .binary(_, left, right):
            let leftEnd = left.range.end.column - 1
            let rightStart = right.range.start.column - 1
            switch style {
            case .native:
                // traceback.c: the first non-blank between the operands that is not a
                // closing parenthesis of the left operand.
                var anchors: CaretAnchors?
                var i = leftEnd
                while i < rightStart {
                    defer { i += 1 }
                    if isSpace(i) { continue }
                    var right = i + 1
                    if i + 1 < rightStart && !isSpace(i + 1) { right += 1 }
                    anchors = CaretAnchors(leftEnd: i, rightStart: right)
                    if i + 1 < rightStart && s[i] == ")" { continue }
                    break
                }
                return anchors
            case .library:
                let op = s[leftEnd..<max(leftEnd, rightStart)]
                let offset = op.prefix { $0.properties.isWhitespace }.count
                var leftAnchor = leftEnd + offset
                var rightAnchor = leftAnchor + 1
                if offset + 1 < op.count && !op[op.startIndex + offset + 1].properties.isWhitespace {
                    rightAnchor += 1
                }
                while leftAnchor < s.count && (isSpace(leftAnchor) || s[leftAnchor] == ")" || s[leftAnchor] == "#") {
                    leftAnchor += 1
                    rightAnchor += 1
                }
                return CaretAnchors(leftEnd: leftAnchor, rightStart: rightAnchor)
            }
        case let .subscript(value, index):
            // Both: from the `[` after the value to just past the `]` after the index.
            var leftAnchor = value.range.end.column - 1
            var rightAnchor = index.range.end.column
            while leftAnchor < s.count && (isSpace(leftAnchor) || s[leftAnchor] != "[") { leftAnchor += 1 }
            while rightAnchor < s.count && (isSpace(rightAnchor) || s[rightAnchor] != "]") { rightAnchor += 1 }
            if rightAnchor < s.count { rightAnchor += 1 }
            return CaretAnchors(leftEnd: leftAnchor, rightStart: rightAnchor)
        default:
            return nil
        }
    }
}
