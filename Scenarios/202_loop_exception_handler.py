# A supervisor installs the loop's exception handler (loop.set_exception_handler): the
# errors nobody can raise to a caller reach it with CPython's context dicts - an
# exception in a call_soon/call_later callback, a task's or future's exception never
# retrieved (when the last reference goes), a custom call_exception_handler context. A
# handler that raises is logged by asyncio; set_exception_handler(None) brings back the
# default handler, which the supervisor also calls itself for what it does not know.
import asyncio

incidents = []


def supervisor(loop, context):
    message = context["message"]
    exc = context.get("exception")
    incidents.append(type(exc).__name__ if exc else message)
    print(f"[{loop.time():4.2f}] supervisor: {message}")
    print(f"       exception={exc!r}")
    for key in sorted(context):
        if key not in ("message", "exception"):
            value = context[key]
            kind = type(value).__name__
            print(f"       {key}: {kind} {'done' if getattr(value, 'done', None) and value.done() else ''}".rstrip())
    if "unknown" in message:
        loop.default_exception_handler(context)


def flaky_metric(n):
    if n % 2:
        raise ArithmeticError(f"metric {n} overflowed")
    print(f"[metric] {n} ok")


async def job(n, delay):
    await asyncio.sleep(delay)
    if n == 2:
        raise LookupError(f"job {n}: no such record")
    return n * 10


def broken_handler(loop, context):
    raise RuntimeError("the handler itself failed")


async def main():
    loop = asyncio.get_running_loop()
    print("default handler:", loop.get_exception_handler())
    loop.set_exception_handler(supervisor)
    print("installed:", loop.get_exception_handler() is supervisor)

    for n in range(3):
        loop.call_soon(flaky_metric, n)
    loop.call_later(0.25, flaky_metric, 5)
    await asyncio.sleep(0.5)

    jobs = [asyncio.create_task(job(n, 0.1 * n)) for n in range(4)]
    await asyncio.sleep(0.5)
    print("results:", [j.result() for j in jobs if j.exception() is None])
    del jobs
    print("jobs dropped")

    fut = loop.create_future()
    fut.set_exception(ConnectionResetError("peer went away"))
    fut = None
    print("future dropped")

    loop.call_exception_handler({"message": "unknown event", "shard": 7})

    try:
        loop.set_exception_handler("not callable")
    except TypeError as e:
        print("TypeError:", e)

    loop.set_exception_handler(broken_handler)
    loop.call_soon(flaky_metric, 7)
    await asyncio.sleep(0)
    loop.set_exception_handler(None)
    print("restored:", loop.get_exception_handler())

    loop.set_exception_handler(supervisor)
    asyncio.create_task(job(2, 0.1))
    await asyncio.sleep(0.2)
    print("incidents:", incidents)


asyncio.run(main())
