/// CPython's case conversions and case predicates of `str`, code point by code point, as
/// `unicodeobject.c` has them (`do_upper`, `do_lower`, `do_casefold`, `do_title`,
/// `do_capitalize`, `do_swapcase`, `unicode_istitle_impl`, ...). Swift's
/// `String.lowercased()` maps each code point alone, so it misses the one context-dependent
/// rule CPython applies (a capital sigma ending a word lowers to `ς`); `title` and
/// `capitalize` use the titlecase mapping (`ǆ` → `ǅ`, `ß` → `Ss`), and `casefold` is
/// Unicode's full case folding, not the lowercase mapping.
public enum CaseMapping {
    public static func upper(_ s: String) -> String {
        if isASCII(s) { return s.uppercased() }
        return map(s) { _, _, c in UnicodeCType.toUpperFull(c) }
    }

    public static func lower(_ s: String) -> String {
        if isASCII(s) { return s.lowercased() }
        return map(s) { scalars, i, _ in lowered(scalars, i) }
    }

    public static func casefold(_ s: String) -> String {
        if isASCII(s) { return s.lowercased() }
        return map(s) { _, _, c in UnicodeCType.toFoldedFull(c) }
    }

    public static func swapcase(_ s: String) -> String {
        map(s) { scalars, i, c in
            if UnicodeCType.isUpper(c) { return lowered(scalars, i) }
            if UnicodeCType.isLower(c) { return UnicodeCType.toUpperFull(c) }
            return String.UnicodeScalarView([c])
        }
    }

    /// Each word's first cased code point in titlecase, the rest lowered.
    public static func title(_ s: String) -> String {
        var previousIsCased = false
        return map(s) { scalars, i, c in
            let out = previousIsCased ? lowered(scalars, i) : UnicodeCType.toTitleFull(c)
            previousIsCased = UnicodeCType.isCased(c)
            return out
        }
    }

    /// The first code point in titlecase, the rest lowered.
    public static func capitalize(_ s: String) -> String {
        map(s) { scalars, i, c in i == scalars.startIndex ? UnicodeCType.toTitleFull(c) : lowered(scalars, i) }
    }

    /// `str.istitle`: uppercase and titlecase letters only after uncased ones, lowercase
    /// only after cased ones, and at least one cased letter.
    public static func isTitle(_ s: String) -> Bool {
        var cased = false, previousIsCased = false
        for c in s.unicodeScalars {
            if UnicodeCType.isUpper(c) || UnicodeCType.isTitle(c) {
                if previousIsCased { return false }
                previousIsCased = true
                cased = true
            } else if UnicodeCType.isLower(c) {
                if !previousIsCased { return false }
                previousIsCased = true
                cased = true
            } else {
                previousIsCased = false
            }
        }
        return cased
    }

    /// `str.isupper`: a titlecase or lowercase letter anywhere makes it false.
    public static func isUpper(_ s: String) -> Bool {
        var cased = false
        for c in s.unicodeScalars {
            if UnicodeCType.isLower(c) || UnicodeCType.isTitle(c) { return false }
            if UnicodeCType.isUpper(c) { cased = true }
        }
        return cased
    }

    public static func isLower(_ s: String) -> Bool {
        var cased = false
        for c in s.unicodeScalars {
            if UnicodeCType.isUpper(c) || UnicodeCType.isTitle(c) { return false }
            if UnicodeCType.isLower(c) { cased = true }
        }
        return cased
    }

    private typealias Scalars = String.UnicodeScalarView

    /// `lower_ucs4`: the code point at `i` lowered, a capital sigma by its context.
    private static func lowered(_ scalars: Scalars, _ i: Scalars.Index) -> Scalars {
        let c = scalars[i]
        if c.value == 0x3A3 { return Scalars([finalSigma(scalars, i) ? "\u{3C2}" : "\u{3C3}"]) }
        return UnicodeCType.toLowerFull(c)
    }

    /// `handle_capital_sigma`: the sigma ends a word when a cased letter precedes it and
    /// none follows it (case-ignorable code points between are skipped both ways).
    private static func finalSigma(_ scalars: Scalars, _ i: Scalars.Index) -> Bool {
        var j = i
        repeat {
            guard j > scalars.startIndex else { return false }
            j = scalars.index(before: j)
        } while UnicodeCType.isCaseIgnorable(scalars[j])
        guard UnicodeCType.isCased(scalars[j]) else { return false }
        j = scalars.index(after: i)
        while j < scalars.endIndex, UnicodeCType.isCaseIgnorable(scalars[j]) { j = scalars.index(after: j) }
        return j == scalars.endIndex || !UnicodeCType.isCased(scalars[j])
    }

    /// Each code point's mapping in turn; `transform` sees the whole string for the
    /// final-sigma context, walked in place rather than copied into an array.
    private static func map(_ s: String, _ transform: (Scalars, Scalars.Index, Unicode.Scalar) -> Scalars) -> String {
        let scalars = s.unicodeScalars
        var out = Scalars()
        var i = scalars.startIndex
        while i < scalars.endIndex {
            out.append(contentsOf: transform(scalars, i, scalars[i]))
            i = scalars.index(after: i)
        }
        return String(out)
    }

    private static func isASCII(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 < 0x80 }
    }
}
