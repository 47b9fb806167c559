import Testing
@testable import ScenarioLanguage

/// Token kinds and texts, compactly: NEWLINE/INDENT/DEDENT as words, others as text.
private func lex(_ source: String) -> String {
    Lexer.tokenize(source).map { t -> String in
        switch t.kind {
        case .newline: return "NL"
        case .indent: return "IN"
        case .dedent: return "DE"
        case .endMarker: return "END"
        case .error: return "ERR(\(t.diagnostic!.range.start): \(t.diagnostic!.message))"
        case .string: return t.string!.isFString ? "f<\(String(String.UnicodeScalarView(t.string!.body)))>" : "s<\(t.text)>"
        default: return t.text
        }
    }.joined(separator: " ")
}

struct LexerTests {
    @Test func indentationBasics() {
        #expect(lex("if x:\n    y\nz\n") == "if x : NL IN y NL DE z NL END")
        #expect(lex("if x:\n  if y:\n    a\nb") == "if x : NL IN if y : NL IN a NL DE DE b NL END")
    }

    @Test func tabsAdvanceToMultiplesOfEight() {
        // A tab and eight spaces are the same level only if the alternate widths agree.
        #expect(lex("if x:\n\ta\n\tb\n") == "if x : NL IN a NL b NL DE END")
        #expect(lex("if x:\n\tif y:\n        a\n").contains("inconsistent use of tabs and spaces in indentation"))
    }

    @Test func dedentToIntermediateLevelIsAnError() {
        #expect(lex("if x:\n        a\n    b\n").hasSuffix("ERR(3:6: unindent does not match any outer indentation level)"))
    }

    @Test func blankAndCommentLinesAtOddIndentationAreIgnored() {
        #expect(lex("if x:\n    a\n  # comment\n\n      \n    b\n") == "if x : NL IN a NL b NL DE END")
    }

    @Test func continuationLinesAndBrackets() {
        #expect(lex("x = 1 + \\\n      2\n") == "x = 1 + 2 NL END")
        #expect(lex("x = (1,\n  2,\n        3)\ny") == "x = ( 1 , 2 , 3 ) NL y NL END")
        #expect(lex("f(a,  # note\n  b)\n") == "f ( a , b ) NL END")
    }

    @Test func stringForms() {
        #expect(lex("'a' \"b\"") == "s<a> s<b> NL END")
        #expect(lex("'''x\ny''' \"\"\"q\"\"\"") == "s<x\ny> s<q> NL END")
        #expect(lex(#"r'\n' R"\d""#) == #"s<\n> s<\d> NL END"#)
        #expect(lex(#"'\t\\\'\"\x41\u00e9\101'"#) == "s<\t\\'\"Aé\u{41}> NL END")
        #expect(lex(#"'\q'"#) == #"s<\q> NL END"#)
        #expect(lex("'a\\\nb'") == "s<ab> NL END")
        #expect(lex("f'{x}' F'y' rf'{z}' fR'w'") == "f<{x}> f<y> f<{z}> f<w> NL END")
        #expect(lex("x = 'abc\n").contains("ERR(1:5: unterminated string literal (detected at line 1))"))
        #expect(lex("x = '''abc\n\ny\n").contains("ERR(1:5: unterminated triple-quoted string literal (detected at line 3))"))
    }

    @Test func numbers() {
        let tokens = Lexer.tokenize("1_000 0x_ff 0o17 0b101 1.5 .5 5. 1e3 1.5E-2 0 00")
        #expect(tokens.filter { $0.kind == .int }.map(\.intValue) == [1000, 255, 15, 5, 0, 0])
        #expect(tokens.filter { $0.kind == .float }.map(\.floatValue) == [1.5, 0.5, 5.0, 1000.0, 0.015])
        // Python ints have no size limit: literals past 64 bits keep their digits.
        let big = Lexer.tokenize("9223372036854775808 0xffff_ffff_ffff_ffff_f")
        #expect(big.compactMap(\.bigIntDigits).map { "\($0.digits)/\($0.radix)" } == ["9223372036854775808/10", "fffffffffffffffff/16"])
        // Imaginary literals carry their imaginary part; leading zeros are fine before j.
        let imaginary = Lexer.tokenize("3j 2.5J 1e3j 1_0j 09j .5j")
        #expect(imaginary.filter { $0.kind == .imaginary }.map(\.floatValue) == [3, 2.5, 1000, 10, 9, 0.5])
        #expect(lex("x = 1jx").contains("invalid imaginary literal"))
        #expect(lex("x = 1abc").contains("ERR(1:5: invalid decimal literal)"))
        #expect(lex("0o9").contains("invalid digit '9' in octal literal"))
        #expect(lex("1__0").contains("invalid decimal literal"))
        #expect(lex("1if x else 2") == "1 if x else 2 NL END")
    }

    @Test func operators() {
        #expect(lex("a := b -> c **= d //= e @ f ... g != h") == "a := b -> c **= d //= e @ f ... g != h NL END")
        #expect(lex("x <<= 1 >>= 2 ** 3 // 4") == "x <<= 1 >>= 2 ** 3 // 4 NL END")
    }

    @Test func bracketErrors() {
        #expect(lex("x = 1)").contains("unmatched ')'"))
        #expect(lex("x = (1]").contains("closing parenthesis ']' does not match opening parenthesis '('"))
        #expect(lex("x = (1,\n2]").contains("opening parenthesis '(' on line 1"))
        #expect(lex("x = [1,\n").contains("ERR(1:5: '[' was never closed)"))
    }

    @Test func positionsCountUnicodeScalars() {
        let tokens = Lexer.tokenize("s = 'héllo' + x")
        #expect(tokens[3].start == SourceLocation(line: 1, column: 13))
        #expect(tokens[4].start == SourceLocation(line: 1, column: 15))
    }

    @Test func crlfLineEndings() {
        #expect(lex("if x:\r\n    y\r\nz\r\n") == "if x : NL IN y NL DE z NL END")
    }
}
