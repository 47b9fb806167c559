# Benchmark: a hand-written scanner walks long strings by index (`while i < len(s):
# c = s[i]`), ASCII and not, as tokenizers and parsers people write do. Indexing once
# took time linear in the string's length (a 20,000-character string: 9 s, CPython 0.8 s).
import asyncio


def count_words(text):
    words = 0
    i = 0
    in_word = False
    while i < len(text):
        c = text[i]
        if c.isalnum():
            if not in_word:
                words += 1
            in_word = True
        else:
            in_word = False
        i += 1
    return words


async def main():
    ascii_text = "lorem ipsum dolor sit amet, " * 20_000
    other_text = "héllo wörld — ünïcode ✓ 🎉 " * 20_000
    print(count_words(ascii_text), count_words(other_text))
    print(ascii_text[len(ascii_text) // 2:len(ascii_text) // 2 + 20], other_text[-30:])


asyncio.run(main())
