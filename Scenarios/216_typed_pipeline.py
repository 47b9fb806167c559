# A typed producer/consumer pipeline whose annotations are evaluated at run time:
# module- and class-level annotations name asyncio.Queue[int], asyncio.Future[str] and
# asyncio.Task[None] (types.GenericAlias, as CPython's classmethod(GenericAlias) makes),
# a generic Batch[T] is specialised through list[T] | None, and typing.get_type_hints
# reads them back while the stages run on the virtual clock.
import asyncio
import typing
from typing import Generic, Optional, TypeVar

T = TypeVar("T")

inbox: asyncio.Queue[int]
results: dict[str, list[int]] = {}
Maybe = list[T] | None


class Batch(Generic[T]):
    items: Maybe[T]
    done: asyncio.Future[str]

    def __init__(self, done):
        self.items = []
        self.done = done


class Stage:
    worker: Optional[asyncio.Task[None]] = None
    pending: dict[str, T]


async def producer(q: asyncio.Queue[int], n: int) -> None:
    for i in range(n):
        await asyncio.sleep(0.1)
        await q.put(i * i)
        print(f"{asyncio.get_running_loop().time():.1f} put {i * i}")
    await q.put(-1)


async def consumer(q: asyncio.Queue[int], batch: Batch[int]) -> None:
    while (item := await q.get()) >= 0:
        batch.items.append(item)
        print(f"{asyncio.get_running_loop().time():.1f} got {item}")
        await asyncio.sleep(0.15)
    batch.done.set_result(f"{len(batch.items)} items")


async def main():
    global inbox
    inbox = asyncio.Queue(maxsize=2)
    loop = asyncio.get_running_loop()
    batch: Batch[int] = Batch(loop.create_future())
    stage = Stage()
    stage.worker = asyncio.create_task(consumer(inbox, batch))
    await producer(inbox, 4)
    print(await batch.done, batch.items)
    await stage.worker
    print(Maybe, Maybe.__parameters__, Maybe[str], dict[str, T][int])
    print(typing.get_type_hints(Batch))
    print(typing.get_type_hints(consumer))
    print(__annotations__["inbox"], Stage.__annotations__)
    print(asyncio.Queue[int] == asyncio.Queue[int], asyncio.Future[int].__origin__ is asyncio.Future)


asyncio.run(main())
