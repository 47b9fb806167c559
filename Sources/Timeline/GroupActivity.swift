/// For each coroutine, how many of its tasks were running, ready, waiting or sleeping,
/// iteration by iteration: what a grouped lane (`worker ×10000`) shows without asking ten
/// thousand lanes for every column. Fed event by event by `TaskStories`; a group's counts
/// are recorded at the start of each iteration after one in which they changed, so the
/// history grows with the changes, not with tasks × iterations.
public final class GroupActivity: @unchecked Sendable {
    /// What a task is doing, as a grouped lane counts it.
    public enum Bucket: Int, Sendable, CaseIterable {
        case none, ready, waiting, sleeping, running
    }

    /// Counts at the start of an iteration, and the steps taken before it.
    public struct Counts: Sendable, Equatable {
        public var ready = 0
        public var waiting = 0
        public var sleeping = 0
        public var stepsBefore = 0
    }

    private struct History {
        var iterations: [Int32] = []
        var counts: [Counts] = []
    }

    private var groupOfName: [String: Int] = [:]
    private var groupOfTask: [Int32] = []
    private var bucketOfTask: [Bucket] = []
    private var live: [Counts] = []
    private var steps: [Int] = []
    private var history: [History] = []
    private var dirty: [Int] = []
    private var isDirty: [Bool] = []
    private var memberCount: [Int] = []
    /// The iteration under way.
    private var lastStarted = 0

    public init() {}

    public func group(named coroutine: String) -> Int? { groupOfName[coroutine] }

    /// The group of the task with creation-order index `t`.
    public func group(ofTask t: Int) -> Int? {
        t >= 0 && t < groupOfTask.count && groupOfTask[t] >= 0 ? Int(groupOfTask[t]) : nil
    }

    /// How many tasks of group `g` were ever created.
    public func members(group g: Int) -> Int { memberCount[g] }

    func created(task t: Int, coroutine: String) {
        let g: Int
        if let known = groupOfName[coroutine] {
            g = known
        } else {
            g = live.count
            groupOfName[coroutine] = g
            live.append(Counts())
            steps.append(0)
            history.append(History())
            isDirty.append(false)
            memberCount.append(0)
        }
        memberCount[g] += 1
        while groupOfTask.count <= t {
            groupOfTask.append(-1)
            bucketOfTask.append(.none)
        }
        groupOfTask[t] = Int32(g)
        set(t, .ready)
    }

    func stepped(task t: Int) {
        guard t < groupOfTask.count, groupOfTask[t] >= 0 else { return }
        steps[Int(groupOfTask[t])] += 1
        set(t, .running)
    }

    func set(_ t: Int, _ bucket: Bucket) {
        guard t < groupOfTask.count, groupOfTask[t] >= 0 else { return }
        let g = Int(groupOfTask[t])
        adjust(g, bucketOfTask[t], by: -1)
        adjust(g, bucket, by: 1)
        bucketOfTask[t] = bucket
        if !isDirty[g] {
            isDirty[g] = true
            dirty.append(g)
        }
    }

    private func adjust(_ g: Int, _ bucket: Bucket, by d: Int) {
        switch bucket {
        case .ready: live[g].ready += d
        case .waiting: live[g].waiting += d
        case .sleeping: live[g].sleeping += d
        case .none, .running: break
        }
    }

    /// Records the groups that changed during the last iteration, as iteration `k` starts.
    func iterationStarted(_ k: Int) {
        lastStarted = k
        for g in dirty {
            var c = live[g]
            c.stepsBefore = steps[g]
            history[g].iterations.append(Int32(clamping: k))
            history[g].counts.append(c)
            isDirty[g] = false
        }
        dirty.removeAll(keepingCapacity: true)
    }

    /// Group `g`'s counts as iteration `k` started (zeros before its first task): the last
    /// record at or before `k` (nothing changed between it and `k`).
    public func counts(group g: Int, atIteration k: Int) -> Counts {
        let h = history[g]
        var lo = 0, hi = h.iterations.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(h.iterations[mid]) <= k { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? Counts() : h.counts[lo - 1]
    }

    /// Steps group `g`'s tasks took in iterations `k0...k1`.
    public func steps(group g: Int, iterations k0: Int, _ k1: Int) -> Int {
        // Steps of the iteration under way are only in the live count.
        let end = k1 + 1 > lastStarted ? steps[g] : counts(group: g, atIteration: k1 + 1).stepsBefore
        return end - counts(group: g, atIteration: k0).stepsBefore
    }
}
