/// When the explorer's input loop draws a frame, and how long it waits for a key meanwhile.
///
/// A frame takes the store from the background work (a trace being indexed, a scenario
/// simulated) for as long as it is drawn, so the loop draws only when it must: at once for
/// the first frame and for a key after a quiet spell; at most once a frame's time while
/// keys keep coming (a held arrow, a wheel's flurry: the keys already typed are all handled,
/// then one frame shows them, at most a frame's time after the first); and, while the
/// background works and no key comes, a few times a second to show its progress. Pure:
/// the caller passes the time.
public struct FramePacer: Sendable {
    /// A frame's time: the longest a key waits for the frame that shows it.
    public static let frame = 0.016
    /// Between progress redraws while the background works and no key comes.
    public static let progressInterval = 0.2

    /// When the last frame was drawn.
    public private(set) var lastDraw = -Double.infinity
    /// Since when something not yet drawn changed (a key, a tick); nil: the screen is current.
    private var changedSince: Double? = -Double.infinity
    /// Whether the last look at the input found nothing: the keys typed so far are handled.
    private var inputQuiet = true

    public init() {}

    /// A key was handled (or a tick, a comparison changed the state) at `now`.
    public mutating func changed(at now: Double) {
        if changedSince == nil { changedSince = now }
        inputQuiet = false
    }

    /// The input had no key waiting.
    public mutating func inputWasQuiet() { inputQuiet = true }

    /// Whether to draw a frame at `now`; `working`: the background is still at work.
    public func shouldDraw(at now: Double, working: Bool) -> Bool {
        if let since = changedSince {
            return now - lastDraw >= Self.frame && (inputQuiet || now - since >= Self.frame)
        }
        return working && now - lastDraw >= Self.progressInterval
    }

    public mutating func drew(at now: Double) {
        lastDraw = now
        changedSince = nil
    }

    /// Milliseconds to wait for a key at `now`: none while keys may still be waiting to be
    /// read, until the next frame may be drawn once they are all handled, else until the
    /// next progress redraw while the background works, else `idle`.
    public func inputWait(at now: Double, working: Bool, idle: Int) -> Int {
        if changedSince != nil { return inputQuiet ? Self.milliseconds(from: now, to: lastDraw + Self.frame) : 0 }
        guard working else { return max(0, idle) }
        return min(max(0, idle), Self.milliseconds(from: now, to: lastDraw + Self.progressInterval))
    }

    private static func milliseconds(from now: Double, to then: Double) -> Int {
        then <= now ? 0 : Int(((then - now) * 1000).rounded(.up))
    }
}
