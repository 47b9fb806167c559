import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// `unicodedata` and what rests on CPython 3.11's Unicode 14.0.0 tables: `\N{...}` in
/// f-strings and `re` patterns, `str.isprintable` and `repr`, `str.casefold`.
@Suite("unicodedata")
struct UnicodeDataModuleTests {
    @Test("CPython's argument checks and messages; \\N{...} in f-strings and patterns; printable and casefold by Unicode 14")
    func moduleAgreesWithCPython() {
        let out = simulate(#"""
        import unicodedata as u, re
        for f in [lambda: u.name('ab'), lambda: u.category(1), lambda: u.numeric('a'), lambda: u.normalize('X', 'a'),
                  lambda: u.lookup('x' * 300), lambda: u.lookup('NOPE')]:
            try:
                f()
            except (TypeError, ValueError, KeyError) as e:
                print(type(e).__name__, e)
        print(u.name('\u00e9'), u.name('\x00', '-'), u.numeric('\u00bd'), ascii(u.normalize('NFKD', '\ufb01\u00e9')))
        print(f"{1}\N{BULLET}{2:>3}", re.sub(r"\N{EM DASH}", "--", "a\N{EM DASH}b"), "\N{BYTE ORDER MARK}" == "\ufeff")
        print(repr("\U0001fae0\U0001fae8\u00ad"), "Straße".casefold(), "\u0378".isprintable(), "a b".isprintable())
        """#)
        #expect(out.status == 0, "\(out)")
        #expect(out.stdout == #"""
        TypeError name() argument 1 must be a unicode character, not str
        TypeError category() argument must be a unicode character, not int
        ValueError not a numeric character
        ValueError invalid normalization form
        KeyError 'name too long'
        KeyError "undefined character name 'NOPE'"
        LATIN SMALL LETTER E WITH ACUTE - 0.5 'fie\u0301'
        1•  2 a--b True
        '🫠\U0001fae8\xad' strasse False True

        """#)
    }
}
