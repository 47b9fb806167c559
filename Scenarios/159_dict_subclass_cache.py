# A dict subclass as a cache of in-flight loads: __missing__ starts one task per key, so
# concurrent readers of the same key share it; the subclass stays a dict for len, in, json.
# A list subclass keeps the log, and dict.update / dict(cache) bypass the logging __setitem__.
import asyncio
import json


class Log(list):
    def add(self, what):
        self.append(f"t={asyncio.get_running_loop().time():.1f} {what}")


log = Log()


class LoadingCache(dict):
    def __init__(self, loader, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.loader = loader
        self.misses = 0

    def __missing__(self, key):
        self.misses += 1
        log.add(f"miss {key}")
        task = asyncio.ensure_future(self.loader(key))
        self[key] = task
        return task

    def __setitem__(self, key, value):
        log.add(f"store {key}")
        super().__setitem__(key, value)

    def __repr__(self):
        return f"LoadingCache({len(self)} keys, {self.misses} misses)"


async def load(key):
    await asyncio.sleep(len(key) / 10)
    return key.upper() * 2


async def reader(cache, name, key):
    value = await cache[key]
    log.add(f"{name} got {value}")
    return value


async def main():
    cache = LoadingCache(load, seed=asyncio.Future())
    cache["seed"].set_result("SEED")
    results = await asyncio.gather(
        reader(cache, "r1", "ab"),
        reader(cache, "r2", "abcd"),
        reader(cache, "r3", "ab"),
        reader(cache, "r4", "seed"),
    )
    print(results)
    print(cache, len(cache), "ab" in cache, sorted(cache), isinstance(cache, dict))
    cache.update(extra=asyncio.sleep(0))
    cache.setdefault("other", None)
    plain = dict(cache)
    print(type(plain).__name__, sorted(plain), cache.get("missing"), cache.misses)
    await plain["extra"]
    done = {k: v.result() for k, v in cache.items() if isinstance(v, asyncio.Future)}
    print(json.dumps(done, sort_keys=True))
    print(type(log).__name__, len(log), isinstance(log, list), log[:2])
    for line in log:
        print(" ", line)


asyncio.run(main())
