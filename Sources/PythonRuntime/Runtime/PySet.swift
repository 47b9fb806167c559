/// `set` and `frozenset`, stored as CPython's `setobject.c` stores them: an open-addressed
/// table (linear probes, then perturbation) that starts at 8 slots and grows by 4x when
/// 3/5 full. Iterating walks the slots, so a set of numbers prints in CPython's order.
/// A set holding anything whose hash CPython randomises (strings, objects such as
/// tasks) iterates in insertion order instead: CPython's order there differs from run
/// to run, and insertion order is the documented, reproducible substitute.
public final class PySet: PyObject {
    package static let pyClass = BuiltinTypes.set

    package struct Slot {
        var key: Value?
        /// 0 with no key: never used. -1 with no key: a deleted entry (CPython's dummy).
        var hash: Int
        /// When the key was added, for insertion order.
        var order: Int
    }

    package static let minSize = 8
    package static let linearProbes = 9
    package static let perturbShift = 5

    package let isFrozen: Bool
    private var table: [Slot]
    private var mask: Int
    /// Active plus deleted slots (CPython's `fill`), and active ones (`used`).
    private var fill = 0
    package private(set) var count = 0
    /// Where `pop` looks next (CPython's `finger`).
    private var finger = 0
    private var nextOrder = 0
    /// Members whose hash is not CPython's on every run.
    private var randomHashed = 0

    public init(frozen: Bool = false) {
        isFrozen = frozen
        table = Array(repeating: Slot(key: nil, hash: 0, order: 0), count: PySet.minSize)
        mask = PySet.minSize - 1
    }

    public override var pyClass: PyClass { instancePart?.cls ?? (isFrozen ? BuiltinTypes.frozenset : BuiltinTypes.set) }


    package var isDeterministic: Bool { randomHashed == 0 }

    /// The members in iteration order.
    package var items: [Value] {
        var out: [Value] = []
        out.reserveCapacity(count)
        if randomHashed == 0 {
            for slot in table { if let k = slot.key { out.append(k) } }
        } else {
            for slot in table.filter({ $0.key != nil }).sorted(by: { $0.order < $1.order }) {
                if let k = slot.key { out.append(k) }
            }
        }
        return out
    }

    package override var iterationItems: [Value]? { items }
    package override var nativeCount: Int? { count }

    /// The hashes of the members (for `frozenset` hashing).
    package var frozenHash: Int { PyHash.frozenset(table.compactMap { $0.key == nil ? nil : $0.hash }) }

    // MARK: The table

    private func equal(_ a: Value, _ b: Value) -> Bool { HashKey(a) == HashKey(b) }

    /// The slot holding `key`, if any.
    private func find(_ key: Value, _ hash: Int) -> Int? {
        var perturb = UInt(bitPattern: hash)
        var i = hash & mask
        while true {
            var probes = i + PySet.linearProbes <= mask ? PySet.linearProbes : 0
            var j = i
            while true {
                let slot = table[j]
                if slot.key == nil && slot.hash == 0 { return nil }
                if let k = slot.key, slot.hash == hash, equal(k, key) { return j }
                if probes == 0 { break }
                probes -= 1
                j += 1
            }
            perturb >>= UInt(PySet.perturbShift)
            i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
        }
    }

    /// `set_add_entry` (the caller has checked that `key` is hashable).
    package func add(_ key: Value) {
        let (hash, deterministic) = PyHash.of(key)
        var perturb = UInt(bitPattern: hash)
        var i = hash & mask
        var freeSlot: Int?
        while true {
            var probes = i + PySet.linearProbes <= mask ? PySet.linearProbes : 0
            var j = i
            while true {
                let slot = table[j]
                if slot.key == nil && slot.hash == 0 {
                    let target = freeSlot ?? j
                    if freeSlot == nil { fill += 1 }
                    table[target] = Slot(key: key, hash: hash, order: nextOrder)
                    nextOrder += 1
                    count += 1
                    if !deterministic { randomHashed += 1 }
                    if freeSlot == nil && fill * 5 >= mask * 3 { resize(count > 50000 ? count * 2 : count * 4) }
                    return
                }
                if let k = slot.key, slot.hash == hash, equal(k, key) { return }
                // The LAST deleted slot the probe passed (3.11's `freeslot = entry`):
                // `{4, 5, 6}` with each discarded, then 36, 68, 100 added, is
                // `{100, 68, 36}` (`-=` gives `{100, 36, 68}` because it purges the
                // deleted slots first, `purgeDeletedSlotsIfMany`).
                if slot.key == nil && slot.hash == -1 { freeSlot = j }
                if probes == 0 { break }
                probes -= 1
                j += 1
            }
            perturb >>= UInt(PySet.perturbShift)
            i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
        }
    }

