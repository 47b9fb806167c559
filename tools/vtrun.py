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
  ``time.perf_counter()`` all return it; their ``_ns`` forms return it in integer
  nanoseconds (``round(now * 1e9)``).  ``time.process_time()`` is the sum of the
  ``cpu(s)`` bursts so far and ``time.thread_time()`` the calling thread's (``_ns`` forms
  alike): sleeping uses no CPU time.
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
      waiting: unless another thread wakes it (``call_soon_threadsafe``), nothing can.
      When no thread can (see Threads below), that is a DEADLOCK: vtrun flushes stdout,
      prints

          loopscope: deadlock: main() is waiting and nothing can wake it
            Task-1 (main) waits on Task-2 at FILE.py:12
            Task-2 (worker) waits on a Future at FILE.py:7

      (one line per unfinished task, in creation order) to stderr and exits with status
      3 immediately (``os._exit``: no ``finally`` blocks run, asyncio.run does not clean
      up).  Plain CPython would hang forever here.

Threads
-------
Worker threads (``threading``, ``asyncio.to_thread``, ``run_in_executor``,
``concurrent.futures.ThreadPoolExecutor``) run for real, on the same virtual clock: each
thread is either running or waiting in a coordinator (``time.sleep``/``cpu``, the loop's
select, Condition waits and so Event/Semaphore/``Future.result``, ``SimpleQueue.get``,
``Thread.join``), and the clock moves only when no thread runs: it jumps to the earliest
deadline.  ``call_soon_threadsafe`` wakes the loop's select.  Output is deterministic when
events are apart in virtual time; what threads do at the same instant is as concurrent as
in CPython.  No GIL is modelled here (``cpu(s)`` in two threads overlaps), so scenarios
compared with vtrun keep CPU bursts out of threads.  ``os.cpu_count()`` returns 4, as in
loopscope.  ``ProcessPoolExecutor``'s workers run as threads here, named as CPython names
the worker processes (``ForkProcess-1``, ...) and all started at the first submit as with
the 'fork' start method: their sleeps are on the same clock, and, as in loopscope, their
arguments are not pickled.

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
* ``datetime`` is CPython's pure-Python ``datetime.py`` (``_datetime``, the C
  accelerator, is blocked), so ``datetime.now()``, ``today()`` and ``utcnow()`` read the
  virtual clock through ``time.time()``: a scenario starts at 1970-01-01 00:00:00 UTC.
* ``random`` is seeded with 0 before the scenario runs, as loopscope seeds an unseeded
  ``random``, so a scenario that never calls ``random.seed`` still repeats.
* The scenario is run with ``runpy.run_path(path, run_name="__main__")``; ``sys.argv[0]``
  is the path as given and ``sys.path[0]`` is the scenario's directory, as with
  ``python3 FILE.py``.  ``python/`` (next to ``tools/``) is appended to ``sys.path`` so
  ``from loopscope import cpu`` resolves, and ``loopscope.cpu`` is patched beforehand.
