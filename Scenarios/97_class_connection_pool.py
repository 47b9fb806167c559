# A connection pool written as classes: `async with pool.connection()` borrows one of two
# connections, a property reports the pool's state, and workers queue for a free slot.
# Shows __aenter__/__aexit__ on user classes, class attributes, classmethods and
# method names (Pool.release) in the trace.
import asyncio


class PoolClosed(Exception):
    pass


class Connection:
    opened = 0

    def __init__(self, pool, number):
        self.pool = pool
        self.number = number
        self.queries = 0
        Connection.opened += 1

    async def query(self, text, cost):
        await asyncio.sleep(cost)
        self.queries += 1
        return f"conn{self.number}:{text}"

    def __repr__(self):
        return f"<Connection #{self.number} queries={self.queries}>"


class Lease:
    def __init__(self, pool):
        self.pool = pool
        self.conn = None

    async def __aenter__(self):
        self.conn = await self.pool.acquire()
        return self.conn

    async def __aexit__(self, exc_type, exc, tb):
        self.pool.release(self.conn)
        if exc_type is not None:
            print(f"  lease of {self.conn!r} ended by {exc_type.__name__}: {exc}")
        return False


class Pool:
    def __init__(self, size):
        self._free = [Connection(self, n) for n in range(size)]
        self._waiters = asyncio.Queue()
        self._closed = False
        self.size = size

    @classmethod
    def of_size(cls, size):
        return cls(size)

    @property
    def available(self):
        return len(self._free)

    @property
    def closed(self):
        return self._closed

    @closed.setter
    def closed(self, value):
        print(f"  pool closed={value}")
        self._closed = value

    def connection(self):
        if self._closed:
            raise PoolClosed("pool is closed")
        return Lease(self)

    async def acquire(self):
        while not self._free:
            waiter = asyncio.get_running_loop().create_future()
            await self._waiters.put(waiter)
            await waiter
        return self._free.pop(0)

    def release(self, conn):
        self._free.append(conn)
        if not self._waiters.empty():
            waiter = self._waiters.get_nowait()
            asyncio.get_running_loop().call_soon(waiter.set_result, None)

    def __len__(self):
        return self.size

    def __repr__(self):
        return f"Pool(size={self.size}, available={self.available})"


async def worker(pool, name, cost):
    async with pool.connection() as conn:
        print(f"{name} got {conn!r} at t={asyncio.get_running_loop().time():.1f}")
        result = await conn.query(name, cost)
        if cost > 0.25:
            raise TimeoutError(f"{name} took too long")
        return result


async def main():
    pool = Pool.of_size(2)
    print(pool, len(pool), bool(pool))
    tasks = [asyncio.create_task(worker(pool, f"w{i}", 0.1 * (i + 1))) for i in range(4)]
    results = await asyncio.gather(*tasks, return_exceptions=True)
    for r in results:
        print(" ", type(r).__name__, r)
    print(pool, "opened", Connection.opened)
    pool.closed = True
    try:
        pool.connection()
    except PoolClosed as e:
        print("refused:", e, isinstance(e, Exception))


asyncio.run(main())
