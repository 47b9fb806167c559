# Wall time versus CPU time on the virtual clocks: jobs mix CPU bursts (loopscope.cpu) with
# waits (asyncio.sleep, a blocking time.sleep, a worker thread); a profiler measures each
# with perf_counter_ns/monotonic_ns (elapsed) and process_time/thread_time (CPU used), as
# integer nanoseconds and floats. Sleeping uses no CPU time; a thread's bursts count for
# the process and for that thread only. operator.length_hint sizes the batches.
import asyncio
import operator
import time
from loopscope import cpu


def profile(label, start_ns, cpu_start):
    elapsed_ms = (time.perf_counter_ns() - start_ns) / 1e6
    used = time.process_time() - cpu_start
    print(f"{label:<14} elapsed {elapsed_ms:7.1f} ms  cpu {used:.3f} s  busy {used * 1000 / elapsed_ms:5.1%}"
          if elapsed_ms else f"{label:<14} instant")


async def crunch(n):
    start, cpu0 = time.perf_counter_ns(), time.process_time()
    for _ in range(n):
        cpu(0.05)
        await asyncio.sleep(0.1)
    profile(f"crunch({n})", start, cpu0)
    return n


def blocking_report(rows):
    t0 = time.thread_time()
    cpu(0.02 * rows)
    time.sleep(0.1)
    return time.thread_time() - t0


async def main():
    start = time.monotonic_ns()
    print("clocks at start:", time.time_ns(), time.monotonic_ns(), time.process_time_ns(), time.thread_time_ns())
    batches = [iter(range(3)), iter([5, 6]), iter("abcd")]
    sizes = [operator.length_hint(b) for b in batches]
    print("batch sizes:", sizes, "generator hint:", operator.length_hint((x for x in "xy"), -1))
    results = await asyncio.gather(*(crunch(n) for n in sizes))
    print("results:", results)

    cpu0, start_ns = time.process_time(), time.perf_counter_ns()
    time.sleep(0.25)
    profile("blocking sleep", start_ns, cpu0)

    main_cpu = time.thread_time()
    worker_cpu = await asyncio.to_thread(blocking_report, 10)
    print(f"worker thread cpu {worker_cpu:.2f} s; main thread cpu unchanged: {time.thread_time() == main_cpu}")
    total_ms = (time.monotonic_ns() - start) // 1_000_000
    print(f"total {total_ms} ms, process cpu {time.process_time():.2f} s ({time.process_time_ns()} ns), main thread {time.thread_time():.2f} s")


asyncio.run(main())
