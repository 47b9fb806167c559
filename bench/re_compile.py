# Benchmark: compiling 200 different patterns (re's parser and compiler are Python code,
# as in CPython), then using each once.
import asyncio
import re


async def main():
    total = 0
    for i in range(200):
        pattern = re.compile(rf"(?P<name>[a-z]+){i}(?:-(\d{{1,{i % 5 + 1}}}))?\s*[^\W\d_]*?(x|y|z{i % 3})$")
        m = pattern.match(f"abc{i}-12 word{'z' * (i % 3)}")
        total += pattern.groups + (m.end() if m else 0)
    print(total)


asyncio.run(main())
