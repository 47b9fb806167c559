extension TraceStore {
    /// Bytes held by the store's arrays (by capacity) and interned strings: what a trace
    /// costs in memory, for the benchmark and for a UI deciding how much to keep.
    public var approximateBytes: Int { memoryBreakdown.reduce(0) { $0 + $1.bytes } }

    /// `approximateBytes` by part, largest first: where a trace's memory goes.
    public var memoryBreakdown: [(part: String, bytes: Int)] {
        func bytes<T>(_ a: [T]) -> Int { a.capacity * MemoryLayout<T>.stride }
        func lane(_ l: Lane) -> Int {
            bytes(l.segments) + bytes(l.lines) + bytes(l.files) + l.pyramidBytes
        }
        var lanes = lane(loopLane)
        for t in taskRecords { lanes += lane(t.lane) }
        let parts = [
            ("events", bytes(events)),
            ("lanes", lanes),
            ("steps", bytes(steps)),
            ("iterations and callbacks", bytes(iterations) + bytes(callbacks)),
            ("tasks", bytes(taskRecords) + bytes(taskIndexByID)),
            ("timers", bytes(timers)),
            ("prints, warnings, departures", bytes(printEvents) + bytes(warningEvents) + bytes(departureEvents)),
            ("strings", strings.bytes),
        ]
        return parts.sorted { $0.1 > $1.1 }.map { (part: $0.0, bytes: $0.1) }
    }
}

extension Lane {
    var pyramidBytes: Int { pyramid.levels.reduce(0) { $0 + $1.capacity } }
}

extension Array {
    /// Copies the array into storage of its own size when more than a sixteenth is unused.
    mutating func trimCapacity() {
        guard capacity > count + count / 16 + 16 else { return }
        let copy = Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = buffer.initialize(from: self).1
        }
        self = copy
    }
}
