#!/usr/bin/env python3
"""vtrun.py - run a loopscope scenario under real CPython 3.11 asyncio on a virtual clock.

This is the reference that loopscope's simulator is tested against: the stdout and exit
status of ``loopscope run FILE.py`` must equal those of ``python3 tools/vtrun.py FILE.py``.

Usage::

    python3 tools/vtrun.py FILE.py [ARGS...]
    python3 tools/vtrun.py --real FILE.py [ARGS...]

``--real`` is a cross-check, not the reference: the scenario runs on CPython's own
event loop with real waiting and real busy-waiting ``cpu``; only the clocks
(``time.time/monotonic/perf_counter`` and so ``loop.time()``) are shifted to start at
0.0, so its output can be compared with the virtual run's when timing is unambiguous.

* stdout: exactly what the scenario prints (flushed at exit).
* stderr: whatever CPython writes there (tracebacks, asyncio's logger: debug-mode
  ``Executing <Task ...> took 0.500 seconds`` warnings, ``Task exception was never
  retrieved`` ...), plus vtrun's own deadlock report.
* exit status: 0 on success; SystemExit's code as CPython handles it; 1 for an
  uncaught exception (traceback printed to stderr the normal way, starting at the
  scenario's ``<module>`` frame: the runner's own frames are hidden); 3 for a deadlock;
  2 for a usage error (no such file, wrong arguments).

How the virtual clock works
---------------------------
* One float, starting at 0.0.  ``loop.time()``, ``time.time()``, ``time.monotonic()`` and
  ``time.perf_counter()`` all return it.
* ``time.sleep(s)`` and ``loopscope.cpu(s)`` (a CPU burst) do ``clock = clock + s``: no
  real waiting, and nothing else runs meanwhile, exactly like blocking the thread.
* The event loop is an ``asyncio.SelectorEventLoop`` given a fake selector.  CPython's
  ``BaseEventLoop._run_once`` is left untouched:

      timeout = None if nothing ready and no timers; 0 if something is ready;
                else min(max(0, head._when - time()), MAXIMUM_SELECT_TIMEOUT)
      select(timeout)
      end_time = time() + clock_resolution          # 1e-9, forced for determinism
      move timers while head._when < end_time       (``>= end_time: break``)
      run exactly the callbacks ready now

  The fake ``select(timeout)`` does:
    - ``timeout == 0``: nothing (the clock does not move);
    - ``timeout > 0``: ``clock = loop._scheduled[0]._when`` when that deadline is later
      than the clock (the deadline value itself, never ``now + timeout``, which loses
      bits).  So after the jump exactly the timers with ``when < deadline + 1e-9`` are
      due: the ones a real CPython would run after an ideal, non-oversleeping wait.  A
      timeout capped at MAXIMUM_SELECT_TIMEOUT (24 h) still jumps straight to the
      deadline (a real loop would wake, find nothing due, and sleep again: same output).
      loopscope's simulator implements this same rule: "clock = heap head's deadline if
      it is later than now".
    - ``timeout is None``: nothing is ready, no timer is pending, yet the loop is
      waiting: nothing can ever wake it (no I/O, no threads in scenarios).  That is a
      DEADLOCK: vtrun flushes stdout, prints

          loopscope: deadlock: main() is waiting and nothing can wake it
            Task-1 (main) waits on Task-2 at FILE.py:12
            Task-2 (worker) waits on a Future at FILE.py:7

      (one line per unfinished task, in creation order) to stderr and exits with status
      3 immediately (``os._exit``: no ``finally`` blocks run, asyncio.run does not clean
      up).  Plain CPython would hang forever here.

Other details
-------------
* ``asyncio.run`` gets this loop through an event loop policy whose ``new_event_loop``
  returns it.  Debug mode (``asyncio.run(main(), debug=True)``) keeps working: the
  slow-callback check in ``_run_once`` measures with ``loop.time()``, so a ``cpu(0.5)``
  inside one step produces ``Executing <Task ...> took 0.500 seconds`` on stderr via
  asyncio's logger (printed by logging's last-resort handler: message only).
* Leftover tasks at the end of ``asyncio.run``: CPython cancels ``all_tasks(loop)``, a
  *set*, so the order is address-dependent.  vtrun makes it deterministic by cancelling
  them in creation order (the simulator does the same).
* ``random`` is seeded with 0 before the scenario runs, as loopscope seeds an unseeded
  ``random``, so a scenario that never calls ``random.seed`` still repeats.
* The scenario is run with ``runpy.run_path(path, run_name="__main__")``; ``sys.argv[0]``
  is the path as given and ``sys.path[0]`` is the scenario's directory, as with
  ``python3 FILE.py``.  ``python/`` (next to ``tools/``) is appended to ``sys.path`` so
  ``from loopscope import cpu`` resolves, and ``loopscope.cpu`` is patched beforehand.
"""

