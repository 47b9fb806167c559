# Crawler bookkeeping with collections: a Counter of status codes, a defaultdict(list)
# of pages per host, an OrderedDict as a small LRU cache with move_to_end/popitem, and a
# deque of recent events capped with maxlen, all updated by concurrent fetch tasks.
import asyncio
from collections import Counter, OrderedDict, defaultdict, deque

PAGES = [("a.com", "/", 0.3), ("b.org", "/x", 0.1), ("a.com", "/y", 0.2), ("c.net", "/", 0.4),
         ("b.org", "/x", 0.1), ("a.com", "/", 0.1), ("b.org", "/z", 0.2)]


class LRU:
    def __init__(self, size):
        self.size = size
        self.data = OrderedDict()

    def get(self, key):
        if key not in self.data:
            return None
        self.data.move_to_end(key)
        return self.data[key]

    def put(self, key, value):
        self.data[key] = value
        self.data.move_to_end(key)
        if len(self.data) > self.size:
            evicted = self.data.popitem(last=False)
            print(f"  evict {evicted}")


async def fetch(host, path, delay, cache, statuses, by_host, recent):
    url = host + path
    cached = cache.get(url)
    if cached is not None:
        statuses["cached"] += 1
        recent.append(("hit", url))
        return cached
    await asyncio.sleep(delay)
    status = 404 if path == "/z" else 200
    statuses[status] += 1
    by_host[host].append(path)
    cache.put(url, status)
    recent.append(("get", url))
    return status


async def main():
    cache = LRU(3)
    statuses = Counter()
    by_host = defaultdict(list)
    recent = deque(maxlen=4)
    results = []
    for start in range(0, len(PAGES), 3):
        batch = PAGES[start:start + 3]
        results += await asyncio.gather(*(fetch(h, p, d, cache, statuses, by_host, recent) for h, p, d in batch))
        print(f"t={asyncio.get_running_loop().time():.1f} cache={list(cache.data)}")
    print("results", results)
    print("statuses", statuses, statuses.most_common(1), statuses.total())
    print("by host", by_host, dict(by_host))
    print("recent", recent)
    hosts = Counter(h for h, _, _ in PAGES)
    print("hosts", hosts, hosts - Counter(a_com=0, **{"a.com": 2}), hosts & Counter({"b.org": 1}))


asyncio.run(main())
