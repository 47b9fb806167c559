# Benchmark: re over a 100 KB log text: findall, finditer with groups, sub with a
# function and split, as a log-processing task does them.
import asyncio
import re

WORDS = ["alpha", "beta", "gamma", "delta", "user=bob", "id=42", "took 12ms", "ERROR", "ok"]


def make_text(size):
    lines = []
    n = 0
    total = 0
    while total < size:
        line = f"10:{n % 60:02d}:{(n * 7) % 60:02d} {WORDS[n % 9]} {WORDS[(n * 5) % 9]} n={n}"
        lines.append(line)
        total += len(line) + 1
        n += 1
    return "\n".join(lines)


async def main():
    text = make_text(100_000)
    numbers = re.findall(r"\d+", text)
    words = re.findall(r"\b[a-z]+\b", text)
    pairs = [m.group("k", "v") for m in re.finditer(r"(?P<k>\w+)=(?P<v>\w+)", text)]
    errors = re.findall(r"^.*ERROR.*$", text, re.M)
    doubled = re.sub(r"\d+", lambda m: str(int(m.group()) * 2), text)
    parts = re.split(r"\s+", text)
    print(len(text), len(numbers), len(words), len(pairs), len(errors), len(doubled), len(parts))


asyncio.run(main())