import asyncio
import random
import collections.abc
import asyncio.runners
import os
import runpy
import selectors
import sys
import time
import traceback
import weakref

HERE = os.path.dirname(os.path.abspath(__file__))
PYDIR = os.path.join(os.path.dirname(HERE), "python")

DEADLOCK_EXIT = 3
# The real clock, kept before the scenario's clocks are patched (for --time).
WALL_CLOCK = time.perf_counter
CLOCK_RESOLUTION = 1e-9


class _Clock:
    """The virtual clock: a single float."""

    now = 0.0


CLOCK = _Clock()
SCENARIO_PATH = None  # set in main()


# --------------------------------------------------------------------------- time


def _vtime():
    return CLOCK.now


def _vsleep(seconds):
    """Blocking sleep: hold the thread for `seconds` of virtual time."""
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    CLOCK.now = CLOCK.now + seconds


def _vcpu(seconds):
    """CPU burst: hold the thread for `seconds` of virtual time."""
    CLOCK.now = CLOCK.now + seconds


def _patch_time():
    time.time = _vtime
    time.monotonic = _vtime
    time.perf_counter = _vtime
    time.sleep = _vsleep
    if PYDIR not in sys.path:
        sys.path.append(PYDIR)
    import loopscope

    loopscope.cpu = _vcpu


# --------------------------------------------------------------------------- deadlock report


def _innermost_location(task):
    """(filename, line) of the deepest coroutine frame of `task` inside the scenario, or
    of the deepest frame at all when none is in the scenario."""
    coro = task.get_coro()
    best = None
    scenario = os.path.abspath(SCENARIO_PATH) if SCENARIO_PATH else None
    while coro is not None:
        frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
        if frame is None:
            break
        fname = frame.f_code.co_filename
        if best is None or (scenario and os.path.abspath(fname) == scenario):
            best = (fname, frame.f_lineno)
        coro = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None)
    return best


def _describe_waiter(task):
    fut = getattr(task, "_fut_waiter", None)
    if fut is None:
        return "nothing"
    if isinstance(fut, asyncio.Task):
        return fut.get_name()
    return "a " + type(fut).__name__


def _report_deadlock(loop):
    try:
        sys.stdout.flush()
    except Exception:
        pass
    lines = ["loopscope: deadlock: main() is waiting and nothing can wake it"]
    for task in loop._vt_tasks_in_order():
        if task.done():
            continue
        coro = task.get_coro()
        cname = getattr(coro, "__qualname__", None) or getattr(coro, "__name__", "?")
        where = _innermost_location(task)
        at = f" at {where[0]}:{where[1]}" if where else ""
        lines.append(f"  {task.get_name()} ({cname}) waits on {_describe_waiter(task)}{at}")
    sys.stderr.write("\n".join(lines) + "\n")
    sys.stderr.flush()
    os._exit(DEADLOCK_EXIT)


# --------------------------------------------------------------------------- task order

_TASK_ORDER = []  # weak references to every task, in creation order


class _OrderedWeakSet(weakref.WeakSet):
    """asyncio's registry of all tasks, also remembering creation order.  Tasks register
    themselves (from C) by calling `_all_tasks.add(task)`; swapping the class of that one
    WeakSet records the order without adding a Python frame to task creation (which
    would show up in debug mode's "created at FILE:LINE" task reprs)."""

    def add(self, item):
        _TASK_ORDER.append(weakref.ref(item))
        super().add(item)


def _track_task_order():
    registry = asyncio.tasks._all_tasks
    if type(registry) is weakref.WeakSet:
        registry.__class__ = _OrderedWeakSet


class _InsertionOrderedSet(collections.abc.MutableSet):
    """A set that iterates in insertion order.  CPython's asyncio keeps tasks in plain
    sets in a few places (``asyncio.wait``'s done/pending, ``TaskGroup._tasks``, which
    ``TaskGroup._abort`` cancels in iteration order), so their order follows memory
    addresses and differs from run to run.  Insertion order is one of the orders CPython
    can produce, and the one loopscope uses: the reference is made deterministic with it."""

    def __init__(self, items=()):
        self._items = dict.fromkeys(items)

    def __contains__(self, item):
        return item in self._items

    def __iter__(self):
        return iter(list(self._items))

    def __len__(self):
        return len(self._items)

    def add(self, item):
        self._items[item] = None

    def discard(self, item):
        self._items.pop(item, None)

    def __repr__(self):
        return "{" + ", ".join(repr(i) for i in self._items) + "}" if self._items else "set()"


