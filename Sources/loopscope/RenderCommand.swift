#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import LoopTrace
import Timeline
import WhatIf

/// `--color` choices.
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

extension Axis: ExpressibleByArgument {}

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print a scenario's or a trace's timeline as text.",
        discussion: """
        FILE is a scenario (simulated first; its own output is not printed) or a trace \
        written by `record`. The whole run is fitted to the width: on the time axis each \
        column is an equal span of virtual seconds, on the steps axis one or more callback \
        runs. A column that covers several states shows the most important one (CPU burst \
        over running over blocking over waiting over idle). Exit status 2 for a scenario \
        that does not check or a trace that cannot be read.
        """
    )

    @ArgumentParser.Argument(help: "A scenario (.py) or a trace (.jsonl).")
    var file: String

    @Option(help: "The horizontal axis: time (virtual seconds) or steps (callback runs, grouped by iteration).")
    var axis: Axis = .steps

    @Option(help: "Width in columns, 20 to \(Self.maximumWidth) (default: the terminal's width, or 100 when stdout is not a terminal).")
    var width: Int?

    /// Wider than any screen or printout; a million-column render of a thousand lanes would
    /// be a gigabyte of text, which is a typo rather than a request.
    static let maximumWidth = 10_000

    @Option(help: "ANSI colours: auto (when stdout is a terminal), always, never.")
    var color: ColorChoice = .auto

    @Flag(help: "Draw with ASCII characters only.")
    var ascii = false

    @OptionGroup var limits: LimitOptions
    @OptionGroup var whatIf: WhatIfOptions

    @Option(help: ArgumentHelp("Draw a second run below FILE's: a scenario or a trace (with --set-b for its settings), as `loopscope diff` compares them.", valueName: "RUN_B"))
    var diff: String?

    @Option(name: .customLong("set-b"), help: ArgumentHelp("A setting of the --diff run. Repeatable.", valueName: "LINE:COL=VALUE"))
    var settingsB: [String] = []

    func validate() throws {
        if diff == nil, !settingsB.isEmpty { throw ValidationError("--set-b sets the --diff run; give --diff RUN_B") }
        if let width, width < 20 || width > Self.maximumWidth {
            throw ValidationError("--width must be between 20 and \(Self.maximumWidth) columns (got \(width))")
        }
    }

    func run() throws {
        let store = try loadTraceOrScenario(file, options: whatIf.apply(to: limits.simulationOptions), settings: whatIf.parsedSettings())
        let columns = width ?? terminalWidth() ?? 100
        let colored = color == .always || (color == .auto && isatty(1) == 1)
        if let diff {
            let a = RunSpec(path: file, settings: try whatIf.parsedSettings())
            let b = RunSpec(path: diff, settings: try WhatIfOptions.parse(settingsB))
            let other = try b.store(limits)
            let comparison = RunComparison(RunDigest(store), RunDigest(other))
            Console.out(drawBoth(store, other, comparison, labels: (a.label, b.label), axis: axis, width: columns,
                                 glyphs: Glyphs(ascii: ascii), ansi: colored))
            Console.flush()
            return
        }
        let viewport = Viewport.fit(store, axis: axis, width: columns)
        let grid = TimelineLayout.render(store, viewport, glyphs: Glyphs(ascii: ascii))
        Console.out(colored ? GridText.ansi(grid) : GridText.plain(grid))
        Console.flush()
    }

    private func terminalWidth() -> Int? {
        guard isatty(1) == 1 else { return nil }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
