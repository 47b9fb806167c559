import Foundation

/// Who may touch a growing trace store right now: the background producer (a simulation or
/// a trace loader appending events) or the UI (handling a key, drawing a frame). The two
/// strictly take turns, so the store, its indexes and the task stories are never read while
/// they are being appended to.
///
/// The producer holds the store while it works and looks at `checkpoint()` every few
/// thousand events; when the UI has asked for a turn it hands over there, and continues once
/// the UI is done. A key therefore waits at most one checkpoint interval (well under a
/// millisecond of appending), never for the whole run.
public final class StoreTurns: @unchecked Sendable {
    private let condition = NSCondition()
    private var producerHolds = false
    private var uiHolds = false
    private var uiWaiting = 0

    public init() {}

    // MARK: Producer side

    /// Takes the store for the producer, waiting while the UI has it.
    public func producerBegin() {
        condition.lock()
        while uiHolds || uiWaiting > 0 { condition.wait() }
        producerHolds = true
        condition.unlock()
    }

    /// Gives the store up (the producer has finished, or parks waiting for demand).
    public func producerEnd() {
        condition.lock()
        producerHolds = false
        condition.broadcast()
        condition.unlock()
    }

    /// Called by the producer between appends: hands the store to the UI if it asked,
    /// and returns when the producer has it again. `beforeHandover` runs first (it brings
    /// derived data up to date so the UI sees a consistent picture).
    public func checkpoint(beforeHandover: () -> Void) {
        condition.lock()
        let asked = uiWaiting > 0
        condition.unlock()
        guard asked else { return }
        beforeHandover()
        producerEnd()
        producerBegin()
    }

    // MARK: UI side

    /// Runs `body` with the store to itself: waits (at most one checkpoint interval) for the
    /// producer to hand over.
    public func ui<T>(_ body: () throws -> T) rethrows -> T {
        condition.lock()
        uiWaiting += 1
        while producerHolds { condition.wait() }
        uiWaiting -= 1
        uiHolds = true
        condition.unlock()
        defer {
            condition.lock()
            uiHolds = false
            condition.broadcast()
            condition.unlock()
        }
        return try body()
    }
}
