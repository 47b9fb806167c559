# A health-check sweep: probe hosts concurrently, then pretty-print what came back with pprint
# (pprint, pformat, pp, PrettyPrinter: width, indent, depth, compact, sort_dicts).
import asyncio
import pprint
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple
from dataclasses import dataclass, field

Reply = namedtuple("Reply", "host status latency")


@dataclass
class Report:
    name: str
    hosts: list = field(default_factory=list)
    stats: dict = field(default_factory=dict)


async def probe(host, delay):
    await asyncio.sleep(delay)
    status = 200 if len(host) % 4 else 503
    return Reply(host, status, round(delay * 1000, 1))


async def main():
    hosts = ["alpha.example.com", "beta.example.org", "gamma.internal", "delta.example.net",
             "epsilon.svc.cluster.local", "zeta.example.com"]
    replies = await asyncio.gather(*(probe(h, 0.05 * (i + 1)) for i, h in enumerate(hosts)))
    pprint.pprint(replies)
    by_status = defaultdict(list)
    for r in replies:
        by_status[r.status].append(r.host)
    pprint.pprint(by_status, width=40)
    counts = Counter(r.status for r in replies)
    pprint.pprint(counts)
    summary = {"replies": [r._asdict() for r in replies[:2]], "total": len(replies),
               "slowest": max(replies, key=lambda r: r.latency), "ports": {8443, 80, 443},
               "frozen": frozenset({3, 1, 2}), "empty": {}, "none": None, "ratio": 2 / 3}
    pprint.pprint(summary)
    pprint.pp(summary, width=60)
    print(pprint.pformat(summary, depth=1))
    print(pprint.pformat(summary, depth=2, indent=4, width=50))
    pprint.pprint(list(range(40)), compact=True, width=50)
    pprint.pprint(list(range(12)), width=20)
    rep = Report("nightly", hosts[:3], {"ok": 5, "failed": 1, "durations": [1.25, 2.5, 3.75] * 2})
    pprint.pprint(rep)
    pprint.pprint(rep, width=30)
    od = OrderedDict([("z", 1), ("a", [1, 2, 3] * 8)])
    pprint.pprint(od, compact=True)
    pprint.pprint(deque(range(8), maxlen=40), width=20)
    long_text = "asyncio schedules callbacks on the event loop; each task runs until it awaits. " * 3
    pprint.pprint({"doc": long_text, "blob": b"\x00\x01binary payload " * 6})
    loop = [1, 2]
    loop.append(loop)
    d = {"self": None}
    d["self"] = d
    text = pprint.pformat({"loop": loop, "d": d})
    # The recursion markers carry id()s, which differ between runs: show their shape.
    print(text.count("<Recursion on list with id="), text.count("<Recursion on dict with id="), text.startswith("{'d': {'self': <Recursion"))
    print(pprint.saferepr(loop) == pprint.pformat(loop), pprint.isrecursive(loop), pprint.isreadable(summary), pprint.isreadable(rep))
    pp = pprint.PrettyPrinter(indent=2, width=30, sort_dicts=False)
    pp.pprint({"zeta": [1, 2, 3], "alpha": {"nested": ("tuple", "of", "words", "here")}})
    print(pp.isrecursive(d), pp.pformat((1,)))
    mixed = {1: "one", "two": 2, (3,): "three", None: 0}
    pprint.pprint(mixed)
    pprint.pprint({10**6 + 1: 3}, underscore_numbers=True)
    pprint.pprint([[1, 2], [3, 4]] * 6, width=20, compact=True)


asyncio.run(main())
