/// CPython 3.11's Unicode character database (Unicode 14.0.0), read from the table
/// `tools/unicodedata_tables.py` generates from CPython's own `unicodedata`: the answers
/// of `unicodedata` and the names `\N{...}` resolves are CPython's for every code point,
/// whatever Unicode version Swift's own tables follow.
public enum UnicodeDatabase {
    public static let version: String = tables.version

    /// `unicodedata.category`: "Cn" for an unassigned code point.
    public static func category(_ cp: UInt32) -> String { tables.category.value(at: cp) }
    public static func eastAsianWidth(_ cp: UInt32) -> String { tables.eastAsianWidth.value(at: cp) }
    public static func bidirectional(_ cp: UInt32) -> String {
        let v = tables.bidirectional.value(at: cp)
        return v == "-" ? "" : v
    }
    public static func combining(_ cp: UInt32) -> Int { Int(tables.combining.value(at: cp)) ?? 0 }
    public static func mirrored(_ cp: UInt32) -> Int { Int(tables.mirrored.value(at: cp)) ?? 0 }

    /// `unicodedata.decimal`, `digit` and `numeric`: nil where the character has none.
    public static func decimal(_ cp: UInt32) -> Int? { tables.numeric[cp]?.decimal }
    public static func digit(_ cp: UInt32) -> Int? { tables.numeric[cp]?.digit }
    public static func numeric(_ cp: UInt32) -> Double? { tables.numeric[cp]?.numeric }

    /// `unicodedata.decomposition`: "" when there is none (Hangul syllables have none
    /// listed, as in CPython: theirs is algorithmic).
    public static func decomposition(_ cp: UInt32) -> String { tables.decomposition[cp]?.text ?? "" }

    /// `unicodedata.name`: nil for a code point without a name.
    public static func name(_ cp: UInt32) -> String? {
        if let name = nameTables.names.byCode[cp] { return name }
        if let hangul = HangulSyllables.name(cp) { return hangul }
        for range in nameTables.names.ranges where range.first <= cp && cp <= range.last {
            return range.prefix + String(cp, radix: 16, uppercase: true)
        }
        return nil
    }

    /// `unicodedata.lookup` without its named sequences, and `\N{NAME}`: the code point
    /// named `name` or one of its aliases, nil when none is. As CPython's `_getcode`:
    /// Hangul syllables and CJK unified ideographs are matched case-sensitively (upper
    /// case, 4 or 5 hex digits for an ideograph), every other name case-insensitively.
    public static func lookup(_ name: String) -> UInt32? {
        if name.hasPrefix(HangulSyllables.prefix) { return HangulSyllables.lookup(name) }
        let unified = "CJK UNIFIED IDEOGRAPH-"
        if name.hasPrefix(unified) {
            let hex = name.utf8.dropFirst(unified.utf8.count)
            guard hex.count == 4 || hex.count == 5,
                  hex.allSatisfy({ (48...57).contains($0) || (65...70).contains($0) }),
                  let cp = UInt32(String(decoding: hex, as: UTF8.self), radix: 16),
                  nameTables.names.ranges.contains(where: { $0.prefix == unified && $0.first <= cp && cp <= $0.last })
            else { return nil }
            return cp
        }
        let upper = name.uppercased()
        if let cp = nameTables.names.byName[upper] ?? nameTables.names.aliases[upper] { return cp }
        // The other names made of a prefix and the code point are CPython's listed names.
        for range in nameTables.names.ranges where range.prefix != unified && upper.hasPrefix(range.prefix) {
            let hex = upper.dropFirst(range.prefix.count)
            guard let cp = UInt32(hex, radix: 16), range.first <= cp, cp <= range.last,
                  String(cp, radix: 16, uppercase: true) == hex else { continue }
            return cp
        }
        return nil
    }

    /// `str.casefold` of one code point where full case folding differs from lowercasing
    /// (`ß` to `ss`), nil elsewhere (the fold is then the lowercase mapping).
    public static func caseFold(_ cp: UInt32) -> [UInt32]? { tables.caseFold[cp] }

