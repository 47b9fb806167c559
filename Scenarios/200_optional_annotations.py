# PEP 604 unions as typed asyncio code writes them: `int | None` parameters and return
# annotations, dataclass fields `x: int | None = None`, a dispatcher that routes messages
# with isinstance(msg, Ping | Pong), and the annotations read back through typing
# (get_origin/get_args) to print a small schema of each message class.
import asyncio
import dataclasses
import types
import typing


@dataclasses.dataclass
class Ping:
    seq: int
    deadline: float | None = None


@dataclasses.dataclass
class Pong:
    seq: int
    payload: bytes | str | None = None


@dataclasses.dataclass
class Shutdown:
    reason: str | None = None


Message = Ping | Pong | Shutdown


def describe(tp) -> str:
    if typing.get_origin(tp) is types.UnionType:
        names = [describe(arg) for arg in typing.get_args(tp)]
        return ' or '.join(names)
    return 'nothing' if tp is type(None) else tp.__name__


async def lookup(cache: dict[int, str], key: int, delay: float | None = None) -> str | None:
    await asyncio.sleep(0.01 if delay is None else delay)
    return cache.get(key)


async def dispatcher(inbox: asyncio.Queue, log: list[str]) -> int | None:
    handled = 0
    while True:
        msg: Message = await inbox.get()
        if isinstance(msg, Ping | Pong):
            handled += 1
            kind = type(msg).__name__.lower()
            log.append(f'{kind} {msg.seq} at {asyncio.get_running_loop().time():.2f}')
            await asyncio.sleep(0.05)
        elif isinstance(msg, Shutdown):
            log.append(f'shutdown ({msg.reason or "no reason"})')
            return handled
        inbox.task_done()


async def main() -> None:
    print('Message is', Message, '-', type(Message).__name__)
    for cls in (Ping, Pong, Shutdown):
        fields = ', '.join(f'{f.name}: {describe(f.type)}' for f in dataclasses.fields(cls))
        print(f'{cls.__name__}({fields})')
    print('lookup annotations:', lookup.__annotations__)

    cache = {1: 'one', 3: 'three'}
    found = await asyncio.gather(*(lookup(cache, k, None if k % 2 else 0.02) for k in range(4)))
    print('lookups:', found)

    inbox: asyncio.Queue = asyncio.Queue()
    log: list[str] = []
    worker = asyncio.create_task(dispatcher(inbox, log))
    for seq in range(3):
        await inbox.put(Ping(seq, deadline=None if seq else 1.5))
        await inbox.put(Pong(seq, payload=b'ok' if seq == 1 else None))
        await asyncio.sleep(0.03)
    await inbox.put(Shutdown())
    handled = await worker
    print('\n'.join(log))
    print('handled', handled, 'messages; int | None == typing.Optional[int]:',
          (int | None) == typing.Optional[int])
    print(isinstance(handled, int | None), issubclass(bool, int | str), (str | int) == (int | str | int))


asyncio.run(main())
