"""Recorder overhead: each workload run alternately without and with the recorder.

python3 bench/record_overhead.py [--python PATH] [--runs N]

Runs bench/record_echo.py (a TCP echo server on loopback under load: I/O-bound) and
bench/record_sched.py (tasks passing work through a queue: scheduling-bound) as
``python3 PROGRAM`` and as ``python3 -m loopscope_recorder -o TRACE PROGRAM``, alternating so
both see the same machine, and prints the median wall time and CPU time of each (start-up
and the trace fully written included; CPU time counts the trace writer process too) and
their ratios (and the spread of the ratio over the pairs of runs), and the trace's size. Targets: echo at most 1.5x, sched at most 3x (exit
status 1 when the wall-time ratio misses one).
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
RECORDER = os.path.join(os.path.dirname(HERE), "python")
WORKLOADS = [("echo", "record_echo.py", 1.5), ("sched", "record_sched.py", 3.0)]


def timed(argv, env):
    """(wall seconds, CPU seconds) of one run; the CPU time counts the program and, recorded,
    the trace writer process too (a child it waits for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=RECORDER)
    # The recorder's bytecode compiled once, as an installed package's is (the environment
    # may forbid writing it, PYTHONDONTWRITEBYTECODE, which would compile it on every run).
    subprocess.run([args.python, "-m", "compileall", "-q", os.path.join(RECORDER, "loopscope_recorder")],
                   check=True, stdout=subprocess.DEVNULL)
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        trace = os.path.join(tmp, "run.jsonl")
        version = subprocess.run([args.python, "-c", "import sys; print(sys.version.split()[0])"],
                                 capture_output=True, text=True, check=True).stdout.strip()
        print("CPython %s, %d runs each, median wall time" % (version, args.runs))
        for name, program, target in WORKLOADS:
            path = os.path.join(HERE, program)
            plain, recorded = [], []
            for _ in range(args.runs):
                plain.append(timed([args.python, path], env))
                recorded.append(timed([args.python, "-m", "loopscope_recorder", "-o", trace, path], env))
            p = statistics.median(w for w, _ in plain)
            r = statistics.median(w for w, _ in recorded)
            pc = statistics.median(c for _, c in plain)
            rc = statistics.median(c for _, c in recorded)
            size = os.path.getsize(trace)
            with open(trace, "rb") as f:
                iterations = sum(1 for line in f if line.startswith(b'{"kind":"iterationStart"'))
            failed |= r / p > target
            # The spread: each recorded run against the plain run just before it.
            pairs = sorted(rw / pw for (pw, _), (rw, _) in zip(plain, recorded))
            print("%-5s wall: plain %5.2f s, recorded %5.2f s: %.2fx (target <= %.1fx; runs %.2f-%.2fx); "
                  "CPU: %5.2f s, %5.2f s: %.2fx; trace %.1f MB, %d iterations (%.0f KB per 1000 iterations)"
                  % (name, p, r, r / p, target, pairs[0], pairs[-1], pc, rc, rc / pc, size / 1e6, iterations,
                     size / 1e3 / max(iterations, 1) * 1000))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
