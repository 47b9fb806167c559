/// `unicodedata.normalize`: the four normalization forms of UAX #15 over CPython 3.11's
/// character database (Unicode 14.0.0): full decomposition (canonical, or compatibility
/// too), canonical ordering by combining class, then canonical composition for NFC and NFKC.
public enum UnicodeNormalization {
    public enum Form: String, CaseIterable, Sendable {
        case nfc = "NFC", nfd = "NFD", nfkc = "NFKC", nfkd = "NFKD"
        var compatibility: Bool { self == .nfkc || self == .nfkd }
        var composes: Bool { self == .nfc || self == .nfkc }
    }

    public static func normalize(_ form: Form, _ scalars: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(scalars.count)
        for cp in scalars { decompose(cp, compatibility: form.compatibility, into: &out) }
        reorder(&out)
        if form.composes { compose(&out) }
        return out
    }

    /// Whether `normalize(form, scalars)` is `scalars` (`unicodedata.is_normalized`).
    public static func isNormalized(_ form: Form, _ scalars: [UInt32]) -> Bool {
        normalize(form, scalars) == scalars
    }

    private static func decompose(_ cp: UInt32, compatibility: Bool, into out: inout [UInt32]) {
        if HangulSyllables.isSyllable(cp) {
            out += HangulSyllables.decompose(cp)
            return
        }
        guard let d = UnicodeDatabase.tables.decomposition[cp], compatibility || !d.isCompatibility else {
            out.append(cp)
            return
        }
        for part in d.codePoints { decompose(part, compatibility: compatibility, into: &out) }
    }

    /// The canonical ordering algorithm: each run of non-starters sorted, stably, by
    /// combining class.
    private static func reorder(_ s: inout [UInt32]) {
        var i = 0
        while i < s.count {
            guard UnicodeDatabase.combining(s[i]) != 0 else { i += 1; continue }
            var j = i
            while j < s.count, UnicodeDatabase.combining(s[j]) != 0 { j += 1 }
            if j - i > 1 {
                let run = s[i..<j].enumerated().sorted {
                    let a = UnicodeDatabase.combining($0.element), b = UnicodeDatabase.combining($1.element)
                    return a != b ? a < b : $0.offset < $1.offset
                }
                s.replaceSubrange(i..<j, with: run.map(\.element))
            }
            i = j
        }
    }

    /// Pairs that compose canonically: every two-character canonical decomposition that
    /// is not excluded from composition.
    private static let pairs: [UInt64: UInt32] = {
        var pairs: [UInt64: UInt32] = [:]
        for (cp, d) in UnicodeDatabase.tables.decomposition
        where !d.isCompatibility && d.codePoints.count == 2 && !UnicodeDatabase.tables.compositionExcluded.contains(cp) {
            pairs[UInt64(d.codePoints[0]) << 32 | UInt64(d.codePoints[1])] = cp
        }
        return pairs
    }()

    private static func composePair(_ a: UInt32, _ b: UInt32) -> UInt32? {
        HangulSyllables.compose(a, b) ?? pairs[UInt64(a) << 32 | UInt64(b)]
    }

    /// The canonical composition algorithm: each character after the last starter joins
    /// it when not blocked (no character between of the same or higher class, or a
    /// starter) and the pair composes.
    private static func compose(_ s: inout [UInt32]) {
        guard !s.isEmpty else { return }
        var out: [UInt32] = []
        out.reserveCapacity(s.count)
        var starter: Int? = nil
        var lastClass = -1
        for cp in s {
            let cls = UnicodeDatabase.combining(cp)
            if let st = starter, lastClass < cls || (lastClass == 0 && out.count - 1 == st),
               let composed = composePair(out[st], cp) {
                out[st] = composed
                continue
            }
            if cls == 0 {
                starter = out.count
                lastClass = 0
            } else {
                lastClass = cls
            }
            out.append(cp)
        }
        s = out
    }
}
