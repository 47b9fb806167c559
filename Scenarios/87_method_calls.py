# Method calls of every kind: asyncio objects' Python methods (Event, Queue, Lock), the
# native ones of futures, tasks and the loop, str/list/dict methods, module functions,
# a bound method kept and called later, an instance attribute shadowing a method, and
# the errors bad calls raise, CPython's message for each.
import asyncio


def replacement():
    return "replaced set()"


async def main():
    loop = asyncio.get_running_loop()
    ev = asyncio.Event()
    print(ev.is_set())
    setter = ev.set
    setter()
    print(ev.is_set(), await ev.wait())
    ev.set = replacement
    print(ev.set())
    q = asyncio.Queue()
    q.put_nowait(1)
    await q.put(2)
    print(q.qsize(), q.get_nowait(), await q.get(), q.empty())
    lock = asyncio.Lock()
    print(await lock.acquire(), lock.locked())
    lock.release()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "from call_soon")
    print(await fut, fut.done(), fut.result())
    task = asyncio.create_task(asyncio.sleep(0.5, "slept"))
    print(task.get_name(), task.done())
    print(await task, task.cancelled())
    words = "a,b,c".split(",")
    words.append("d")
    print(words, "-".join(words).upper(), {"k": 1}.get("k"), [3, 1, 2].index(2))
    print(f"{loop.time():.2f}", asyncio.iscoroutinefunction(main), asyncio.iscoroutinefunction(replacement))
    print(asyncio.iscoroutinefunction(q.get), asyncio.iscoroutine(q.get()), asyncio.isfuture(fut))
    try:
        q.no_such_method()
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        ev.wait(1)
    except TypeError as e:
        print("TypeError:", e)
    for attempt in range(7):
        try:
            if attempt == 0:
                fut.set_result()
            elif attempt == 1:
                fut.result(1)
            elif attempt == 2:
                fut.add_done_callback()
            elif attempt == 3:
                task.cancel(1, 2)
            elif attempt == 4:
                loop.call_later(1)
            elif attempt == 5:
                asyncio.create_task()
            else:
                asyncio.gather(x=1)
        except TypeError as e:
            print("TypeError:", e)
    other = loop.create_future()
    print(other.set_result == other.set_result, other.done == other.cancelled, loop.time == loop.time)
    print(type(other.done).__name__, callable(other.done), other.done.__name__, type(ev.wait).__name__)
    other.add_done_callback(fut.done)
    print(other.remove_done_callback(fut.done), other.remove_done_callback(fut.done))
    handle = loop.call_later(delay=0.25, callback=print)
    print(handle.cancelled(), handle.when() - loop.time())
    handle.cancel()
    print(handle.cancelled())


asyncio.run(main())
