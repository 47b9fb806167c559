# Request coalescing with a Future subclass that counts its waiters: each task awaiting a
# Ticket reaches the overridden add_done_callback (as _asyncio's task step calls it for a
# future that is not exactly a Future), so the fetcher knows how many callers one backend
# call served. A Gate subclass keeps the wakeups itself and a loop callback releases them
# in batches of two. A Ticket's result() override stamps the value with its key, but
# `await ticket` gives the bare value (the C future iterator reads it directly).
import asyncio


class Ticket(asyncio.Future):
    def __init__(self, key, *, loop=None):
        super().__init__(loop=loop)
        self.key = key
        self.waiters = 0

    def add_done_callback(self, fn, *, context=None):
        self.waiters += 1
        super().add_done_callback(fn, context=context)

    def result(self):
        return f'{self.key}={super().result()}'


class Gate(asyncio.Future):
    def __init__(self):
        super().__init__()
        self.held = []

    def add_done_callback(self, fn, *, context=None):
        self.held.append(fn)

    def release_in_batches(self, size, pause):
        # A loop callback, as a task's wakeup may not run inside another task's step.
        if not self.done():
            self.set_result('open')
        batch, self.held = self.held[:size], self.held[size:]
        for wakeup in batch:
            wakeup(self)
        loop = self.get_loop()
        print(f'  gate released {len(batch)} at t={loop.time():.2f}')
        if self.held:
            loop.call_later(pause, self.release_in_batches, size, pause)


tickets = {}
backend_calls = 0


async def backend(key):
    global backend_calls
    backend_calls += 1
    await asyncio.sleep(0.2)
    return key.upper()


async def fetch(key):
    ticket = tickets.get(key)
    if ticket is None:
        ticket = tickets[key] = Ticket(key)
        task = asyncio.create_task(backend(key))
        task.add_done_callback(lambda t: ticket.set_result(t.result()))
    return await ticket


async def client(name, key, delay):
    await asyncio.sleep(delay)
    reply = await fetch(key)
    print(f'{name} got {reply} at t={asyncio.get_running_loop().time():.2f}')


async def visitor(gate, n):
    state = await gate
    print(f'  visitor {n} passes a gate that is {state}')


async def main():
    await asyncio.gather(*(client(f'client{i}', 'ab'[i % 2], 0.05 * i) for i in range(5)))
    for key, ticket in sorted(tickets.items()):
        print(f'ticket {key}: {ticket.waiters} waiters, one backend call, result() {ticket.result()}')
    print('backend calls:', backend_calls)

    gate = Gate()
    visitors = [asyncio.create_task(visitor(gate, n)) for n in range(5)]
    await asyncio.sleep(0.1)
    print('gate holds', len(gate.held), 'wakeups')
    asyncio.get_running_loop().call_soon(gate.release_in_batches, 2, 0.5)
    await asyncio.gather(*visitors)


asyncio.run(main())
