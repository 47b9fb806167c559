# A logging-instrumented worker pool: basicConfig with a level, format and datefmt on
# stdout, %(asctime)s on the virtual clock (with msecs), a logger hierarchy (pool ->
# pool.worker) with its own level, %-style arguments and a dict argument, exception()
# with the traceback, a {-style formatter on a handler of its own, propagate, disable()
# and LoggerAdapter.
import asyncio
import logging
import sys

logging.basicConfig(level=logging.INFO, stream=sys.stdout,
                    format="%(asctime)s %(levelname)-7s %(name)s [%(funcName)s:%(lineno)d] %(message)s")
log = logging.getLogger("pool")
worker_log = logging.getLogger("pool.worker")
worker_log.setLevel(logging.DEBUG)


class JobFailed(Exception):
    pass


async def run_job(job, results):
    worker_log.debug("job %s starts", job)
    await asyncio.sleep(job * 0.125)
    if job % 3 == 0:
        raise JobFailed(f"job {job} is a multiple of 3")
    results[job] = job * job


async def worker(name, queue, results):
    while True:
        job = await queue.get()
        try:
            await run_job(job, results)
            worker_log.info("%(worker)s finished job %(job)d", {"worker": name, "job": job})
        except JobFailed:
            worker_log.exception("%s could not finish job %d", name, job)
        finally:
            queue.task_done()


async def main():
    queue = asyncio.Queue()
    results = {}
    for job in range(1, 7):
        queue.put_nowait(job)
    log.warning("starting %d workers for %d jobs", 2, queue.qsize())
    workers = [asyncio.create_task(worker(f"w{i}", queue, results)) for i in range(2)]
    await queue.join()
    for w in workers:
        w.cancel()
    log.info("results: %s", dict(sorted(results.items())))


asyncio.run(main())

print(worker_log.parent is log, log.parent is logging.getLogger(), log.getEffectiveLevel(), worker_log.getEffectiveLevel())
print(logging.getLevelName(logging.WARNING), logging.getLevelName("ERROR"), logging.getLevelName(15))
log.debug("below the level: not shown")
logging.disable(logging.WARNING)
log.warning("disabled: not shown")
logging.disable(logging.NOTSET)

audit = logging.getLogger("audit")
audit.propagate = False
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("{levelname}|{name}|{message}", style="{"))
audit.addHandler(handler)
audit.error("a {}-style formatter, %s arguments", "%")
print(repr(handler), repr(audit), audit.hasHandlers())
handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", datefmt="%Y/%m/%d %H:%M:%S"))
logging.LoggerAdapter(audit, {"user": "ada"}).warning("through an adapter")
try:
    logging.Formatter("no fields here", style="{")
except ValueError as e:
    print("ValueError:", e)
logging.warning("the root logger: %r", ("a", 1))
