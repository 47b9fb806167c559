/// The character predicates and case mappings of Modules/_sre/sre.c, on code points:
/// the ASCII ones (`SRE_IS_DIGIT`, `sre_lower_ascii`, ...), the locale ones (a str
/// pattern cannot use LOCALE, so they are C's "C" locale: ASCII), and the Unicode ones
/// (`Py_UNICODE_TOLOWER`, `Py_UNICODE_ISSPACE`, ...: simple case mappings and
/// CPython's Unicode database predicates).
package enum SRECharacters {
    // MARK: ASCII

    package static func SRE_IS_DIGIT(_ ch: UInt32) -> Bool { ch >= 0x30 && ch <= 0x39 }

    /// `Py_ISSPACE` below ' ': space, \t, \n, \v, \f, \r.
    package static func SRE_IS_SPACE(_ ch: UInt32) -> Bool { ch == 0x20 || (ch >= 0x09 && ch <= 0x0D) }

    package static func SRE_IS_LINEBREAK(_ ch: UInt32) -> Bool { ch == 0x0A }

    package static func SRE_IS_WORD(_ ch: UInt32) -> Bool {
        ch <= 0x7A && (isASCIIAlnum(ch) || ch == 0x5F)
    }

    package static func isASCIIAlnum(_ ch: UInt32) -> Bool {
        (ch >= 0x30 && ch <= 0x39) || (ch >= 0x41 && ch <= 0x5A) || (ch >= 0x61 && ch <= 0x7A)
    }

    package static func isASCIIAlpha(_ ch: UInt32) -> Bool {
        (ch >= 0x41 && ch <= 0x5A) || (ch >= 0x61 && ch <= 0x7A)
    }

    package static func sre_lower_ascii(_ ch: UInt32) -> UInt32 {
        ch >= 0x41 && ch <= 0x5A ? ch + 32 : ch
    }

    package static func sre_upper_ascii(_ ch: UInt32) -> UInt32 {
        ch >= 0x61 && ch <= 0x7A ? ch - 32 : ch
    }

    // MARK: Locale ("C": only ASCII letters have cases, only ASCII alnums are words)

    package static func SRE_LOC_IS_WORD(_ ch: UInt32) -> Bool { (ch < 256 && isASCIIAlnum(ch)) || ch == 0x5F }
    package static func sre_lower_locale(_ ch: UInt32) -> UInt32 { sre_lower_ascii(ch) }
    package static func sre_upper_locale(_ ch: UInt32) -> UInt32 { sre_upper_ascii(ch) }

    package static func char_loc_ignore(_ pattern: UInt32, _ ch: UInt32) -> Bool {
        ch == pattern || sre_lower_locale(ch) == pattern || sre_upper_locale(ch) == pattern
    }

    // MARK: Unicode

    /// `Py_UNICODE_TOLOWER`: the simple lowercase mapping (UnicodeData.txt's), which is
    /// the full mapping wherever that is one character; U+0130 is the one character
    /// whose full lowercase mapping is longer.
    package static func sre_lower_unicode(_ ch: UInt32) -> UInt32 {
        if ch < 0x80 { return sre_lower_ascii(ch) }
        guard let scalar = Unicode.Scalar(ch) else { return ch }
        if ch == 0x130 { return 0x69 }
        let mapped = UnicodeCType.toLowerFull(scalar)
        return mapped.count == 1 ? mapped.first!.value : ch
    }

    /// `Py_UNICODE_TOUPPER`: the simple uppercase mapping. Where the full mapping is
    /// longer, the simple one is the character itself except for the Greek letters with
    /// ypogegrammeni, whose simple uppercase is their titlecase form.
    package static func sre_upper_unicode(_ ch: UInt32) -> UInt32 {
        if ch < 0x80 { return sre_upper_ascii(ch) }
        guard let scalar = Unicode.Scalar(ch) else { return ch }
        let mapped = UnicodeCType.toUpperFull(scalar)
        if mapped.count == 1 { return mapped.first!.value }
        switch ch {
        case 0x1F80...0x1F87, 0x1F90...0x1F97, 0x1FA0...0x1FA7: return ch + 8
        case 0x1FB3, 0x1FC3, 0x1FF3: return ch + 9
        default: return ch
        }
    }

    /// `Py_UNICODE_ISDECIMAL`.
    package static func SRE_UNI_IS_DIGIT(_ ch: UInt32) -> Bool {
        if ch < 0x80 { return SRE_IS_DIGIT(ch) }
        return Unicode.Scalar(ch).map(UnicodeCType.isDecimal) ?? false
    }

    /// `Py_UNICODE_ISSPACE`.
    package static func SRE_UNI_IS_SPACE(_ ch: UInt32) -> Bool {
        Unicode.Scalar(ch).map(UnicodeCType.isSpace) ?? false
    }

    /// `Py_UNICODE_ISLINEBREAK`.
    package static func SRE_UNI_IS_LINEBREAK(_ ch: UInt32) -> Bool {
        Unicode.Scalar(ch).map(CodePoints.isLineBreak) ?? false
    }

    /// `Py_UNICODE_ISALNUM`.
    package static func SRE_UNI_IS_ALNUM(_ ch: UInt32) -> Bool {
        if ch < 0x80 { return isASCIIAlnum(ch) }
        return Unicode.Scalar(ch).map(UnicodeCType.isAlnum) ?? false
    }

    package static func SRE_UNI_IS_WORD(_ ch: UInt32) -> Bool { SRE_UNI_IS_ALNUM(ch) || ch == 0x5F }

    /// `sre_category`.
    package static func sre_category(_ category: UInt32, _ ch: UInt32) -> Bool {
        guard let c = SRECategory(rawValue: category) else { return false }
        switch c {
        case .DIGIT: return SRE_IS_DIGIT(ch)
        case .NOT_DIGIT: return !SRE_IS_DIGIT(ch)
        case .SPACE: return SRE_IS_SPACE(ch)
        case .NOT_SPACE: return !SRE_IS_SPACE(ch)
        case .WORD: return SRE_IS_WORD(ch)
        case .NOT_WORD: return !SRE_IS_WORD(ch)
        case .LINEBREAK: return SRE_IS_LINEBREAK(ch)
        case .NOT_LINEBREAK: return !SRE_IS_LINEBREAK(ch)
        case .LOC_WORD: return SRE_LOC_IS_WORD(ch)
        case .LOC_NOT_WORD: return !SRE_LOC_IS_WORD(ch)
        case .UNI_DIGIT: return SRE_UNI_IS_DIGIT(ch)
        case .UNI_NOT_DIGIT: return !SRE_UNI_IS_DIGIT(ch)
        case .UNI_SPACE: return SRE_UNI_IS_SPACE(ch)
        case .UNI_NOT_SPACE: return !SRE_UNI_IS_SPACE(ch)
        case .UNI_WORD: return SRE_UNI_IS_WORD(ch)
        case .UNI_NOT_WORD: return !SRE_UNI_IS_WORD(ch)
        case .UNI_LINEBREAK: return SRE_UNI_IS_LINEBREAK(ch)
        case .UNI_NOT_LINEBREAK: return !SRE_UNI_IS_LINEBREAK(ch)
        }
    }
}
