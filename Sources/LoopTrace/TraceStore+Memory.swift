extension TraceStore {
    /// Bytes held by the store's arrays (by capacity) and interned strings: what a trace
    /// costs in memory, for the benchmark and for a UI deciding how much to keep.
    public var approximateBytes: Int {
        func bytes<T>(_ a: [T]) -> Int { a.capacity * MemoryLayout<T>.stride }
        func lane(_ l: Lane) -> Int {
            bytes(l.times) + bytes(l.slots) + bytes(l.states) + bytes(l.lines) + bytes(l.details) + l.pyramidBytes
        }
        var total = bytes(events) + bytes(iterations) + bytes(callbacks) + bytes(steps) + bytes(taskRecords)
        total += bytes(taskIndexByID) + bytes(printEvents) + bytes(warningEvents) + bytes(departureEvents) + lane(loopLane)
        for t in taskRecords { total += lane(t.lane) + bytes(t.steps) }
        // Each distinct string once, plus its dictionary entry (key copy and id).
        for s in strings.strings { total += 2 * (s.utf8.count > 15 ? s.utf8.count + 32 : 0) + 16 + 20 }
        return total
    }
}

extension Lane {
    var pyramidBytes: Int { pyramid.levels.reduce(0) { $0 + $1.capacity } }
}
