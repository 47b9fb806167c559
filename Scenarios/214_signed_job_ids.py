# Content-addressed jobs: a producer names each job with uuid5 of its payload under a
# namespace of its own, files the payload under its SHA-256 (a second identical payload
# is a cache hit), and signs each message with HMAC-SHA256; workers check the signature
# with hmac.compare_digest before doing the work, so a tampered message is refused.
# uuid1 with a fixed node and clock sequence stamps each result on the virtual clock.
import asyncio
import hashlib
import hmac
import uuid

SECRET = b'loopscope-demo-key'
JOBS = uuid.uuid5(uuid.NAMESPACE_DNS, 'jobs.example.org')


def sign(body):
    return hmac.new(SECRET, body, hashlib.sha256).hexdigest()


async def producer(queue, payloads):
    store = {}
    for i, payload in enumerate(payloads):
        digest = hashlib.sha256(payload).hexdigest()
        if digest in store:
            print(f'producer: {payload!r} already stored as {digest[:12]}')
            continue
        store[digest] = payload
        job_id = uuid.uuid5(JOBS, digest)
        signature = sign(payload)
        if i == 3:
            payload = payload.upper()  # tampered on the way
        await queue.put((job_id, payload, signature))
        await asyncio.sleep(0.05)
    for _ in range(2):
        await queue.put(None)
    return store


async def worker(name, queue):
    done = []
    while (item := await queue.get()) is not None:
        job_id, payload, signature = item
        if not hmac.compare_digest(sign(payload), signature):
            print(f'{name}: refused {job_id} (bad signature)')
            continue
        await asyncio.sleep(0.1 * len(payload) / 8)
        h = hashlib.md5(payload, usedforsecurity=False)
        h2 = h.copy()
        h2.update(b'!')
        stamp = uuid.uuid1(node=0x0000deadbeef, clock_seq=len(done))
        print(f'{name}: {job_id.hex[:8]} md5={h.hexdigest()[:10]} md5!={h2.hexdigest()[:10]} '
              f'v{stamp.version} t={(stamp.time - 0x01b21dd213814000) / 1e7:.2f}s')
        done.append(job_id)
    return done


async def main():
    queue = asyncio.Queue()
    payloads = [b'resize cat.png', b'transcode talk.mp4', b'resize cat.png', b'index docs', b'checksum backup.tar']
    store, a, b = await asyncio.gather(producer(queue, payloads), worker('w1', queue), worker('w2', queue))
    print('stored', len(store), 'done', len(a) + len(b))
    print('namespace', JOBS, JOBS.version, JOBS.variant)
    for name in ('sha1', 'sha224', 'sha384', 'sha512'):
        h = hashlib.new(name, b'summary')
        print(name, h.digest_size, h.block_size, h.hexdigest()[:16])
    print(sorted(hashlib.algorithms_guaranteed & {'md5', 'sha256'}), hmac.new(SECRET, digestmod='sha1').name)


asyncio.run(main())
