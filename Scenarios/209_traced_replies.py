# Replies as a Future subclass that logs who waits on it: asyncio.gather registers its
# own done callback through the subclass's add_done_callback, as CPython's gather does.
# The sleep timers are traced by replacing asyncio.futures' helper (sleep looks it up
# there), and each request's settings are copied with copy.deepcopy through
# __reduce_ex__ and the class's __getstate__/__setstate__.
import asyncio
import asyncio.futures
import copy


class Reply(asyncio.Future):
    def __init__(self, name):
        super().__init__()
        self.name = name

    def add_done_callback(self, fn, *, context=None):
        print(f"{self.name}: {fn.__name__} waits")
        super().add_done_callback(fn, context=context)


class Settings:
    def __init__(self, retries, tags):
        self.retries = retries
        self.tags = tags
        self.cache = {"warm": True}

    def __getstate__(self):
        return {"retries": self.retries, "tags": self.tags}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.cache = {}


original = asyncio.futures._set_result_unless_cancelled


def traced(fut, result):
    print(f"timer fires with {result!r}")
    original(fut, result)


async def serve(reply, delay, settings):
    await asyncio.sleep(delay, reply.name)
    reply.set_result(f"{reply.name} after {settings.retries} tries {settings.tags}")


async def main():
    base = Settings(3, ["a"])
    reduced = base.__reduce_ex__(4)
    print(reduced[0].__name__, reduced[1][0].__name__, reduced[2])
    asyncio.futures._set_result_unless_cancelled = traced
    replies = [Reply(f"r{i}") for i in range(3)]
    servers = []
    for i, reply in enumerate(replies):
        settings = copy.deepcopy(base)
        settings.tags.append(i)
        servers.append(asyncio.create_task(serve(reply, 0.1 * (3 - i), settings)))
    print(await asyncio.gather(*replies))
    print(base.tags, base.cache, settings.cache)
    await asyncio.gather(*servers)
    log = []
    add = log.append
    print(add.__self__ is log, add.__qualname__, str.upper.__qualname__, type(str.upper).__name__)


asyncio.run(main())
