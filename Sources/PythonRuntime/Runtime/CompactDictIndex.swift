/// The lookup half of CPython's compact dict (Objects/dictobject.c, 3.11): an open-addressed
/// table of positions into the dict's insertion-ordered entries, probed with CPython's
/// perturbation recurrence, over hashes computed once per entry and kept beside it.
///
/// It replaces a Swift `Dictionary<HashKey, Int>`, which re-hashed every key through a
/// seeded SipHash on each lookup and again on each growth: building a dict of ten million
/// ints took 17 s where CPython takes 1.5 s. Ints hash to themselves here as in CPython, so
/// consecutive keys fill consecutive slots.
package struct CompactDictIndex {
    private static let emptySlot = -1
    /// A slot whose entry was deleted: probing goes on past it (`DKIX_DUMMY`).
    private static let dummySlot = -2
    /// CPython's `PERTURB_SHIFT`.
    private static let perturbShift: UInt = 5

    private var slots: [Int] = []
    private var mask: UInt = 0
    /// Entries that may still be added before the table must grow (`dk_usable`).
    package private(set) var usable = 0

    /// A table with room for `count` entries and then some: CPython's `GROWTH_RATE` (3x
    /// the entries in use) rounded up to a power of two, at least 8 slots.
    package init(roomFor count: Int) {
        var size = 8
        while size < count * 3 { size <<= 1 }
        slots = Array(repeating: Self.emptySlot, count: size)
        mask = UInt(size - 1)
        usable = size * 2 / 3   // `USABLE_FRACTION`; `add` counts the entries re-added
    }

    package init() {}

    /// The slot and entry of the key whose hash is `hash` and for which `isKey(entry)` holds.
    package func lookup(_ hash: Int, hashes: [Int], isKey: (Int) -> Bool) -> (slot: Int, entry: Int)? {
        guard !slots.isEmpty else { return nil }
        var perturb = UInt(bitPattern: hash)
        var i = UInt(bitPattern: hash) & mask
        while true {
            let entry = slots[Int(i)]
            if entry == Self.emptySlot { return nil }
            if entry >= 0 && hashes[entry] == hash && isKey(entry) { return (Int(i), entry) }
            perturb >>= Self.perturbShift
            i = (i &* 5 &+ perturb &+ 1) & mask
        }
    }

    /// Records `entry` under `hash` in the first empty slot of its probe sequence
    /// (`find_empty_slot`); the caller has checked `usable > 0`.
    package mutating func add(_ hash: Int, entry: Int) {
        var perturb = UInt(bitPattern: hash)
        var i = UInt(bitPattern: hash) & mask
        while slots[Int(i)] != Self.emptySlot {
            perturb >>= Self.perturbShift
            i = (i &* 5 &+ perturb &+ 1) & mask
        }
        slots[Int(i)] = entry
        usable -= 1
    }

    package mutating func markDeleted(slot: Int) {
        slots[slot] = Self.dummySlot
    }
}