"""

import _thread
import asyncio
import random
import collections
import collections.abc
import asyncio.runners
import concurrent.futures
import concurrent.futures.process
import concurrent.futures.thread
import itertools
import os
import queue
import runpy
import selectors
import sys
import threading
import time
import traceback
import weakref

HERE = os.path.dirname(os.path.abspath(__file__))
PYDIR = os.path.join(os.path.dirname(HERE), "python")

DEADLOCK_EXIT = 3
# The real clock, kept before the scenario's clocks are patched (for --time).
WALL_CLOCK = time.perf_counter
# The process's CPU time, for --time's second figure (a busy machine stretches wall time).
CPU_CLOCK = time.process_time
CLOCK_RESOLUTION = 1e-9


class _Clock:
    """The virtual clock: a single float."""

    now = 0.0


CLOCK = _Clock()
SCENARIO_PATH = None  # set in main()


# --------------------------------------------------------------------------- time


def _vtime():
    return CLOCK.now


def _ns(seconds):
    """Seconds as the integer nanoseconds the ``*_ns`` clocks give (round half to even)."""
    return round(seconds * 1e9)


def _vtime_ns():
    return _ns(CLOCK.now)


class _CPUTime:
    """CPU seconds used so far: ``loopscope.cpu`` bursts, in all (``time.process_time``)
    and per thread (``time.thread_time``).  Sleeping and waiting use none, and Python
    code takes no virtual time, as in loopscope without its cost model."""

    total = 0.0
    by_thread = {}


CPU_TIME = _CPUTime()


def _vprocess_time():
    return CPU_TIME.total


def _vprocess_time_ns():
    return _ns(CPU_TIME.total)


def _vthread_time():
    return CPU_TIME.by_thread.get(_thread.get_ident(), 0.0)


def _vthread_time_ns():
    return _ns(_vthread_time())


def _vsleep(seconds):
    """Blocking sleep: hold the thread for `seconds` of virtual time."""
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    COORDINATOR.wait_until(CLOCK.now + seconds)


def _vcpu(seconds):
    """CPU burst: hold the thread for `seconds` of virtual time."""
    CPU_TIME.total += seconds
    ident = _thread.get_ident()
    CPU_TIME.by_thread[ident] = CPU_TIME.by_thread.get(ident, 0.0) + seconds
    COORDINATOR.wait_until(CLOCK.now + seconds)


# --------------------------------------------------------------------------- threads


class _Wait:
    """One thread waiting in the coordinator: until `deadline` (virtual seconds, None: no
    deadline) or until another thread wakes it. `gate` is a real lock the thread blocks
    on; waking it releases the gate."""

    __slots__ = ("deadline", "woken", "timed_out", "gate", "item")

    def __init__(self, deadline):
        self.deadline = deadline
        self.woken = False
        self.timed_out = False
        self.item = None
        self.gate = _thread.allocate_lock()
        self.gate.acquire()


class _Coordinator:
    """Virtual time for real threads (worker threads, executors, asyncio.to_thread).

    Every thread is either running or waiting in the coordinator: in time.sleep / cpu,
    the loop's select, or one of the blocking primitives patched below (the waiter locks
    of threading.Condition, so Event, Semaphore and Future.result too; SimpleQueue.get;
    Thread.join). `running` counts the threads that are not waiting; a waker counts the
    thread it wakes as running at once. The clock moves only when `running` drops to 0:
    it jumps to the earliest deadline, and every wait due then is woken. Nothing running
    and no deadline: a deadlock, reported as for a loop with nothing to wake it.

    So with events far apart in virtual time, output is deterministic; what threads do at
    the same virtual instant runs concurrently, as in CPython.
    """

    def __init__(self):
        self.lock = _thread.allocate_lock()
        self.running = 1  # the main thread
        self.waits = []
        self.select_wait = None
        self.loop = None

    def block(self, w):
        """Waits on `w`; call with `self.lock` held (it is released)."""
        self.waits.append(w)
        self.running -= 1
        if self.running == 0:
            self._advance()
        self.lock.release()
        w.gate.acquire()
        return w

    def wait_until(self, deadline):
        self.lock.acquire()
        self.block(_Wait(deadline))

    def wake(self, w, timed_out=False):
        """Wakes `w` (holding `self.lock`)."""
        if w.woken:
            return
        w.woken = True
        w.timed_out = timed_out
        self.waits.remove(w)
        self.running += 1
        w.gate.release()

    def _advance(self):
        deadlines = [w.deadline for w in self.waits if w.deadline is not None]
        if not deadlines:
            _report_deadlock(self.loop)
        t = min(deadlines)
        if t > CLOCK.now:
            CLOCK.now = t
        for w in [w for w in self.waits if w.deadline is not None and w.deadline <= CLOCK.now]:
            self.wake(w, timed_out=True)

    def thread_started(self):
        with self.lock:
            self.running += 1

    def thread_finished(self, thread):
        with self.lock:
            thread._vt_finished = True
            for w in getattr(thread, "_vt_joiners", ()):
                self.wake(w)
            self.running -= 1
            if self.running == 0:
                self._advance()

    def select(self, deadline):
        """The loop's select: wait until `deadline` or until _write_to_self."""
        self.lock.acquire()
        w = _Wait(deadline)
        self.select_wait = w
        self.block(w)
        self.select_wait = None

    def write_to_self(self):
        with self.lock:
            if self.select_wait is not None:
                self.wake(self.select_wait)


COORDINATOR = _Coordinator()


