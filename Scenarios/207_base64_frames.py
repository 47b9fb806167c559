# Framing binary messages as text: a sender encodes each payload with base64 (urlsafe
# for the ids), adds a CRC-32 from binascii, and sends the lines through a queue with
# simulated latency; the receiver checks the checksum, decodes, and rejects a corrupted
# frame with binascii's own error. b16/b32 for the summary.
import asyncio
import base64
import binascii

PAYLOADS = [b'hello', bytes(range(250, 256)) + b'\x00\x01', b'{"op": "put", "key": 7}', b'']


def frame(seq, payload):
    ident = base64.urlsafe_b64encode(seq.to_bytes(3, 'big') + b'\xff').decode('ascii')
    body = base64.b64encode(payload).decode('ascii')
    return f'{ident}:{body}:{binascii.crc32(payload):08x}'


async def sender(queue):
    for seq, payload in enumerate(PAYLOADS):
        await asyncio.sleep(0.05 * (seq + 1))
        await queue.put(frame(seq, payload))
    await queue.put('AAAA_w==:bm90IGJhc2U2NC*=:00000000')   # corrupted on the way
    await queue.put(None)


async def receiver(queue):
    good = []
    while (line := await queue.get()) is not None:
        ident, body, crc = line.split(':')
        seq = int.from_bytes(base64.urlsafe_b64decode(ident)[:3], 'big')
        try:
            payload = base64.b64decode(body, validate=True)
        except binascii.Error as exc:
            print(f'frame {seq}: rejected ({exc})')
            continue
        ok = binascii.crc32(payload) == int(crc, 16)
        print(f'frame {seq}: {len(payload)} bytes crc {"ok" if ok else "BAD"} {payload!r}')
        good.append(payload)
    return good


async def main():
    queue = asyncio.Queue()
    _, good = await asyncio.gather(sender(queue), receiver(queue))
    joined = b'|'.join(good)
    print('hex  ', binascii.hexlify(joined[:12], ' ', 4))
    print('b16  ', base64.b16encode(joined[:8]))
    print('b32  ', base64.b32encode(joined[:8]), base64.b32decode(base64.b32encode(joined[:8])) == joined[:8])
    print('lines', base64.encodebytes(joined).count(b'\n'), binascii.crc32(joined))


asyncio.run(main())
