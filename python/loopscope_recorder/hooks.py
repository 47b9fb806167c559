"""The recording: wrappers around asyncio's event loop, handles, tasks and selector.

Every wrapper calls what it wraps exactly as before, with the same arguments, and returns
its result or lets its exception through; recording happens beside the call. What is
wrapped, on CPython 3.11, 3.12 and 3.13 alike:

* ``BaseEventLoop._run_once`` (one loop iteration), the loop's selector's ``select`` (how
  long the loop waited, what the heap held), and the loop's ready queue, a ``deque``
  subclass whose ``popleft`` sees each handle taken, including the cancelled ones
  ``_run_once`` skips;
* ``Handle._run`` (each callback, and through the callback each task step: a C task's step
  and wake-up callbacks carry the task in ``__self__``), ``BaseEventLoop.call_soon`` (a
  future's done callbacks being scheduled: it resolved), ``call_at`` and
  ``TimerHandle.cancel`` (timers);
* ``asyncio.Task``, replaced by a subclass of the C task named ``Task`` (same ``repr``,
  same C stepping) whose ``__init__`` and ``cancel`` record creation, eager first steps
  (3.12+) and cancellation requests; ``asyncio.eager_task_factory`` makes that subclass;
* ``asyncio.timeouts.Timeout._on_timeout``, ``time.sleep``, ``sys.stdout.write``, asyncio's
  logger (a filter that only looks) and ``warnings._showwarnmsg``.

Events are tuples appended to a list and sent in ``marshal``-ed batches to the writer
process at the end of an iteration. A wrapper whose recording code fails stops the
recording (the program runs on untouched) and says so in the trace.
"""

import asyncio
import collections
import logging
import marshal
import os
import sys
import threading
import time
import types
import warnings
import weakref
from asyncio import base_events, events as aevents, futures as afutures, tasks as atasks

from .events import (
    BLOCKING_SLEEP_END, BLOCKING_SLEEP_START, CALLBACK_END, CALLBACK_SKIPPED, CALLBACK_START, CANCEL_REQUESTED,
    CANCELLED_ERROR_DELIVERED, CLOCK_ADVANCE, FUTURE_CREATED, FUTURE_RESOLVED, ITERATION_END, ITERATION_START, PRINT,
    STEP_CANCELLED, STEP_FAILED, STEP_FINISHED, STEP_PARKED, STEP_START, STEP_YIELDED, TASK_CREATED, TIMEOUT_FIRED,
    TIMER_CANCELLED, TIMER_DROPPED, TIMER_SCHEDULED, WARNING,
)

_now = time.monotonic          # the clock loop.time() reads, so timers' deadlines line up
_get_ident = threading.get_ident
_CTask = atasks._CTask if hasattr(atasks, "_CTask") else atasks.Task
_deque_popleft = collections.deque.popleft
_CoroutineType = types.CoroutineType
_CodeType = types.CodeType
# Types ending a task's await chain, neither coroutine nor generator (see await_chain).
_LEAVES = {type(None)}
_CHAIN_LIMIT = range(100)  # levels of awaits followed at most
_Handle = aevents.Handle  # a plain handle (call_soon's) is never in the timer table
_GeneratorType = types.GeneratorType

# Originals, taken once at import (before the program runs).
_orig_run_once = base_events.BaseEventLoop._run_once
_orig_handle_run = aevents.Handle._run
_orig_call_soon = base_events.BaseEventLoop.call_soon
_orig_call_at = base_events.BaseEventLoop.call_at
_orig_create_task = base_events.BaseEventLoop.create_task
_orig_timer_cancel = aevents.TimerHandle.cancel
_orig_sleep = time.sleep
_orig_showwarnmsg = warnings._showwarnmsg
_set_result_unless_cancelled = afutures._set_result_unless_cancelled

# Batches are sent at the end of an iteration once this many events are waiting; the pipe
# to the writer holds at most _MAX_BACKLOG unsent bytes before batches are dropped (counted).
_BATCH = 4096
# ... or once this long (seconds) has passed since the last batch, so a trace being written
# (OUT.part, which `loopscope open` and `record --live` follow) stays current.
_BATCH_AGE = 0.2
_MAX_BACKLOG = 64 << 20
# A callback running this long gets its stack sampled, so a slow callback's warning can say
# which line of the program held the loop.
_SAMPLE_AFTER = 0.05
# How far back (events) a task's creation is looked for when it is named (see renamed).
_RENAME_REACH = 64

# The list of events waiting to be sent. Its first _PAD entries are never sent or removed:
# a list that shrank to a few items would move its item array into the small-object pools
# the program's objects come from, and where a program's tasks land in memory decides the
# order it sees them in a set (a TaskGroup cancels its tasks in set order).
_PAD = 128
_events = [None] * _PAD
_emit = _events.append
R = None  # the Recording while one is active


