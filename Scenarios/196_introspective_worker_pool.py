# A worker pool that reports on itself: the iterator types it hands out, its globals,
# a worker's locals, a module imported by name, and a report line whose last field fails
# to print (what print wrote before the failure stays written).
import asyncio

REGISTRY = {}


class Broken:
    def __str__(self):
        raise RuntimeError("status unavailable")


def register(name):
    def wrap(fn):
        REGISTRY[name] = fn
        return fn
    return wrap


@register("square")
async def square(n, delay):
    await asyncio.sleep(delay)
    result = n * n
    seen = sorted(locals())
    return result, seen


async def main():
    jobs = list(zip(range(1, 5), (0.03, 0.01, 0.02, 0.01)))
    feed = iter(jobs)
    print(type(feed).__name__, type(zip()).__name__, type(enumerate(jobs)).__name__,
          type(reversed(jobs)).__name__, type(iter(REGISTRY)).__name__, type(iter("abc")).__name__)
    tasks = [asyncio.create_task(REGISTRY["square"](n, d), name=f"job-{n}") for n, d in feed]
    for i, (result, seen) in enumerate(await asyncio.gather(*tasks)):
        print(i, result, seen)
    g = globals()
    print(sorted(k for k in g if not k.startswith("__")), g["REGISTRY"] is REGISTRY)
    json = __import__("json")
    print(json.dumps({"done": len(tasks)}), type(map(str, [])).__name__)
    done = {t.get_name() for t in tasks}
    left = {"job-1", "job-9"}
    print(sorted(done ^ left), sorted(done - left), vars() is locals())
    try:
        print("report:", len(done), Broken())
    except RuntimeError as e:
        print("<-", e)


asyncio.run(main())
