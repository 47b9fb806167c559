# A pipeline of coroutines wrapped by decorators: an `async_timed` decorator factory (a
# functools-free `wraps` copies the name), a counting class decorator and a retry
# decorator, stacked. Decorators run bottom-up at definition time, wrappers top-down.
import asyncio


def wraps_like(wrapped):
    def copy(wrapper):
        wrapper.__name__ = wrapped.__name__
        wrapper.__qualname__ = wrapped.__qualname__
        wrapper.__wrapped__ = wrapped
        return wrapper
    return copy


def async_timed(label):
    print(f"async_timed({label!r}) evaluated")

    def decorator(func):
        print(f"  timing {func.__name__}")

        @wraps_like(func)
        async def wrapped(*args):
            loop = asyncio.get_running_loop()
            start = loop.time()
            print(f"[{label}] starting {func.__name__} with args {args}")
            try:
                return await func(*args)
            finally:
                print(f"[{label}] finished {func.__name__} in {loop.time() - start:.2f}s")
        return wrapped
    return decorator


class CountCalls:
    registry = []

    def __init__(self, func):
        self.func = func
        self.calls = 0
        self.__name__ = func.__name__
        CountCalls.registry.append(self)

    def __call__(self, *args):
        self.calls += 1
        return self.func(*args)

    def __repr__(self):
        return f"<{self.__name__}: {self.calls} calls>"


def retry(times):
    def decorator(func):
        async def attempt(*args):
            for n in range(1, times + 1):
                try:
                    return await func(*args)
                except ConnectionError as e:
                    print(f"  attempt {n} of {func.__name__} failed: {e}")
                    await asyncio.sleep(0.05)
            raise ConnectionError(f"{func.__name__} gave up after {times} attempts")
        attempt.__name__ = func.__name__
        return attempt
    return decorator


failures = [2]


@CountCalls
@async_timed("fetch")
@retry(3)
async def fetch(item):
    await asyncio.sleep(0.1)
    if item == "b" and failures[0] > 0:
        failures[0] -= 1
        raise ConnectionError(f"reset while fetching {item}")
    return item.upper()


@CountCalls
@async_timed("store")
async def store(value):
    await asyncio.sleep(0.2)
    return f"stored:{value}"


def announce(cls):
    print(f"class {cls.__name__} defined with stages {cls.stages}")
    return cls


@announce
class Pipeline:
    stages = ("fetch", "store")

    def __init__(self, items):
        self.items = items

    async def run_one(self, item):
        value = await fetch(item)
        return await store(value)

    async def run(self):
        return await asyncio.gather(*[self.run_one(i) for i in self.items])


async def main():
    print(fetch.__name__, fetch.func.__name__, fetch.func.__wrapped__.__name__)
    results = await Pipeline(["a", "b"]).run()
    print(results)
    print(CountCalls.registry)


asyncio.run(main())
