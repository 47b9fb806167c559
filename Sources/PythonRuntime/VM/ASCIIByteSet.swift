/// A set of ASCII characters as two 64-bit masks, tested on UTF-8 bytes: for scans that
/// run over a string's bytes while the characters are ASCII and hand the rest to code-point
/// logic. A byte of 0x80 or more (any part of a non-ASCII code point) is never a member.
struct ASCIIByteSet {
    private var low: UInt64 = 0, high: UInt64 = 0

    init<S: Sequence>(_ members: S) where S.Element == Int {
        for m in members where (0..<128).contains(m) {
            if m < 64 { low |= 1 << UInt64(m) } else { high |= 1 << UInt64(m - 64) }
        }
    }

    /// The ASCII members of `scalars`, or `fallback` when there is no set.
    init(_ scalars: Set<Unicode.Scalar>?, default fallback: ASCIIByteSet) {
        guard let scalars else { self = fallback; return }
        self.init(scalars.lazy.map { Int($0.value) })
    }

    @inline(__always) func contains(_ b: UInt8) -> Bool {
        b < 64 ? low & (1 << UInt64(b)) != 0 : b < 128 && high & (1 << UInt64(b - 64)) != 0
    }
}
