# Recorder benchmark, I/O-bound: a TCP echo server on loopback under load from concurrent
# clients, each sending lines and waiting for each reply (python3 record_echo.py [CLIENTS
# [MESSAGES]]).
import asyncio
import sys

CLIENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 20
MESSAGES = int(sys.argv[2]) if len(sys.argv) > 2 else 100


async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line)
        await writer.drain()
    writer.close()


async def client(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for i in range(MESSAGES):
        writer.write(b"x" * 64 + b"\n")
        await writer.drain()
        await reader.readline()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        await asyncio.gather(*(client(port) for _ in range(CLIENTS)))
    print(CLIENTS * MESSAGES, "round trips")


asyncio.run(main())
