"""The trace writer: a separate process that turns the recorder's event batches into the trace.

The recording process sends frames on this process's stdin: a 4-byte little-endian length,
then a ``marshal``-ed ``(what, value)``: ``("header", dict)`` first, ``("events", [tuple,
...])`` as the run goes, ``("end", dict)`` last. Events are formatted as they arrive (so the
program never waits for JSON formatting) into ``OUT.part`` beside the output, after a first
header: a trace being written, which ``loopscope open OUT.part`` and ``record --live``
follow (its header names this process in ``"live"``, so a reader knows whether more may
come, and lists no files yet). At the end the header, which needs the sources of every
file the program loaded, is written first, the events after it and the end line last, into
a temporary file that is renamed onto the output; ``OUT.part`` is removed.

If the stream ends without ``"end"`` (the program was killed, or called ``os._exit``), the
trace is still written from what arrived, with a warning that the recording was cut short
and no end line, so readers load it as interrupted.
The writer runs in its own session, so a Ctrl-C meant for the program does not kill it.
"""

import marshal
import os
import re
import sys

from .events import (
    CALLBACK_SKIPPED, CALLBACK_START, FUTURE_CREATED, FUTURE_RESOLVED, ITERATION_START, KINDS, STEP_CANCELLED,
    STEP_FAILED, STEP_FINISHED, TASK_CREATED, TIMER_CANCELLED, TIMER_DROPPED, TIMER_SCHEDULED, WARNING,
)

try:  # json's own C quoting, without importing json (the writer starts for every recording)
    from _json import encode_basestring_ascii as _quote
except ImportError:
    from json.encoder import encode_basestring_ascii as _quote

FORMAT_VERSION = 6


def _num(v):
    r = repr(v)
    # Infinities and NaN (repr 'inf', '-inf', 'nan': the only ones not ending in a digit)
    # are strings in a trace; JSON has no literal for them.
    return r if r[-1] <= "9" else '"%s"' % r


def _opt_num(v):
    return "null" if v is None else _num(v)


def _opt_int(v):
    return "null" if v is None else "%d" % v


def _opt_str(v):
    return "null" if v is None else _quote(v)


def _formatter(kind, outcome, fields):
    """A function from an event tuple (and the number of iterations dropped before the
    trace's first one, see ``_Segments``) to its JSON line, keys in the documented order:
    one %-format per kind, so a line costs one formatting call and its fields' conversions."""
    # Times (seconds since the recording began, finite and never negative) are written with
    # nine decimals, the clock's nanoseconds, by the format itself: repr() of a float (the
    # shortest round-trip form) cost the writer more than everything else it did.
    template = ['{"kind":"%s","time":%%.9f,"iteration":%%d' % kind]
    values = ["e[1]", "e[2] - b"]
    for i, (name, typ) in enumerate(fields):
        value = "e[%d]" % (i + 3)
        if typ in ("int", "sec"):
            template.append(',"%s":%s' % (name, "%d" if typ == "int" else "%.9f"))
            values.append(value)
        else:
            template.append(',"%s":%%s' % name)
            values.append({"int?": "_opt_int", "num": "_num", "num?": "_opt_num", "str": "_quote",
                           "str?": "_opt_str"}[typ] + "(%s)" % value)
        if outcome is not None and i == 0:
            template.append(',"outcome":"%s"' % outcome)
    template.append("}\n")
    source = "lambda e, b=0: %r %% (%s,)" % ("".join(template), ", ".join(values))
    return eval(source, {"_num": _num, "_opt_num": _opt_num, "_opt_int": _opt_int,
                         "_opt_str": _opt_str, "_quote": _quote})


FORMATTERS = [_formatter(kind, outcome, fields) for kind, outcome, fields in KINDS]


def format_event(e, dropped_iterations=0):
    return FORMATTERS[e[0]](e, dropped_iterations)