def _task_callback_kind(cb):
    """'step' or 'wakeup' for the callbacks a task schedules for itself (the C task's
    TaskStepMethWrapper and task_wakeup, the Python task's __step and __wakeup); None for
    any other method of a task a program schedules (``loop.call_soon(task.cancel)``),
    which runs no step of it."""
    name = getattr(cb, "__name__", None)
    if name in ("task_wakeup", "_Task__wakeup"):
        return "wakeup"
    if name == "_Task__step" or type(cb).__name__ == "TaskStepMethWrapper":
        return "step"
    return None


def _qualname(obj):
    name = getattr(obj, "__qualname__", None)
    if isinstance(name, str):
        return name
    func = getattr(obj, "func", None)  # functools.partial
    if func is not None and func is not obj:
        return "partial(%s)" % _qualname(func)
    return type(obj).__qualname__


def _safe_repr(value, limit=200):
    """repr() of builtin values (truncated); other objects by type, so no program code runs."""
    if type(value).__module__ == "builtins" and not isinstance(value, BaseException):
        try:
            text = repr(value)
        except Exception:
            text = "<%s object>" % type(value).__qualname__
    else:
        text = "<%s object>" % type(value).__qualname__
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _exception_repr(exc):
    try:
        return BaseException.__repr__(exc) if type(exc).__module__ != "builtins" else repr(exc)
    except Exception:
        return type(exc).__qualname__


