import ScenarioLanguage

/// Tracebacks in CPython's shape. Frames of the built-in asyncio library are left out:
/// CPython would show its own `asyncio/*.py` frames there, which are not the scenario's.
extension Interpreter {
    /// `chain`: the causes and contexts too (as an uncaught exception prints). `style`:
    /// whose rules draw the position markers (see TracebackMarkers.swift).
    package func formatTraceback(_ exc: PyException, chain: Bool = true, style: TracebackStyle = .native) -> String {
        var context = PrintContext(style: style)
        var out = ""
        format(exc, &context, &out, chain: chain)
        return out
    }

    /// traceback.py's `_ExceptionPrintContext`: how deep in exception groups the printing
    /// is (each level indents by two and draws a margin), and whether the last member's
    /// closing line is still owed.
    private struct PrintContext {
        package let style: TracebackStyle
        package var seen = Set<ObjectIdentifier>()
        package var groupDepth = 0
        package var needClose = false

        package var indent: String { String(repeating: " ", count: 2 * groupDepth) }

        /// `_ctx.emit`: every line of `text` behind the indent and, inside a group, the margin.
        package func emit(_ text: String, margin: String = "|", into out: inout String) {
            var prefix = indent
            if groupDepth > 0 { prefix += margin + " " }
            var line = ""
            for c in text {
                line.append(c)
                if c == "\n" { out += prefix + line; line = "" }
            }
            if !line.isEmpty { out += prefix + line }
        }
    }

    private static let causeMessage = "\nThe above exception was the direct cause of the following exception:\n\n"
    private static let contextMessage = "\nDuring handling of the above exception, another exception occurred:\n\n"
    private static let maxGroupWidth = 15
    private static let maxGroupDepth = 10

    /// `TracebackException.format`: the chain (causes and contexts first), each exception
    /// with its frames and last line; an exception group as CPython 3.11 draws it, its
    /// members numbered in a box below it.
    private func format(_ exc: PyException, _ ctx: inout PrintContext, _ out: inout String, chain follow: Bool = true) {
        var chain: [(message: String?, exception: PyException)] = []
        var current: PyException? = exc
        if !follow {
            chain.append((nil, exc))
            current = nil
        }
        while let e = current {
            ctx.seen.insert(ObjectIdentifier(e))
            var message: String?
            current = nil
            if let cause = e.cause, !ctx.seen.contains(ObjectIdentifier(cause)) {
                message = Self.causeMessage
                current = cause
            } else if let context = e.context, !e.suppressContext, !ctx.seen.contains(ObjectIdentifier(context)) {
                message = Self.contextMessage
                current = context
            }
            chain.append((message, e))
        }
        for (message, e) in chain.reversed() {
            if let message { ctx.emit(message, into: &out) }
            guard isExceptionGroup(e) else {
                if !e.traceback.isEmpty {
                    ctx.emit("Traceback (most recent call last):\n", into: &out)
                    ctx.emit(formatStack(e, style: ctx.style), into: &out)
                }
                ctx.emit(exceptionLine(e) + "\n", into: &out)
                continue
            }
            if ctx.groupDepth > Self.maxGroupDepth {
                ctx.emit("... (max_group_depth is \(Self.maxGroupDepth))\n", into: &out)
                continue
            }
            let isTopLevel = ctx.groupDepth == 0
            if isTopLevel { ctx.groupDepth += 1 }
            if !e.traceback.isEmpty {
                ctx.emit("Exception Group Traceback (most recent call last):\n", margin: isTopLevel ? "+" : "|", into: &out)
                ctx.emit(formatStack(e, style: ctx.style), into: &out)
            }
            ctx.emit(exceptionLine(e) + "\n", into: &out)
            let members = self.members(of: e)
            let n = members.count <= Self.maxGroupWidth ? members.count : Self.maxGroupWidth + 1
            ctx.needClose = false
            for i in 0..<n {
                let last = i == n - 1
                if last { ctx.needClose = true }
                let truncated = i >= Self.maxGroupWidth
                let title = truncated ? "..." : "\(i + 1)"
                out += ctx.indent + (i == 0 ? "+-" : "  ") + "+---------------- " + title + " ----------------\n"
                ctx.groupDepth += 1
                if !truncated {
                    format(members[i], &ctx, &out)
                } else {
                    let remaining = members.count - Self.maxGroupWidth
                    ctx.emit("and \(remaining) more exception\(remaining > 1 ? "s" : "")\n", into: &out)
                }
                if last && ctx.needClose {
                    out += ctx.indent + "+------------------------------------\n"
                    ctx.needClose = false
                }
                ctx.groupDepth -= 1
            }
            if isTopLevel { ctx.groupDepth = 0 }
        }
    }

    /// `StackSummary.format` for the scenario's frames: a line repeated more than 3 times
    /// in a row (deep recursion) is printed 3 times, then counted.
    private func formatStack(_ exc: PyException, style: TracebackStyle) -> String {
        var out = ""
        let entries = exc.traceback.filter { !implementationFiles.contains($0.file) }
        var previous: TracebackEntry?
        var repeats = 0
        func flushRepeats() {
            if repeats > 3 {
                let more = repeats - 3
                out += "  [Previous line repeated \(more) more time\(more == 1 ? "" : "s")]\n"
            }
        }
        for e in entries {
            if e == previous {
                repeats += 1
                if repeats > 3 { continue }
            } else {
                flushRepeats()
                previous = e
                repeats = 1
            }
            out += "  File \"\(e.file)\", line \(e.line), in \(e.function)\n"
            out += sourceLines(e, style: style)
        }
        flushRepeats()
        return out
    }

    /// The last line: `ValueError: boom`, or just the qualified name when the message is empty.
    package func exceptionLine(_ exc: PyException) -> String {
        let cls = exc.cls
        // traceback.py leaves out the module for `builtins` and `__main__`.
        let name = cls.module == "builtins" || cls.module == "__main__" ? cls.qualname : "\(cls.module).\(cls.qualname)"
        let message = (try? exceptionMessage(exc)) ?? "<exception str() failed>"
        return message.isEmpty ? name : "\(name): \(message)"
    }
}