class _VLock:
    """threading's waiter lock (`_allocate_lock()` in Condition.wait) on the coordinator:
    a blocked acquire waits there; release hands the lock to the longest waiter."""

    def __init__(self):
        self._locked = False
        self._waiters = collections.deque()

    def acquire(self, blocking=True, timeout=-1):
        co = COORDINATOR
        co.lock.acquire()
        if not self._locked:
            self._locked = True
            co.lock.release()
            return True
        if not blocking or timeout == 0:
            co.lock.release()
            return False
        w = _Wait(None if timeout < 0 else CLOCK.now + timeout)
        self._waiters.append(w)
        co.block(w)
        if w.timed_out:
            with co.lock:
                if w in self._waiters:
                    self._waiters.remove(w)
            return False
        return True

    __enter__ = acquire

    def release(self):
        co = COORDINATOR
        with co.lock:
            if not self._locked:
                raise RuntimeError("release unlocked lock")
            while self._waiters:
                w = self._waiters.popleft()
                if not w.woken:
                    co.wake(w)
                    return
            self._locked = False

    def __exit__(self, *args):
        self.release()

    def locked(self):
        return self._locked

    def _at_fork_reinit(self):
        self._locked = False
        self._waiters.clear()


class _VSimpleQueue:
    """queue.SimpleQueue (what ThreadPoolExecutor's idle workers block in) on the
    coordinator: put hands the item to the longest waiting getter."""

    def __init__(self):
        self._items = collections.deque()
        self._getters = collections.deque()

    def put(self, item, block=True, timeout=None):
        co = COORDINATOR
        with co.lock:
            while self._getters:
                w = self._getters.popleft()
                if not w.woken:
                    w.item = item
                    co.wake(w)
                    return
            self._items.append(item)

    def put_nowait(self, item):
        self.put(item, block=False)

    def get(self, block=True, timeout=None):
        co = COORDINATOR
        co.lock.acquire()
        if self._items:
            item = self._items.popleft()
            co.lock.release()
            return item
        if not block or (timeout is not None and timeout <= 0):
            co.lock.release()
            raise queue.Empty
        w = _Wait(None if timeout is None else CLOCK.now + timeout)
        self._getters.append(w)
        co.block(w)
        if w.timed_out:
            raise queue.Empty
        return w.item

    def get_nowait(self):
        return self.get(block=False)

    def empty(self):
        return not self._items

    def qsize(self):
        return len(self._items)


_real_start = threading.Thread.start
_real_bootstrap_inner = threading.Thread._bootstrap_inner
_real_join = threading.Thread.join
_real_threading_shutdown = threading._shutdown


def _vt_start(self):
    COORDINATOR.thread_started()
    try:
        _real_start(self)
    except BaseException:
        COORDINATOR.thread_finished(self)
        raise


def _vt_bootstrap_inner(self):
    try:
        _real_bootstrap_inner(self)
    finally:
        COORDINATOR.thread_finished(self)


def _vt_join(self, timeout=None):
    if self._started.is_set() and self is not threading.current_thread():
        co = COORDINATOR
        co.lock.acquire()
        if getattr(self, "_vt_finished", False):
            co.lock.release()
        else:
            w = _Wait(None if timeout is None else CLOCK.now + max(timeout, 0))
            if not hasattr(self, "_vt_joiners"):
                self._vt_joiners = []
            self._vt_joiners.append(w)
            co.block(w)
            if w.timed_out:
                return
    _real_join(self, timeout)


def _vt_threading_shutdown():
    """threading._shutdown, waiting for the non-daemon threads on the virtual clock
    before CPython's own joins (which block on real locks)."""
    if threading._main_thread._is_stopped:
        return
    threading._SHUTTING_DOWN = True
    calls = list(reversed(threading._threading_atexits))
    threading._threading_atexits.clear()
    for atexit_call in calls:
        atexit_call()
    for t in threading.enumerate():
        if t is not threading.main_thread() and not t.daemon:
            t.join()
    _real_threading_shutdown()


_VT_PROCESS_COUNTER = itertools.count(1)


