/// One row of the timeline as data: a task's (or the loop's) states as contiguous segments,
/// each starting at a virtual time and at a step slot. Segment i lasts until segment i+1
/// starts; zero-length segments are real (most steps take no virtual time) and still count
/// when a column is summarised.
///
/// Stored as parallel arrays (about 22 bytes a segment, 18 where no line is known) with a max-importance pyramid, so
/// "what does this lane show between positions a and b" is two binary searches and one
/// range-max, whatever the length of the trace.
public struct Lane: Sendable {
    /// Each segment's start (virtual time and step slot) and detail, in one array: a
    /// segment is one append there (three, in three arrays, were a fifth of indexing).
    private(set) var segments: [Segment] = []
    /// The source line the task is on during the segment (0: unknown). Empty while every
    /// segment's is unknown, as on the LOOP lane: 4 bytes a segment saved.
    private(set) var lines: [Int32] = []
    /// The file that line is in (0: the scenario; see `TraceHeader.file`). Empty while every
    /// segment is in file 0, as in most runs: 4 bytes a segment saved until a second file.
    private(set) var files: [Int32] = []
    /// The states' importances (a state's importance names it: `LaneState.byImportance`),
    /// and the maxima over ranges of them.
    private(set) var pyramid = MaxPyramid()

    public var segmentCount: Int { pyramid.count }

    /// Appends a segment. Positions are clamped to be non-decreasing so the arrays stay
    /// sorted whatever order the simulator reports in; a state equal to the current one
    /// with the same line and detail extends it instead.
    mutating func append(time: Double, slot: Int, state: LaneState, line: Int = 0, file: Int = 0, detail: Int32 = -1) {
        let last = segments.last
        let t = Swift.max(time, last?.time ?? -.infinity)
        let s = Int32(clamping: Swift.max(slot, Int(last?.slot ?? 0)))
        if let last, pyramid[segmentCount - 1] == state.importance, lastLine == line, lastFile == file, last.detail == detail {
            return
        }
        segments.append(Segment(time: t, slot: s, detail: detail))
        pyramid.append(state.importance)
        if line != 0 && lines.isEmpty { lines = Array(repeating: 0, count: segmentCount - 1) }
        if !lines.isEmpty { lines.append(Int32(clamping: line)) }
        if file != 0 && files.isEmpty { files = Array(repeating: 0, count: segmentCount - 1) }
        if !files.isEmpty { files.append(Int32(clamping: file)) }
    }

    var lastState: LaneState { segmentCount > 0 ? state(ofSegment: segmentCount - 1) : .absent }

    /// The index of the segment in force at `position` (the last one starting at or
    /// before it), or nil before the first segment.
    func segment(at position: Double, axis: Axis) -> Int? {
        let upper = upperBound(position, axis)
        return upper == 0 ? nil : upper - 1
    }

    /// State, line, file and detail of the segment in force at `position`.
    func parts(at position: Double, axis: Axis) -> (LaneState, Int, Int, Int32)? {
        guard let s = segment(at: position, axis: axis) else { return nil }
        return (state(ofSegment: s), line(ofSegment: s), file(ofSegment: s), detail(ofSegment: s))
    }

    func state(ofSegment i: Int) -> LaneState { LaneState.byImportanceValue(pyramid[i]) }
    func line(ofSegment i: Int) -> Int { lines.isEmpty ? 0 : Int(lines[i]) }
    private var lastLine: Int { lines.last.map(Int.init) ?? 0 }
    func file(ofSegment i: Int) -> Int { files.isEmpty ? 0 : Int(files[i]) }
    private var lastFile: Int { files.last.map(Int.init) ?? 0 }
    /// Appends a segment at the last segment's line and file (where a task that starts
    /// running again, or is woken, is).
    mutating func appendWhereItWas(time: Double, slot: Int, state: LaneState) {
        append(time: time, slot: slot, state: state, line: lastLine, file: lastFile)
    }
    func detail(ofSegment i: Int) -> Int32 { segments[i].detail }
    func start(ofSegment i: Int, axis: Axis) -> Double { axis == .time ? segments[i].time : Double(segments[i].slot) }

    /// The most important state shown over [from, to): the segment in force at `from` plus
    /// every segment starting inside the range (zero-length ones included).
    public func summary(from: Double, to: Double, axis: Axis) -> LaneState {
        var lo = lowerBound(from, axis)
        if lo == segmentCount || start(ofSegment: lo, axis: axis) > from {
            lo -= 1
        }
        let hi = lowerBound(to, axis)
        if lo < 0 { lo = 0 }
        guard hi > lo else { return .absent }
        if hi - lo == 1 { return state(ofSegment: lo) }
        return LaneState.byImportanceValue(pyramid.max(in: lo..<hi))
    }

    /// First segment starting at or after `position`.
    private func lowerBound(_ position: Double, _ axis: Axis) -> Int {
        var lo = 0, hi = segmentCount
        while lo < hi {
            let mid = (lo + hi) / 2
            if start(ofSegment: mid, axis: axis) < position { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// First segment starting after `position`.
    private func upperBound(_ position: Double, _ axis: Axis) -> Int {
        var lo = 0, hi = segmentCount
        while lo < hi {
            let mid = (lo + hi) / 2
            if start(ofSegment: mid, axis: axis) <= position { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

extension Lane {
    /// Where a segment starts, and what it is about: a string-table id (what the task
    /// waits on), or -1.
    struct Segment: Equatable {
        var time: Double
        var slot: Int32
        var detail: Int32
    }
}

extension LaneState {
    static func byImportanceValue(_ importance: UInt8) -> LaneState {
        byImportance[Int(importance)]
    }
}

extension Lane {
    mutating func trimCapacity() {
        segments.trimCapacity(); lines.trimCapacity(); files.trimCapacity(); pyramid.trimCapacity()
    }
}
