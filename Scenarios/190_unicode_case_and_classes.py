# Names from many scripts pass through tasks that fold, title-case and classify them as
# CPython does: the final sigma, titlecase digraphs, full case folding (ß, ﬁ), letters
# that are not Alphabetic (Devanagari vowel signs), identifiers with combining marks, and
# code points compared, hashed and sorted one by one — never as Swift's graphemes.
import asyncio

NAMES = ['ΟΔΥΣΣΕΥΣ', 'ǆokić', 'STRASSE', 'straße', 'ﬁnance', 'हिन्दी', 'cafe\u0301', 'caf\u00e9',
         'İstanbul', 'ǈubljana', 'ΣΑΣ σας', 'x\u0301y', '_tmp\u0301', 'Ⅻ', '٣٤', '½', '\u2028', '\x85']


async def normalize(name, results):
    await asyncio.sleep(0.01 * len(name))
    results[name] = (name.lower(), name.upper(), name.casefold(), name.title(), name.capitalize(),
                     name.swapcase(), name.isalpha(), name.isidentifier(), name.isprintable(),
                     name.istitle(), name.isupper(), name.islower(), name.isnumeric())


async def main():
    results = {}
    await asyncio.gather(*(normalize(n, results) for n in NAMES))
    for name in NAMES:
        print(repr(name), results[name])
    # Code points, not canonical equivalence: 'cafe\u0301' and 'caf\u00e9' stay apart.
    folded = {}
    for name in NAMES:
        folded.setdefault(name.casefold(), []).append(name)
    print(len(folded), sorted(folded))
    print('cafe\u0301' in ['caf\u00e9'], ('cafe\u0301', 1) < ('caf\u00e9', 0), ['e\u0301'] == ['\u00e9'])
    print(sorted({'\u00e9': 1, 'e\u0301': 2}.items()), 'straße'.casefold() == 'STRASSE'.casefold())
    print('{name}: {n}'.format_map({'name': 'ǆ', 'n': 3}), 'v1.2.tar'.removesuffix('.tar').removeprefix('v'))

    class Defaults(dict):
        def __missing__(self, key):
            return '<' + key + '>'

    print('{user} logged in from {host}'.format_map(Defaults(user='ΣΟΦΙΑ'.lower())))
    try:
        '{0}'.format_map({})
    except ValueError as e:
        print('ValueError:', e)


asyncio.run(main())
