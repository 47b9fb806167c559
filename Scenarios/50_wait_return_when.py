# asyncio.wait with FIRST_COMPLETED, FIRST_EXCEPTION and ALL_COMPLETED, plus a timeout
# that returns with tasks still pending. Sets are sorted by name before printing.
# Notice FIRST_EXCEPTION returns at the failure, not when everything finished, and
# wait() never raises the tasks' exceptions itself.
import asyncio


async def job(name, delay, fail=False):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(delay)
    print(f"{loop.time():.2f} {name} finishing{' with error' if fail else ''}")
    if fail:
        raise ValueError(name)
    return name


def names(s):
    return sorted([t.get_name() for t in s])


async def main():
    loop = asyncio.get_running_loop()
    ts = [asyncio.create_task(job(f"j{i}", d), name=f"j{i}") for i, d in enumerate([0.3, 0.1, 0.1])]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(f"{loop.time():.2f} FIRST_COMPLETED done={names(done)} pending={names(pending)}")
    ts = [asyncio.create_task(job("k0", 0.2, True), name="k0"),
          asyncio.create_task(job("k1", 0.1), name="k1"),
          asyncio.create_task(job("k2", 0.5), name="k2")]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(f"{loop.time():.2f} FIRST_EXCEPTION done={names(done)} pending={names(pending)}")
    for t in ts:
        if t in done:
            print(f"   {t.get_name()}: exception={t.exception()!r}")
    done, pending = await asyncio.wait(ts + [asyncio.create_task(job("k3", 0.1), name="k3")], timeout=0.15)
    print(f"{loop.time():.2f} timeout=0.15 done={names(done)} pending={names(pending)}")
    done, pending = await asyncio.wait(pending, return_when=asyncio.ALL_COMPLETED)
    print(f"{loop.time():.2f} ALL_COMPLETED done={names(done)} pending={names(pending)}")


asyncio.run(main())
