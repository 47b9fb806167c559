import ScenarioLanguage

/// Tracebacks in CPython's shape. Frames of the built-in asyncio library are left out:
/// CPython would show its own `asyncio/*.py` frames there, which are not the scenario's.
extension Interpreter {
    func formatTraceback(_ exc: PyException) -> String {
        var seen = Set<ObjectIdentifier>()
        return formatChain(exc, &seen)
    }

    private func formatChain(_ exc: PyException, _ seen: inout Set<ObjectIdentifier>) -> String {
        seen.insert(ObjectIdentifier(exc))
        var out = ""
        if let cause = exc.cause, !seen.contains(ObjectIdentifier(cause)) {
            out += formatChain(cause, &seen)
            out += "\nThe above exception was the direct cause of the following exception:\n\n"
        } else if let context = exc.context, !exc.suppressContext, !seen.contains(ObjectIdentifier(context)) {
            out += formatChain(context, &seen)
            out += "\nDuring handling of the above exception, another exception occurred:\n\n"
        }
        let entries = exc.traceback.filter { $0.file != AsyncioPrelude.filename }
        if !entries.isEmpty {
            out += "Traceback (most recent call last):\n"
            // Like CPython, a line repeated more than 3 times in a row (deep recursion) is
            // printed 3 times, then counted.
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
                if let text = sources[e.file]?.line(e.line) {
                    let trimmed = text.drop { $0 == " " || $0 == "\t" }
                    if !trimmed.isEmpty { out += "    \(trimmed)\n" }
                }
            }
            flushRepeats()
        }
        out += exceptionLine(exc) + "\n"
        return out
    }

    /// The last line: `ValueError: boom`, or just the qualified name when the message is empty.
    func exceptionLine(_ exc: PyException) -> String {
        let cls = exc.cls
        // traceback.py leaves out the module for `builtins` and `__main__`.
        let name = cls.module == "builtins" || cls.module == "__main__" ? cls.qualname : "\(cls.module).\(cls.qualname)"
        let message = (try? exceptionMessage(exc)) ?? "<exception str() failed>"
        return message.isEmpty ? name : "\(name): \(message)"
    }
}
