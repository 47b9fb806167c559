# A length-prefixed byte protocol between tasks: frames are bytes built with
# int.to_bytes, sent through a queue, parsed with slicing and int.from_bytes,
# decoded with their codec and errors handler; a bytearray buffers partial reads.
# Also: closures over comprehension variables, big-int ranges, dict merging,
# live __dict__, list[int] aliases and type() honouring a metaclass.
import asyncio
import sys


def frame(kind: int, payload: bytes) -> bytes:
    return kind.to_bytes(1, 'big') + len(payload).to_bytes(2, 'big') + payload


class Meta(type):
    registry: dict[str, type] = {}

    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.registry[name] = cls
        return cls


class Handler(metaclass=Meta):
    kinds = {}


TextHandler = type('TextHandler', (Handler,), {'kind': 1, 'codec': 'utf-8'})
RawHandler = type('RawHandler', (Handler,), {'kind': 2, 'codec': 'latin-1'})


async def sender(queue: asyncio.Queue, messages: list[tuple[int, str]]):
    for kind, text in messages:
        data = frame(kind, text.encode('utf-8' if kind == 1 else 'latin-1', errors='replace'))
        # Split each frame in two writes, as a stream would deliver it.
        await queue.put(data[:2])
        await asyncio.sleep(0.01)
        await queue.put(data[2:])
    await queue.put(b'')


async def receiver(queue: asyncio.Queue) -> list[str]:
    buffer = bytearray()
    handlers = {h.kind: h for h in Meta.registry.values() if hasattr(h, 'kind')}
    out = []
    while True:
        chunk = await queue.get()
        if not chunk:
            return out
        buffer.extend(chunk)
        while len(buffer) >= 3:
            kind = buffer[0]
            size = int.from_bytes(buffer[1:3], 'big')
            if len(buffer) < 3 + size:
                break
            body = bytes(buffer[3:3 + size])
            del buffer[:3 + size]
            handler = handlers[kind]
            out.append(f'{handler.__name__}: {body.decode(handler.codec, errors="replace")!r} {body.hex(":")}')


async def main():
    queue = asyncio.Queue()
    messages = [(1, 'héllo'), (2, 'naïve €'), (1, 'done')]
    _, received = await asyncio.gather(sender(queue, messages), receiver(queue))
    for line in received:
        print(line)
    print(sorted(Meta.registry), list[int], dict[str, list[bytes]])
    print(b'a\x00b\'"\\' , bytearray(b'xy'), bytes(3), bytes([65, 66]), b'abc'[1], b'abc'[::-1])
    print(b' a b '.split(), b'k=v'.split(b'='), b'--x--'.strip(b'-'), b'x'.join([b'1', b'2']), b'Ab'.upper())
    print(bytes.fromhex('de ad be ef'), (255).to_bytes(2, 'little'), int.from_bytes(b'\xff\xfe', 'big', signed=True))
    try:
        b'\xff'.decode()
    except UnicodeDecodeError as e:
        print('UnicodeDecodeError:', e)
    try:
        'é'.encode('ascii')
    except UnicodeEncodeError as e:
        print('UnicodeEncodeError:', e)
    print({b'key': 1}[b'key'], b'b' in b'abc', 98 in b'abc', b'ab' < b'b', b'ab' + b'c', b'-' * 3)
    rows = [[1, 2], [3, 4, 5]]
    print([sum(x * k for x in row) for k, row in enumerate(rows)], [f() for f in [lambda: i for i in range(3)]])
    big = range(2**64, 2**64 + 10, 3)
    print(big, len(big), big[-1], 2**64 + 3 in big, list(big[1:3]))
    try:
        len(range(2**70))
    except OverflowError as e:
        print('OverflowError:', e)
    defaults = {'retries': 3, 'timeout': 1.0}
    print(defaults | {'timeout': 2.5}, {**defaults} == defaults)
    defaults |= [('verbose', True)]
    state = Handler()
    state.__dict__['phase'] = 'ready'
    state.count = 1
    print(state.phase, vars(state), defaults)
    print(sys.modules[__name__].__dict__['frame'] is frame, 'asyncio' in sys.modules)
    # str(bytes, encoding[, errors]) decodes, as bytes.decode does.
    print(str(b'caf\xc3\xa9', 'utf-8'), str(bytearray(b'\xff'), 'latin-1'), str(b'\xff!', 'ascii', 'replace'))
    for bad in (lambda: str(b'\xff', 'utf-8'), lambda: str(7, 'utf-8'), lambda: str(b'x', 1)):
        try:
            bad()
        except (TypeError, UnicodeDecodeError) as e:
            print(type(e).__name__, e)


asyncio.run(main())
