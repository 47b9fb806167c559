# String methods a scenario uses to build its log lines: upper/lower, split (with and
# without a separator, with maxsplit), join, replace, strip family, startswith/endswith
# (also with a tuple), find/count, slicing and `in`. Notice split() with no argument
# drops empty pieces while split(",") keeps them.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    s = "  Hello, asyncio World  "
    print(f"[{s.strip()}] [{s.lstrip()}] [{s.rstrip()}] [{s.upper()}] [{s.lower()}]")
    print(s.split())
    print("a,,b,c,".split(","))
    print("k=v=w".split("=", 1))
    print("-".join(["x", "y", "z"]), "".join(["a", "b"]), ", ".join([str(i) for i in range(4)]))
    print("banana".replace("a", "o"), "banana".replace("an", "AN", 1))
    print("xxhixx".strip("x"), "--a--".lstrip("-"), "--a--".rstrip("-"))
    name = "worker-3"
    print(name.startswith("work"), name.startswith(("job", "worker")), name.endswith("3"), name.endswith(("1", "2")))
    print(name.find("-"), name.find("z"), "mississippi".count("ss"), name[:6], name[-1], name[::-1], name[1:-1:2])
    print("sync" in "asyncio", "x" in "asyncio", "task" not in name)
    parts = []
    for word in "the loop runs one callback at a time".split():
        await asyncio.sleep(0.01)
        parts.append(word.capitalize() if len(word) > 3 else word)
    print(f"{loop.time():.2f} {' '.join(parts)}")
    print(f"{'abc'.title()} {'Hello'.swapcase()} {'42'.isdigit()} {'4a'.isdigit()} {'ab'.isalpha()} {'  '.isspace()}")
    print(f"{'7'.zfill(3)} {'abc'.center(9, '*')} {'ab'.ljust(5, '.')}| {'ab'.rjust(5)}|")


asyncio.run(main())