class Recording:
    """What one recording knows: ids it gave out, the loop it follows, and the pipe."""

    def __init__(self, main_path, fd):
        self.on = True
        self.base = _now()
        self.fd = fd
        self.backlog = bytearray()
        self.dropped = 0
        self.main_path = main_path
        self.main_dir = os.path.dirname(main_path) + os.sep
        # The recorder's own files, the standard library's (os.py's directory holds it and,
        # under it, lib-dynload) and the installed packages' (site-packages or Debian's
        # dist-packages; `own` also refuses any path through one). Not from sysconfig: its
        # import was a tenth of a short program's run.
        excluded = {os.path.dirname(os.path.abspath(__file__)) + os.sep,
                    os.path.dirname(os.path.abspath(os.__file__)) + os.sep}
        site = sys.modules.get("site")
        for p in getattr(site, "getsitepackages", list)() if site is not None else ():
            excluded.add(os.path.abspath(p) + os.sep)
        self.excluded = tuple(excluded)
        self.own_cache = {}
        self.file_numbers = {main_path: 0}
        self.last_flush = 0.0   # when the last batch was sent (the recording's clock)
        self.iteration = 0
        self.loop = None
        self.thread = None
        self.ready = None
        self.next_id = 1        # tasks and futures share ids, as in the simulator
        self.next_handle = 1
        self.timer_ids = {}     # id(TimerHandle) -> (handle id, handle), while in the heap
        self.cancelled_timers = {}  # handle id -> cancelled TimerHandle still in the heap
        self.fids = {}          # id(future) -> (future id, weakref), futures a task parked on
        self.purposes = {}      # future id -> "sleep(0.5)"
        # id(task) -> task id (-1: a task of a loop not followed), from creation until the
        # task is done. Tasks keep no attribute of ours: an instance of our Task class has
        # the C task's exact size, so the program's objects land where they would have
        # (sets of tasks iterate in address order: TaskGroup cancels its tasks in it).
        self.tids = {}
        self.foreign = {}       # id(task) -> (task id, weakref) for tasks not of our Task class
        self.cur_tid = None
        self.in_callback = False
        self.cb_start = 0.0
        self.cb_serial = 0
        self.stall = None       # (serial, line text) sampled during a long callback
        self.pending_start = False
        self.iter_t0 = 0.0
        self.sel = None         # (timeout, t0, t1, timers in heap, dropped handle ids)
        self.stdout_pending = ""

    # -- files -------------------------------------------------------------------------

    def own(self, filename):
        """Whether a code object's file is one of the program's own (not stdlib, not
        installed packages, not the recorder)."""
        v = self.own_cache.get(filename)
        if v is None:
            p = os.path.abspath(filename) if not filename.startswith("<") else ""
            v = (p.startswith(self.main_dir) and not p.startswith(self.excluded)
                 and (os.sep + "site-packages" + os.sep) not in p and (os.sep + "dist-packages" + os.sep) not in p)
            self.own_cache[filename] = v
        return v

    def rel(self, filename):
        return os.path.relpath(os.path.abspath(filename), self.main_dir)

    def own_frame(self, frame):
        """The innermost frame of the program's own files on ``frame``'s stack, not looking
        past the event loop's iteration: inside a callback, the frames under the loop (the
        program's ``asyncio.run(main())`` line) are not where anything of the callback
        happened. None when there is none."""
        depth = 0
        while frame is not None and depth < 200:
            code = frame.f_code
            if code is _RUN_ONCE_CODE:
                return None
            if self.own(code.co_filename):
                return frame
            frame = frame.f_back
            depth += 1
        return None

    def stack_site(self, frame):
        """Where on ``frame``'s stack the program's own code is: 'app.py:12'."""
        frame = self.own_frame(frame)
        return None if frame is None else "%s:%d" % (self.rel(frame.f_code.co_filename), frame.f_lineno)

    def file_number(self, filename):
        """The trace's number of one of the program's files: 0 the main one, then 1, 2, ...
        in the order events first name them (the header's `files`, in that order)."""
        n = self.file_numbers.get(filename)
        if n is None:
            n = self.file_numbers[filename] = len(self.file_numbers)
        return n

    def own_site(self, frame):
        """(line, file number) of the innermost frame of the program's own files on
        ``frame``'s stack (see own_frame); (0, 0) when there is none."""
        frame = self.own_frame(frame)
        return (0, 0) if frame is None else (frame.f_lineno, self.file_number(frame.f_code.co_filename))

    def own_files(self):
        """The header's `files`: those events numbered, in their order, then the program's
        other modules it loaded."""
        paths = sorted(self.file_numbers, key=self.file_numbers.get)[1:]
        numbered = set(self.file_numbers)
        others = []
        for module in list(sys.modules.values()):
            fn = getattr(module, "__file__", None)
            if isinstance(fn, str) and fn.endswith(".py") and fn not in numbered and self.own(fn) \
                    and os.path.abspath(fn) != self.main_path:
                numbered.add(fn)
                others.append(fn)
        files = []
        for p in paths + sorted(others):
            try:
                with open(p, "rb") as f:
                    source = f.read().decode("utf-8", "replace")
            except OSError:
                source = ""  # numbered by an event, so it keeps its place
            files.append((self.rel(p), source))
        return files

    # -- output to the writer ----------------------------------------------------------

    def flush(self, final=False):
        if len(_events) == _PAD:
            return
        batch = _events[_PAD:]
        del _events[_PAD:]
        self.send(("events", batch), len(batch), final)

    def send(self, message, count=0, final=False):
        if self.fd is None:
            self.dropped += count
            return
        payload = marshal.dumps(message)
        if len(self.backlog) > _MAX_BACKLOG and not final:
            self.dropped += count
            return
        self.backlog += len(payload).to_bytes(4, "little")
        self.backlog += payload
        self.pump(block=final)

    def pump(self, block=False):
        while self.backlog:
            try:
                n = os.write(self.fd, self.backlog)
            except BlockingIOError:
                if not block:
                    return
                os.set_blocking(self.fd, True)
                continue
            except OSError:
                self.fd = None
                self.backlog = bytearray()
                return
            del self.backlog[:n]

    def fail(self, where, exc):
        """A hook's own code failed: stop recording, say so, leave the program alone."""
        if not self.on:
            return
        self.on = False
        _emit((WARNING, _now() - self.base, self.iteration,
               "loopscope recorder: the %s hook failed (%s: %s); recording stopped here"
               % (where, type(exc).__name__, exc)))

    # -- the loop ------------------------------------------------------------------------

    def follows(self, loop):
        """Whether events of ``loop`` are recorded; the first loop to run is followed, and
        the next one once it is closed (asyncio.run twice)."""
        if loop is self.loop:
            return True
        if self.loop is not None and not self.loop.is_closed():
            return False
        self.loop = loop
        self.thread = _get_ident()
        if type(loop._ready) is collections.deque:
            loop._ready = _ReadyQueue(loop._ready)
        self.ready = loop._ready
        selector = getattr(loop, "_selector", None)
        if selector is not None and not hasattr(selector, "_loopscope_select"):
            _wrap_select(self, loop, selector)
        return True

    def start_iteration(self, ntodo):
        """Emits iterationStart (and what the selector found) once the ready queue is known:
        at the first handle taken, or at the end of an iteration that ran nothing."""
        self.pending_start = False
        loop = self.loop
        t0 = self.iter_t0
        it = self.iteration
        sel = self.sel
        if sel is not None:
            timeout, s0, s1, timers, dropped = sel
            moved = timers - len(loop._scheduled)
        else:
            timeout, s0, s1, dropped = 0, t0, t0, ()
            timers = len(loop._scheduled)
            moved = 0
        _emit((ITERATION_START, t0, it, ntodo - moved, timers, timeout))
        for hid in dropped:
            _emit((TIMER_DROPPED, t0, it, hid))
        if timeout != 0 and s1 > s0:
            _emit((CLOCK_ADVANCE, s1, it, s0, s1))

    # -- handles -----------------------------------------------------------------------

    def handle_id(self, h):
        entry = self.timer_ids.pop(id(h), None)
        if entry is not None and entry[1] is h:
            self.cancelled_timers.pop(entry[0], None)
            return entry[0], True
        hid = self.next_handle
        self.next_handle = hid + 1
        return hid, False

    def describe_callback(self, cb):
        """(description, task) of a handle's callback; task is set for a task's step or
        wake-up."""
        task = getattr(cb, "__self__", None)
        if task is not None and isinstance(task, _CTask):
            kind = _task_callback_kind(cb)
            if kind is not None:
                return "%s.%s" % (task.get_name(), kind), task
        return _qualname(cb), None

    def task_id(self, task):
        tid = self.tids.get(id(task))
        if tid is not None:
            return tid if tid > 0 else None
        entry = self.foreign.get(id(task))
        if entry is not None and entry[1]() is task:
            return entry[0]
        return self.register_foreign(task)

    def register_foreign(self, task):
        """A task not made by our Task class (a custom factory's own class): recorded from
        the first time it is seen."""
        if task.get_loop() is not self.loop:
            return None
        tid = self.next_id
        self.next_id = tid + 1
        key = id(task)

        def forget(ref, key=key):
            entry = self.foreign.get(key)
            if entry is not None and entry[1] is ref:
                del self.foreign[key]
        try:
            ref = weakref.ref(task, forget)
        except TypeError:
            return None
        self.foreign[key] = (tid, ref)
        coro = None if task.done() else task.get_coro()  # (see Task.__init__ on get_coro)
        _emit((TASK_CREATED, _now() - self.base, self.iteration, tid, task.get_name(),
               _qualname(coro) if coro is not None else "?", None, 0, 0))
        return tid

    def before_callback(self, h):
        # handle_id, describe_callback and task_id written out: this runs for every
        # callback of the program.
        t = _now() - self.base
        it = self.iteration
        entry = self.timer_ids.pop(id(h), None) if type(h) is not _Handle else None
        if entry is not None and entry[1] is h:
            hid = entry[0]
            self.cancelled_timers.pop(hid, None)
            was_timer = True
        else:
            hid = self.next_handle
            self.next_handle = hid + 1
            was_timer = False
        cb = h._callback
        task = getattr(cb, "__self__", None)
        wakeup = False
        kind = _task_callback_kind(cb) if task is not None and isinstance(task, _CTask) else None
        if kind is not None:
            wakeup = kind == "wakeup"
            desc = task.get_name() + "." + kind
            tid = self.tids.get(id(task))
            if tid is None:
                tid = self.task_id(task)
            elif tid < 0:
                tid = None
        else:
            desc = _qualname(cb)
            task = tid = None
        _emit((CALLBACK_START, t, it, hid, desc, tid))
        prev = self.cur_tid
        if tid is not None:
            resumed = "send"
            if task._must_cancel:
                resumed = "throw CancelledError"
            elif wakeup and h._args:
                fut = h._args[0]
                state = getattr(fut, "_state", None)
                if state == "CANCELLED":
                    resumed = "throw CancelledError"
                elif state == "FINISHED":
                    exc = getattr(fut, "_exception", None)
                    if exc is not None:
                        resumed = "throw " + type(exc).__name__
            _emit((STEP_START, t, it, tid, resumed))
            if resumed == "throw CancelledError":
                _emit((CANCELLED_ERROR_DELIVERED, t, it, tid))
            self.cur_tid = tid
        self.in_callback = True
        self.cb_serial += 1
        self.cb_start = t + self.base
        return (hid, t, task, tid, prev, desc)

    def after_callback(self, token):
        hid, t0, task, tid, prev, desc = token
        self.in_callback = False
        t = _now() - self.base
        it = self.iteration
        if tid is not None:
            self.step_end(task, tid, t, it)
            self.cur_tid = prev
        _emit((CALLBACK_END, t, it, hid, t - t0))
        loop = self.loop
        if t - t0 >= loop.slow_callback_duration and not loop._debug:
            stall = self.stall
            where = ""
            if stall is not None and stall[0] == self.cb_serial:
                where = " (the loop was held at %s)" % stall[1]
            _emit((WARNING, t, it, "Executing %s took %.3f seconds%s" % (desc, t - t0, where)))

    def step_end(self, task, tid, t, it):
        state = task._state
        if state == "PENDING":
            waiter = task._fut_waiter
            if waiter is None:
                _, line, file = self.await_chain(task)
                _emit((STEP_YIELDED, t, it, tid, line, file))
            else:
                fid = self.future_id(waiter)
                lib, line, file = self.await_chain(task)
                on = self.purposes.get(fid)
                if on is None:
                    if isinstance(waiter, _CTask):
                        on = "task " + waiter.get_name()
                    elif lib is not None:
                        on = lib.co_qualname + "()"
                    elif type(waiter).__name__ != "Future":
                        on = type(waiter).__name__  # _GatheringFuture, ...
                    else:
                        on = "a Future"
                _emit((STEP_PARKED, t, it, tid, on, fid, line, file))
            return
        self.tids.pop(id(task), None)
        if state == "FINISHED":
            exc = task._exception
            _emit((FUTURE_RESOLVED, t, it, tid, "FINISHED"))
            if exc is None:
                _emit((STEP_FINISHED, t, it, tid, _safe_repr(task._result)))
            else:
                _emit((STEP_FAILED, t, it, tid, _exception_repr(exc)))
        else:
            _emit((FUTURE_RESOLVED, t, it, tid, "CANCELLED"))
            _emit((STEP_CANCELLED, t, it, tid))

    def await_chain(self, task):
        """Follows a parked task's awaits: (the library code object the program's code
        awaits, the line and file number of the innermost frame of the program's own
        files)."""
        coro = task.get_coro()
        own = None
        lib = None
        own_cache = self.own_cache
        for _ in _CHAIN_LIMIT:
            # Dispatched on the exact type (this runs at every step's end): coroutines, then
            # generators (asyncio.sleep(0)'s bare yield), then anything else that looks like
            # one. Code objects, not frames, say whose each level is: a coroutine's frame
            # object is made when first asked for, and only the program's innermost one is.
            kind = type(coro)
            if kind is _CoroutineType:
                code = coro.cr_code
                nxt = coro.cr_await
            elif kind is _GeneratorType:
                code = coro.gi_code
                nxt = coro.gi_yieldfrom
            elif kind in _LEAVES:
                break
            else:
                code = getattr(coro, "cr_code", None)
                if code is not None:
                    nxt = getattr(coro, "cr_await", None)
                else:
                    code = getattr(coro, "gi_code", None)
                    nxt = getattr(coro, "gi_yieldfrom", None)
                if type(code) is not _CodeType:
                    # The end of the chain (a future's iterator, most often): a failed
                    # getattr raises inside, which cost more than the rest of the walk.
                    _LEAVES.add(kind)
                    break
            fn = code.co_filename
            mine = own_cache.get(fn)
            if mine is None:
                mine = self.own(fn)
            if mine:
                own = coro
                lib = None
            elif lib is None:
                lib = code
            coro = nxt
        if own is not None:
            frame = own.cr_frame if type(own) is _CoroutineType else getattr(own, "cr_frame", None) or getattr(own, "gi_frame", None)
            if frame is not None:
                n = self.file_numbers.get(frame.f_code.co_filename)
                if n is None:
                    n = self.file_number(frame.f_code.co_filename)
                return lib, frame.f_lineno, n
        return lib, 0, 0

    def future_id(self, fut):
        if isinstance(fut, _CTask):
            tid = self.task_id(fut)
            if tid is not None:
                return tid
        key = id(fut)
        entry = self.fids.get(key)
        if entry is not None and entry[1]() is fut:
            return entry[0]
        return self.new_future(fut)

    def new_future(self, fut):
        fid = self.next_id
        self.next_id = fid + 1
        key = id(fut)

        def forget(ref, key=key):
            entry = self.fids.get(key)
            if entry is not None and entry[1] is ref:
                del self.fids[key]
                self.purposes.pop(entry[0], None)
        try:
            self.fids[key] = (fid, weakref.ref(fut, forget))
        except TypeError:
            pass
        return fid

    # -- tasks -------------------------------------------------------------------------

    def task_created(self, task, coro, tid, t0, pos, prev, frame, eager):
        loop = task.get_loop()
        if not self.follows(loop):
            self.tids[id(task)] = -1
            return
        it = self.iteration
        line, file = self.own_site(frame)
        created = (TASK_CREATED, t0, it, tid, task.get_name(), _qualname(coro), prev, line, file)
        if eager:
            # The first step ran inside the constructor (3.12+ eager tasks): its events
            # are already in the list, after `pos`; its creation and step start go first.
            _events[pos:pos] = [created, (STEP_START, t0, it, tid, "send")]
            self.step_end(task, tid, _now() - self.base, it)
        else:
            _events.insert(pos, created)


    def renamed(self, tid, name):
        """A task named just after its creation (3.11's TaskGroup.create_task and a task
        factory's tasks get their name from ``set_name`` after the constructor): its
        taskCreated, still waiting to be sent, takes the name. A later rename is the
        program's own story: the steps after it carry the new name."""
        for i in range(len(_events) - 1, max(_PAD, len(_events) - _RENAME_REACH) - 1, -1):
            e = _events[i]
            if e[0] == TASK_CREATED and e[3] == tid:
                _events[i] = e[:4] + (name,) + e[5:]
                return


