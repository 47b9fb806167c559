# Log lines arrive from three simulated services; parser tasks pull them from a queue,
# pick them apart with named groups, redact secrets with re.sub and a function, and a
# reporter totals what they found.
import asyncio
import re

LINE = re.compile(
    r"""
    (?P<time>\d{2}:\d{2}:\d{2})\s+
    (?P<level>DEBUG|INFO|WARNING|ERROR)\s+
    \[(?P<service>[a-z_]+)\]\s+
    (?P<message>.*)
    """,
    re.VERBOSE,
)
SECRET = re.compile(r"(?P<key>token|password)=(?P<value>\S+)", re.IGNORECASE)
DURATION = re.compile(r"took (\d+(?:\.\d+)?)(ms|s)\b")

SERVICES = {
    "auth": [
        "10:00:01 INFO [auth] login user=alice token=abc123 took 12ms",
        "10:00:02 WARNING [auth] retry user=bob PASSWORD=hunter2 took 1.5s",
        "garbage line without a level",
    ],
    "billing": [
        "10:00:01 DEBUG [billing] invoice 42 took 3ms",
        "10:00:03 ERROR [billing] card declined for user=carol took 250ms",
    ],
    "search_api": [
        "10:00:02 INFO [search_api] query='a+b' took 0.2s",
        "10:00:04 INFO [search_api] query='c' took 8ms",
    ],
}


def redact(match):
    value = match.group("value")
    return f"{match['key']}={'*' * len(value)}"


def milliseconds(text):
    total = 0.0
    for amount, unit in DURATION.findall(text):
        total += float(amount) * (1000 if unit == "s" else 1)
    return total


async def service(name, lines, queue, delay):
    for line in lines:
        await asyncio.sleep(delay)
        await queue.put((name, line))


async def parser(worker, queue, results):
    while True:
        source, line = await queue.get()
        m = LINE.match(line)
        if m is None:
            print(f"parser {worker}: unparsable line from {source}: {line!r}")
        else:
            message, hidden = SECRET.subn(redact, m["message"])
            fields = dict(re.findall(r"(\w+)=(\S+)", message))
            results.append((m.group("time"), m.group("level"), m.group("service"),
                            milliseconds(message), hidden, fields))
            print(f"parser {worker}: {m.group('time', 'level')} {m['service']:<10} {message}")
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    results = []
    parsers = [asyncio.create_task(parser(i, queue, results)) for i in range(2)]
    await asyncio.gather(*(service(name, lines, queue, 0.1 * (i + 1))
                           for i, (name, lines) in enumerate(SERVICES.items())))
    await queue.join()
    for p in parsers:
        p.cancel()
    await asyncio.gather(*parsers, return_exceptions=True)

    results.sort()
    by_level = {}
    for time, level, svc, ms, hidden, fields in results:
        by_level.setdefault(level, []).append(svc)
    print("by level:", by_level)
    print("slowest:", max(results, key=lambda r: r[3])[2], f"{max(r[3] for r in results):.1f}ms")
    print("secrets hidden:", sum(r[4] for r in results))
    print("users:", sorted({r[5]["user"] for r in results if "user" in r[5]}))
    print("split:", re.split(r"\s*[;,]\s*", "auth, billing ;search_api"))
    print("words:", [m.group() for m in re.finditer(r"\b[a-z]+_?[a-z]*\b", "auth search_api Billing")])
    print(LINE.search("x 10:00:09 INFO [db] up"))
    print(re.sub(r"(\d+)ms", r"\1 ms", "took 12ms and 3ms"))


asyncio.run(main())
