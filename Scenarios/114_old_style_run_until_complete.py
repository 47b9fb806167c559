# The asyncio book's old-style programs: a loop made with new_event_loop(), debug mode
# with a settable slow_callback_duration, run_until_complete() (a coroutine becomes a
# task; a future is waited as it is), run_forever() until stop(), close(), the errors
# of a closed loop; get_event_loop() at module level (3.11 makes and sets a loop, after
# asyncio.run() there is none), asyncio.Runner running several coroutines on one loop,
# and the submodules as attributes (asyncio.exceptions.TimeoutError).
import asyncio
import asyncio.exceptions
from asyncio.exceptions import CancelledError

from loopscope import cpu


async def slow_then_fast(name, delay):
    cpu(0.3)
    await asyncio.sleep(delay)
    print(name, "done at", asyncio.get_running_loop().time())
    return name.upper()


async def main():
    results = await asyncio.gather(slow_then_fast("a", 1), slow_then_fast("b", 0.5))
    try:
        await asyncio.wait_for(asyncio.sleep(5), timeout=0.1)
    except asyncio.exceptions.TimeoutError:
        print("timed out:", asyncio.exceptions.TimeoutError is TimeoutError)
    return results


print(asyncio.get_event_loop() is asyncio.get_event_loop())
loop = asyncio.new_event_loop()
loop.slow_callback_duration = .250
loop.set_debug(True)
print(loop.slow_callback_duration, loop.get_debug(), loop.is_running(), loop.is_closed())
try:
    print(loop.run_until_complete(main()))
    fut = loop.create_future()
    loop.call_later(2, fut.set_result, "from a timer")
    print(loop.run_until_complete(fut), loop.time())
    loop.call_later(0.5, loop.stop)
    loop.call_soon(print, "soon, then stop")
    loop.run_forever()
    print("run_forever returned at", loop.time())
finally:
    loop.close()
print(loop.is_closed())
for attempt in (lambda: loop.call_soon(print), lambda: loop.run_forever()):
    try:
        attempt()
    except RuntimeError as e:
        print("RuntimeError:", e)


async def answer(n):
    await asyncio.sleep(n)
    return n * 10


with asyncio.Runner() as runner:
    print(runner.run(answer(1)), runner.run(answer(2)))
    print(runner.get_loop().time())
late = answer(3)
try:
    runner.run(late)
except RuntimeError as e:
    print("RuntimeError:", e)
    late.close()

print(asyncio.run(answer(0.5)))
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)


async def cancelled_main():
    raise CancelledError("stop here")

try:
    asyncio.run(cancelled_main())
except CancelledError as e:
    print("CancelledError:", e, asyncio.CancelledError is CancelledError)
