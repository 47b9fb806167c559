/// Code-point access to the strings a program indexes again and again.
///
/// CPython keeps a str as an array of 1, 2 or 4 bytes a code point, so `len(s)` and
/// `s[i]` take constant time, and programs lean on it (`while i < len(s): c = s[i]`). A
/// Swift string is UTF-8: the i-th code point is a scan away, and a loop over a string's
/// indices took time quadratic in its length (20,000 characters: 9 s, CPython 0.8 s).
///
/// The index remembers the last few long strings by their storage: for an ASCII string
/// (the common case) the code-point offset is the byte offset, which `String.UTF8View`
/// reaches in constant time; otherwise it keeps where every 64th code point starts. An entry
/// holds its string, so the storage it is keyed by cannot be freed and reused by another
/// string while the entry lives. Short strings are not remembered: scanning them is as
/// cheap as looking them up.
package final class CodePointIndex {
    /// A string's code points, reached through its UTF-8 bytes.
    package struct View {
        package let string: String
        /// Byte offsets of every 64th code point (0, 64, 128, ...) when the string is not
        /// ASCII; nil when it is. Offsets rather than the code points themselves: a
        /// hundred-megabyte string would otherwise keep 400 MB beside it.
        private let crumbs: [Int]?
        package let count: Int

        fileprivate static let crumbShift = 6

        fileprivate init(_ s: String) {
            string = s
            let bytes = s.utf8
            var offsets: [Int] = []
            var scalars = 0, ascii = true
            func scan<C: Collection>(_ all: C) where C.Element == UInt8 {
                var offset = 0
                for b in all {
                    if b & 0xC0 != 0x80 {
                        if scalars & ((1 << Self.crumbShift) - 1) == 0 { offsets.append(offset) }
                        scalars += 1
                    }
                    if b >= 0x80 { ascii = false }
                    offset += 1
                }
            }
            // Most long strings are ASCII: eight bytes at a time answer that, and then the
            // count is the byte count (scanning 200 MB byte by byte took 0.2 s).
            if bytes.withContiguousStorageIfAvailable({ Self.isASCII($0) }) == true {
                count = bytes.count
                crumbs = nil
                return
            }
            if bytes.withContiguousStorageIfAvailable({ scan($0) }) == nil { scan(bytes) }
            count = scalars
            crumbs = ascii ? nil : offsets
        }

        private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let base = bytes.baseAddress else { return true }
            let raw = UnsafeRawPointer(base)
            let words = bytes.count / 8
            var seen: UInt64 = 0
            for w in 0..<words { seen |= raw.loadUnaligned(fromByteOffset: w * 8, as: UInt64.self) }
            for i in (words * 8)..<bytes.count { seen |= UInt64(bytes[i]) }
            return seen & 0x8080_8080_8080_8080 == 0
        }

        /// Where code point `i` starts (`i == count`: the end).
        private func index(_ i: Int) -> String.Index {
            let bytes = string.utf8
            guard let crumbs else { return bytes.index(bytes.startIndex, offsetBy: i) }
            if i == count { return bytes.endIndex }
            let scalars = string.unicodeScalars
            var at = bytes.index(bytes.startIndex, offsetBy: crumbs[i >> Self.crumbShift])
            for _ in 0..<(i & ((1 << Self.crumbShift) - 1)) { at = scalars.index(after: at) }
            return at
        }

        package subscript(i: Int) -> Unicode.Scalar { string.unicodeScalars[index(i)] }

        /// The code points at these indices, as a string.
        package func string<S: Sequence>(at indices: S) -> String where S.Element == Int {
            CodePoints.string(indices.lazy.map { self[$0] })
        }

        /// The code points `lo..<hi` (a step of 1), as a string.
        package func substring(_ lo: Int, _ hi: Int) -> String {
            guard lo < hi else { return "" }
            return String(string.unicodeScalars[index(lo)..<index(hi)])
        }
    }

    /// Strings of at most this many UTF-8 bytes are scanned each time, never remembered.
    private static let shortString = 64
    /// How many long strings are remembered (a program indexing two or three strings in
    /// one loop, as a diff or a merge does, keeps all of them).
    private static let capacity = 4

    private struct Entry {
        let storage: UnsafeRawPointer
        let byteCount: Int
        let view: View
    }
    /// Most recently used first.
    private var entries: [Entry] = []

    package init() {}

    /// The code points of `s`, remembered when `s` is long.
    package func view(_ s: String) -> View {
        let byteCount = s.utf8.count
        guard byteCount > Self.shortString,
              let storage = s.utf8.withContiguousStorageIfAvailable({ UnsafeRawPointer($0.baseAddress) }) ?? nil
        else { return View(s) }
        if let hit = entries.firstIndex(where: { $0.storage == storage && $0.byteCount == byteCount }) {
            let entry = entries[hit]
            if hit != 0 {
                entries.remove(at: hit)
                entries.insert(entry, at: 0)
            }
            return entry.view
        }
        let view = View(s)
        entries.insert(Entry(storage: storage, byteCount: byteCount, view: view), at: 0)
        if entries.count > Self.capacity { entries.removeLast() }
        return view
    }

    /// `len(s)`: for a remembered or short string without building anything new.
    package func count(_ s: String) -> Int {
        s.utf8.count > Self.shortString ? view(s).count : s.unicodeScalars.count
    }
}
