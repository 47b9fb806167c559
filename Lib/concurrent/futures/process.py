"""Implements ProcessPoolExecutor.

loopscope's ProcessPoolExecutor, with CPython 3.11's interface and behaviour where it
shows: worker processes named ForkProcess-1, ForkProcess-2, ... (one count for the whole
program, as multiprocessing's), all max_workers of them (default os.cpu_count(), 4 here)
started at the first submit as the 'fork' start method does, work handed out in submission
order to the processes free for it, results and exceptions set on the futures, shutdown,
map, BrokenProcessPool.

The processes are simulated (see ThreadScheduler): a process runs its work item at once,
on its own clock, with no GIL shared with the program's threads or other processes, then
stays busy for the time the work took (CPU cost and sleeps), in parallel with everything
else; its result arrives when that time is up. Arguments and results are NOT pickled: the
function gets the caller's own objects, so a mutation is seen by the caller (CPython would
have pickled copies; unpicklable arguments fail there and work here). A process's prints
appear when it takes the work item. tools/vtrun.py runs the same work items in threads
named like the processes.
"""

__author__ = 'Brian Quinlan (brian@sweetapp.com)'

from concurrent.futures import _base
from concurrent.futures.thread import _cpu_count
import itertools
import queue
import threading
import _thread

# multiprocessing's process counter (Process-N / ForkProcess-N names).
_process_counter = itertools.count(1).__next__


class BrokenProcessPool(_base.BrokenExecutor):
    """
    Raised when a process in a ProcessPoolExecutor terminated abruptly
    while a future was in the running state.
    """


class _WorkItem(object):
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs


def _process_worker(call_queue):
    """The loop of one worker process: take a work item, compute it in the process, stay
    busy for as long as that took, then deliver the outcome."""
    while True:
        work_item = call_queue.get(block=True)
        if work_item is None:
            # Wake the next worker too.
            call_queue.put(None)
            return
        if not work_item.future.set_running_or_notify_cancel():
            continue
        _thread._set_running(work_item.fn)
        ok, value, seconds = _thread._run_in_process(
            work_item.fn, work_item.args, work_item.kwargs)
        _thread._process_busy(seconds)
        if ok:
            work_item.future.set_result(value)
        else:
            work_item.future.set_exception(value)
        del work_item


class ProcessPoolExecutor(_base.Executor):
    def __init__(self, max_workers=None, mp_context=None,
                 initializer=None, initargs=(), *, max_tasks_per_child=None):
        """Initializes a new ProcessPoolExecutor instance.

        Args:
            max_workers: The maximum number of processes that can be used to
                execute the given calls. If None or not given then as many
                worker processes will be created as the machine has processors.
            mp_context: Not supported by loopscope (must be None).
            initializer: A callable used to initialize worker processes.
            initargs: A tuple of arguments to pass to the initializer.
            max_tasks_per_child: Not supported by loopscope (must be None).
        """
        if max_workers is None:
            self._max_workers = _cpu_count() or 1
        else:
            if max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            self._max_workers = max_workers

        if mp_context is not None or max_tasks_per_child is not None:
            raise ValueError("loopscope's ProcessPoolExecutor takes no mp_context "
                             "or max_tasks_per_child")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._initializer = initializer
        self._initargs = initargs

        self._call_queue = queue.SimpleQueue()
        self._processes = []
        self._shutdown_thread = False
        self._shutdown_lock = threading.Lock()
        self._broken = False

    def _spawn_process(self):
        name = "ForkProcess-%d" % _process_counter()
        done = _thread._start_process(name, self._run_worker)
        self._processes.append(done)

    def _run_worker(self):
        if self._initializer is not None:
            ok, value, seconds = _thread._run_in_process(
                self._initializer, self._initargs, {})
            _thread._process_busy(seconds)
            if not ok:
                _base.LOGGER.critical('Exception in initializer:', exc_info=True)
                self._broken = ('A child process terminated abruptly, the process pool '
                                'is not usable anymore')
                return
        _process_worker(self._call_queue)

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')

            f = _base.Future()
            w = _WorkItem(f, fn, args, kwargs)
            self._call_queue.put(w)
            # The 'fork' start method starts every worker at the first submit.
            while len(self._processes) < self._max_workers:
                self._spawn_process()
            return f
    submit.__doc__ = _base.Executor.submit.__doc__

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        return super().map(fn, *iterables, timeout=timeout)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown_thread = True
            if cancel_futures:
                while True:
                    try:
                        work_item = self._call_queue.get_nowait()
                    except queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()
            self._call_queue.put(None)
        if wait:
            for done in self._processes:
                done.acquire()
                done.release()
    shutdown.__doc__ = _base.Executor.shutdown.__doc__