class _ReadyQueue(collections.deque):
    """The followed loop's ready queue: ``popleft`` also tells the recording which handles
    ``_run_once`` took, so the iteration's start and the skipped (cancelled) handles are
    known exactly."""

    __slots__ = ()

    def popleft(self):
        h = _deque_popleft(self)
        rec = R
        if rec is not None and rec.on and rec.ready is self:
            try:
                if rec.pending_start:
                    rec.start_iteration(len(self) + 1)
                if h._cancelled:
                    hid, _ = rec.handle_id(h)
                    desc, task = rec.describe_callback(h._callback)
                    _emit((CALLBACK_SKIPPED, _now() - rec.base, rec.iteration, hid, desc,
                           rec.task_id(task) if task is not None else None))
            except Exception as e:
                rec.fail("ready queue", e)
        return h


def _wrap_select(rec, loop, selector):
    orig = selector.select

    def select(timeout=None):
        if rec is not R or not rec.on or rec.loop is not loop:
            return orig(timeout)
        try:
            timers = len(loop._scheduled)
            dropped = []
            if rec.cancelled_timers:
                for hid, h in list(rec.cancelled_timers.items()):
                    if not h._scheduled:
                        dropped.append(hid)
                        del rec.cancelled_timers[hid]
                        rec.timer_ids.pop(id(h), None)
            t0 = _now()
        except Exception as e:
            rec.fail("selector", e)
            return orig(timeout)
        result = orig(timeout)
        t1 = _now()
        rec.sel = (timeout, t0 - rec.base, t1 - rec.base, timers, dropped)
        return result

    selector.select = select
    selector._loopscope_select = True


