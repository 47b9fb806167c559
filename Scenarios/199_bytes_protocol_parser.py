# A line protocol parsed from byte chunks with re's bytes patterns: a producer sends
# requests split at random byte boundaries (random.triangular sizes, random.gauss delays),
# a parser buffers them in a bytearray and takes out whole messages; the generator's
# getstate()/setstate() replays the same chunking. Logging in the '$' style, a report
# through string.Formatter.
import asyncio
import logging
import random
import re
import string
import sys

MESSAGE = re.compile(rb'(?P<verb>[A-Z]+) (?P<path>/[\w/.-]*)(?: (?P<args>[^\r\n]*))?\r\n')
HEADER = re.compile(rb'^(?P<name>[\w-]+):\s*(?P<value>.*?)\s*$', re.M)
PAYLOAD = (b'GET /index.html\r\nPUT /items/42 size=10 tag=blue\r\n'
           b'DELETE /items/7\r\nPOST /upload name=caf\xc3\xa9.txt\r\n')
HEADERS = b'Host: example.org\nContent-Type:  text/plain  \nX-Retry: 3\n'

handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter('$levelname $name: $message', style='$'))
log = logging.getLogger('parser')
log.addHandler(handler)
log.setLevel(logging.INFO)
report = string.Formatter()


async def producer(queue, rng):
    data = memoryview(PAYLOAD)
    i = 0
    while i < len(data):
        size = max(1, round(rng.triangular(2, 24, 8)))
        await asyncio.sleep(abs(rng.gauss(0.01, 0.004)))
        await queue.put(bytes(data[i:i + size]))
        i += size
    await queue.put(None)


async def parser(queue):
    buffer = bytearray()
    messages = []
    while (chunk := await queue.get()) is not None:
        buffer += chunk
        while (m := MESSAGE.match(buffer)) is not None:
            args = dict(re.findall(rb'(\w+)=(\S+)', m['args'] or b''))
            messages.append((m['verb'].decode(), m['path'].decode(), args))
            log.info('%s %s after %d bytes buffered', m['verb'], m['path'], len(buffer))
            del buffer[:m.end()]
    return messages, bytes(buffer)


async def main():
    rng = random.Random(2026)
    saved = rng.getstate()
    for attempt in ('first', 'replay'):
        rng.setstate(saved)
        queue = asyncio.Queue()
        loop = asyncio.get_running_loop()
        started = loop.time()
        _, (messages, rest) = await asyncio.gather(producer(queue, rng), parser(queue))
        print(report.format('{0:<7} {1} messages in {2:.4f}s, {rest!r} left',
                            attempt, len(messages), loop.time() - started, rest=rest))
        for verb, path, args in messages:
            print(report.format('  {0:>6} {1:<14} {2}', verb, path, args))
    headers = {m['name'].lower(): m['value'] for m in HEADER.finditer(HEADERS)}
    print(headers)
    print(re.sub(rb'\d+', lambda m: str(int(m[0]) * 2).encode(), b'retry 3 of 10'))
    print(re.split(rb'\r\n', PAYLOAD)[:2], MESSAGE.pattern[:20])


asyncio.run(main())
