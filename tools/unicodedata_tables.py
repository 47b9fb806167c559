#!/usr/bin/env python3
"""unicodedata_tables.py - write CPython's Unicode character database as loopscope's table.

Run with CPython 3.11 (its ``unicodedata.unidata_version`` is 14.0.0, the version a
scenario sees under CPython)::

    python3 tools/unicodedata_tables.py            # rewrite the table
    python3 tools/unicodedata_tables.py --check    # exit 1 if the table is stale

Everything is read from CPython's own ``unicodedata`` module, so loopscope's answers are
CPython's for every code point. The output is
``Sources/ScenarioLanguage/UnicodeData/UnicodeDataTable.swift``: one raw string literal
(``UnicodeDataTable.text``) holding sections, each a header line ``@NAME`` followed by
lines:

* ``@version``: the Unicode version.
* ``@category``, ``@east_asian_width``, ``@combining``, ``@bidirectional``,
  ``@mirrored``: runs over all code points, ``START VALUE`` (hex start; the run lasts
  until the next line's start).
* ``@numeric``: ``CP DECIMAL DIGIT NUMERIC`` (hex code point; ``-`` where CPython has
  no value; NUMERIC as ``repr(float)``).
* ``@decomposition``: ``CP TEXT`` (``unicodedata.decomposition``'s text).
* ``@composition_excluded``: code points whose canonical decomposition NFC does not
  recompose (CPython's full composition exclusions), one per line.
* ``@ranges``: ``FIRST LAST PREFIX``: names made of PREFIX and the code point in hex
  (``CJK UNIFIED IDEOGRAPH-4E00``). Hangul syllables are named by the algorithm of
  Unicode's chapter 3.12 (checked against CPython here), so they are not listed.
* ``@names``: every other name, front-coded: ``DELTA K SUFFIX`` where DELTA is the
  code point's distance from the previous one in hex (empty for 1), K is
  ``chr(48 + shared prefix length)`` with the previous name, SUFFIX the rest.
* ``@casefold``: ``CP HEX...``: ``str.casefold`` where it differs from ``str.lower``
  (full case folding: ``ß`` folds to ``ss``).
* ``@aliases``: ``CP ALIAS``: the name aliases ``lookup`` and ``\\N{...}`` accept.
  CPython's ``unicodedata`` looks them up but cannot list them, so the candidates are
  read from a NameAliases.txt (Debian's ``unicode-data`` package, or ``--aliases FILE``)
  and each is kept only where CPython's ``lookup`` answers it with that character.

Named sequences (``lookup`` only, never ``\\N{...}``) are not in the table.
"""

import os
import sys
import unicodedata as ud

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "ScenarioLanguage", "UnicodeData", "UnicodeDataTable.swift")
MAX = 0x110000

JAMO_L = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"]
JAMO_V = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI",
          "YU", "EU", "YI", "I"]
JAMO_T = ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B",
          "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"]


def hangul_name(cp):
    s = cp - 0xAC00
    return "HANGUL SYLLABLE " + JAMO_L[s // 588] + JAMO_V[(s % 588) // 28] + JAMO_T[s % 28]


def runs(prop):
    lines, last = [], object()
    for cp in range(MAX):
        v = prop(chr(cp))
        if v != last:
            lines.append("%x %s" % (cp, v))
            last = v
    return lines


def derived_prefix(cp, name):
    """The prefix of a name made from the code point (``CJK UNIFIED IDEOGRAPH-``), or None."""
    tail = "-%X" % cp
    return name[:-len(tail) + 1] if name.endswith(tail) else None


def build():
    sections = [("version", [ud.unidata_version])]
    sections.append(("category", runs(ud.category)))
    sections.append(("east_asian_width", runs(ud.east_asian_width)))
    sections.append(("combining", runs(ud.combining)))
    sections.append(("bidirectional", runs(lambda c: ud.bidirectional(c) or "-")))
    sections.append(("mirrored", runs(ud.mirrored)))
    numeric, decomposition, excluded = [], [], []
    for cp in range(MAX):
        c = chr(cp)
        n = ud.numeric(c, None)
        if n is not None:
            d = ud.decimal(c, None)
            g = ud.digit(c, None)
            numeric.append("%x %s %s %r" % (cp, "-" if d is None else d, "-" if g is None else g, n))
        text = ud.decomposition(c)
        if text:
            decomposition.append("%x %s" % (cp, text))
            if not text.startswith("<") and ud.normalize("NFC", ud.normalize("NFD", c)) != c:
                excluded.append("%x" % cp)
    sections += [("numeric", numeric), ("decomposition", decomposition), ("composition_excluded", excluded)]
    ranges, names = [], []
    prev_name, prev_cp = "", -1
    open_range = None
    for cp in range(MAX):
        name = ud.name(chr(cp), None)
        if name is None:
            continue
        if 0xAC00 <= cp <= 0xD7A3:
            assert name == hangul_name(cp), (hex(cp), name)
            continue
        prefix = derived_prefix(cp, name)
        if prefix is not None:
            if open_range and open_range[2] == prefix and open_range[1] == cp - 1:
                open_range[1] = cp
            else:
                open_range = [cp, cp, prefix]
                ranges.append(open_range)
            continue
        k = 0
        while k < min(len(prev_name), len(name), 35) and prev_name[k] == name[k]:
            k += 1
        delta = cp - prev_cp
        names.append("%s %s%s" % ("" if delta == 1 else "%x" % delta, chr(48 + k), name[k:]))
        prev_name, prev_cp = name, cp
    sections.append(("ranges", ["%x %x %s" % tuple(r) for r in ranges]))
    sections.append(("names", names))
    sections.append(("casefold", ["%x %s" % (cp, " ".join("%x" % ord(x) for x in chr(cp).casefold()))
                                  for cp in range(MAX)
                                  if not 0xD800 <= cp < 0xE000 and chr(cp).casefold() != chr(cp).lower()]))
    sections.append(("aliases", alias_lines()))
    text = "\n".join("@%s\n%s" % (title, "\n".join(lines)) for title, lines in sections)
    assert '"#' not in text
    return ("// Generated by tools/unicodedata_tables.py from CPython %s's unicodedata (Unicode %s);\n"
            "// do not edit. The format is described in that script.\n"
            "enum UnicodeDataTable {\n"
            "    static let text = #\"\"\"\n%s\n\"\"\"#\n"
            "}\n" % (sys.version.split()[0], ud.unidata_version, text))


def alias_lines():
    path = "/usr/share/unicode/NameAliases.txt"
    if "--aliases" in sys.argv[1:]:
        path = sys.argv[sys.argv.index("--aliases") + 1]
    lines = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            code, alias = line.split(";")[:2]
            try:
                c = ud.lookup(alias)
            except KeyError:
                continue
            if c == chr(int(code, 16)) and ud.name(c, None) != alias:
                lines.append("%x %s" % (ord(c), alias))
    return lines


def main():
    text = build()
    if "--check" in sys.argv[1:]:
        try:
            with open(OUT, encoding="utf-8") as f:
                if f.read() == text:
                    return 0
        except OSError:
            pass
        print("%s is stale: run python3 tools/unicodedata_tables.py" % os.path.relpath(OUT, ROOT))
        return 1
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote %s (%d bytes)" % (os.path.relpath(OUT, ROOT), len(text.encode())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
