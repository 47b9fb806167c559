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
import sys

from .events import KINDS, WARNING

try:  # json's own C quoting, without importing json (the writer starts for every recording)
    from _json import encode_basestring_ascii as _quote
except ImportError:
    from json.encoder import encode_basestring_ascii as _quote

FORMAT_VERSION = 5


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
    """A function from an event tuple to its JSON line, keys in the documented order: one
    %-format per kind, so a line costs one formatting call and its fields' conversions."""
    # Times (seconds since the recording began, finite and never negative) are written with
    # nine decimals, the clock's nanoseconds, by the format itself: repr() of a float (the
    # shortest round-trip form) cost the writer more than everything else it did.
    template = ['{"kind":"%s","time":%%.9f,"iteration":%%d' % kind]
    values = ["e[1]", "e[2]"]
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
    source = "lambda e: %r %% (%s,)" % ("".join(template), ", ".join(values))
    return eval(source, {"_num": _num, "_opt_num": _opt_num, "_opt_int": _opt_int,
                         "_opt_str": _opt_str, "_quote": _quote})


FORMATTERS = [_formatter(kind, outcome, fields) for kind, outcome, fields in KINDS]


def format_event(e):
    return FORMATTERS[e[0]](e)


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


def write_trace(stream, output):
    directory = os.path.dirname(os.path.abspath(output))
    base = os.path.basename(output)
    part_path = output + ".part"
    final_path = os.path.join(directory, ".%s.%d.tmp" % (base, os.getpid()))
    header = None
    end = None
    count = 0
    last = (0.0, 0)  # time and iteration of the last event, for a closing warning
    try:
        with open(part_path, "w", encoding="ascii", newline="\n") as events:
            early = []  # events sent before the header (the recorder sends it first)
            for what, value in frames(stream):
                if what == "header":
                    header = value
                    events.write(header_line(dict(header, live=os.getpid())))
                    events.write("".join(early))
                    early = None
                    events.flush()
                elif what == "events":
                    text = "".join([FORMATTERS[e[0]](e) for e in value])
                    if early is not None:
                        early.append(text)
                    else:
                        events.write(text)
                        events.flush()
                    count += len(value)
                    if value:
                        last = (value[-1][1], value[-1][2])
                elif what == "end":
                    end = value
            if header is not None and end is None:
                # No end line: readers load the trace as interrupted.
                events.write(format_event((WARNING, last[0], last[1],
                                           "loopscope recorder: the recording was cut short (the program "
                                           "was killed or left without running its exit handlers)")))
                count += 1
            elif end is not None:
                events.write('{"kind":"end","events":%d}\n' % count)
        if header is None:
            return "the recorder sent no header"
        if end is not None:
            header = dict(header, files=end.get("files", []))
        with open(final_path, "w", encoding="ascii", newline="\n") as out:
            out.write(header_line(header))
            with open(part_path, "r", encoding="ascii", newline="\n") as events:
                events.readline()  # the first header
                while True:
                    chunk = events.read(1 << 20)
                    if not chunk:
                        break
                    out.write(chunk)
        os.replace(final_path, output)
        return None
    except OSError as e:
        return "cannot write %s: %s" % (output, e.strerror or e)
    finally:
        for path in (part_path, final_path):
            try:
                os.unlink(path)
            except OSError:
                pass


def main():
    output = sys.argv[1]
    problem = write_trace(sys.stdin.buffer, output)
    if problem is not None:
        sys.stderr.write("loopscope recorder: %s\n" % problem)
        sys.exit(2)


if __name__ == "__main__":
    main()
