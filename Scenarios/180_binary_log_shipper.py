# A log shipper over a byte protocol: producers format records with bytes %
# (%b, %d, %x, %a, %-8s padding), a framer task slices a shared bytearray through
# memoryviews without copying and patches a checksum byte in place, and the
# consumer parses frames with partition, rsplit, splitlines, hex(sep), zfill and
# translate. Every task awaits the virtual clock between steps.
import asyncio

UPPER = bytes.maketrans(b'abcdefghijklmnopqrstuvwxyz', b'ABCDEFGHIJKLMNOPQRSTUVWXYZ')


def record(source: bytes, seq: int, level: str, text: str) -> bytes:
    return b'%-8b|%04d|%x|%a|%s\n' % (source, seq, seq * 17, level, text.encode())


async def producer(name: bytes, queue: asyncio.Queue, count: int, delay: float) -> None:
    for seq in range(count):
        await asyncio.sleep(delay)
        level = 'warn' if seq % 2 else 'info'
        await queue.put(record(name, seq, level, 'caf\u00e9 step %d' % seq))
    await queue.put(None)


async def framer(queue: asyncio.Queue, out: asyncio.Queue, producers: int) -> None:
    buffer = bytearray()
    done = 0
    while done < producers:
        item = await queue.get()
        if item is None:
            done += 1
            continue
        buffer += item
        view = memoryview(buffer)
        # Two records make a frame: a header of their length, then their bytes.
        if view.nbytes > 60:
            body = view[:view.nbytes].tobytes()
            checksum = sum(view) % 256
            view.release()
            frame = bytearray(b'%03d:' % len(body)) + body + b'#?'
            patch = memoryview(frame)
            patch[-1] = checksum
            print('framed', len(body), 'bytes, checksum', hex(checksum), 'readonly', patch.readonly)
            patch.release()
            await out.put(bytes(frame))
            buffer.clear()
        else:
            view.release()
        await asyncio.sleep(0.01)
    await out.put(None)


async def consumer(out: asyncio.Queue) -> list[bytes]:
    seen = []
    while (frame := await out.get()) is not None:
        size, _, rest = frame.partition(b':')
        body, _, check = rest.rpartition(b'#')
        assert int(size) == len(body), (size, len(body))
        for line in body.splitlines():
            source, seq, code, level, text = line.split(b'|')
            source = source.rstrip()
            print(source.translate(UPPER).center(10, b'.'), seq.zfill(6), code.rjust(4, b'0'),
                  level.strip(b"'"), text.rsplit(b' ', 1)[-1], text[:4].hex(':'))
            seen.append(source)
        print('check byte', check.hex(), 'ok' if check[0] == sum(memoryview(body)) % 256 else 'bad')
    return seen


async def main() -> None:
    queue: asyncio.Queue = asyncio.Queue()
    out: asyncio.Queue = asyncio.Queue()
    producers = [asyncio.create_task(producer(n, queue, c, d))
                 for n, c, d in [(b'api', 3, 0.02), (b'worker', 4, 0.015)]]
    frames = asyncio.create_task(framer(queue, out, len(producers)))
    seen = await consumer(out)
    await asyncio.gather(*producers, frames)
    print('sources', sorted(set(seen)), 'records', len(seen))
    print(b'%s' % memoryview(b'done') == b'done', bytes.fromhex('de ad').hex('-', 1))


asyncio.run(main())