# -- the wrappers installed on asyncio's classes ----------------------------------------

def _run_once(self):
    rec = R
    if rec is None or not rec.on or not rec.follows(self):
        return _orig_run_once(self)
    rec.iteration += 1
    rec.iter_t0 = _now() - rec.base
    rec.sel = None
    rec.pending_start = True
    try:
        return _orig_run_once(self)
    finally:
        if rec.on:
            try:
                if rec.pending_start:
                    rec.start_iteration(0)
                now = _now() - rec.base
                _emit((ITERATION_END, now, rec.iteration))
                if len(_events) >= _BATCH + _PAD or now - rec.last_flush > _BATCH_AGE:
                    rec.last_flush = now
                    rec.flush()
            except Exception as e:
                rec.fail("_run_once", e)


_RUN_ONCE_CODE = _run_once.__code__


def _handle_run(self):
    rec = R
    if rec is None or not rec.on or rec.in_callback or self._loop is not rec.loop:
        return _orig_handle_run(self)
    try:
        token = rec.before_callback(self)
    except Exception as e:
        rec.fail("Handle._run", e)
        return _orig_handle_run(self)
    try:
        return _orig_handle_run(self)
    finally:
        if rec.on:
            try:
                rec.after_callback(token)
            except Exception as e:
                rec.fail("Handle._run", e)