class _VTProcessPoolExecutor(concurrent.futures.ThreadPoolExecutor):
    """ProcessPoolExecutor under vtrun: its workers are threads named as CPython names the
    worker processes (ForkProcess-1, ...), all started at the first submit as the 'fork'
    start method does, so their sleeps are on the coordinator's virtual clock. Arguments
    and results are not pickled, as in loopscope."""

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(),
                 *, max_tasks_per_child=None):
        if max_workers is None:
            max_workers = os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        super().__init__(max_workers, initializer=initializer, initargs=initargs)

    def _adjust_thread_count(self):
        def weakref_cb(_, q=self._work_queue):
            q.put(None)

        while len(self._threads) < self._max_workers:
            t = threading.Thread(name="ForkProcess-%d" % next(_VT_PROCESS_COUNTER),
                                 target=concurrent.futures.thread._worker,
                                 args=(weakref.ref(self, weakref_cb), self._work_queue,
                                       self._initializer, self._initargs))
            t.start()
            self._threads.add(t)
            concurrent.futures.thread._threads_queues[t] = self._work_queue


def _patch_threads():
    threading._allocate_lock = _VLock
    threading._time = _vtime
    threading.Thread.start = _vt_start
    threading.Thread._bootstrap_inner = _vt_bootstrap_inner
    threading.Thread.join = _vt_join
    threading._shutdown = _vt_threading_shutdown
    queue.SimpleQueue = _VSimpleQueue
    concurrent.futures.ProcessPoolExecutor = _VTProcessPoolExecutor
    concurrent.futures.process.ProcessPoolExecutor = _VTProcessPoolExecutor
    # loopscope fixes os.cpu_count() (ThreadPoolExecutor's default worker count) at 4.
    os.cpu_count = lambda: 4


def _patch_time():
    time.time = _vtime
    time.monotonic = _vtime
    time.perf_counter = _vtime
    time.time_ns = _vtime_ns
    time.monotonic_ns = _vtime_ns
    time.perf_counter_ns = _vtime_ns
    time.process_time = _vprocess_time
    time.process_time_ns = _vprocess_time_ns
    time.thread_time = _vthread_time
    time.thread_time_ns = _vthread_time_ns
    time.sleep = _vsleep
    # datetime's C accelerator reads the system clock itself; blocked, datetime is
    # CPython's pure-Python datetime.py (as loopscope's Lib/datetime.py), whose now(),
    # today() and utcnow() read time.time(): the virtual clock.
    sys.modules["_datetime"] = None
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
    for task in loop._vt_tasks_in_order() if loop is not None else ():
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
        COORDINATOR.loop = loop
        if timeout is None:
            COORDINATOR.select(None)
        elif timeout > 0:
            COORDINATOR.select(loop._scheduled[0]._when)
        return []


# What asyncio logs and reprs names the classes CPython uses on Linux ("Using selector:
# EpollSelector", "Close <_UnixSelectorEventLoop running=False ...>"), as loopscope does.
VirtualSelector.__name__ = VirtualSelector.__qualname__ = "EpollSelector"


class VirtualLoop(asyncio.SelectorEventLoop):
    """asyncio's selector loop on the virtual clock; `_run_once` is CPython's own."""

    def __init__(self):
        selector = VirtualSelector()
        super().__init__(selector)
        selector.loop = self
        self._clock_resolution = CLOCK_RESOLUTION

    def time(self):
        return CLOCK.now

    def _write_to_self(self):
        # call_soon_threadsafe from another thread wakes the select.
        COORDINATOR.write_to_self()

    def _vt_tasks_in_order(self):
        """This loop's tasks that are still alive, in creation order."""
        alive = []
        for ref in _TASK_ORDER:
            task = ref()
            if task is not None and task.get_loop() is self:
                alive.append(task)
        return alive




VirtualLoop.__name__ = VirtualLoop.__qualname__ = "_UnixSelectorEventLoop"
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
        _patch_threads()
        _track_task_order()
        _order_asyncio_sets()
        asyncio.set_event_loop_policy(VirtualPolicy())
        asyncio.runners._cancel_all_tasks = _cancel_all_tasks_in_creation_order

    sys.argv = argv[1:]
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    # loopscope seeds an unseeded `random` with 0 (runs repeat); so does the reference.
    random.seed(0)
    started = WALL_CLOCK()
    started_cpu = CPU_CLOCK()
    try:
        runpy.run_path(path, run_name="__main__")
        if timed:
            # For `loopscope bench simulate`: the scenario's own run time (compiling and
            # running it), without the interpreter's start-up, as loopscope's is measured.
            sys.stderr.write(f"vtrun time: {WALL_CLOCK() - started:.6f}\n")
            sys.stderr.write(f"vtrun cpu: {CPU_CLOCK() - started_cpu:.6f}\n")
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
