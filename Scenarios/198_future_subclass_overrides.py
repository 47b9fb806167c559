# Future subclasses as asyncio itself meets them: no __init__, Future.__init__ called
# directly, overridden set_exception/cancel/__repr__, gather and wait_for cancelling
# through the override, and Future.__init__'s argument errors.
import asyncio

class Plain(asyncio.Future):
    pass

class Tagged(asyncio.Future):
    def __init__(self, tag):
        asyncio.Future.__init__(self)
        self.tag = tag
    def __repr__(self):
        return f"Tagged({self.tag}, {self._state})"
    def set_exception(self, exc):
        print("set_exception", type(exc).__name__)
        super().set_exception(exc)

class Noisy(asyncio.Future):
    def cancel(self, msg=None):
        print("Noisy.cancel", msg)
        return super().cancel(msg=msg)

async def main():
    loop = asyncio.get_running_loop()
    p = Plain()
    p.extra = 1
    loop.call_later(0.5, p.set_result, 42)
    print(await p, p.extra, repr(p), asyncio.isfuture(p), asyncio.ensure_future(p) is p)
    t = Tagged("a")
    print(t, [t], t.done(), t.cancelled())
    loop.call_soon(t.set_exception, KeyError("k"))
    try:
        await t
    except KeyError as e:
        print("KeyError", e, t)
    a, b = Noisy(), Noisy()
    g = asyncio.gather(a, b)
    await asyncio.sleep(0)
    print(g.cancel("bye"), a.cancelled(), b.cancelled())
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather cancelled", e.args)
    for bad in (lambda: Plain(1), lambda: Plain(loop=1), lambda: Plain(x=1)):
        try:
            print(bad())
        except Exception as e:
            print(type(e).__name__, e)
    n = Noisy()
    task = asyncio.create_task(asyncio.wait_for(n, 0.1))
    try:
        await task
    except asyncio.TimeoutError:
        print("timeout", n.cancelled())
    print(issubclass(Noisy, asyncio.Future), Noisy.__mro__[1:], Plain.__bases__)
    print([n for n in dir(Plain()) if n in ("set_result", "cancel", "__module__", "done")])
    f = Plain()
    f.set_result(3)
    print(f.result(), f.exception(), f.get_loop() is loop, f._state)

asyncio.run(main())