    /// The properties, read on first use (`repr` of a non-ASCII str asks a category)...
    static let tables = UnicodeTables(UnicodeDataTable.text, names: false)
    /// ...and the names, read only when a name is asked for (`\N{...}`, `name`, `lookup`).
    static let nameTables = UnicodeTables(UnicodeDataTable.text, names: true)
}

/// A property over all code points, as runs: each run's first code point and value.
struct PropertyRuns {
    var starts: [UInt32] = []
    var values: [String] = []

    func value(at cp: UInt32) -> String {
        // The last run starting at or before cp.
        var lo = 0, hi = starts.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if starts[mid] <= cp { lo = mid } else { hi = mid }
        }
        return values.isEmpty ? "" : values[lo]
    }
}

struct NumericValue {
    let decimal: Int?
    let digit: Int?
    let numeric: Double
}

struct Decomposition {
    /// `unicodedata.decomposition`'s text: "<compat> 0020 0301" or "0041 0301".
    let text: String
    /// Whether it is a compatibility mapping (its text starts with a `<tag>`).
    let isCompatibility: Bool
    let codePoints: [UInt32]
}

struct NameTable {
    var byCode: [UInt32: String] = [:]
    var byName: [String: UInt32] = [:]
    var ranges: [(first: UInt32, last: UInt32, prefix: String)] = []
    /// Name aliases (upper case) to their code points.
    var aliases: [String: UInt32] = [:]
}

/// The generated table, parsed once per process: its name sections (`names: true`), or
/// the others.
struct UnicodeTables: Sendable {
    var version = ""
    var category = PropertyRuns()
    var eastAsianWidth = PropertyRuns()
    var combining = PropertyRuns()
    var bidirectional = PropertyRuns()
    var mirrored = PropertyRuns()
    var numeric: [UInt32: NumericValue] = [:]
    var decomposition: [UInt32: Decomposition] = [:]
    var compositionExcluded: Set<UInt32> = []
    var caseFold: [UInt32: [UInt32]] = [:]
    var names = NameTable()

    init(_ text: String, names wantNames: Bool) {
        var section = ""
        var wanted = false
        var previousName = Substring(""), previousCode: Int64 = -1
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.first == "@" {
                section = String(line.dropFirst())
                wanted = ["names", "ranges", "aliases"].contains(section) == wantNames
                continue
            }
            guard wanted else { continue }
            if section == "names" {
                // DELTA K SUFFIX: front-coded against the previous name.
                guard let space = line.firstIndex(of: " ") else { continue }
                let delta = line[..<space].isEmpty ? 1 : Int64(line[..<space], radix: 16) ?? 1
                let rest = line[line.index(after: space)...]
                guard let k = rest.unicodeScalars.first.map({ Int($0.value) - 48 }) else { continue }
                let name = String(previousName.prefix(k)) + String(rest.dropFirst())
                previousCode += delta
                let cp = UInt32(previousCode)
                names.byCode[cp] = name
                names.byName[name] = cp
                previousName = Substring(name)
                continue
            }
            let fields = line.split(separator: " ", maxSplits: ["decomposition", "ranges", "aliases"].contains(section) ? 1 : 3)
            switch section {
            case "version":
                version = String(line)
            case "category", "east_asian_width", "combining", "bidirectional", "mirrored":
                guard fields.count == 2, let start = UInt32(fields[0], radix: 16) else { continue }
                let value = String(fields[1])
                switch section {
                case "category": category.starts.append(start); category.values.append(value)
                case "east_asian_width": eastAsianWidth.starts.append(start); eastAsianWidth.values.append(value)
                case "combining": combining.starts.append(start); combining.values.append(value)
                case "bidirectional": bidirectional.starts.append(start); bidirectional.values.append(value)
                default: mirrored.starts.append(start); mirrored.values.append(value)
                }
            case "numeric":
                guard fields.count == 4, let cp = UInt32(fields[0], radix: 16), let n = Double(fields[3]) else { continue }
                numeric[cp] = NumericValue(decimal: Int(fields[1]), digit: Int(fields[2]), numeric: n)
            case "decomposition":
                guard fields.count == 2, let cp = UInt32(fields[0], radix: 16) else { continue }
                let text = String(fields[1])
                let parts = text.split(separator: " ")
                let isCompatibility = text.hasPrefix("<")
                let codes = parts.dropFirst(isCompatibility ? 1 : 0).compactMap { UInt32($0, radix: 16) }
                decomposition[cp] = Decomposition(text: text, isCompatibility: isCompatibility, codePoints: codes)
            case "casefold":
                let parts = line.split(separator: " ")
                guard parts.count > 1, let cp = UInt32(parts[0], radix: 16) else { continue }
                caseFold[cp] = parts.dropFirst().compactMap { UInt32($0, radix: 16) }
            case "aliases":
                guard fields.count == 2, let cp = UInt32(fields[0], radix: 16) else { continue }
                names.aliases[String(fields[1])] = cp
            case "composition_excluded":
                if let cp = UInt32(line, radix: 16) { compositionExcluded.insert(cp) }
            case "ranges":
                let parts = line.split(separator: " ", maxSplits: 2)
                guard parts.count == 3, let first = UInt32(parts[0], radix: 16), let last = UInt32(parts[1], radix: 16) else { continue }
                names.ranges.append((first, last, String(parts[2])))
            default:
                continue
            }
        }
    }
}

