# asyncio's own messages go through the `asyncio` logger, as in CPython: with logging
# configured on stdout, the loop's "Using selector" line, a failing callback, a task
# whose exception was never retrieved, a slow callback in debug mode and the loop's
# "Close" line all arrive as records that a filter counts and a format shapes.
import asyncio
import logging
import sys
import time



class OwnFrames(logging.Formatter):
    """Keeps only the program's own frames of a logged traceback (asyncio's are noise)."""

    def formatException(self, ei):
        kept, skipping = [], False
        for line in super().formatException(ei).splitlines():
            if line.startswith('  File "'):
                skipping = "/asyncio/" in line.split('"')[1]
            elif not line.startswith("    "):
                skipping = False
            if not skipping:
                kept.append(line)
        return "\n".join(kept)


handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(OwnFrames("%(levelname)-7s %(name)s | %(message)s"))
logging.basicConfig(level=logging.DEBUG, handlers=[handler])
log = logging.getLogger("pool")


class LevelCounter(logging.Filter):
    """Counts the asyncio logger's records by level and lets them through."""

    def __init__(self):
        super().__init__()
        self.counts = {}

    def filter(self, record):
        self.counts[record.levelname] = self.counts.get(record.levelname, 0) + 1
        return True


counter = LevelCounter()
logging.getLogger("asyncio").addFilter(counter)


async def job(n):
    await asyncio.sleep(0.01 * n)
    if n % 3 == 2:
        raise ValueError(f"job {n}: bad input {n * 7}")
    log.info("job %d done", n)
    return n * n


def audit(entries):
    # A callback that fails: the loop's default exception handler logs it.
    return entries["total"]


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(audit, {"count": 3})
    kept = [asyncio.create_task(job(n)) for n in range(4)]
    asyncio.create_task(job(5))  # fails, and nobody keeps it
    await asyncio.sleep(0.1)
    for t in kept:
        if t.exception() is not None:
            log.warning("task %s failed: %r", t.get_name(), t.exception())
        else:
            log.info("task %s -> %d", t.get_name(), t.result())


def slow_report():
    time.sleep(0.3)  # holds the loop for 300 ms


async def debug_run():
    loop = asyncio.get_running_loop()
    loop.slow_callback_duration = 0.25
    loop.call_soon(slow_report)
    await asyncio.sleep(0.5)
    log.info("debug run done")


asyncio.run(main())
asyncio.run(debug_run(), debug=True)
print("asyncio records by level:", dict(sorted(counter.counts.items())))
