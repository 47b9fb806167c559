"""Tiny companion module so loopscope scenarios run unchanged under plain CPython.

Scenarios write ``from loopscope import cpu`` and call ``cpu(seconds)`` to stand for a
CPU-bound burst: code that holds the event loop's thread without awaiting.

* Under ``loopscope`` itself, ``cpu`` is a builtin of the simulator and advances the
  virtual clock by ``seconds`` while nothing else runs.
* Under ``tools/vtrun.py`` (CPython on a virtual clock) this module's ``cpu`` attribute
  is replaced before the scenario runs, so it adds ``seconds`` to the virtual clock.
* Under plain CPython (``PYTHONPATH=python python3 Scenarios/06_cpu_burst.py``) the
  function below really busy-waits for ``seconds`` of wall-clock time, measured with
  ``time.perf_counter``, so the loop genuinely stalls just as it would with real work.
"""

import time

__all__ = ["cpu"]


def cpu(seconds):
    """Busy-wait (burn CPU, never sleep) for ``seconds`` of real time; return None."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass
