# A typed connection pool built on contextlib: asynccontextmanager leases connections,
# AsyncExitStack holds several at once, suppress swallows an expected error, and the
# types (Generic, Protocol, NamedTuple, TypeVar, Optional) are data a program can print.
import asyncio
import sys
from contextlib import AsyncExitStack, asynccontextmanager, contextmanager, suppress
from typing import Dict, Generic, List, NamedTuple, Optional, Protocol, TypeVar

T = TypeVar("T")


class Lease(NamedTuple):
    conn: int
    holder: str
    at: float = 0.0


class Closer(Protocol):
    def close(self) -> None: ...


class Pool(Generic[T]):
    def __init__(self, items: List[T]) -> None:
        self.free: List[T] = list(items)
        self.cond = asyncio.Condition()
        self.log: Dict[str, List[T]] = {}

    @asynccontextmanager
    async def lease(self, who: str):
        async with self.cond:
            await self.cond.wait_for(lambda: self.free)
            item = self.free.pop(0)
        self.log.setdefault(who, []).append(item)
        try:
            yield Lease(item, who, round(asyncio.get_running_loop().time(), 2))
        finally:
            async with self.cond:
                self.free.append(item)
                self.cond.notify()


@contextmanager
def section(title: str):
    print(f"== {title}")
    yield
    print(f"== end {title}")


async def job(pool: "Pool[int]", who: str, hold: float, fail: bool = False) -> Optional[int]:
    with suppress(ValueError):
        async with pool.lease(who) as lease:
            print(f"{who} got {lease}")
            await asyncio.sleep(hold)
            if fail:
                raise ValueError(who)
            return lease.conn
    print(f"{who} failed, suppressed")
    return None


async def main() -> None:
    pool: Pool[int] = Pool([1, 2])
    with section("three jobs, two connections"):
        results = await asyncio.gather(job(pool, "a", 0.2), job(pool, "b", 0.1, fail=True), job(pool, "c", 0.1))
        print("results", results, pool.log)
    with section("a stack of leases"):
        async with AsyncExitStack() as stack:
            leases = [await stack.enter_async_context(pool.lease(f"s{i}")) for i in range(2)]
            stack.callback(print, "stack unwinding")
            print("holding", [l.conn for l in leases], "free", pool.free)
        print("free again", sorted(pool.free))
    print(Pool[int], Optional[Lease], Lease._fields, Closer.__mro__[1].__name__)
    sys.stdout.write(f"clock {asyncio.get_running_loop().time():.2f}\n")


asyncio.run(main())