/// Hangul syllables' names and decompositions, by Unicode's algorithm (chapter 3.12),
/// as CPython computes them instead of listing 11,172 of each.
enum HangulSyllables {
    static let sBase: UInt32 = 0xAC00, lBase: UInt32 = 0x1100, vBase: UInt32 = 0x1161, tBase: UInt32 = 0x11A7
    static let lCount: UInt32 = 19, vCount: UInt32 = 21, tCount: UInt32 = 28
    static let nCount = vCount * tCount, sCount = lCount * nCount
    static let jamoL = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"]
    static let jamoV = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE",
                        "WI", "YU", "EU", "YI", "I"]
    static let jamoT = ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B",
                        "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"]
    static let prefix = "HANGUL SYLLABLE "

    static func isSyllable(_ cp: UInt32) -> Bool { cp >= sBase && cp < sBase + sCount }

    static func name(_ cp: UInt32) -> String? {
        guard isSyllable(cp) else { return nil }
        let s = Int(cp - sBase)
        return prefix + jamoL[s / Int(nCount)] + jamoV[(s % Int(nCount)) / Int(tCount)] + jamoT[s % Int(tCount)]
    }

    /// The syllable named `name` (case-sensitive), matching the longest jamo at each step as
    /// CPython's `find_syllable` does.
    static func lookup(_ name: String) -> UInt32? {
        guard name.hasPrefix(prefix) else { return nil }
        var rest = Substring(name.dropFirst(prefix.count))
        func take(_ table: [String]) -> Int? {
            var best: Int?
            for (i, jamo) in table.enumerated() where rest.hasPrefix(jamo) {
                if best == nil || jamo.count > table[best!].count { best = i }
            }
            if let best { rest = rest.dropFirst(table[best].count) }
            return best
        }
        guard let l = take(jamoL), let v = take(jamoV), let t = take(jamoT), rest.isEmpty else { return nil }
        return sBase + (UInt32(l) * vCount + UInt32(v)) * tCount + UInt32(t)
    }

    /// The canonical decomposition of a syllable into two or three jamo.
    static func decompose(_ cp: UInt32) -> [UInt32] {
        let s = cp - sBase
        let l = lBase + s / nCount, v = vBase + (s % nCount) / tCount, t = tBase + s % tCount
        return t == tBase ? [l, v] : [l, v, t]
    }

    /// The syllable `first` and `second` compose to (L+V, or LV+T), or nil.
    static func compose(_ first: UInt32, _ second: UInt32) -> UInt32? {
        if first >= lBase, first < lBase + lCount, second >= vBase, second < vBase + vCount {
            return sBase + ((first - lBase) * vCount + (second - vBase)) * tCount
        }
        if isSyllable(first), (first - sBase) % tCount == 0, second > tBase, second < tBase + tCount {
            return first + (second - tBase)
        }
        return nil
    }
}
