/// A frame's value stack: a growable buffer owned by exactly one frame. Unlike an Array
/// stored in a class, pushing and popping need no copy-on-write uniqueness check, which
/// matters because the dispatch loop does little else. The owner calls `destroy()`.
struct ValueStack {
    private(set) var base: UnsafeMutablePointer<Value>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 8) {
        self.capacity = max(capacity, 4)
        base = .allocate(capacity: self.capacity)
    }

    func destroy() {
        base.deinitialize(count: count)
        base.deallocate()
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<Value>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ v: Value) {
        if count == capacity { grow(to: count + 1) }
        (base + count).initialize(to: v)
        count += 1
    }

    mutating func append<S: Sequence>(contentsOf values: S) where S.Element == Value {
        for v in values { append(v) }
    }

    @inline(__always) @discardableResult
    mutating func removeLast() -> Value {
        count -= 1
        return (base + count).move()
    }

    mutating func removeLast(_ n: Int) {
        guard n > 0 else { return }
        count -= n
        (base + count).deinitialize(count: n)
    }

    /// Drops everything above `level` (exception unwinding).
    mutating func truncate(to level: Int) {
        if level < count { removeLast(count - level) }
    }

    subscript(i: Int) -> Value {
        @inline(__always) get { base[i] }
        set { base[i] = newValue }
    }

    var last: Value? { count > 0 ? base[count - 1] : nil }

    /// The top `n` values, bottom first.
    func suffix(_ n: Int) -> [Value] {
        Array(UnsafeBufferPointer(start: base + (count - n), count: n))
    }

    mutating func swapAt(_ i: Int, _ j: Int) {
        let t = base[i]
        base[i] = base[j]
        base[j] = t
    }

    mutating func insert(_ v: Value, at index: Int) {
        append(v)
        var i = count - 1
        while i > index {
            swapAt(i, i - 1)
            i -= 1
        }
    }
}
