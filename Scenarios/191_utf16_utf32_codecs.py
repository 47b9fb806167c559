# A protocol task frames messages in UTF-16 and UTF-32 (with and without a byte-order
# mark) and UTF-8 with a signature; a reader task decodes them, and broken frames fail
# with CPython's UnicodeDecodeError messages or are repaired by the error handlers.
import asyncio


async def writer(queue):
    for text in ['héllo', 'a😀b', 'e\u0301', '']:
        for codec in ['utf-16', 'utf-16-le', 'UTF-16BE', 'utf_32', 'utf-32-le', 'u32', 'utf-8-sig']:
            await queue.put((codec, text.encode(codec)))
            await asyncio.sleep(0)
    await queue.put(None)


async def reader(queue):
    while (item := await queue.get()) is not None:
        codec, data = item
        print(codec, data, repr(data.decode(codec)))


async def main():
    queue = asyncio.Queue()
    await asyncio.gather(writer(queue), reader(queue))
    broken = [('utf-16-le', b'a\x00b'), ('utf-16-le', b'\x00\xd8a\x00'), ('utf-16-le', b'\x00\xdc'),
              ('utf-16-be', b'\xd8\x00'), ('utf-16-le', b'\x00\xd8a'), ('utf-16', b'\xfe\xff\xd8\x00'),
              ('utf-16', b'a'), ('utf-32-le', b'\x00\x00\x11\x00'), ('utf-32-le', b'a\x00\x00'),
              ('utf-32-le', b'\x00\xd8\x00\x00'), ('utf-32', b'\x00\x00\xfe\xff\x00\x00\x00'),
              ('utf-8-sig', b'\xef\xbb\xbf\xff'), ('utf-16-le', b'\x00\xd8\x00\xd8\x00\xdc'),
              ('utf-16', b'\xfe\xff\x00a'), ('utf-16-le', b'\xff\xfea\x00'), ('utf-8-sig', b'\xef\xbb\xbf')]
    for codec, data in broken:
        for errors in ['strict', 'replace', 'ignore', 'backslashreplace']:
            try:
                print(codec, errors, repr(data.decode(codec, errors)))
            except UnicodeDecodeError as e:
                print(codec, errors, 'UnicodeDecodeError:', e)


asyncio.run(main())
