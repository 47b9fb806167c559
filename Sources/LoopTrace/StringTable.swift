#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interned strings: each distinct text (a task name, a callback description, a printed
/// line) is stored once and referred to by a 32-bit id.
///
/// Its own hash table rather than a `Dictionary`: a trace's loading interns every string
/// of every block twice (in the block, then in the store), and a dictionary hashed each
/// time with SipHash, a third of the loading thread's work on a trace of ten thousand tasks.
/// Here a string is hashed once, with FNV-1a over its UTF-8 bytes, and the hash travels
/// with it (`intern(_:hash:)`) from a block's table to the store's.
struct StringTable {
    private(set) var strings: [String] = []
    /// Each string's hash, by id (kept for growing the table without hashing again).
    private(set) var hashes: [UInt64] = []
    /// Open addressing with linear probing: id + 1 of the string in each slot, 0 if empty.
    /// A power of two, at most half full.
    private var slots = [Int32](repeating: 0, count: 16)

    mutating func intern(_ s: String) -> Int32 { intern(s, hash: Self.hash(s)) }

    /// `s`'s id; `hash` must be `StringTable.hash(s)`.
    mutating func intern(_ s: String, hash: UInt64) -> Int32 {
        let mask = slots.count - 1
        var i = Self.slot(hash, mask)
        while true {
            let id = slots[i]
            if id == 0 { break }
            if hashes[Int(id - 1)] == hash, strings[Int(id - 1)] == s { return id - 1 }
            i = (i + 1) & mask
        }
        let id = Int32(strings.count)
        strings.append(s)
        hashes.append(hash)
        slots[i] = id + 1
        if strings.count * 2 > slots.count { grow() }
        return id
    }

    subscript(id: Int32) -> String { strings[Int(id)] }

    /// The id of the string whose UTF-8 is `bytes`, if interned; `hash` must be
    /// `StringTable.hash(bytes)`. A trace reader looks its texts up by their bytes before
    /// making Strings of them: most are repeats.
    @inline(__always)
    func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        let mask = slots.count - 1
        var i = Self.slot(hash, mask)
        while true {
            let id = slots[i]
            if id == 0 { return nil }
            if hashes[Int(id - 1)] == hash {
                var s = strings[Int(id - 1)]
                let same = s.withUTF8 { known in
                    known.count == bytes.count && (bytes.isEmpty || memcmp(known.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
                }
                if same { return id - 1 }
            }
            i = (i + 1) & mask
        }
    }

    /// FNV-1a over the UTF-8 bytes: a few instructions a byte, for strings mostly short.
    static func hash(_ s: String) -> UInt64 {
        var s = s
        return s.withUTF8 { hash($0) }
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// Bytes held: the strings (their storage when not inline), hashes and slots.
    var bytes: Int {
        var total = strings.capacity * MemoryLayout<String>.stride + hashes.capacity * 8 + slots.capacity * 4
        for s in strings where s.utf8.count > 15 { total += s.utf8.count + 32 }
        return total
    }

    /// The slot a hash starts probing at (its high bits folded in: FNV's low bits alone
    /// vary little between strings that differ in their last byte).
    private static func slot(_ hash: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (k, hash) in hashes.enumerated() {
            var i = Self.slot(hash, mask)
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = Int32(k + 1)
        }
    }
}
