/// The cost model: how much virtual time executed Python code takes. CPython on a virtual
/// clock charges nothing for it (so does loopscope by default, which keeps its output
/// CPython's); with the model on, every VM instruction costs a fixed number of
/// nanoseconds, so a CPU-bound stretch holds the loop as it would for real.
public enum CPUCost: Equatable, Sendable, CustomStringConvertible {
    /// Python code takes no virtual time.
    case off
    /// `realisticNanoseconds` per instruction: calibrated against CPython 3.11 on this
    /// project's machine (`loopscope bench cpu-cost`; figures in README).
    case realistic
    /// A given number of nanoseconds per instruction.
    case nanoseconds(Double)

    /// Nanoseconds per VM instruction of `.realistic`: the figure that brings the snippets
    /// of `bench/cpu_cost/` closest to CPython 3.11's own times on this machine.
    public static let realisticNanoseconds = 2.2
    /// What a call costs beyond its own instruction, in instructions: CPython 3.11 runs
    /// plain instructions (specialized, often fused) several times faster than a call.
    public static let callWork = 12
    /// What resuming a generator costs beyond the instructions it runs.
    public static let resumeWork = 7
    /// Native operations whose work grows with their input, per unit of it: a comparison
    /// of `sorted`/`list.sort` (CPython: about 16 ns for floats) and an item of
    /// `str.join` (about 11 ns).
    public static let compareWork = 9
    public static let joinItemWork = 5

    /// With the model off, a loop step that runs more instructions than this gets a hint
    /// that CPython would hold the loop there (about 0.2 s at the realistic cost).
    public static let hintInstructions = 10_000_000

    /// Seconds of virtual time one instruction takes (0 when off).
    public var secondsPerInstruction: Double {
        switch self {
        case .off: return 0
        case .realistic: return Self.realisticNanoseconds * 1e-9
        case .nanoseconds(let ns): return ns * 1e-9
        }
    }

    /// `realistic`, `off`, or a number of nanoseconds per instruction (`12.5`).
    public static func parse(_ text: String) -> CPUCost? {
        switch text {
        case "realistic": return .realistic
        case "off": return .off
        default:
            guard let ns = Double(text), ns.isFinite, ns >= 0 else { return nil }
            return ns == 0 ? .off : .nanoseconds(ns)
        }
    }

    /// What `parse` reads back (trace headers, messages).
    public var description: String {
        switch self {
        case .off: return "off"
        case .realistic: return "realistic"
        case .nanoseconds(let ns):
            return ns == ns.rounded() && abs(ns) < 1e15 ? String(Int(ns)) : String(ns)
        }
    }

    static let pragmaPrefix = "loopscope:"
    static let pragmaKey = "cpu-cost="

    /// The scenario's `# loopscope: cpu-cost=VALUE` comment (a line of its own), for
    /// scenarios written to show CPU-bound work: nil when there is none, a located error
    /// when its value is not one `parse` reads.
    public static func pragma(in source: SourceText) -> Result<CPUCost?, Diagnostic> {
        for (index, line) in source.lines.enumerated() {
            let scalars = Array(line.unicodeScalars)
            var i = 0
            while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
            guard i < scalars.count, scalars[i] == "#" else { continue }
            let comment = String(String.UnicodeScalarView(scalars[(i + 1)...]))
            let body = comment.drop { $0 == " " }
            guard body.hasPrefix(pragmaPrefix) else { continue }
            let setting = body.dropFirst(pragmaPrefix.count).drop { $0 == " " }
            guard setting.hasPrefix(pragmaKey) else { continue }
            let value = setting.dropFirst(pragmaKey.count).prefix { $0 != " " && $0 != "\t" }
            if let cost = parse(String(value)) { return .success(cost) }
            // The value's column: the scalars before it on the line, plus one.
            let column = line.unicodeScalars.count - String(setting.dropFirst(pragmaKey.count)).unicodeScalars.count + 1
            let start = SourceLocation(line: index + 1, column: column)
            let end = SourceLocation(line: index + 1, column: column + max(1, value.unicodeScalars.count))
            return .failure(Diagnostic("cpu-cost must be 'realistic', 'off' or a number of nanoseconds per instruction, not '\(value)'",
                                       at: SourceRange(start: start, end: end)))
        }
        return .success(nil)
    }
}
