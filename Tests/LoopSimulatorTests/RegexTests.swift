import Testing
@testable import LoopSimulator
@testable import PythonRuntime

/// `re` (Lib/re over the native `_sre`): programs whose expected output is CPython
/// 3.11's, for the matcher's corner cases.
@Suite("re")
struct RegexTests {
    private func expectRun(_ source: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let out = simulate(source)
        #expect(out.stdout == expected, sourceLocation: sourceLocation)
        #expect(out.status == 0, "\(out)", sourceLocation: sourceLocation)
    }

    @Test("a pattern that matched a string matches an equal-looking one by its own code points")
    func canonicallyEquivalentText() {
        // The pattern remembers the code points of the string it matched last; 'é' and
        // 'e\u0301' are equal to Swift's `==` but not to Python's.
        expectRun(#"""
        import re
        p = re.compile(".")
        print(len(p.findall("e\u0301" * 2)), len(p.findall("\u00e9" * 2)), len(p.findall("e\u0301" * 2)))
        """#, """
        4 2 4

        """)
    }

    @Test("greedy and lazy quantifiers, nested groups and repeats give CPython's groups")
    func greedy() {
        expectRun(#"""
        import re
        print(re.match(r"<.*>", "<a><b>").group(), re.match(r"<.*?>", "<a><b>").group())
        print(re.match(r"(a+)(a+?)(a*)", "aaaa").groups(), re.match(r"(a{2,3}?)(a*)", "aaaa").groups())
        print(re.search(r"(\w+?)(\d*)$", "abc123").groups(), re.match(r"(?:ab)*?c", "ababc").span())
        print(re.match(r"(a|ab)(c|bcd)(d*)", "abcd").groups(), re.match(r"((a)|b)+", "ab").groups())
        print(re.match(r"(a*)*b", "aab").groups(), re.match(r"(a*)+?b", "aab").groups(), re.match(r"(?:a|())*b", "aab").groups())
        print(re.fullmatch(r"a*?", "aaa"), re.fullmatch(r"(ab)*?(ab)", "ababab").groups())
        """#, #"""
        <a><b> <a>
        ('aaa', 'a', '') ('aa', 'aa')
        ('abc', '123') (0, 5)
        ('a', 'bcd', '') ('b', 'a')
        ('',) ('aa',) ('',)
        <re.Match object; span=(0, 3), match='aaa'> ('ab', 'ab')

        """#)
    }

    @Test("backreferences, conditional groups, lookahead and lookbehind, templates")
    func backref() {
        expectRun(#"""
        import re
        print(re.search(r"(\w)\1", "abccd").group(), re.match(r"(?P<q>['\"]).*?(?P=q)", "'hi' there").group())
        print(re.match(r"(a)?(?(1)b|c)", "ab").group(), re.match(r"(a)?(?(1)b|c)", "c").group(), re.match(r"(?i)(ab)\1", "abAB").group())
        print(re.search(r"(?<=\$)\d+", "cost: $42").group(), re.search(r"(?<!\$)\b\d+", "$42 or 17").group())
        print(re.findall(r"\w+(?=,)", "a, b, c"), re.findall(r"\b\w+\b(?!,)", "a, b, c"), re.search(r"(?<=a|b)c", "xbc").span())
        print(re.sub(r"(?P<w>\w+)", r"<\g<w>|\g<0>|\1>", "hi yo"), re.match(r"(\d+)-(\d+)", "1-2").expand(r"\g<2>\n\1"))
        """#, #"""
        cc 'hi'
        ab c abAB
        42 17
        ['a', 'b'] ['c'] (2, 3)
        <hi|hi|hi> <yo|yo|yo> 2
        1

        """#)
    }

    @Test("empty matches in sub, split, findall and finditer follow 3.7+'s rules; scanner")
    func empty() {
        expectRun(#"""
        import re
        print(re.sub("x*", "-", "abxd"), re.sub(r"\b", "|", "ab cd"), re.sub("", "-", "abc"), re.subn("a|", "X", "bab"))
        print(re.split("x*", "axbxc"), re.split(r"\b", "a b"), re.split("(?=b)", "abab"), re.split("", "ab"))
        print(re.findall("", "ab"), re.findall("a*", "baac"), re.findall(r"(a)|b", "ab"), re.findall("(a)(b)?", "aab"))
        print([m.span() for m in re.finditer(r"\d*", "1a22")], re.split(r"(a)|b", "xaybz"), re.split(",", "a,b,c", maxsplit=1))
        print(re.sub(r"a", lambda m: "", "banana", count=2), re.sub("(b)|c", lambda m: m.group(1) or "C", "abc"))
        s = re.compile(r"\d+").scanner("a12b3")
        print(s.search().group(), s.search().group(), s.search(), s.search())
        """#, #"""
        -a-b--d- |ab| |cd| -a-b-c- ('XbXXbX', 4)
        ['', 'a', '', 'b', '', 'c', ''] ['', 'a', ' ', 'b', ''] ['a', 'ba', 'b'] ['', 'a', 'b', '']
        ['', '', ''] ['', 'aa', '', ''] ['a', ''] [('a', ''), ('a', 'b')]
        [(0, 1), (1, 1), (2, 4), (4, 4)] ['x', 'a', 'y', None, 'z'] ['a', 'b,c']
        bnna abC
        12 3 None None

        """#)
    }

    @Test("IGNORECASE with non-ASCII letters, ASCII, MULTILINE, DOTALL, VERBOSE, classes")
    func flags() {
        expectRun(#"""
        import re
        print(re.findall(r"(?i)straße|ΣΑΣ", "STRASSE Straße σας ΣΑΣ"), re.match(r"(?i)[a-zé]+", "ÉCOLE").group())
        print(re.match(r"(?i)ǆ", "Ǆ") is not None, re.match("(?i)K", "\u212a") is not None, re.match("(?ai)K", "\u212a"))
        print(re.findall(r"\w+", "naïve café 東京 x_1"), re.findall(r"(?a)\w+", "naïve café"), re.findall(r"\d", "1٣"))
        print(re.findall(r"^\w", "ab\ncd", re.M), re.findall(r"\w$", "ab\ncd\n", re.M), re.findall(r"\w$", "ab\ncd\n"))
        print(re.match(r".+", "a\nb").group(), re.match(r".+", "a\nb", re.S).group(), re.search(r"\Aa|b\Z", "ab").group())
        v = re.compile(r"""
           (?P<num> \d+ )   # digits
           \s* [+] \s*      # a plus
           (?P=num)         # the same again
        """, re.X)
        print(v.match("12 + 12").groupdict(), v.pattern.count("\n"), v.flags, re.compile("a", re.I).flags)
        print(re.match(r"[^\W\d]+", "abc1").group(), re.findall(r"[\s,]+", "a, b ,c"), re.match(r"[\]\-a]+", "]-a").group())
        print(re.findall(r"[\u0400-\u04ff]+", "abc привет xyz"), re.findall(r"[^a-c]", "abcdé"))
        """#, #"""
        ['Straße', 'σας', 'ΣΑΣ'] ÉCOLE
        True True None
        ['naïve', 'café', '東京', 'x_1'] ['na', 've', 'caf'] ['1', '٣']
        ['a', 'c'] ['b', 'd'] ['d']
        a a
        b a
        {'num': '12'} 4 96 34
        abc [', ', ' ,'] ]-a
        ['привет'] ['d', 'é']

        """#)
    }

    @Test("atomic groups and possessive quantifiers (3.11) do not backtrack")
    func atomic() {
        expectRun(#"""
        import re
        print(re.match(r"(?>a+)b", "aaab").group(), re.match(r"(?>a+)a", "aaa"), re.match(r"(?>a|ab)c", "abc"))
        print(re.match(r"a*+b", "aaab").group(), re.match(r"a*+a", "aaa"), re.match(r"(?:ab)++c", "ababc").group())
        print(re.match(r"(?:ab)*+ab", "abab"), re.match(r"\d{2,}+\d", "1234"), re.match(r"(a|b)?+b", "b"))
        print(re.match(r"(?:(a)|b)++", "abab").groups(), re.findall(r"(?>x*)y", "xxy y"))
        """#, #"""
        aaab None None
        aaab None ababc
        None None None
        ('',) ['xxy', 'y']

        """#)
    }

    @Test("Pattern and Match objects: methods, attributes, reprs, errors as CPython's")
    func objects() {
        expectRun(#"""
        import re
        p = re.compile(r"(?P<first>\w+) (?P<last>\w+)?")
        m = p.match("Jane ", 0)
        print(m, m.groups(), m.groups("-"), m.groupdict("?"), m.group("first", 0), m[0], m["first"])
        print(m.span("last"), m.start(2), m.end(), m.regs, m.lastindex, m.lastgroup, m.re is p, m.string, m.pos, m.endpos)
        print(bool(m), repr(re.match("x" * 60, "x" * 60)), p.search("  ab cd", 1, 4), p.search("ab cd", pos=3))
        print(p, re.compile("a'b\"", re.S | re.A), re.compile(r"\d", re.U), p.groups, p.groupindex, p.pattern)
        print(p == re.compile(r"(?P<first>\w+) (?P<last>\w+)?"), hash(p) == hash(re.compile(p.pattern)), type(m).__name__, type(p).__name__)
        for bad in [lambda: m.group(3), lambda: m.group("nope"), lambda: p.match(5), lambda: re.sub("a", 1, "a"), lambda: re.compile(5)]:
            try:
                bad()
            except Exception as e:
                print(type(e).__name__, e)
        for pat in ["a(b", "(?P<1a>x)", "[z-a]", "a**", "(?<=a+)b", "\\", "x{2,1}", "(?P<n>a)(?P<n>b)", "abc)"]:
            try:
                re.compile(pat)
            except re.error as e:
                print(repr(pat), "->", e, "|", e.pos)
        print(re.sub("a", lambda m: 5, "b"))
        """#, #"""
        <re.Match object; span=(0, 5), match='Jane '> ('Jane', None) ('Jane', '-') {'first': 'Jane', 'last': '?'} ('Jane', 'Jane ') Jane  Jane
        (-1, -1) -1 5 ((0, 5), (0, 4), (-1, -1)) 1 first True Jane  0 5
        True <re.Match object; span=(0, 60), match='xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx> None None
        re.compile('(?P<first>\\w+) (?P<last>\\w+)?') re.compile('a\'b"', re.DOTALL|re.ASCII) re.compile('\\d') 2 {'first': 1, 'last': 2} (?P<first>\w+) (?P<last>\w+)?
        True True Match Pattern
        IndexError no such group
        IndexError no such group
        TypeError expected string or bytes-like object, got 'int'
        TypeError decoding to str: need a bytes-like object, int found
        TypeError first argument must be string or compiled pattern
        'a(b' -> missing ), unterminated subpattern at position 1 | 1
        '(?P<1a>x)' -> bad character in group name '1a' at position 4 | 4
        '[z-a]' -> bad character range z-a at position 1 | 1
        'a**' -> multiple repeat at position 2 | 2
        '(?<=a+)b' -> look-behind requires fixed-width pattern | None
        '\\' -> bad escape (end of pattern) at position 0 | 0
        'x{2,1}' -> min repeat greater than max repeat at position 2 | 2
        '(?P<n>a)(?P<n>b)' -> redefinition of group name 'n' as group 2; was group 1 at position 12 | 12
        'abc)' -> unbalanced parenthesis at position 3 | 3
        b

