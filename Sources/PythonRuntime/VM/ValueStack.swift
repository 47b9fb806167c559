/// A frame's value stack: a growable buffer owned by exactly one frame. Unlike an Array
/// stored in a class, pushing and popping need no copy-on-write uniqueness check, which
/// matters because the dispatch loop does little else. The owner calls `destroy()`.
package struct ValueStack {
    package private(set) var base: UnsafeMutablePointer<Value>
    package private(set) var count = 0
    private var capacity: Int

    package init(capacity: Int = 8) {
        self.capacity = max(capacity, 4)
        base = .allocate(capacity: self.capacity)
    }

    /// Reuses a buffer from `pool` when one of the right size is there.
    package init(capacity: Int, pool: StackPool) {
        if let buffer = pool.take(capacity: capacity) {
            self.init(base: buffer.base, capacity: buffer.capacity)
        } else {
            self.init(capacity: capacity)
        }
    }

    private init(base: UnsafeMutablePointer<Value>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    package func destroy() {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Empties the stack and hands its buffer to `pool` instead of freeing it.
    package func recycle(into pool: StackPool) {
        base.deinitialize(count: count)
        if !pool.give(base: base, capacity: capacity) { base.deallocate() }
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
    package mutating func append(_ v: Value) {
        if count == capacity { grow(to: count + 1) }
        (base + count).initialize(to: v)
        count += 1
    }

    package mutating func append<S: Sequence>(contentsOf values: S) where S.Element == Value {
        for v in values { append(v) }
    }

    @inline(__always) @discardableResult
    package mutating func removeLast() -> Value {
        count -= 1
        return (base + count).move()
    }

    package mutating func removeLast(_ n: Int) {
        guard n > 0 else { return }
        count -= n
        (base + count).deinitialize(count: n)
    }

    /// Removes the value at `index`, moving the ones above it down (no copies).
    package mutating func remove(at index: Int) {
        (base + index).deinitialize(count: 1)
        // Element by element: the callers move one or two values, below a memmove's cost.
        for i in index..<(count - 1) { (base + i).moveInitialize(from: base + i + 1, count: 1) }
        count -= 1
    }

    /// Drops everything above `level` (exception unwinding).
    package mutating func truncate(to level: Int) {
        if level < count { removeLast(count - level) }
    }

    package subscript(i: Int) -> Value {
        @inline(__always) get { base[i] }
        set { base[i] = newValue }
    }

    package var last: Value? { count > 0 ? base[count - 1] : nil }

    /// The top `n` values, bottom first.
    package func suffix(_ n: Int) -> [Value] {
        Array(UnsafeBufferPointer(start: base + (count - n), count: n))
    }

    package mutating func swapAt(_ i: Int, _ j: Int) {
        let t = base[i]
        base[i] = base[j]
        base[j] = t
    }

    package mutating func insert(_ v: Value, at index: Int) {
        append(v)
        var i = count - 1
        while i > index {
            swapAt(i, i - 1)
            i -= 1
        }
    }
}

/// Spare frame buffers. Every call makes a frame and most frames live briefly (a task's
/// `await asyncio.sleep(0)` makes and drops one per step), so reusing their buffers saves
/// an allocation and a free per call. One pool per interpreter: the VM is single-threaded.
package final class StackPool {
    private var free: [(base: UnsafeMutablePointer<Value>, capacity: Int)] = []
    private let limit = 1024

    package func take(capacity: Int) -> (base: UnsafeMutablePointer<Value>, capacity: Int)? {
        // Buffers are recycled at a handful of sizes; the last one is usually big enough.
        guard let last = free.last, last.capacity >= capacity else { return nil }
        return free.removeLast()
    }

    package func give(base: UnsafeMutablePointer<Value>, capacity: Int) -> Bool {
        guard free.count < limit else { return false }
        free.append((base, capacity))
        return true
    }

    deinit {
        for buffer in free { buffer.base.deallocate() }
    }
}

/// Marks a fast local that has no value yet (`UnboundLocalError` when read).
package final class UnboundLocal: PyObject {
    package static let shared = UnboundLocal()
}

extension Value {
    package static let unboundLocal = Value.object(UnboundLocal.shared)

    @inline(__always)
    package var isUnboundLocal: Bool {
        if case .object(let o) = self { return o === UnboundLocal.shared }
        return false
    }
}
