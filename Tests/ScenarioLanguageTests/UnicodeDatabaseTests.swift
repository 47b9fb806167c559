import Testing
@testable import ScenarioLanguage

/// The Unicode character database generated from CPython 3.11's `unicodedata`, its
/// normalization forms, and `\N{NAME}` escapes in string literals. Expected values are
/// CPython's.
struct UnicodeDatabaseTests {
    private func decode(_ body: String) -> String {
        switch StringEscapes.decode(Array(body.unicodeScalars)) {
        case .success(let s): return s
        case .failure(let e): return "ERR " + e.message
        }
    }

    private func text(_ cps: [UInt32]) -> String {
        String(String.UnicodeScalarView(cps.compactMap(Unicode.Scalar.init)))
    }

    @Test func versionAndPropertiesAreUnicode14() {
        #expect(UnicodeDatabase.version == "14.0.0")
        #expect(UnicodeDatabase.category(0x41) == "Lu")
        #expect(UnicodeDatabase.category(0x0301) == "Mn")
        // U+1FAE0 (melting face) was assigned in 14.0; U+1FAE8 only in 15.0 (Swift's
        // tables know it, CPython 3.11's do not).
        #expect(UnicodeDatabase.category(0x1FAE0) == "So")
        #expect(UnicodeDatabase.category(0x1FAE8) == "Cn")
        #expect(UnicodeDatabase.eastAsianWidth(0xFF2A) == "F")
        #expect(UnicodeDatabase.combining(0x0301) == 230)
        #expect(UnicodeDatabase.numeric(0xBD) == 0.5)
        #expect(UnicodeDatabase.decimal(0x0663) == 3)
        #expect(UnicodeDatabase.digit(0x2460) == 1 && UnicodeDatabase.decimal(0x2460) == nil)
        #expect(UnicodeDatabase.decomposition(0xBD) == "<fraction> 0031 2044 0032")
    }

    @Test func namesAndLookups() {
        #expect(UnicodeDatabase.name(0x2014) == "EM DASH")
        #expect(UnicodeDatabase.name(0xAC01) == "HANGUL SYLLABLE GAG")
        #expect(UnicodeDatabase.name(0x4E00) == "CJK UNIFIED IDEOGRAPH-4E00")
        #expect(UnicodeDatabase.name(0x17000) == nil)  // CPython 3.11 names no Tangut ideograph
        #expect(UnicodeDatabase.name(0x0000) == nil)
        #expect(UnicodeDatabase.lookup("latin small letter a") == 0x61)
        #expect(UnicodeDatabase.lookup("BYTE ORDER MARK") == 0xFEFF)  // an alias
        #expect(UnicodeDatabase.lookup("HANGUL SYLLABLE GAG") == 0xAC01)
        #expect(UnicodeDatabase.lookup("HANGUL SYLLABLE gag") == nil)
        #expect(UnicodeDatabase.lookup("CJK UNIFIED IDEOGRAPH-04E00") == 0x4E00)
        #expect(UnicodeDatabase.lookup("CJK UNIFIED IDEOGRAPH-4e00") == nil)
        #expect(UnicodeDatabase.lookup("cjk compatibility ideograph-f900") == 0xF900)
        #expect(UnicodeDatabase.lookup("NO SUCH NAME") == nil)
    }

    @Test func normalizationForms() {
        let s: [UInt32] = [0x41, 0x30A, 0x20, 0xFB01, 0x20, 0x2460, 0xAC01, 0x1E9B, 0x323]
        #expect(text(UnicodeNormalization.normalize(.nfc, s)) == "\u{C5} \u{FB01} \u{2460}\u{AC01}\u{1E9B}\u{323}")
        #expect(text(UnicodeNormalization.normalize(.nfd, s)) == "A\u{30A} \u{FB01} \u{2460}\u{1100}\u{1161}\u{11A8}\u{17F}\u{323}\u{307}")
        #expect(text(UnicodeNormalization.normalize(.nfkc, s)) == "\u{C5} fi 1\u{AC01}\u{1E69}")
        #expect(text(UnicodeNormalization.normalize(.nfkd, s)) == "A\u{30A} fi 1\u{1100}\u{1161}\u{11A8}s\u{323}\u{307}")
        // Singletons never recompose: OHM SIGN and ANGSTROM SIGN.
        #expect(text(UnicodeNormalization.normalize(.nfc, [0x2126, 0x212B])) == "\u{3A9}\u{C5}")
        #expect(UnicodeNormalization.isNormalized(.nfd, [0x61, 0x301]))
        #expect(UnicodeDatabase.caseFold(0xDF) == [0x73, 0x73])
    }

    @Test func namedEscapesInLiterals() {
        #expect(decode(#"a\N{EM DASH}b"#) == "a\u{2014}b")
        #expect(decode(#"\N{latin small letter e with acute}"#) == "\u{E9}")
        #expect(decode(#"ab\N{NOPE}"#) == "ERR (unicode error) 'unicodeescape' codec can't decode bytes in position 2-9: unknown Unicode character name")
        #expect(decode(#"\N"#) == #"ERR (unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \N character escape"#)
        #expect(decode(#"\N{}"#) == #"ERR (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: malformed \N character escape"#)
        #expect(decode(#"\N{EM DASH"#) == #"ERR (unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: malformed \N character escape"#)
    }
}
