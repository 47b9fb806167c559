"""Records a real asyncio program, under CPython 3.11, 3.12 or 3.13, into a loopscope trace.

``python3 -m loopscope_recorder -o run.jsonl app.py ARGS...`` runs ``app.py`` as ``python3
app.py ARGS...`` would (same output, same exit status) and writes the events of its event
loop to ``run.jsonl`` in the format loopscope's simulator writes (docs/trace-format.md), with
the clock marked real. ``loopscope render``, ``export`` and ``replay`` read the result.

The package has no dependencies outside the standard library. ``hooks`` installs the
wrappers (on the event loop, handles, tasks, the selector, ``time.sleep``, stdout, asyncio's
logger and warnings); ``events`` holds the event codes the recording process and the trace
writer share; ``writer`` is the separate process that turns them into JSON Lines, so the
program pays only for appending tuples and marshalling batches.
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
