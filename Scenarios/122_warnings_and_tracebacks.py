# warnings and traceback in an asyncio worker pool: warnings.warn prints CPython's
# "FILE:LINE: Category: message" and source line once per place, stacklevel=2 blames the
# awaiting coroutine, DeprecationWarning shows only when __main__ triggers it, filters
# ignore or raise, catch_warnings(record=True) collects; traceback.format_exc() from a
# function called in an except block, format_exception with and without the chain.
import asyncio
import sys
import traceback
import warnings


def legacy_size(job):
    warnings.warn("legacy_size() is deprecated, use len()", DeprecationWarning, stacklevel=2)
    return len(job)


async def check(job):
    if not job:
        raise ValueError("empty job")
    if job == "slow":
        warnings.warn(f"job {job!r} is slow", RuntimeWarning, stacklevel=2)
    await asyncio.sleep(0.1)


def report(name):
    # Called from an except block: format_exc() sees the exception it handles.
    print(f"{name} failed:")
    print(traceback.format_exc(), end="")


async def worker(name, queue, results):
    while True:
        job = await queue.get()
        try:
            await check(job)
            results.append((name, job, legacy_size(job)))
        except ValueError:
            report(name)
        finally:
            queue.task_done()


async def main():
    queue = asyncio.Queue()
    results = []
    for job in ["a", "slow", "", "bb", "slow", ""]:
        queue.put_nowait(job)
    workers = [asyncio.create_task(worker(f"w{i}", queue, results)) for i in range(2)]
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print(results)


asyncio.run(main())

print(traceback.format_exc(), end="")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("first")
    warnings.warn("second", UserWarning)
    warnings.warn(FutureWarning("third"))
print([(w.category.__name__, str(w.message), w.lineno) for w in caught])
with warnings.catch_warnings():
    warnings.filterwarnings("error", message="fatal.*", category=UserWarning)
    try:
        warnings.warn("fatal: disk full")
    except UserWarning as e:
        print("raised:", repr(e))
    warnings.filterwarnings("ignore", category=RuntimeWarning)
    warnings.warn("quiet", RuntimeWarning)
print(warnings.formatwarning("shown", UserWarning, "app.py", 12, "  go()  "), end="")
print(legacy_size("abc"))
try:
    warnings.warn("bad", category=int)
except TypeError as e:
    print("TypeError:", e)

try:
    try:
        raise KeyError("config")
    except KeyError as e:
        raise RuntimeError("cannot start") from e
except RuntimeError as err:
    pieces = traceback.format_exception(err)
    print(len(pieces))
    print("".join(pieces), end="")
    print("".join(traceback.format_exception(err, chain=False)), end="")
    print(traceback.format_exception_only(err), traceback.format_exception_only(KeyError, KeyError("k")))
    traceback.print_exc(file=sys.stdout)