def _call_soon(self, callback, *args, context=None):
    h = _orig_call_soon(self, callback, *args, context=context)
    rec = R
    if args and rec is not None and rec.fids and rec.on and self is rec.loop:
        fut = args[0]
        entry = rec.fids.get(id(fut))
        if entry is not None and entry[1]() is fut:
            try:
                del rec.fids[id(fut)]
                rec.purposes.pop(entry[0], None)
                _emit((FUTURE_RESOLVED, _now() - rec.base, rec.iteration, entry[0], fut._state))
            except Exception as e:
                rec.fail("call_soon", e)
    return h


def _call_at(self, when, callback, *args, context=None):
    h = _orig_call_at(self, when, callback, *args, context=context)
    rec = R
    if rec is not None and rec.on and self is rec.loop:
        try:
            t = _now() - rec.base
            it = rec.iteration
            hid = rec.next_handle
            rec.next_handle = hid + 1
            rec.timer_ids[id(h)] = (hid, h)
            fid = None
            if callback is _set_result_unless_cancelled and args:
                fid = rec.future_id(args[0])
                caller = sys._getframe(1)
                delay = caller.f_locals.get("delay") if caller.f_code.co_name == "call_later" else None
                if delay is not None and caller.f_back is not None and caller.f_back.f_code.co_name == "sleep":
                    purpose = "sleep(%r)" % (delay,)
                    rec.purposes[fid] = purpose
                    _emit((FUTURE_CREATED, t, it, fid, purpose))
            _emit((TIMER_SCHEDULED, t, it, hid, float(when) - rec.base, _qualname(callback), fid))
        except Exception as e:
            rec.fail("call_at", e)
    return h


def _timer_cancel(self):
    rec = R
    if rec is not None and rec.on and not self._cancelled:
        entry = rec.timer_ids.get(id(self))
        if entry is not None and entry[1] is self:
            try:
                _emit((TIMER_CANCELLED, _now() - rec.base, rec.iteration, entry[0]))
                if self._scheduled:
                    rec.cancelled_timers[entry[0]] = self
            except Exception as e:
                rec.fail("TimerHandle.cancel", e)
    return _orig_timer_cancel(self)


def _create_task(self, *args, **kwargs):
    task = _orig_create_task(self, *args, **kwargs)
    rec = R
    if rec is not None and rec.on and isinstance(task, _CTask) and not isinstance(task, Task):
        try:
            if rec.follows(self):
                rec.task_id(task)
        except Exception as e:
            rec.fail("create_task", e)
    return task


