import LoopTrace

/// What part of a trace a frame shows, and how. Columns are equal spans of the axis: column
/// c covers [start + c*span, start + (c+1)*span) in virtual seconds (time axis) or step
/// slots (steps axis). Zoom changes `span`, pan changes `start`.
public struct Viewport: Sendable, Equatable {
    public var axis: Axis
    /// The position of the first lane column.
    public var start: Double
    /// Positions per column (> 0). On the steps axis a span of 1 is one callback per column.
    public var span: Double
    /// Total width and height of the frame in cells; nil height: as tall as the content.
    public var width: Int
    public var height: Int?
    /// Creation-order index of the highlighted task.
    public var selectedTask: Int?
    /// The iteration under the cursor (highlighted, and shown in the header and panels).
    public var cursorIteration: Int?
    /// A word for the header: "replay", "live", "paused".
    public var mode: String?

    public init(axis: Axis, start: Double = 0, span: Double = 1, width: Int, height: Int? = nil,
                selectedTask: Int? = nil, cursorIteration: Int? = nil, mode: String? = nil) {
        self.axis = axis
        self.start = start
        self.span = span
        self.width = width
        self.height = height
        self.selectedTask = selectedTask
        self.cursorIteration = cursorIteration
        self.mode = mode
    }

    /// A viewport that shows the whole trace in `width` columns.
    public static func fit(_ store: TraceStore, axis: Axis, width: Int, height: Int? = nil) -> Viewport {
        var v = Viewport(axis: axis, width: width, height: height)
        let columns = max(1, TimelineLayout.laneColumns(store, width: width))
        switch axis {
        case .steps:
            v.span = Double(max(1, (store.slotCount + columns - 1) / columns))
        case .time:
            v.span = niceSpan(store.endTime / Double(max(1, columns - 1)))
        }
        return v
    }

    /// The smallest of 1, 2, 2.5, 5 × 10^k that is at least `raw`, so ruler labels are round.
    static func niceSpan(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 0.001 }
        var scale = 1e-9
        while scale * 10 <= raw { scale *= 10 }
        for m in [1.0, 2.0, 2.5, 5.0, 10.0] where scale * m >= raw { return scale * m }
        return scale * 10
    }

    /// The axis range column `c` covers.
    public func range(ofColumn c: Int) -> (from: Double, to: Double) {
        (start + Double(c) * span, start + Double(c + 1) * span)
    }

    /// The column showing `position`.
    public func column(of position: Double) -> Int {
        Int(((position - start) / span).rounded(.down))
    }
}
