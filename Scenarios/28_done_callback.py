# fut.add_done_callback(f): f(fut) is scheduled with call_soon when the future
# completes, so it runs one iteration later, before the awaiting task resumes if it
# was added first. Notice the order: callback 1, callback 2, then main; and main's
# line says 0.00 because the f-string evaluates loop.time() before its await runs.
import asyncio


def report(fut):
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.2f} done callback: result={fut.result()}")


def report_task(t):
    print(f"task callback: {t.get_name()} done={t.done()} result={t.result()!r}")


async def compute():
    await asyncio.sleep(0.2)
    return "computed"


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(report)
    fut.add_done_callback(report)
    loop.call_later(0.4, fut.set_result, "ready")
    print(f"{loop.time():.2f} main: awaiting future")
    print(f"{loop.time():.2f} main: got {await fut}")
    t = asyncio.create_task(compute(), name="compute")
    t.add_done_callback(report_task)
    print(f"main: task result {await t}")


asyncio.run(main())