class Task(_CTask):
    """asyncio's C task, recording its creation and cancellation requests. Its name is
    ``Task`` so its repr is the task's usual one."""

    __slots__ = ()

    def __init__(self, *args, **kwargs):
        rec = R
        if rec is None or not rec.on:
            return _CTask.__init__(self, *args, **kwargs)
        tid = rec.next_id
        rec.next_id = tid + 1
        rec.tids[id(self)] = tid
        t0 = _now() - rec.base
        pos = len(_events)
        prev = rec.cur_tid
        eager = bool(kwargs.get("eager_start"))
        if eager:
            rec.cur_tid = tid
        try:
            _CTask.__init__(self, *args, **kwargs)
        finally:
            rec.cur_tid = prev
        if rec.on:
            try:
                # The coroutine as given: CPython 3.12.0-3.12.1 crash in get_coro() on an
                # eager task that finished inside its constructor.
                coro = args[0] if args else kwargs.get("coro")
                ran = eager and (self.done() or getattr(coro, "cr_suspended", False)
                                 or getattr(coro, "cr_frame", 1) is None)
                rec.task_created(self, coro, tid, t0, pos, prev, sys._getframe(1), ran)
            except Exception as e:
                rec.fail("Task.__init__", e)

    def set_name(self, value):
        _CTask.set_name(self, value)
        rec = R
        if rec is not None and rec.on:
            try:
                tid = rec.tids.get(id(self))
                if tid is not None and tid > 0:
                    rec.renamed(tid, self.get_name())
            except Exception as e:
                rec.fail("Task.set_name", e)

    def cancel(self, *args, **kwargs):
        rec = R
        if rec is not None and rec.on and not self.done():
            try:
                tid = rec.task_id(self)
                if tid is not None:
                    msg = args[0] if args else kwargs.get("msg")
                    line, file = rec.own_site(sys._getframe(1))
                    _emit((CANCEL_REQUESTED, _now() - rec.base, rec.iteration, tid, rec.cur_tid,
                           None if msg is None else str(msg), line, file))
            except Exception as e:
                rec.fail("Task.cancel", e)
        return _CTask.cancel(self, *args, **kwargs)


Task.__module__ = _CTask.__module__
Task.__qualname__ = "Task"


def _on_timeout_wrapper(orig):
    def _on_timeout(self):
        rec = R
        if rec is not None and rec.on:
            try:
                task = getattr(self, "_task", None)
                tid = rec.task_id(task) if task is not None else None
                _, line, file = rec.await_chain(task) if task is not None else (None, 0, 0)
                _emit((TIMEOUT_FIRED, _now() - rec.base, rec.iteration, tid, line, file))
            except Exception as e:
                rec.fail("Timeout._on_timeout", e)
        return orig(self)
    return _on_timeout


def _cancel_and_wait_wrapper(orig, wait_for_code):
    """CPython 3.11's wait_for cancels the awaited task through ``_cancel_and_wait`` when
    its deadline has passed (the timer released its waiter, or the timeout was not
    positive) and when it is cancelled itself: the first is the timeout, told just before
    the cancel it causes (3.12 on: Timeout._on_timeout). A plain function returning the
    original coroutine, so no frame of the recorder stays in the task's awaits."""
    def _cancel_and_wait(fut, loop=None):
        rec = R
        if rec is not None and rec.on:
            try:
                caller = sys._getframe(1)
                if caller.f_code is wait_for_code:
                    waiter = caller.f_locals.get("waiter")
                    handling = sys.exc_info()[1]
                    if waiter is None or (waiter.done() and not waiter.cancelled()
                                          and not isinstance(handling, afutures.exceptions.CancelledError)):
                        line, file = rec.own_site(caller)
                        _emit((TIMEOUT_FIRED, _now() - rec.base, rec.iteration, rec.cur_tid, line, file))
            except Exception as e:
                rec.fail("wait_for", e)
        return orig(fut, loop=loop)
    return _cancel_and_wait


def _blocking_sleep(secs):
    rec = R
    if rec is None or not rec.on or not rec.in_callback or _get_ident() != rec.thread:
        return _orig_sleep(secs)
    try:
        seconds = float(secs)
        tid = rec.cur_tid
        caller = sys._getframe(1)
        line, file = rec.own_site(caller)
        _emit((BLOCKING_SLEEP_START, _now() - rec.base, rec.iteration, tid, seconds, line, file))
        site = rec.stack_site(caller)
        if site is not None:
            rec.stall = (rec.cb_serial, site)  # what held the loop, known without sampling
    except Exception:
        return _orig_sleep(secs)  # a bad argument: time.sleep raises its own error
    try:
        return _orig_sleep(secs)
    finally:
        _emit((BLOCKING_SLEEP_END, _now() - rec.base, rec.iteration, tid))


class _StdoutTap:
    """sys.stdout as the program sees it: writes go to the real stream first, then each
    completed line becomes a print event of the running task."""

    def __init__(self, stream):
        object.__setattr__(self, "_stream", stream)

    def write(self, text):
        n = self._stream.write(text)
        rec = R
        if rec is not None and rec.on and isinstance(text, str):
            try:
                pending = rec.stdout_pending + text
                cut = pending.rfind("\n") + 1
                if cut:
                    on_loop = _get_ident() == rec.thread
                    _emit((PRINT, _now() - rec.base, rec.iteration, rec.cur_tid if on_loop else None, pending[:cut]))
                rec.stdout_pending = pending[cut:]
            except Exception as e:
                rec.fail("stdout", e)
        return n

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def __setattr__(self, name, value):
        setattr(self._stream, name, value)


class _AsyncioLogTap(logging.Filter):
    """Sees asyncio's log records (slow callbacks in debug mode, exceptions never
    retrieved, ...) and lets every one through."""

    def filter(self, record):
        rec = R
        if rec is not None and rec.on and record.levelno >= logging.WARNING:
            try:
                text = record.getMessage()
                if record.exc_info and record.exc_info[1] is not None:
                    text += "\n" + _exception_repr(record.exc_info[1])
                _emit((WARNING, _now() - rec.base, rec.iteration, text))
            except Exception:
                pass  # a record logging cannot format: logging reports it itself
        return True