def header_line(h):
    """The header (line 1): the simulator's keys, then what a real recording adds."""
    parts = [
        '{"format":"loopscope-trace","version":%d' % FORMAT_VERSION,
        ',"loopscope":' + _quote(h.get("loopscope", "0.1.0")),
        ',"path":' + _quote(h["path"]),
        ',"options":{"maxIterations":null,"until":null,"maxInstructions":null}',
        ',"clock":"real"',
        ',"python":' + _quote(h["python"]),
        ',"command":[' + ",".join(_quote(a) for a in h["command"]) + "]",
        ',"source":' + _quote(h["source"]),
        ',"files":[' + ",".join('{"path":%s,"source":%s}' % (_quote(p), _quote(s)) for p, s in h.get("files", [])) + "]",
        (',"truncated":{"events":%d,"iterations":%d}' % h["truncated"]) if h.get("truncated") else "",
        (',"live":{"pid":%d}' % h["live"]) if "live" in h else "",
        "}\n",
    ]
    return "".join(parts)


def _read_exact(stream, n):
    data = b""
    while len(data) < n:
        chunk = stream.read(n - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def frames(stream):
    """The (what, value) frames on ``stream`` until it ends (a torn last frame is dropped)."""
    while True:
        size = _read_exact(stream, 4)
        if size is None:
            return
        body = _read_exact(stream, int.from_bytes(size, "little"))
        if body is None:
            return
        yield marshal.loads(body)


class _LiveState:
    """What a trace cut at an iteration boundary must say again for the events after the cut
    to stay consistent (docs/trace-format.md, Truncated traces): the tasks alive, the futures
    still pending with a purpose, the timers in the heap and which of them are cancelled.
    Kept from the events as they are written, in creation order (ids count up)."""

    def __init__(self):
        self.tasks = {}       # task id -> its taskCreated event
        self.futures = {}     # future id -> its futureCreated event
        self.timers = {}      # handle id -> its timerScheduled event
        self.cancelled = {}   # handle id -> True, timers cancelled but still in the heap

    def see(self, e):
        code = e[0]
        if code == CALLBACK_START or code == CALLBACK_SKIPPED or code == TIMER_DROPPED:
            if e[3] in self.timers:
                del self.timers[e[3]]
                self.cancelled.pop(e[3], None)
        elif code == TASK_CREATED:
            self.tasks[e[3]] = e
        elif code == STEP_FINISHED or code == STEP_FAILED or code == STEP_CANCELLED:
            self.tasks.pop(e[3], None)
        elif code == TIMER_SCHEDULED:
            self.timers[e[3]] = e
        elif code == TIMER_CANCELLED:
            if e[3] in self.timers:
                self.cancelled[e[3]] = True
        elif code == FUTURE_CREATED:
            self.futures[e[3]] = e
        elif code == FUTURE_RESOLVED:
            self.futures.pop(e[3], None)

    def restated(self, t, it):
        """The events that restate this state at time ``t`` in iteration ``it``. A creator
        that finished before the cut is not known after it: the task's creator is unknown."""
        events = [(TASK_CREATED, t, it, tid, e[4], e[5], e[6] if e[6] in self.tasks else None, e[7], e[8])
                  for tid, e in self.tasks.items()]
        events += [(FUTURE_CREATED, t, it, fid, e[4]) for fid, e in self.futures.items()]
        events += [(TIMER_SCHEDULED, t, it, hid, e[4], e[5], e[6]) for hid, e in self.timers.items()]
        events += [(TIMER_CANCELLED, t, it, hid) for hid in self.cancelled]
        return events


class _Segment:
    """A piece of the trace on disk: a live header, the restated state (none in the first
    segment), then the events from one iteration's start on. Its iterations are written
    counted from the last one before it (``dropped_iterations``)."""

    def __init__(self, path, dropped_events, dropped_iterations):
        self.path = path
        self.dropped_events = dropped_events          # events of the run before this segment
        self.dropped_iterations = dropped_iterations  # iterations of the run before it
        self.header_bytes = 0
        self.restated_bytes = 0
        self.restated = 0     # restated events
        self.events = 0       # the run's events in it
        self.size = 0


_ITERATION = re.compile(rb',"iteration":(\d+)')


def _copy_range(source, out, offset, count):
    """Copies ``count`` bytes of ``source`` from ``offset`` to the end of ``out`` inside the
    kernel (the program waits for this copy at its exit: in Python it was most of the
    writer's work after the events). False, with nothing written, where the kernel cannot."""
    copy = getattr(os, "copy_file_range", None)
    if copy is None or count <= 0:
        return count <= 0
    out.flush()
    src, dst = source.fileno(), out.fileno()
    done = 0
    while done < count:
        try:
            n = copy(src, dst, count - done, offset + done)
        except OSError:
            if done:
                raise
            return False
        if n == 0:
            break  # the source is shorter than it was counted: as the line copy, stop
        done += n
    # The output's buffered position follows the bytes written behind its back.
    out.seek(0, os.SEEK_END)
    return True


def _copy_events(source, out, offset, stop, shift):
    """Copies ``source``'s lines from byte ``offset`` to byte ``stop`` to ``out``, adding
    ``shift`` to each event's iteration (its first `"iteration"` key: a key in a string
    would be escaped)."""
    with open(source, "rb") as f:
        if not shift and _copy_range(f, out, offset, stop - offset):
            return
        f.seek(offset)
        left = stop - offset
        while left > 0:
            lines = f.readlines(min(left, 1 << 20))
            if not lines:
                return
            chunk = b"".join(lines)
            if len(chunk) > left:  # (only the end line lies beyond stop: a whole line)
                chunk = chunk[:left]
            left -= len(chunk)
            if shift:
                chunk = _ITERATION.sub(lambda m: b',"iteration":%d' % (int(m.group(1)) + shift), chunk)
            out.write(chunk)


def write_trace(stream, output, max_size=None):
    """Writes the trace of the frames on ``stream`` to ``output``. With ``max_size`` (bytes)
    the events go into segments of about an eighth of it; the oldest are deleted as newer
    ones fill, and the trace keeps the header and the most recent segments that fit, after
    the state restated at the first one's start (see _LiveState), its header saying how
    many events and iterations were dropped."""
    directory = os.path.dirname(os.path.abspath(output))
    base = os.path.basename(output)
    part_path = output + ".part"
    final_path = os.path.join(directory, ".%s.%d.tmp" % (base, os.getpid()))
    limit = None if max_size is None else max(max_size // 8, 1 << 12)
    state = _LiveState() if limit is not None else None
    segments = []  # finished segments, oldest first
    header = None
    end = None
    current = _Segment(part_path, 0, 0)
    events = None
    last = (0.0, 0)  # time and iteration of the last event, for a closing warning

    def start(segment, restated):
        nonlocal events
        events = open(segment.path, "w", encoding="ascii", newline="\n")
        live = dict(header, live=os.getpid())
        if segment.dropped_events:
            live["truncated"] = (segment.dropped_events, segment.dropped_iterations)
        text = header_line(live)
        segment.header_bytes = len(text)
        events.write(text)
        text = "".join([FORMATTERS[e[0]](e, segment.dropped_iterations) for e in restated])
        segment.restated = len(restated)
        segment.restated_bytes = len(text)
        events.write(text)
        segment.size = segment.header_bytes + segment.restated_bytes

    def rotate(t, it):
        """Ends the current segment at iteration ``it + 1``'s start (time ``t``) and starts
        the next one; deletes the oldest segments beyond the bound."""
        nonlocal current
        events.close()
        done = current
        done.path = os.path.join(directory, ".%s.%d.%d.seg" % (base, os.getpid(), len(segments) + done.dropped_iterations))
        os.replace(part_path, done.path)
        segments.append(done)
        while segments and sum(seg.size for seg in segments) > max_size:
            os.unlink(segments.pop(0).path)
        current = _Segment(part_path, done.dropped_events + done.events, it)
        start(current, state.restated(t, it))

    def write(batch):
        if limit is None:
            text = "".join([FORMATTERS[e[0]](e) for e in batch])
            events.write(text)
            current.size += len(text)
            current.events += len(batch)
            return
        pending = []
        for e in batch:
            if e[0] == ITERATION_START and current.size + sum(map(len, pending)) >= limit:
                text = "".join(pending)
                events.write(text)
                current.size += len(text)
                pending = []
                rotate(e[1], e[2] - 1)
            state.see(e)
            pending.append(FORMATTERS[e[0]](e, current.dropped_iterations))
            current.events += 1
        text = "".join(pending)
        events.write(text)
        current.size += len(text)

    try:
        early = []  # events sent before the header (the recorder sends it first)
        for what, value in frames(stream):
            if what == "header":
                header = value
                start(current, ())
                for batch in early:
                    write(batch)
                early = None
                events.flush()
            elif what == "events":
                if early is not None:
                    early.append(value)
                else:
                    write(value)
                    events.flush()
                if value:
                    last = (value[-1][1], value[-1][2])
            elif what == "end":
                end = value
        if header is None:
            return "the recorder sent no header"
        if end is None:
            # No end line: readers load the trace as interrupted.
            write([(WARNING, last[0], last[1], "loopscope recorder: the recording was cut short (the program "
                                               "was killed or left without running its exit handlers)")])
        else:
            # The end line of OUT.part, for a follower (the final trace counts its own).
            events.write('{"kind":"end","events":%d}\n' % (current.restated + current.events))
        events.close()
        events = None
        if end is not None:
            header = dict(header, files=end.get("files", []))
        kept = segments + [current]
        first = 0
        if max_size is not None:
            # The oldest segments go while the trace would exceed the bound (the newest is
            # kept whatever its size).
            sizes = [seg.size - seg.header_bytes - seg.restated_bytes for seg in kept]
            first = len(kept) - 1
            for i, seg in enumerate(kept):
                h = dict(header, truncated=(seg.dropped_events, seg.dropped_iterations)) if seg.dropped_events else header
                if len(header_line(h)) + seg.restated_bytes + sum(sizes[i:]) + len('{"kind":"end","events":}\n') + 20 <= max_size:
                    first = i
                    break
        head = kept[first]
        final_header = dict(header)
        if head.dropped_events:
            final_header["truncated"] = (head.dropped_events, head.dropped_iterations)
        count = head.restated + sum(seg.events for seg in kept[first:])
        with open(final_path, "wb") as out:
            out.write(header_line(final_header).encode("ascii"))
            for seg in kept[first:]:
                offset = seg.header_bytes if seg is head else seg.header_bytes + seg.restated_bytes
                _copy_events(seg.path, out, offset, seg.size, seg.dropped_iterations - head.dropped_iterations)
            if end is not None:
                out.write(b'{"kind":"end","events":%d}\n' % count)
        os.replace(final_path, output)
        return None
    except OSError as e:
        return "cannot write %s: %s" % (output, e.strerror or e)
    finally:
        if events is not None:
            events.close()
        for path in [part_path, final_path] + [seg.path for seg in segments]:
            try:
                os.unlink(path)
            except OSError:
                pass


def main(argv=None, stream=None):
    """``OUTPUT [MAX_SIZE]``: writes the trace of the frames on ``stream`` (stdin's bytes);
    returns the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    output = argv[0]
    max_size = int(argv[1]) if len(argv) > 1 else None
    problem = write_trace(sys.stdin.buffer if stream is None else stream, output, max_size)
    if problem is not None:
        sys.stderr.write("loopscope recorder: %s\n" % problem)
        sys.stderr.flush()
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
