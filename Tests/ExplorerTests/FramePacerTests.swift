import Testing
import Explorer

/// The input loop's pacing while a trace is indexed or a scenario simulated: keys are answered
/// within a frame, bursts of keys cost one frame, and progress alone is redrawn a few times a
/// second, so the UI takes little from the background work.
@Suite struct FramePacerTests {
    /// Runs a loop as `ExplorerApp.run` does, on a simulated clock: keys arrive at `keys`
    /// (seconds), each handled in `handling`, each frame drawn in `drawing`; returns when
    /// each frame was drawn.
    static func frames(keys: [Double], until end: Double, working: Bool,
                       handling: Double = 0.0005, drawing: Double = 0.003) -> [Double] {
        var pacer = FramePacer()
        var now = 0.0
        var drawn: [Double] = []
        var pending = keys[...]
        while now < end {
            if pacer.shouldDraw(at: now, working: working) {
                now += drawing
                pacer.drew(at: now)
                drawn.append(now)
            }
            let wait = Double(pacer.inputWait(at: now, working: working, idle: 100)) / 1000
            if let next = pending.first, next <= now + wait {
                // A key typed already, or typed while waiting.
                now = max(now, next) + handling
                pending.removeFirst()
                pacer.changed(at: now)
            } else {
                now += max(wait, 0.0001)
                pacer.inputWasQuiet()
            }
        }
        return drawn
    }

    @Test func theFirstFrameIsDrawnAtOnce() {
        let pacer = FramePacer()
        #expect(pacer.shouldDraw(at: 0, working: true))
        #expect(pacer.shouldDraw(at: 0, working: false))
        #expect(pacer.inputWait(at: 0, working: true, idle: 100) == 0)
    }

    @Test func whileWorkingWithoutKeysProgressIsRedrawnAtMostFiveTimesASecond() {
        let drawn = Self.frames(keys: [], until: 2.0, working: true)
        // The first frame, then one per progress interval.
        #expect(drawn.count >= 9 && drawn.count <= 11, "\(drawn.count) frames in 2 s")
        for (a, b) in zip(drawn, drawn.dropFirst()) { #expect(b - a >= FramePacer.progressInterval - 1e-9) }
    }

    @Test func whenIdleNothingIsRedrawnAndTheLoopWaitsTheIdleTime() {
        var pacer = FramePacer()
        pacer.drew(at: 1)
        #expect(!pacer.shouldDraw(at: 50, working: false))
        #expect(pacer.inputWait(at: 50, working: false, idle: 100) == 100)
        #expect(Self.frames(keys: [], until: 5, working: false).count == 1)
    }

    @Test func whileWorkingTheLoopWaitsForKeysOnlyUntilTheNextProgressFrame() {
        var pacer = FramePacer()
        pacer.drew(at: 10)
        #expect(pacer.inputWait(at: 10.05, working: true, idle: 100) == 100)
        #expect(pacer.inputWait(at: 10.15, working: true, idle: 100) == 50)
        #expect(pacer.inputWait(at: 10.3, working: true, idle: 100) == 0)
        #expect(pacer.shouldDraw(at: 10.21, working: true))
        #expect(!pacer.shouldDraw(at: 10.1, working: true))
    }

    @Test func eachKeyIsShownWithinOneFrame() {
        // Keys typed a tenth of a second apart, while the background works.
        let keys = stride(from: 0.05, to: 1.0, by: 0.1).map { $0 }
        let drawn = Self.frames(keys: keys, until: 1.2, working: true)
        for k in keys {
            let shown = drawn.first { $0 >= k }
            #expect(shown.map { $0 - k <= FramePacer.frame + 0.003 } == true, "key at \(k) shown at \(shown ?? -1)")
        }
    }

    @Test func aBurstOfKeysCostsAFrameAFrameTimeNotAFrameAKey() {
        // A wheel's flurry: 200 keys a millisecond apart.
        let keys = (0..<200).map { 1.0 + Double($0) * 0.001 }
        let drawn = Self.frames(keys: keys, until: 1.5, working: false)
        let during = drawn.filter { $0 > 1.0 && $0 <= 1.2 + FramePacer.frame }
        // 200 ms of keys: a frame every frame time at most (not 200 frames), the last key
        // shown within a frame (and the frame's drawing).
        #expect(during.count >= 5 && during.count <= Int(0.2 / FramePacer.frame) + 2, "\(during.count) frames")
        #expect(during.last.map { $0 - 1.199 <= FramePacer.frame + 0.003 } == true)
    }

    @Test func aKeyAfterAQuietSpellIsDrawnAsSoonAsItIsHandled() {
        var pacer = FramePacer()
        pacer.drew(at: 0)
        pacer.changed(at: 3)
        // More keys may be waiting: read them first (without waiting) ...
        #expect(pacer.inputWait(at: 3, working: false, idle: 100) == 0)
        #expect(!pacer.shouldDraw(at: 3, working: false))
        // ... there were none: draw now.
        pacer.inputWasQuiet()
        #expect(pacer.shouldDraw(at: 3, working: false))
    }
}
