# A TCP echo server on loopback and three clients, each sending three lines.
import asyncio


async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, name):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = []
    for i in range(3):
        writer.write(f"{name} {i}\n".encode())
        await writer.drain()
        replies.append((await reader.readline()).decode().strip())
    writer.close()
    await writer.wait_closed()
    return replies


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server, asyncio.timeout(10):
        results = await asyncio.gather(*(client(port, name) for name in ("ann", "bob", "cy")))
    for replies in results:
        print(replies)


asyncio.run(main())