def _order_asyncio_sets():
    # The name `set` inside these modules now makes an insertion-ordered set.
    asyncio.tasks.set = _InsertionOrderedSet
    asyncio.taskgroups.set = _InsertionOrderedSet


# --------------------------------------------------------------------------- loop


class VirtualSelector(selectors._BaseSelectorImpl):
    """A selector with no real I/O: select() moves the virtual clock instead of waiting."""

    def __init__(self):
        super().__init__()
        self.loop = None

    def select(self, timeout=None):
        loop = self.loop
        if timeout is None:
            _report_deadlock(loop)
        elif timeout > 0:
            when = loop._scheduled[0]._when
            if when > CLOCK.now:
                CLOCK.now = when
        return []


class VirtualLoop(asyncio.SelectorEventLoop):
    """asyncio's selector loop on the virtual clock; `_run_once` is CPython's own."""

    def __init__(self):
        selector = VirtualSelector()
        super().__init__(selector)
        selector.loop = self
        self._clock_resolution = CLOCK_RESOLUTION

    def time(self):
        return CLOCK.now

    def _vt_tasks_in_order(self):
        """This loop's tasks that are still alive, in creation order."""
        alive = []
        for ref in _TASK_ORDER:
            task = ref()
            if task is not None and task.get_loop() is self:
                alive.append(task)
        return alive


class VirtualPolicy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return VirtualLoop()


def _cancel_all_tasks_in_creation_order(loop):
    """asyncio.runners._cancel_all_tasks, iterating leftover tasks in creation order
    instead of set (address) order."""
    pending = asyncio.all_tasks(loop)
    if isinstance(loop, VirtualLoop):
        to_cancel = [t for t in loop._vt_tasks_in_order() if t in pending]
        for t in pending:  # tasks created some other way (Task(...) directly)
            if t not in to_cancel:
                to_cancel.append(t)
    else:
        to_cancel = list(pending)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(asyncio.gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                "message": "unhandled exception during asyncio.run() shutdown",
                "exception": task.exception(),
                "task": task,
            })


# --------------------------------------------------------------------------- main


def _print_uncaught(exc):
    """Print `exc` like the interpreter does for an uncaught exception, hiding the
    runner's own frames (vtrun.py, runpy) above the scenario's <module> frame."""
    tb = exc.__traceback__
    scenario = os.path.abspath(SCENARIO_PATH)
    t = tb
    while t is not None and os.path.abspath(t.tb_frame.f_code.co_filename) != scenario:
        t = t.tb_next
    if t is not None:
        tb = t
    traceback.print_exception(type(exc), exc, tb, file=sys.stderr)


def _patch_time_real():
    """--real mode: real clocks, shifted so that they start at 0.0."""
    real_monotonic = time.monotonic
    real_perf = time.perf_counter
    m0 = real_monotonic()
    p0 = real_perf()
    time.time = lambda: real_monotonic() - m0
    time.monotonic = lambda: real_monotonic() - m0
    time.perf_counter = lambda: real_perf() - p0
    if PYDIR not in sys.path:
        sys.path.append(PYDIR)


def main(argv):
    global SCENARIO_PATH
    timed = len(argv) > 1 and argv[1] == "--time"
    if timed:
        argv = argv[:1] + argv[2:]
    real = len(argv) > 1 and argv[1] == "--real"
    if real:
        argv = argv[:1] + argv[2:]
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        sys.stderr.write("usage: vtrun.py [--time] [--real] FILE.py [ARGS...]\n")
        return 2
    path = argv[1]
    if not os.path.isfile(path):
        sys.stderr.write(f"vtrun.py: can't open file {path!r}\n")
        return 2
    SCENARIO_PATH = path

    if real:
        _patch_time_real()
    else:
        _patch_time()
        _track_task_order()
        _order_asyncio_sets()
        asyncio.set_event_loop_policy(VirtualPolicy())
        asyncio.runners._cancel_all_tasks = _cancel_all_tasks_in_creation_order

    sys.argv = argv[1:]
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    # loopscope seeds an unseeded `random` with 0 (runs repeat); so does the reference.
    random.seed(0)
    started = WALL_CLOCK()
    try:
        runpy.run_path(path, run_name="__main__")
        if timed:
            # For `loopscope bench simulate`: the scenario's own run time (compiling and
            # running it), without the interpreter's start-up, as loopscope's is measured.
            sys.stderr.write(f"vtrun time: {WALL_CLOCK() - started:.6f}\n")
    except SystemExit:
        raise
    except BaseException as exc:  # noqa: BLE001 - mirror the interpreter
        try:
            sys.stdout.flush()
        except Exception:
            pass
        _print_uncaught(exc)
        return 1
    return 0


if __name__ == "__main__":
    status = main(sys.argv)
    sys.stdout.flush()
    sys.exit(status)