        """#)
    }

    @Test("pos and endpos clamp as state_init does; a negative maxsplit or count changes nothing")
    func bounds() {
        expectRun(#"""
        import re
        print(re.split(',', 'a,b', maxsplit=-1), re.sub('a', 'b', 'aaa', count=-1), re.subn('a', 'b', 'aaa', 2))
        print(re.compile('a').match('aaa', 2, 1), re.compile('$', re.M).match('abc', 3, 1), re.compile('^a').search('ba', 1))
        print(re.compile(r'\d').findall('a1b2', 5, 1), re.compile('').findall('ab', 1, 1), re.compile(r'\w').findall('abc', -5, 2))
        print(re.compile(r'a$').search('ab', 0, 1), re.compile(r'(?<=a)b').search('ab', 1), re.compile('b').fullmatch('abc', 1, 2))
        """#, #"""
        ['a,b'] aaa ('bba', 2)
        None None None
        [] [''] ['a', 'b']
        <re.Match object; span=(0, 1), match='a'> <re.Match object; span=(1, 2), match='b'> <re.Match object; span=(1, 2), match='b'>

        """#)
    }

    @Test("sub and expand templates: group references by number and name, escapes, bad templates")
    func templates() {
        expectRun(#"""
        import re
        cases = [
            (r"(\w+)@(\w+)\.com", r"\2 at \1", "joe@example.com, ann@site.com"),
            (r"(?P<y>\d{4})-(?P<m>\d\d)", r"\g<m>/\g<y>", "2024-05 and 1999-12"),
            (r"(a)|(b)", r"[\1\2]", "abc"),
            (r"x", r"\n\t\\", "axb"),
            (r"(\d)", r"\g<1>0", "a1b2"),
            (r"", r"-", "abc"),
        ]
        for p, t, s in cases:
            print(re.sub(p, t, s), re.subn(p, t, s, 1))
        for bad in [r"\3", r"\g<x>", r"\g<1", "\\", r"\q"]:
            try:
                print(re.sub(r"(a)", bad, "a"))
            except Exception as e:
                print(type(e).__name__, e)
        m = re.search(r"(?P<first>\w+) (?P<second>\w+)", "hello big world")
        print(m.expand(r"\g<second>-\g<first>"), m.expand(r"\2\1"))
        print(re.sub("a", "\\\\", "aa"), re.sub(r"(?i)B", lambda m: m.group().swapcase(), "abBA"))
        print(re.escape("a-b.c*d e\tf/g"), re.escape("ü€"))
        print(re.findall(r"(?x) \d+ [ ] \w+ # tail", "12 ab 3 c"), re.template("a") if False else 0)
        print(re.split(r"(\d)(x)?", "a1b2xc"), re.purge())
        """#, #"""
        example at joe, site at ann ('example at joe, ann@site.com', 1)
        05/2024 and 12/1999 ('05/2024 and 1999-12', 1)
        [a][b]c ('[a]bc', 1)
        a
        	\b ('a\n\t\\b', 1)
        a10b20 ('a10b2', 1)
        -a-b-c- ('-abc', 1)
        error invalid group reference 3 at position 1
        IndexError unknown group name 'x'
        error missing >, unterminated name at position 3
        error bad escape (end of pattern) at position 0
        error bad escape \q at position 0
        big-hello bighello
        \\ aBbA
        a\-b\.c\*d\ e\	f/g ü€
        ['12 ab', '3 c'] 0
        ['a', '1', None, 'b', '2', 'x', 'c'] None

