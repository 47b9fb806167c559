import ScenarioLanguage

/// The character types of one code point, as CPython's `Objects/unicodectype.c` answers
/// them (`_PyUnicode_IsAlpha`, `_PyUnicode_ToLowerFull`, ...), for `str`'s methods, `repr`
/// and `re`.
///
/// The general category, numeric values and case folding come from `UnicodeDatabase`
/// (CPython 3.11's Unicode 14.0.0, generated from its `unicodedata`). The derived
/// properties (Uppercase, Lowercase, Cased, Case_Ignorable, XID) and the case mappings come
/// from Swift's tables, which follow a newer Unicode: a code point unassigned in 14.0 has
/// none of them, and the few whose properties changed since (U+0295 ceased to be
/// lowercase) are listed below with their 14.0 answer. `UnicodeCTypeTests` compares every
/// code point with CPython's, so a newer Swift toolchain's changes show there.
package enum UnicodeCType {
    /// Lowercase (so cased) in Unicode 14.0, a modifier letter (Lo) since 16.0.
    static let lowercaseIn14: Set<UInt32> = [0x295]
    /// Other_Lowercase (so cased) only since Unicode 15.0 or 16.0.
    static let lowercaseSince14: Set<UInt32> = [0x10FC, 0xA7F2, 0xA7F3, 0xA7F4, 0xAB69]
    /// XID_Continue only since Unicode 15.1 (the joiners and the katakana middle dots).
    static let xidContinueSince14: Set<UInt32> = [0x200C, 0x200D, 0x30FB, 0xFF65]

    /// Whether Unicode 14.0.0 (CPython 3.11's `unicodedata.unidata_version`) assigns it.
    @inline(__always)
    package static func isAssigned(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 || category(c) != "Cn"
    }

    /// The general category in Unicode 14.0.0.
    @inline(__always)
    package static func category(_ c: Unicode.Scalar) -> String {
        UnicodeDatabase.category(c.value)
    }

    /// `Py_UNICODE_ISALPHA`: the letter categories (Lu, Ll, Lt, Lm, Lo), not Unicode's
    /// Alphabetic property, which also has the vowel signs of Indic scripts and Nl numbers.
    package static func isAlpha(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return (0x41...0x5A).contains(c.value) || (0x61...0x7A).contains(c.value) }
        switch category(c) {
        case "Lu", "Ll", "Lt", "Lm", "Lo": return true
        default: return false
        }
    }

    /// `Py_UNICODE_ISDECIMAL`: a decimal digit of some script (category Nd).
    package static func isDecimal(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return (0x30...0x39).contains(c.value) }
        return UnicodeDatabase.decimal(c.value) != nil
    }

    /// `Py_UNICODE_ISDIGIT`: a decimal digit or another digit (superscripts, circled digits).
    package static func isDigit(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return (0x30...0x39).contains(c.value) }
        return UnicodeDatabase.digit(c.value) != nil
    }

    /// `Py_UNICODE_ISNUMERIC`: any numeric value (fractions, Roman numerals, CJK numbers).
    package static func isNumeric(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return (0x30...0x39).contains(c.value) }
        return UnicodeDatabase.numeric(c.value) != nil
    }

    /// `Py_UNICODE_ISALNUM`.
    package static func isAlnum(_ c: Unicode.Scalar) -> Bool {
        isAlpha(c) || isNumeric(c)
    }

    /// `Py_UNICODE_ISSPACE`: bidirectional class WS, B or S, or category Zs — which are
    /// Unicode's White_Space code points plus the separators U+001C–U+001F.
    package static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x1C...0x20: return true
        case 0..<0x80: return false
        default: return c.properties.isWhitespace
        }
    }

    /// `Py_UNICODE_ISPRINTABLE`: everything except the categories Cc, Cf, Cs, Co, Cn, Zl,
    /// Zp and Zs — but the ASCII space is printable.
    package static func isPrintable(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value >= 0x20 && c.value < 0x7F }
        switch category(c) {
        case "Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs": return false
        default: return true
        }
    }

    /// `Py_UNICODE_ISUPPER`: Unicode's Uppercase property.
    package static func isUpper(_ c: Unicode.Scalar) -> Bool { isAssigned(c) && c.properties.isUppercase }
    /// `Py_UNICODE_ISLOWER`: Unicode's Lowercase property.
    package static func isLower(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.properties.isLowercase }
        guard isAssigned(c) else { return false }
        if lowercaseIn14.contains(c.value) { return true }
        return c.properties.isLowercase && !lowercaseSince14.contains(c.value)
    }
    /// `Py_UNICODE_ISTITLE`: category Lt.
    package static func isTitle(_ c: Unicode.Scalar) -> Bool {
        c.value >= 0x80 && category(c) == "Lt"
    }
    /// `_PyUnicode_IsCased`.
    package static func isCased(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.properties.isCased }
        guard isAssigned(c) else { return false }
        if lowercaseIn14.contains(c.value) { return true }
        return c.properties.isCased && !lowercaseSince14.contains(c.value)
    }
    /// `_PyUnicode_IsCaseIgnorable`.
    package static func isCaseIgnorable(_ c: Unicode.Scalar) -> Bool {
        isAssigned(c) && c.properties.isCaseIgnorable
    }
    /// `_PyUnicode_IsXidStart`.
    package static func isXIDStart(_ c: Unicode.Scalar) -> Bool { isAssigned(c) && c.properties.isXIDStart }
    /// `_PyUnicode_IsXidContinue`.
    package static func isXIDContinue(_ c: Unicode.Scalar) -> Bool {
        isAssigned(c) && c.properties.isXIDContinue && !xidContinueSince14.contains(c.value)
    }

    /// `_PyUnicode_ToLowerFull`, `_PyUnicode_ToUpperFull`, `_PyUnicode_ToTitleFull`: the
    /// full (one-to-many) mappings of SpecialCasing.txt, without its contextual rules.
    package static func toLowerFull(_ c: Unicode.Scalar) -> String.UnicodeScalarView {
        mapping(c, c.properties.lowercaseMapping)
    }
    package static func toUpperFull(_ c: Unicode.Scalar) -> String.UnicodeScalarView {
        mapping(c, c.properties.uppercaseMapping)
    }
    package static func toTitleFull(_ c: Unicode.Scalar) -> String.UnicodeScalarView {
        mapping(c, c.properties.titlecaseMapping)
    }

    /// A mapping onto a code point Unicode 14.0 does not have (ƛ's uppercase, added in
    /// 16.0) is no mapping to CPython 3.11.
    private static func mapping(_ c: Unicode.Scalar, _ mapped: String) -> String.UnicodeScalarView {
        guard isAssigned(c), mapped.unicodeScalars.allSatisfy(isAssigned) else { return String.UnicodeScalarView([c]) }
        return mapped.unicodeScalars
    }

    /// `_PyUnicode_ToFoldedFull`: Unicode's full case folding (CaseFolding.txt, statuses C
    /// and F). Swift has no folding table; it equals the full lowercase mapping except for
    /// the code points `UnicodeDatabase.caseFold` lists.
    package static func toFoldedFull(_ c: Unicode.Scalar) -> String.UnicodeScalarView {
        if let folded = UnicodeDatabase.caseFold(c.value) {
            return String.UnicodeScalarView(folded.compactMap(Unicode.Scalar.init))
        }
        return toLowerFull(c)
    }
}
