# A sign-up service normalises user names concurrently: NFKC and casefold for the
# uniqueness key, NFKD without combining marks for the URL slug, character names for the
# audit log, and \N{...} escapes in string literals and in regular expressions.
import asyncio
import re
import unicodedata

BULLET = "\N{BULLET}"
DASH_RUN = re.compile(r"[\N{EN DASH}\N{EM DASH}\N{HYPHEN-MINUS}\s]+")


def slug(name):
    decomposed = unicodedata.normalize("NFKD", name)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    ascii_only = kept.encode("ascii", "ignore").decode("ascii")
    return DASH_RUN.sub("-", ascii_only.strip().lower())


def key(name):
    return unicodedata.normalize("NFKC", name).casefold()


def describe(ch):
    return "U+%04X %s (%s, width %s)" % (ord(ch), unicodedata.name(ch, "<unnamed>"), unicodedata.category(ch),
                                         unicodedata.east_asian_width(ch))


async def register(registry, name, delay):
    await asyncio.sleep(delay)
    k = key(name)
    if k in registry:
        return f"{BULLET} {name!r}: taken by {registry[k]!r}"
    registry[k] = name
    return f"{BULLET} {name!r}: ok, slug {slug(name)!r}"


async def main():
    names = ["Zoë Ångström", "ZOE\N{COMBINING DIAERESIS} A\N{COMBINING RING ABOVE}ngstro\N{COMBINING DIAERESIS}m",
             "Ｊｏｓé — Núñez", "ﬁona\N{EN DASH}smith", "FIONA-SMITH", "Łukasz\tWróbel", "서울 사람", "Straße"]
    registry = {}
    results = await asyncio.gather(*(register(registry, n, 0.01 * (i % 3)) for i, n in enumerate(names)))
    for line in results:
        print(line)
    print(sorted(registry))
    for ch in "é\N{COMBINING ACUTE ACCENT}Ｊﬁ서½\N{SNOWMAN}\N{CJK UNIFIED IDEOGRAPH-5B57}":
        print(describe(ch), repr(unicodedata.decomposition(ch)), unicodedata.numeric(ch, None))
    print(unicodedata.lookup("hangul syllable seo" .upper()) == "서", unicodedata.unidata_version)
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        text = unicodedata.normalize(form, "Å ﬁ ①")
        print(form, ascii(text), len(text), unicodedata.is_normalized(form, text))
    digits = "٣٤\N{DEVANAGARI DIGIT FIVE}"
    print(int(digits), [unicodedata.decimal(d) for d in digits], re.findall(r"\d", digits + "x7"))
    try:
        unicodedata.lookup("NO SUCH CHARACTER")
    except KeyError as e:
        print("KeyError:", e)
    try:
        re.compile(r"caf\N{LATIN SMALL LETTER E WITH NO SUCH THING}")
    except re.error as e:
        print("re.error:", e)


asyncio.run(main())
