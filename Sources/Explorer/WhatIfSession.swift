import LoopTrace
import ScenarioLanguage
import Timeline
import WhatIf

/// What-if in the explorer: a scenario's parameters, the runs made with other values
/// (oldest first; the explorer shows the newest), and how the newest compares with the one
/// before. Every run is the scenario's own source with the settings applied, exactly as
/// `run --set` would run it.
public final class WhatIfSession {
    public struct Run {
        public let settings: [WhatIfSetting]
        public let feed: TraceFeed
    }

    public let parameters: [WhatIfParameter]
    public private(set) var runs: [Run]
    private let source: String
    /// Starts a run of an edited source (in the background, as the first run was), with
    /// the cost model of the run shown (nil: as the scenario was opened).
    private let makeFeed: (String, CPUCost?) -> Result<TraceFeed, SettingError>
    private var cached: (a: ObjectIdentifier, b: ObjectIdentifier, comparison: RunComparison)?

    /// Runs kept for undo; older ones (but the first) are dropped, since each holds a whole
    /// trace in memory.
    public static let historyLimit = 8

    /// `source` is the scenario as its file has it; `settings` those it was opened with.
    public init(source: String, settings: [WhatIfSetting], feed: TraceFeed,
                makeFeed: @escaping (String, CPUCost?) -> Result<TraceFeed, SettingError>) {
        self.source = source
        self.makeFeed = makeFeed
        parameters = WhatIfParameters.find(inSource: source) ?? []
        runs = [Run(settings: settings, feed: feed)]
    }

    /// The run the explorer shows.
    public var feed: TraceFeed { runs[runs.count - 1].feed }

    /// Parameter `p`'s value in the run shown.
    public func value(of p: Int) -> String {
        runs[runs.count - 1].settings.last { names(p, $0) }?.value ?? parameters[p].text
    }

    private func names(_ p: Int, _ setting: WhatIfSetting) -> Bool {
        switch setting.target {
        case .location(let l): return l == parameters[p].location
        case .constant(let name): return parameters[p].role == .constant(name: name)
        }
    }

    /// Runs the scenario again with parameter `p` set to `value` (a Python number literal);
    /// the error says why not.
    public func set(_ p: Int, to value: String) -> SettingError? {
        guard parameters.indices.contains(p) else { return SettingError("no such parameter") }
        let text = value.filter { $0 != " " }
        guard WhatIfSetting.isNumberLiteral(text) else {
            return SettingError("'\(value)' is not a number (write it as in Python: 0.5, 3, 1e-3)")
        }
        var settings = runs[runs.count - 1].settings.filter { !names(p, $0) }
        settings.append(WhatIfSetting(target: .location(parameters[p].location), value: text))
        // An edit keeps the cost model the run shown has (`c` may have switched it).
        let cost = (feed as? LazySimulation)?.cpuCost
        switch WhatIfSetting.apply(settings, to: source).flatMap({ makeFeed($0, cost) }) {
        case .failure(let error):
            return error
        case .success(let feed):
            runs.append(Run(settings: settings, feed: feed))
            if runs.count > Self.historyLimit { runs.remove(at: 1) }
            return nil
        }
    }

    /// The run shown was run again with the other cost model (`c`): the new run takes its
    /// place, with the same settings, so that edits and undo start from what is on screen.
    public func replaceShownRun(with feed: TraceFeed) {
        runs[runs.count - 1] = Run(settings: runs[runs.count - 1].settings, feed: feed)
        cached = nil
    }

    /// Back to the run before the newest; false when there is none.
    public func undo() -> Bool {
        guard runs.count > 1 else { return false }
        runs.removeLast()
        return true
    }

    /// A comparison is due: there are two runs and it has not been made for them yet.
    public var comparisonPending: Bool {
        guard runs.count > 1 else { return false }
        let (a, b) = ids
        return cached?.a != a || cached?.b != b
    }

    private var ids: (ObjectIdentifier, ObjectIdentifier) {
        (ObjectIdentifier(runs[runs.count - 2].feed), ObjectIdentifier(runs[runs.count - 1].feed))
    }

    /// The newest run against the one before, once both have finished (nil until then: a
    /// run still being simulated has no outcomes to compare yet).
    public func comparison() -> RunComparison? {
        guard runs.count > 1 else { return nil }
        let (a, b) = ids
        if let cached, cached.a == a, cached.b == b { return cached.comparison }
        let before = runs[runs.count - 2].feed, after = runs[runs.count - 1].feed
        guard before.isComplete, after.isComplete else { return nil }
        let comparison = RunComparison(before.withStore { RunDigest(before.store) }, after.withStore { RunDigest(after.store) })
        cached = (a, b, comparison)
        return comparison
    }

    /// The panel's rows and report for the run shown.
    public func overlay() -> WhatIfOverlay {
        var o = WhatIfOverlay(rows: parameters.indices.map { p in
            WhatIfOverlay.Row(place: "\(parameters[p].location)", label: parameters[p].label,
                              original: parameters[p].text, value: value(of: p))
        })
        o.runs = runs.count
        if parameters.isEmpty {
            o.report = ["This scenario has no parameters: numbers passed to asyncio.sleep, wait_for, timeout,",
                        "cpu, time.sleep, call_later, Semaphore or Queue, or top-level NAME = NUMBER constants."]
        } else if runs.count == 1 {
            o.report = ["Enter a new value: the scenario runs again and is compared with this run."]
        } else if let c = comparison() {
            o.report = ["Compared with the run before (u undoes):"]
                + c.report(labelA: label(runs.count - 2), labelB: label(runs.count - 1))
                    .split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        } else {
            o.report = ["Simulating the new run: it is compared with the run before once both have finished."]
        }
        return o
    }

    /// `the file's values` or `--set 12:20=0.8 ...`.
    private func label(_ run: Int) -> String {
        let s = runs[run].settings
        return s.isEmpty ? "the file's values" : s.map { "--set \($0)" }.joined(separator: " ")
    }
}