    /// `set_table_resize`: a fresh table of the smallest power of two above `minUsed`,
    /// refilled in slot order (dropping deleted entries).
    private func resize(_ minUsed: Int) {
        var size = PySet.minSize
        while size <= minUsed { size <<= 1 }
        let old = table
        table = Array(repeating: Slot(key: nil, hash: 0, order: 0), count: size)
        mask = size - 1
        fill = count
        for slot in old where slot.key != nil { insertClean(slot) }
    }

    /// `set_insert_clean`: into a table without deleted entries or this key.
    private func insertClean(_ slot: Slot) {
        var perturb = UInt(bitPattern: slot.hash)
        var i = slot.hash & mask
        while true {
            if table[i].key == nil { table[i] = slot; return }
            if i + PySet.linearProbes <= mask {
                for j in (i + 1)...(i + PySet.linearProbes) where table[j].key == nil {
                    table[j] = slot
                    return
                }
            }
            perturb >>= UInt(PySet.perturbShift)
            i = (i &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
        }
    }

    /// The end of `set_difference_update_internal`: when more than a quarter of the
    /// slots hold deleted entries, the table is rebuilt without them.
    package func purgeDeletedSlotsIfMany() {
        if fill - count > mask / 4 { resize(count > 50000 ? count * 2 : count * 4) }
    }

    /// Grows the table up front for `extra` more members (`set_merge`, dict updates).
    package func reserve(_ extra: Int) {
        if (fill + extra) * 5 >= mask * 3 { resize((count + extra) * 2) }
    }

    /// `set_merge`: adds another set's members. An empty table of the same size takes
    /// the other's slots as they are; an empty one of another size is refilled in the
    /// other's slot order.
    package func merge(_ other: PySet) {
        guard other !== self, other.count > 0 else { return }
        reserve(other.count)
        if fill == 0 && mask == other.mask && other.fill == other.count && randomHashed == 0 && other.randomHashed == 0 {
            table = other.table
            fill = other.fill
            count = other.count
            return
        }
        for slot in other.table where slot.key != nil {
            if let k = slot.key { add(k) }
        }
    }

    package func contains(_ key: Value) -> Bool { find(key, PyHash.of(key).hash) != nil }

    /// Removes `key`; false when absent.
    @discardableResult
    package func remove(_ key: Value) -> Bool {
        let (hash, deterministic) = PyHash.of(key)
        guard let i = find(key, hash) else { return false }
        table[i] = Slot(key: nil, hash: -1, order: 0)
        count -= 1
        if !deterministic { randomHashed -= 1 }
        return true
    }

    /// `set.pop()`: the first member from the finger on, or nil when empty.
    package func pop() -> Value? {
        guard count > 0 else { return nil }
        if randomHashed > 0, let first = items.first {
            remove(first)
            return first
        }
        var i = finger & mask
        while table[i].key == nil { i = (i + 1) & mask }
        let key = table[i].key
        if let key { remove(key) }
        finger = i + 1
        return key
    }

    package func removeAll() {
        table = Array(repeating: Slot(key: nil, hash: 0, order: 0), count: PySet.minSize)
        mask = PySet.minSize - 1
        fill = 0
        count = 0
        randomHashed = 0
    }

    /// `set_copy`: a new set (or frozenset) merged from this one.
    package func copy(frozen: Bool) -> PySet {
        let s = PySet(frozen: frozen)
        s.merge(self)
        return s
    }

    /// `set_swap_bodies`: takes over `other`'s table as it is.
    package func takeBody(of other: PySet) {
        table = other.table
        mask = other.mask
        fill = other.fill
        count = other.count
        finger = other.finger
        nextOrder = other.nextOrder
        randomHashed = other.randomHashed
    }

    /// A set of the same kind (or `frozen`) with `items` added in order.
    package static func of(_ items: [Value], frozen: Bool) -> PySet {
        let s = PySet(frozen: frozen)
        for v in items { s.add(v) }
        return s
    }

    /// The methods of a set, or of a frozenset (which has no mutating ones).
    public override func nativeAttribute(_ name: String, _ vm: Interpreter) throws -> Value? {
        guard let m = (isFrozen ? SetMethods.common : SetMethods.mutating)[name] else { return nil }
        return .object(PyBoundMethod(receiver: .object(self), function: .object(m)))
    }

    public override func pythonRepr(_ vm: Interpreter) throws -> String? {
        // `set_repr`: a subclass's instance is shown with its class's name.
        let name = instancePart?.cls.name ?? (isFrozen ? "frozenset" : "set")
        if count == 0 { return name + "()" }
        let body = "{" + (try items.map { try vm.repr($0) }).joined(separator: ", ") + "}"
        return isFrozen || instancePart != nil ? "\(name)(\(body))" : body
    }
}
