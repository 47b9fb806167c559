# Logging into an io.StringIO: a StreamHandler on a buffer collects a worker's records, and
# logging formats exceptions as CPython's does (Formatter.formatException prints the
# traceback into an io.StringIO); a Formatter subclass shortens them. The buffer is
# printed at the end.
import asyncio
import io
import logging
import sys

log = logging.getLogger("app")
buffer = io.StringIO()
handler = logging.StreamHandler(buffer)
handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(funcName)s:%(lineno)d %(message)s"))
log.addHandler(handler)
log.setLevel(logging.DEBUG)


class OneLine(logging.Formatter):
    def formatException(self, ei):
        return "[" + super().formatException(ei).splitlines()[-1] + "]"


def parse(text):
    return int(text)


async def job(text):
    await asyncio.sleep(0.1)
    try:
        return parse(text)
    except ValueError:
        log.exception("cannot parse %r", text)
        return None


async def main():
    results = await asyncio.gather(job("1"), job("x"), job("22"))
    log.info("results %s", results)
    try:
        {}["key"]
    except KeyError:
        record = log.makeRecord("app", logging.ERROR, __file__, 1, "lookup failed", (), sys.exc_info())
        print(OneLine("%(message)s").format(record))
        print(logging.Formatter().formatException(sys.exc_info()))
    print("buffer closed:", buffer.closed)


asyncio.run(main())
print(buffer.getvalue(), end="")
