import ArgumentParser
import LoopTrace
import ScenarioLanguage
import Timeline
import WhatIf

/// One side of a comparison: a scenario with its what-if settings, or a recorded trace.
struct RunSpec {
    var path: String
    var settings: [WhatIfSetting]

    var label: String {
        settings.isEmpty ? path : path + " " + settings.map { "--set \($0)" }.joined(separator: " ")
    }

    /// The run's events (a trace is loaded, a scenario simulated silently).
    func store(_ limits: LimitOptions) throws -> TraceStore {
        try loadTraceOrScenario(path, options: limits.simulationOptions, settings: settings)
    }
}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two runs: the first iteration where they diverge, changed task outcomes, changed output.",
        discussion: """
        A run is a scenario with its settings, or a trace from `record`. RUN_A takes \
        --set (or --set-a), RUN_B takes --set-b; name the same scenario twice to compare it \
        with itself under other settings: \
        `loopscope diff demo.py demo.py --set-b 46:49=6`. Tasks are paired in creation \
        order; an outcome is `done: RESULT`, `cancelled`, `failed: EXCEPTION` or \
        `pending`. The output's changed lines are shown between the common first and last \
        lines (- A, + B). --render also draws both timelines, A above B (as `render --diff`). \
        Exit status: 0 when the runs are the same, 1 when they differ, 2 for a file that \
        cannot be read or checked or a setting that names no parameter.
        """
    )

    @ArgumentParser.Argument(help: "The first run: a scenario (.py) or a trace (.jsonl).")
    var runA: String

    @ArgumentParser.Argument(help: "The second run: a scenario (.py) or a trace (.jsonl).")
    var runB: String

    @Option(name: [.customLong("set-a"), .customLong("set")], help: ArgumentHelp("A setting of RUN_A (as run --set). Repeatable.", valueName: "LINE:COL=VALUE"))
    var settingsA: [String] = []

    @Option(name: .customLong("set-b"), help: ArgumentHelp("A setting of RUN_B. Repeatable.", valueName: "LINE:COL=VALUE"))
    var settingsB: [String] = []

    @Flag(help: "Also draw both timelines, A above B.")
    var render = false

    @OptionGroup var drawing: DiffDrawingOptions
    @OptionGroup var limits: LimitOptions

    func run() throws {
        let a = RunSpec(path: runA, settings: try WhatIfOptions.parse(settingsA))
        let b = RunSpec(path: runB, settings: try WhatIfOptions.parse(settingsB))
        let storeA = try a.store(limits), storeB = try b.store(limits)
        let comparison = RunComparison(RunDigest(storeA), RunDigest(storeB))
        if render {
            Console.out(drawing.draw(storeA, storeB, comparison, labels: (a.label, b.label)))
        }
        Console.out(comparison.report(labelA: a.label, labelB: b.label))
        Console.flush()
        if !comparison.identical { throw ExitCode(1) }
    }
}

/// How `render --diff` and `diff --render` draw two timelines.
struct DiffDrawingOptions: ParsableArguments {
    @Option(help: "The horizontal axis of --render: time or steps.")
    var axis: Axis = .steps

    @Option(help: "Width in columns of --render (default 100).")
    var width: Int = 100

    @Flag(help: "Draw with ASCII characters only.")
    var ascii = false

    func validate() throws {
        if width < 20 { throw ValidationError("--width must be at least 20") }
    }

    func draw(_ a: TraceStore, _ b: TraceStore, _ comparison: RunComparison, labels: (String, String)) -> String {
        drawBoth(a, b, comparison, labels: labels, axis: axis, width: width, glyphs: Glyphs(ascii: ascii), ansi: false)
    }
}

/// A's timeline, a rule naming the first divergent iteration, B's timeline. Both are laid
/// out on the same span (the longer run's), so a column means the same in both, and the
/// divergent iteration is highlighted in both as the cursor is.
func drawBoth(_ a: TraceStore, _ b: TraceStore, _ comparison: RunComparison, labels: (String, String),
              axis: Axis, width: Int, glyphs: Glyphs, ansi: Bool) -> String {
    let va = Viewport.fit(a, axis: axis, width: width), vb = Viewport.fit(b, axis: axis, width: width)
    var shared = va.span >= vb.span ? va : vb
    shared.cursorIteration = comparison.divergence?.iteration
    let text: (CellGrid) -> String = { ansi ? GridText.ansi($0) : GridText.plain($0) }
    var out = "A: \(labels.0)\n" + text(TimelineLayout.render(a, shared, glyphs: glyphs))
    let rule = comparison.divergence.map { "first divergence at iteration \($0.iteration)" } ?? "no divergence"
    let bar = String(repeating: glyphs.ascii ? "=" : "═", count: 4)
    out += bar + " " + rule + " " + bar + "\n"
    out += "B: \(labels.1)\n" + text(TimelineLayout.render(b, shared, glyphs: glyphs))
    return out
}