        """#)
    }

    @Test("re.Pattern[str] and re.Match[str] are generic aliases, as in annotations")
    func genericAliases() {
        expectRun(#"""
        import re
        def first_word(p: re.Pattern[str], text: str) -> "re.Match[str]":
            return p.match(text)
        print(re.Pattern[str], re.Match[str], first_word(re.compile(r"\w+"), "hi there"))
        """#, #"""
        re.Pattern[str] re.Match[str] <re.Match object; span=(0, 2), match='hi'>

        """#)
    }

    @Test("flags are RegexFlag members (enum.IntFlag, global_enum) printing as CPython's; re.DEBUG names opcodes; list.index and %* as the compiler uses them")
    func flagReprs() {
        expectRun(#"""
        import re
        print(re.I, re.IGNORECASE | re.MULTILINE, re.compile('a', re.IGNORECASE), re.compile('b', re.I | re.S | re.X))
        print(re.NOFLAG, re.RegexFlag, int(re.I), re.I == 2, re.I & re.M, str(re.M), re.A.name, isinstance(re.I, int))
        print(re.compile(r"(?i)ab").flags, re.compile("x", re.U).flags, re.search("A", "xa", flags=re.I).span())
        re.compile(r"a[bc]*?d", re.DEBUG)
        print('%*d|%-*d|%.*f|' % (5, 42, 4, 7, 2, 3.14159), [0, 1, 1, 0].index(0, 1), (1, 2, 1).index(1, -2))
        """#, #"""
        re.IGNORECASE re.IGNORECASE|re.MULTILINE re.compile('a', re.IGNORECASE) re.compile('b', re.IGNORECASE|re.DOTALL|re.VERBOSE)
        re.NOFLAG <flag 'RegexFlag'> 2 True re.NOFLAG re.MULTILINE ASCII True
        34 32 (1, 2)
        LITERAL 97
        MIN_REPEAT 0 MAXREPEAT
          IN
            LITERAL 98
            LITERAL 99
        LITERAL 100

         0. INFO 8 0b1 2 MAXREPEAT (to 9)
              prefix_skip 1
              prefix [0x61] ('a')
              overlap [0]
         9: LITERAL 0x61 ('a')
        11. MIN_REPEAT_ONE 10 0 MAXREPEAT (to 22)
        15.   IN 5 (to 21)
        17.     RANGE 0x62 0x63 ('b'-'c')
        20.     FAILURE
        21:   SUCCESS
        22: LITERAL 0x64 ('d')
        24. SUCCESS
           42|7   |3.14| 3 2

        """#)
    }
}
