# An order pipeline on the standard library: namedtuple records, a deque of pending work,
# heapq for priorities, bisect for latency buckets, itertools for ids and batches,
# functools for a cached price lookup, a partial and a logging decorator, operator's getters.
import asyncio
import bisect
import heapq
from collections import deque, namedtuple
from functools import lru_cache, partial, reduce, wraps, total_ordering
from itertools import count, groupby, islice, accumulate, chain, zip_longest
from operator import attrgetter, itemgetter

Order = namedtuple("Order", "id customer item qty")
ids = count(1000)
BUCKETS = [0.05, 0.1, 0.2]
LABELS = ["fast", "ok", "slow", "very slow"]


def traced(fn):
    @wraps(fn)
    async def wrapper(*args, **kwargs):
        result = await fn(*args, **kwargs)
        print(f"  {fn.__name__}{args[1:]} -> {result}")
        return result
    return wrapper


@lru_cache(maxsize=2)
def price(item):
    print(f"  (price lookup for {item})")
    return {"apple": 3, "pear": 5, "plum": 7}[item]


@total_ordering
class Job:
    def __init__(self, priority, order):
        self.priority = priority
        self.order = order

    def __eq__(self, other):
        return self.priority == other.priority

    def __lt__(self, other):
        return (self.priority, self.order.id) < (other.priority, other.order.id)


@traced
async def handle(worker, order, delay):
    await asyncio.sleep(delay)
    return order.qty * price(order.item)


async def worker(name, pending, results):
    while pending:
        job = pending.popleft()
        delay = 0.03 * job.order.qty
        total = await handle(name, job.order, delay)
        results.append((job.order.customer, total, LABELS[bisect.bisect(BUCKETS, delay)]))


async def main():
    raw = [("ann", "apple", 2), ("bob", "pear", 1), ("ann", "plum", 5), ("cy", "apple", 3), ("bob", "apple", 1)]
    orders = [Order(next(ids), *r) for r in raw]
    heap = []
    for o in orders:
        heapq.heappush(heap, Job(-o.qty, o))
    pending = deque(heapq.heappop(heap) for _ in range(len(heap)))
    print("queue:", [j.order.id for j in pending], "first:", pending[0].order, Job(1, orders[0]) <= Job(2, orders[1]))
    results = []
    await asyncio.gather(*(worker(f"w{n}", pending, results) for n in range(2)))
    print("info:", price.cache_info())
    results.sort(key=itemgetter(0))
    for customer, rows in groupby(results, key=itemgetter(0)):
        rows = list(rows)
        print(customer, sum(map(itemgetter(1), rows)), [label for _, _, label in rows])
    totals = list(accumulate(t for _, t, _ in results))
    print("running:", totals, "product:", reduce(lambda a, b: a * b, [1, 2, 3, 4]))
    biggest = max(orders, key=attrgetter("qty"))
    print("biggest:", biggest._replace(qty=0), biggest._asdict())
    batch = partial(islice, chain(orders, orders))
    print("batch:", [o.id for o in batch(3)], list(zip_longest("ab", [1], fillvalue="-")))
    print("clock:", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