def _showwarnmsg(msg):
    rec = R
    if rec is not None and rec.on:
        try:
            _emit((WARNING, _now() - rec.base, rec.iteration, "%s: %s" % (msg.category.__name__, msg.message)))
        except Exception as e:
            rec.fail("warnings", e)
    return _orig_showwarnmsg(msg)


def _sampler(rec, interval):
    """Samples the loop thread's stack while a callback runs long (no effect otherwise):
    the slow-callback warning then names the line that held the loop."""
    current_frames = sys._current_frames
    while rec is R and rec.on:
        _orig_sleep(interval)
        if rec.in_callback and _now() - rec.cb_start >= _SAMPLE_AFTER:
            serial = rec.cb_serial
            frame = current_frames().get(rec.thread)
            if frame is not None:
                site = rec.stack_site(frame)
                # A site already known for this callback stays: a blocking call's is certain,
                # and a sample taken late (a busy machine) may find the code after it.
                stall = rec.stall
                if site is not None and rec.cb_serial == serial and (stall is None or stall[0] != serial):
                    rec.stall = (serial, site)
            frame = None


def _named_as(wrapper, original):
    """Gives a wrapper the name, module and docstring of what it wraps, so a program (or a
    library) looking at asyncio's methods, ``time.sleep`` or ``type(loop._ready)`` sees
    the names it would see without the recorder."""
    for attribute in ("__name__", "__qualname__", "__module__", "__doc__"):
        try:
            setattr(wrapper, attribute, getattr(original, attribute))
        except (AttributeError, TypeError):
            pass
    return wrapper


def install(rec):
    """Installs every wrapper; called once, before the program's first line."""
    global R
    R = rec
    for wrapper, original in ((_run_once, _orig_run_once), (_handle_run, _orig_handle_run),
                              (_call_soon, _orig_call_soon), (_call_at, _orig_call_at),
                              (_create_task, _orig_create_task), (_timer_cancel, _orig_timer_cancel),
                              (_blocking_sleep, _orig_sleep), (_showwarnmsg, _orig_showwarnmsg),
                              (_ReadyQueue, collections.deque)):
        _named_as(wrapper, original)
    base_events.BaseEventLoop._run_once = _run_once
    aevents.Handle._run = _handle_run
    base_events.BaseEventLoop.call_soon = _call_soon
    base_events.BaseEventLoop.call_at = _call_at
    base_events.BaseEventLoop.create_task = _create_task
    aevents.TimerHandle.cancel = _timer_cancel
    atasks.Task = Task
    asyncio.Task = Task
    if hasattr(atasks, "create_eager_task_factory"):
        factory = atasks.create_eager_task_factory(Task)
        atasks.eager_task_factory = factory
        asyncio.eager_task_factory = factory
    timeouts = sys.modules.get("asyncio.timeouts")
    if timeouts is not None and hasattr(timeouts.Timeout, "_on_timeout"):
        timeouts.Timeout._on_timeout = _named_as(_on_timeout_wrapper(timeouts.Timeout._on_timeout),
                                                 timeouts.Timeout._on_timeout)
    if sys.version_info < (3, 12) and hasattr(atasks, "_cancel_and_wait"):
        atasks._cancel_and_wait = _named_as(_cancel_and_wait_wrapper(atasks._cancel_and_wait, atasks.wait_for.__code__),
                                            atasks._cancel_and_wait)
    time.sleep = _blocking_sleep
    if sys.stdout is not None:
        # A tap class named as the stream's own (TextIOWrapper), for the same reason.
        tap = _named_as(type("_StdoutTap", (_StdoutTap,), {"__slots__": ()}), type(sys.stdout))
        sys.stdout = tap(sys.stdout)
    logging.getLogger("asyncio").addFilter(_AsyncioLogTap())
    warnings._showwarnmsg = _showwarnmsg
    if hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_forget_in_child)
    import _thread
    _thread.start_new_thread(_sampler, (rec, 0.02))


def _forget_in_child():
    """A forked child (multiprocessing) records nothing and leaves the pipe alone."""
    rec = R
    if rec is not None:
        rec.on = False
        rec.fd = None
        del _events[_PAD:]


def finish(rec):
    """Sends what is left and the end message; returns the number of dropped events."""
    if rec.on and rec.stdout_pending:
        _emit((PRINT, _now() - rec.base, rec.iteration, None, rec.stdout_pending))
        rec.stdout_pending = ""
    rec.on = False
    if rec.dropped:
        _emit((WARNING, _now() - rec.base, rec.iteration,
               "loopscope recorder: %d events were dropped (the trace writer could not keep up)" % rec.dropped))
    rec.flush(final=True)
    rec.send(("end", {"files": rec.own_files(), "dropped": rec.dropped}), final=True)
    return rec.dropped
