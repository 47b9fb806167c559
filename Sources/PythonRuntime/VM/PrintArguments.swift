extension Interpreter {
    /// `print()` onto the run's own streams, as `builtin_print` does: each argument is
    /// converted and written in turn, so an argument whose `__str__` raises leaves the
    /// arguments and separators before it written, and one whose `__str__` prints puts
    /// that text after them. The pieces are gathered into one write when nothing runs
    /// in between, which keeps one output event per `print`.
    func printArguments(_ args: [Value], sep: String, end: String, to write: @escaping (String) -> Void) throws {
        let convertsNatively = args.allSatisfy {
            switch $0 {
            case .none, .bool, .int, .float, .str: return true
            case .object: return false
            }
        }
        if convertsNatively {
            write(try args.map { try str($0) }.joined(separator: sep) + end)
            return
        }
        var pending = ""
        // A stream's `write` may itself go through `writeOutput`: the text is taken out
        // of `pending` before it is written.
        let flushPending = {
            let text = pending
            pending = ""
            if !text.isEmpty { write(text) }
        }
        // Whatever the conversions write (a `__str__` that prints or logs) comes after
        // the pieces of this print already converted.
        let output = writeOutput, error = writeError
        writeOutput = { flushPending(); output($0) }
        writeError = { flushPending(); error($0) }
        let restore = {
            self.writeOutput = output
            self.writeError = error
        }
        do {
            for (i, arg) in args.enumerated() {
                if i > 0 { pending += sep }
                pending += try str(arg)
            }
        } catch {
            restore()
            flushPending()
            throw error
        }
        restore()
        write(pending + end)
    }
}
