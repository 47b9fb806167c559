/// Python strings are sequences of code points, compared code point by code point; Swift's
/// `String` compares by canonical equivalence (`'e\u{301}' == 'é'`) and counts grapheme
/// clusters (`'\r\n'` is one). Everything the VM does with a `str`'s identity, length,
/// items or substrings goes through these, so it counts what CPython counts.
public enum CodePoints {
    /// `a == b` as Python has it: the same code points. (Equal UTF-8 bytes are exactly
    /// equal code points.)
    @inline(__always)
    public static func equal(_ a: String, _ b: String) -> Bool {
        let x = a.utf8, y = b.utf8
        return x.count == y.count && x.elementsEqual(y)
    }

    /// A str's hash, over its code points (as UTF-8, whose bytes are equal exactly when
    /// the code points are): Swift's `String` hash follows canonical equivalence, so
    /// `'e\u{301}'` and `'é'` collided. ASCII text hashes as its `bytes` do, as in CPython.
    public static func hash(_ s: String) -> Int { PyHash.fnv(s.utf8) }

    /// The code-point index of `needle`'s first (or last) occurrence in `haystack`. UTF-8
    /// is self-synchronizing, so a byte match of a whole string starts on a code point.
    public static func find(_ haystack: String, _ needle: String, fromRight: Bool = false) -> Int? {
        let hay = Array(haystack.utf8), pattern = Array(needle.utf8)
        guard pattern.count <= hay.count else { return nil }
        if pattern.isEmpty { return fromRight ? haystack.unicodeScalars.count : 0 }
        let last = hay.count - pattern.count
        let starts = fromRight ? Array(stride(from: last, through: 0, by: -1)) : Array(0...last)
        for i in starts where hay[i] == pattern[0] {
            var j = 1
            while j < pattern.count, hay[i + j] == pattern[j] { j += 1 }
            if j == pattern.count {
                // Code points before byte i: bytes that are not continuation bytes.
                return hay[0..<i].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            }
        }
        return nil
    }

    public static func contains(_ haystack: String, _ needle: String) -> Bool {
        needle.isEmpty || find(haystack, needle) != nil
    }

    /// A string of these code points.
    public static func string<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The line boundaries `str.splitlines` splits at (CPython's `Py_UNICODE_ISLINEBREAK`).
    public static func isLineBreak(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// `str.splitlines(keepends)`: `\r\n` is one boundary.
    public static func splitLines(_ s: String, keepEnds: Bool) -> [String] {
        let scalars = Array(s.unicodeScalars)
        var lines: [String] = []
        var start = 0, i = 0
        while i < scalars.count {
            guard isLineBreak(scalars[i]) else { i += 1; continue }
            var end = i + 1
            if scalars[i] == "\r", end < scalars.count, scalars[end] == "\n" { end += 1 }
            lines.append(string(scalars[start..<(keepEnds ? end : i)]))
            start = end
            i = end
        }
        if start < scalars.count { lines.append(string(scalars[start...])) }
        return lines
    }
}

/// Exact comparison of an int with a float, as CPython's `float_richcompare` makes it: the
/// int is never rounded to a double first (`2**53 + 1 == 2.0**53` is False).
public enum IntFloatComparison {
    /// -1, 0 or 1 as `i` is below, equal to or above `d`; nil when `d` is NaN.
    public static func compare(_ i: Int, _ d: Double) -> Int? {
        if d.isNaN { return nil }
        if d.isInfinite { return d > 0 ? -1 : 1 }
        let rounded = Double(i)
        // The double nearest `i` lies on the same side of any other double as `i` does.
        if rounded != d { return rounded < d ? -1 : 1 }
        // `d` is a whole number within a rounding of `i`: compare as integers.
        if d >= 9_223_372_036_854_775_808.0 { return -1 }
        let j = Int(d)
        return i < j ? -1 : (i == j ? 0 : 1)
    }
}
