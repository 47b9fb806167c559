import LoopTrace

/// How task lanes (and the task table's rows) are ordered.
public enum TaskOrder: String, CaseIterable, Sendable {
    case creation = "creation order"
    case running = "most time running"
    case steps = "most steps"
    case waiting = "longest waiting"
    case failure = "first to fail"
    case name = "name"
    case state = "state"
    case ready = "longest ready"
    case parked = "longest parked"
    case waitsOn = "what it waits on"
    case ended = "how it ended"

    /// The orders `o` cycles through on the timeline.
    public static let timelineOrders: [TaskOrder] = [.creation, .running, .steps, .waiting, .failure]
}

/// One row of the lane area: a task, or a group of tasks running the same coroutine.
public enum LaneRow: Hashable, Sendable {
    case task(Int)
    case group(Int)
}

/// Tasks that run the same coroutine, shown as one lane until expanded.
public struct TaskGroup: Sendable, Equatable {
    public var coroutine: String
    /// Members that match the filter, in the list's order.
    public var members: [Int]
    public var expanded: Bool
}

/// The task lanes to show, in order: the filter applied (name, coroutine or state at the
/// cursor), sorted, and optionally grouped by coroutine. Built from the store and the
/// stories in one pass over the tasks; the explorer rebuilds it only when something it
/// depends on changed.
public struct LaneList: Sendable, Equatable {
    public var rows: [LaneRow] = []
    public var groups: [TaskGroup] = []
    /// Tasks that pass the filter (all tasks without one).
    public var matching = 0
    public var total = 0

    public init() {}

    /// Every task in creation order, no filter, no groups.
    public static func all(_ count: Int) -> LaneList {
        var list = LaneList()
        list.rows = (0..<count).map { .task($0) }
        list.matching = count
        list.total = count
        return list
    }

    public static func build(_ store: TraceStore, _ stories: TaskStories, cursor k: Int, filter: String, order: TaskOrder,
                             descending: Bool = false, grouped: Bool, expanded: Set<String>) -> LaneList {
        let n = store.taskCount
        if filter.isEmpty, order == .creation, !descending, !grouped { return all(n) }
        var tasks = Array(0..<n)
        let query = filter.lowercased()
        if !query.isEmpty {
            // The state at the cursor is looked up only if the query names a state.
            let states = Set(LaneState.allCases.filter { stateWords($0).contains(query) })
            let places = states.isEmpty ? [] : store.taskPlaces(atIteration: k)
            tasks = tasks.filter { t in
                (t < stories.searchText.count && stories.searchText[t].contains(query))
                    || (!states.isEmpty && states.contains(places[t].state))
            }
        }
        tasks = sorted(tasks, store, stories, cursor: k, order: order)
        if descending { tasks.reverse() }
        var list = LaneList()
        list.matching = tasks.count
        list.total = n
        guard grouped else {
            list.rows = tasks.map { .task($0) }
            return list
        }
        // Groups appear where their first member (in the chosen order) is.
        var groupOf: [String: Int] = [:]
        for t in tasks {
            let coroutine = store.task(at: t).coroutine
            if let g = groupOf[coroutine] {
                list.groups[g].members.append(t)
            } else {
                groupOf[coroutine] = list.groups.count
                list.groups.append(TaskGroup(coroutine: coroutine, members: [t], expanded: expanded.contains(coroutine)))
            }
        }
        for (g, group) in list.groups.enumerated() {
            // A group of one is just that task.
            if group.members.count == 1 {
                list.rows.append(.task(group.members[0]))
                continue
            }
            list.rows.append(.group(g))
            if group.expanded { list.rows.append(contentsOf: group.members.map { .task($0) }) }
        }
        return list
    }

    /// The row showing task `t`, or the row of its (collapsed) group.
    public func row(ofTask t: Int) -> Int? {
        if let r = rows.firstIndex(of: .task(t)) { return r }
        guard let g = groups.firstIndex(where: { $0.members.contains(t) }) else { return nil }
        return rows.firstIndex(of: .group(g))
    }

    /// The words a filter matches for a state (at the cursor).
    static func stateWords(_ state: LaneState) -> String {
        state == .absent ? "ended not alive" : Glyphs.name(state).lowercased()
    }

    static func sorted(_ tasks: [Int], _ store: TraceStore, _ stories: TaskStories, cursor k: Int, order: TaskOrder) -> [Int] {
        func story(_ t: Int) -> TaskStories.Story { stories.story(t) ?? TaskStories.Story() }
        // Largest first for amounts; ties keep creation order (the sort is on (key, index)).
        func byAmount(_ amount: (Int) -> Double) -> [Int] {
            tasks.map { (-amount($0), $0) }.sorted { $0 < $1 }.map(\.1)
        }
        switch order {
        case .creation: return tasks
        case .running: return byAmount { story($0).runTime * 1e6 + Double(store.stepCount(task: $0)) * 1e-6 }
        case .steps: return byAmount { Double(store.stepCount(task: $0)) }
        case .waiting: return byAmount { story($0).readyTime + story($0).parkedTime }
        case .ready: return byAmount { story($0).readyTime }
        case .parked: return byAmount { story($0).parkedTime }
        case .state:
            let places = store.taskPlaces(atIteration: k)
            return byAmount { Double(places[$0].state.importance) }
        case .failure:
            // Tasks that failed or were cancelled, earliest first, then the rest.
            return tasks.map { t -> (Int, Int) in
                guard let end = story(t).ending, end.state != .done else { return (Int.max, t) }
                return (end.iteration, t)
            }.sorted { $0 < $1 }.map(\.1)
        case .ended:
            return tasks.map { (story($0).ending?.iteration ?? Int.max, $0) }.sorted { $0 < $1 }.map(\.1)
        case .name:
            return tasks.map { (TimelineLayout.label(store.task(at: $0)), $0) }.sorted { $0 < $1 }.map(\.1)
        case .waitsOn:
            return tasks.map { (store.taskStatus($0, atIteration: k).detail ?? "\u{10FFFF}", $0) }.sorted { $0 < $1 }.map(\.1)
        }
    }
}
