# A request/reply client whose replies are a Future subclass: extra state on the
# future, set_result and cancel overridden, awaited by tasks, resolved from
# loop.call_later callbacks, cancelled by wait_for's timeout through the override.
import asyncio


class Reply(asyncio.Future):
    created = 0

    def __init__(self, request_id, *, loop=None):
        super().__init__(loop=loop)
        Reply.created += 1
        self.request_id = request_id
        self.resolved_at = None
        self.log = []

    def set_result(self, result):
        self.resolved_at = asyncio.get_running_loop().time()
        self.log.append(f"set_result({result!r})")
        super().set_result(result)

    def cancel(self, msg=None):
        self.log.append(f"cancel({msg!r})")
        return super().cancel(msg)

    @property
    def latency(self):
        return None if self.resolved_at is None else round(self.resolved_at, 3)

    def __str__(self):
        return f"Reply#{self.request_id}"


class Client:
    def __init__(self, delays):
        self.delays = delays
        self.pending = {}
        self.timers = {}

    def request(self, request_id):
        loop = asyncio.get_running_loop()
        reply = Reply(request_id, loop=loop)
        self.pending[request_id] = reply
        delay = self.delays.get(request_id)
        if delay is not None:
            self.timers[request_id] = loop.call_later(delay, self._deliver, request_id, f"answer-{request_id}")
        return reply

    def _deliver(self, request_id, value):
        reply = self.pending.pop(request_id)
        del self.timers[request_id]
        if not reply.done():
            reply.set_result(value)


async def ask(client, request_id, timeout):
    reply = client.request(request_id)
    try:
        value = await asyncio.wait_for(reply, timeout)
    except asyncio.TimeoutError:
        client.timers.pop(request_id).cancel()
        return f"{reply} timed out: {reply.log} cancelled={reply.cancelled()}"
    return f"{reply} -> {value} at {reply.latency} {reply.log}"


async def main():
    loop = asyncio.get_running_loop()
    client = Client({1: 0.1, 2: 0.3, 3: 5.0})
    probe = Reply(0)
    print(isinstance(probe, asyncio.Future), isinstance(probe, Reply), type(probe).__name__)
    print(repr(probe), probe.done(), probe.get_loop() is loop, str(probe))
    plain = loop.create_future()
    print(type(plain).__name__, type(plain) is asyncio.Future, isinstance(plain, Reply))

    seen = []
    probe.add_done_callback(lambda f: seen.append(f"done {f.request_id} {f.result()}"))
    loop.call_soon(probe.set_result, "early")
    print(await probe, probe.log, repr(probe))
    await asyncio.sleep(0)
    print(seen)

    results = await asyncio.gather(*(ask(client, i, 1.0) for i in (1, 2, 3)))
    for line in results:
        print(line)

    waiting = Reply(9)
    task = asyncio.create_task(asyncio.sleep(0, result=None))
    waiter = asyncio.create_task(waiting_on(waiting))
    await asyncio.sleep(0.01)
    waiter.cancel("stop")
    try:
        await waiter
    except asyncio.CancelledError as e:
        print("waiter cancelled", e.args, waiting.log, waiting.cancelled())
    await task
    try:
        waiting.set_result(1)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    print("created", Reply.created, f"{loop.time():.1f}")


async def waiting_on(fut):
    return await fut


asyncio.run(main())
